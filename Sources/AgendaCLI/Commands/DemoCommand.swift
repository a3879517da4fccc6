import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation
import ReportGen

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Bygg en färdig exempeldatabas, DIR/agenda.sqlite, av Mölndals digitala agenda 2017–2019 med rapporteringshistorik.",
        discussion: """
            DIR skapas vid behov; en tidigare demodatabas där ersätts. Periodrapporterna för 2018Q3 \
            (publicerad till IT-rådet) och 2018Q4 skrivs till DIR/reports.
            """
    )

    @Argument("directory", help: "Mappen där demodatabasen byggs.") var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError("kan inte skapa mappen \(directory): \((error as NSError).localizedDescription)")
        }
        let result = try PlanImporter.parse(DemoPlan.data(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        let target = folder.appendingPathComponent("agenda.sqlite")
        // Built under a temporary name and moved over any earlier demo, so a failed run leaves that as it was.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target.path + suffix) }
        let history = try AgendaService.createDemo(at: target.path, agenda: result.agenda)
        let reports = folder.appendingPathComponent("reports", isDirectory: true)
        let service = try AgendaService(path: target.path)
        let templates = try TemplateSet.bundled()
        var written: [URL] = []
        for period in try ["2018Q3", "2018Q4"].map(Period.init(parsing:)) {
            written += try ReportGenerator.write(ReportRequest(period: period, directory: reports), service: service, templates: templates)
        }
        let agenda = result.agenda
        Output.line("Demodatabas: \(target.path)")
        Output.line("  \(agenda.title): \(Words.count(agenda.areas.count, "insatsområde", "insatsområden")), "
                + "\(Words.count(agenda.subAreas.count, "delområde", "delområden")), \(Words.count(agenda.actions.count, "aktivitet", "aktiviteter"))")
        Output.line("  statusrapporter 2017Q1–2018Q4; rapporteringsomgången 2018Q4 är öppen och rapporter saknas (agenda status missing)")
        Output.line("  effektbedömningar för 2017 och 2018 (agenda effect list); några effektmål har mått (agenda show action 1.4)")
        Output.line("  självskattningar mot LIKA Socialtjänst 2017-03-01 och 2018-03-01 för \(DemoLika.units.joined(separator: ", ")), med kopplade aktiviteter (agenda lika show --unit IFO)")
        Output.line("Rapporter: \(written.count) filer i \(reports.path) (öppna agenda-2018Q4.xhtml i en webbläsare)")
        Output.line("Exempeltoken (gäller bara demodata):")
        for issued in history.tokens {
            Output.line("  \(issued.identity.name) (\(issued.identity.role.rawValue)): \(issued.token)")
        }
        Output.line("Prova: agenda --help, eller AGENDA_DB=\(target.path) agenda list actions")
    }
}
