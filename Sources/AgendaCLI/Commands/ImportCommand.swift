import AgendaCore
import ArgumentParser
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an adopted plan (plain text, Markdown or an Agenda JSON export) into a new database.",
        discussion: """
            The format is told from the file's extension and content; --format overrides.
            Lines the importer cannot place are kept in the nearest description and listed as warnings.
            One agenda per database: importing into a database that holds one is refused.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The plan file.")
    var file: String

    @Option(help: "text, markdown or json (default: detected).")
    var format: PlanFormat?

    @Option(help: ArgumentHelp("When the plan takes effect, YYYY-MM-DD (default: 1 January of the plan's first year).", valueName: "date"))
    var effective: CalendarDate?

    @Option(help: ArgumentHelp("A label synonym table (TSV) that extends the standard one.", valueName: "file"))
    var labels: String?

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIError("cannot read \(file): \((error as NSError).localizedDescription)")
        }
        let format = self.format ?? PlanImporter.detectFormat(data: data, filename: file)
        // Parse everything before the database is opened: bad input never creates or touches a file.
        switch format {
        case .json:
            let document = try AgendaJSON.decode(data)
            let store = try global.openStore(create: true)
            try store.importDocument(document)
            report(document.agenda, warnings: [])
        case .text, .markdown:
            let labelTable = try labels.map { try LabelTable.load(from: URL(fileURLWithPath: $0)) } ?? LabelTable.standard()
            var result = try PlanImporter.parse(data, format: format, labels: labelTable, register: OrganisationRegister.standard())
            if let effective { result.agenda.effectiveDate = effective }
            let store = try global.openStore(create: true)
            try store.importAgenda(result.agenda)
            report(result.agenda, warnings: result.warnings)
        }
    }

    private func report(_ agenda: Agenda, warnings: [ImportWarning]) {
        for warning in warnings { Output.warning(warning.description) }
        let summary = "\(agenda.areas.count) focus areas, \(agenda.subAreas.count) sub-areas, \(agenda.actions.count) actions, \(agenda.departments.count) förvaltningar"
        let warned = warnings.isEmpty ? "" : " (\(warnings.count) warnings on stderr)"
        Output.line("Imported \"\(agenda.title)\" into \(global.databasePath): \(summary)\(warned).")
    }
}

extension PlanFormat: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}
