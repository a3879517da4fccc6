import AgendaCore
import ArgumentParser
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importera en antagen plan (text, Markdown, Word .docx, OpenDocument .odt eller en JSON-export från Agenda) till en ny databas.",
        discussion: """
            The format is told from the file's extension and content; --format overrides.
            Lines the importer cannot place are kept in the nearest description and listed as warnings.
            One agenda per database: importing into a database that holds one is refused.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The plan file.")
    var file: String

    @Option(help: "text, markdown, docx, odt or json (default: detected).")
    var format: PlanFormat?

    @Option(help: ArgumentHelp("When the plan takes effect, YYYY-MM-DD (default: 1 January of the plan's first year).", valueName: "date"))
    var effective: CalendarDate?

    @Option(help: ArgumentHelp("A label synonym table (TSV) that extends the standard one.", valueName: "file"))
    var labels: String?

    @Flag(help: "Import a plan that stops before its table of contents says it ends, with a warning.")
    var allowPartial = false

    @Option(help: ArgumentHelp("The date of the self-assessment a LIKA table plan's Svar column records (default: 1 January of the year its title names).", valueName: "date"))
    var date: CalendarDate?

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIError("kan inte läsa \(file): \((error as NSError).localizedDescription)")
        }
        // Parsed before any database is opened: bad input never creates or touches a file.
        let labelTable = try labels.map { try LabelTable.load(from: URL(fileURLWithPath: $0)) }
        let plan = try PlanSource.read(
            data, filename: file, format: format, labels: labelTable, effective: effective, allowPartial: allowPartial, assessmentDate: date)
        let path = global.databasePath
        let isNew = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil).map { $0 == 0 } ?? true
        let outcome: ImportOutcome
        if isNew {
            outcome = try AgendaService.importNew(plan, at: path)
        } else {
            let service = try global.service(.write)
            outcome = try service.importPlan(plan, by: try global.caller(service))
        }
        for warning in outcome.warnings { Output.warning(warning) }
        let agenda = outcome.agenda
        let summary = [
            Words.count(agenda.areas.count, "insatsområde", "insatsområden"), Words.count(agenda.subAreas.count, "delområde", "delområden"),
            Words.count(agenda.actions.count, "aktivitet", "aktiviteter"), Words.count(agenda.departments.count, "förvaltning", "förvaltningar"),
        ].joined(separator: ", ")
        let warned = outcome.warnings.isEmpty ? "" : " (\(Words.count(outcome.warnings.count, "varning", "varningar")) på stderr)"
        Output.line("\"\(agenda.title)\" är importerad till \(path): \(summary)\(warned).")
        if case let .parsed(result) = plan, !result.assessments.isEmpty {
            let units = result.assessments.map(\.unit).joined(separator: ", ")
            Output.line("\(Words["lika.assessment"]) \(result.assessmentDate?.description ?? "") registrerad för \(units) (agenda lika show --unit NAMN).")
        }
        if let issued = outcome.issuedOwner { TokenOutput.printIssued(issued) }
    }
}

extension PlanFormat: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}
