import AgendaCore
import ArgumentParser
import Foundation
import ReportGen

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a ready sample database, DIR/agenda.sqlite, from Mölndal's digital agenda 2017–2019 with a reporting history.",
        discussion: """
            DIR is created if needed; an earlier demo database there is replaced. The period reports for
            2018Q3 (published to IT-rådet) and 2018Q4 are written to DIR/reports.
            """
    )

    @Argument(help: "The folder to build the demo in.") var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create \(directory): \((error as NSError).localizedDescription)")
        }
        let result = try PlanImporter.parse(DemoPlan.data(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        let target = folder.appendingPathComponent("agenda.sqlite")
        // Built under a temporary name and moved over any earlier demo, so a failed run leaves that as it was.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target.path + suffix) }
        let history = try AgendaService.create(at: target.path) { store, _ in try DemoHistory.build(into: store, agenda: result.agenda) }
        let reports = folder.appendingPathComponent("reports", isDirectory: true)
        let service = try AgendaService(path: target.path)
        let templates = try TemplateSet.bundled()
        var written: [URL] = []
        for period in try ["2018Q3", "2018Q4"].map(Period.init(parsing:)) {
            written += try ReportGenerator.write(ReportRequest(period: period, directory: reports), service: service, templates: templates)
        }
        let agenda = result.agenda
        Output.line("Demo database: \(target.path)")
        Output.line("  \(agenda.title): \(agenda.areas.count) focus areas, \(agenda.subAreas.count) sub-areas, \(agenda.actions.count) actions")
        Output.line("  status reports 2017Q1–2018Q4; 2018Q4 is open with reports missing (agenda status missing)")
        Output.line("Reports: \(written.count) files in \(reports.path) (open agenda-2018Q4.xhtml in a browser)")
        Output.line("Sample tokens (demo data only):")
        for issued in history.tokens {
            Output.line("  \(issued.identity.name) (\(issued.identity.role.rawValue)): \(issued.token)")
        }
        Output.line("Try: agenda --help, or AGENDA_DB=\(target.path) agenda list actions")
    }
}
