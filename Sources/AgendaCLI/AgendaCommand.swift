import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation

@main
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Håll ordning på kommunens digitala agenda, från antagen plan till uppföljning.",
        discussion: """
            Databasen är filen som --db anger, annars $AGENDA_DB, annars ./agenda.sqlite. \
            Börja med `agenda demo DIR` för en färdig exempeldatabas, eller med `agenda import PLAN.txt`.
            """,
        version: AgendaVersion.current,
        subcommands: [
            InitCommand.self, ImportCommand.self, ExportCommand.self,
            ListCommand.self, ShowCommand.self, AddCommand.self, EditCommand.self, WithdrawCommand.self,
            IdentityCommand.self, StatusCommand.self, OutboxCommand.self, EffectCommand.self, LikaCommand.self, RevisionsCommand.self, AuditCommand.self,
            ReportCommand.self, SiteCommand.self, TemplatesCommand.self, DemoCommand.self, ServeCommand.self,
        ]
    )

    /// `agenda serve …` goes straight on to the web server's own program (``ServeCommand``), and so does
    /// `agenda help serve` (its flags are that program's); everything else is parsed and run here
    /// (``CommandMain``).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let serve = ServeCommand.configuration.commandName
        if arguments.first == serve { ServeCommand.exec(Array(arguments.dropFirst())) }
        if arguments == ["help", serve] { ServeCommand.exec(["--help"]) }
        CommandMain.run(Self.self, arguments: arguments)
    }
}
