import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation
import ReportGen

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importera en antagen plan (text, Markdown, Word .docx, OpenDocument .odt eller en JSON-export från Agenda) till en ny databas.",
        discussion: """
            Formatet avgörs av filens ändelse och innehåll; --format går före. Rader som inte går att placera \
            behålls i närmaste beskrivning och listas som varningar. En agenda per databas: import till en \
            databas som redan har en agenda avvisas.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument("file", help: "Filen med planen.")
    var file: String

    @Option("format", help: "text, markdown, docx, odt eller json (standard: känns igen automatiskt).")
    var format: PlanFormat?

    @Option("effective", help: ArgumentHelp("När planen börjar gälla, ÅÅÅÅ-MM-DD (standard: 1 januari planens första år).", valueName: "date"))
    var effective: CalendarDate?

    @Option("labels", help: ArgumentHelp("En tabell med synonymer för fältrubriker (TSV) som utökar standardtabellen.", valueName: "file"))
    var labels: String?

    @Flag("allow-partial", help: "Importera, med en varning, en plan som tar slut tidigare än innehållsförteckningen anger.")
    var allowPartial = false

    @Option("date", help: ArgumentHelp("Datum för självskattningen i Svar-kolumnen i en handlingsplan i LIKA-tabellform (standard: 1 januari det år som planens rubrik nämner).", valueName: "date"))
    var date: CalendarDate?

    @Option("templates", help: ArgumentHelp(
        "En mallmapp (se `agenda templates export`) vars ord för svaren i en handlingsplan i LIKA-tabellform läses (labels-sv.tsv, lika-answers.tsv); standard: de inbyggda mallarna.",
        valueName: "dir"))
    var templates: String?

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
            data, filename: file, format: format, labels: labelTable, effective: effective, allowPartial: allowPartial, assessmentDate: date,
            answers: try TemplateSet.answerWords(in: templates.map { URL(fileURLWithPath: $0, isDirectory: true) }))
        let path = global.databasePath
        let isNew = AgendaService.holdsNoDatabase(path)
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
        if !outcome.proposals.isEmpty { Output.line(ProposalText.render(outcome.proposals)) }
        if case let .parsed(result) = plan, !result.assessments.isEmpty {
            let units = result.assessments.map(\.unit).joined(separator: ", ")
            Output.line("\(Words["lika.assessment"]) \(result.assessmentDate?.description ?? "") registrerad för \(units) (agenda lika show --unit NAMN).")
        }
        if let issued = outcome.issuedOwner { TokenOutput.printIssued(issued) }
    }
}

extension PlanFormat: ExpressibleByArgument {}

/// The measures the importer proposes, as suggestions with the command that confirms each.
enum ProposalText {
    static func render(_ proposals: [MeasureProposal]) -> String {
        var lines = ["Förslag på mått för \(Words.count(proposals.count, "effektmål", "effektmål")) — inget är sparat; bekräfta, gärna med ändringar, med kommandot under varje förslag:"]
        for p in proposals {
            let m = p.measure
            var facts = ["indikator \"\(m.indicator)\""]
            if !m.unit.isEmpty { facts.append("enhet \(m.unit)") }
            if let baseline = m.baseline { facts.append("utgångsvärde \(SwedishNumber.format(baseline))") }
            if let target = m.target { facts.append("målvärde \(SwedishNumber.format(target))") }
            if let year = m.targetYear { facts.append("målår \(year)") }
            facts.append(m.direction.swedish)
            lines.append("  \(p.action) effektmål \(p.goalNumber): \"\(p.evidence)\"")
            lines.append("    förslag: \(facts.joined(separator: ", "))")
            if let note = p.note { lines.append("    att avgöra: \(note)") }
            var command = ["agenda effect measure", p.action, String(p.goalNumber), "--indicator", shell(m.indicator)]
            if !m.unit.isEmpty { command += ["--unit", shell(m.unit)] }
            if let baseline = m.baseline { command += ["--baseline", plain(baseline)] }
            if let target = m.target { command += ["--target", plain(target)] }
            if let year = m.targetYear { command += ["--target-year", String(year)] }
            command += ["--direction", m.direction.rawValue, "--decision", shell("BESLUT")]
            lines.append("    " + command.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    /// A value as an argument: "12,5", no grouping spaces.
    private static func plain(_ value: Double) -> String {
        SwedishNumber.format(value).replacingOccurrences(of: SwedishAmount.space, with: "")
    }

    /// `text` in double quotes for a POSIX shell.
    private static func shell(_ text: String) -> String {
        var quoted = "\""
        for c in text {
            if "\"\\$`".contains(c) { quoted.append("\\") }
            quoted.append(c)
        }
        return quoted + "\""
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}
