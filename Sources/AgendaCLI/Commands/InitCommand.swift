import AgendaCore
import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty agenda database (or upgrade an existing one's schema in place)."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(create: true)
        let state = try store.hasAgenda() ? "holds an agenda" : "is empty; import the adopted plan with `agenda import PLAN`"
        Output.line("Database \(global.databasePath) is ready and \(state).")
    }
}
