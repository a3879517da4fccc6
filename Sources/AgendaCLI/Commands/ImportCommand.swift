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

    @Flag(help: "Import a plan that stops before its table of contents says it ends, with a warning.")
    var allowPartial = false

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIError("cannot read \(file): \((error as NSError).localizedDescription)")
        }
        let format = self.format ?? PlanImporter.detectFormat(data: data, filename: file)
        // Parse everything before the database is opened: bad input never creates or touches a file.
        let document: AgendaDocument?
        var parsed: ImportResult?
        switch format {
        case .json:
            document = try AgendaJSON.decode(data)
        case .text, .markdown:
            document = nil
            let labelTable = try labels.map { try LabelTable.load(from: URL(fileURLWithPath: $0)) } ?? LabelTable.standard()
            parsed = try PlanImporter.parse(data, format: format, labels: labelTable, register: OrganisationRegister.standard(),
                                         allowPartial: allowPartial)
            if let effective { parsed!.agenda.effectiveDate = effective }
        }
        let path = global.databasePath
        let isNew = !FileManager.default.fileExists(atPath: path)
        do {
            let store = try global.openStore(create: true)
            // A new database gets its owner here, so the one-command import works; the token is printed last.
            var issued: IssuedToken?
            let actor: Identity?
            if isNew {
                if let document, !document.identities.isEmpty {
                    actor = nil
                } else {
                    issued = try store.createOwner(at: .now)
                    actor = issued!.identity
                }
            } else {
                actor = try global.actor(store)
            }
            if let document {
                try store.importDocument(document, by: actor, at: .now)
                if isNew, issued == nil, try !store.hasOwner() { issued = try store.createOwner(at: .now) }
                report(document.agenda, warnings: [])
            } else if let parsed, let actor {
                try store.importAgenda(parsed.agenda, by: actor, at: .now)
                report(parsed.agenda, warnings: parsed.warnings)
            }
            if let issued { TokenOutput.printIssued(issued) }
        } catch {
            // A failed import into a new file leaves no file behind (nor an owner whose token nobody saw).
            if isNew { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            throw error
        }
    }

    private func report(_ agenda: Agenda, warnings: [ImportWarning]) {
        var warnings = warnings.map(\.description)
        for action in agenda.actions where !action.responsibility.unsure.isEmpty {
            let parts = action.responsibility.unsure.map { "\"\($0)\"" }.joined(separator: ", ")
            warnings.append(
                "action \(action.code): ansvarig linked with low confidence (\(parts)); check with `agenda show action \(action.code)`, fix with `agenda edit action \(action.code) --responsible TEXT` or `agenda add unit DEPT --alias A`")
        }
        for warning in warnings { Output.warning(warning) }
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
