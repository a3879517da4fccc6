import AgendaCore
import ArgumentParser

@main
struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Keep a municipality's digital agenda from plan to follow-up.",
        discussion: """
            The database is --db PATH, else $AGENDA_DB, else ./agenda.sqlite.
            Start with `agenda demo DIR` for a ready sample, or `agenda import PLAN.txt`.
            """,
        version: AgendaVersion.current,
        subcommands: [
            InitCommand.self, ImportCommand.self, ExportCommand.self,
            ListCommand.self, ShowCommand.self, AddCommand.self, EditCommand.self, WithdrawCommand.self,
            IdentityCommand.self, StatusCommand.self, RevisionsCommand.self, AuditCommand.self,
            ReportCommand.self, TemplatesCommand.self, DemoCommand.self, ServeCommand.self,
        ]
    )
}
