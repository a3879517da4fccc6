import AgendaCore
import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty agenda database with its owner (or upgrade an existing one's schema in place).",
        discussion: "A new database gets an owner identity; its token is printed once, alone on the last line."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The owner's name.") var name = "IT-chef"

    func run() throws {
        let store = try global.openStore(create: true)
        let state = try store.hasAgenda() ? "holds an agenda" : "is empty; import the adopted plan with `agenda import PLAN`"
        Output.line("Database \(global.databasePath) is ready and \(state).")
        guard try !store.hasOwner() else { return }
        let issued = try store.createOwner(name: name, at: .now)
        TokenOutput.printIssued(issued)
    }
}

/// How a new token is shown: once, with a warning, the token alone on the last line of standard output.
enum TokenOutput {
    static func printIssued(_ issued: IssuedToken) {
        Output.line("Token for \(issued.identity.displayName), shown only this once; keep it secret (AGENDA_TOKEN or --token):")
        Output.line(issued.token)
    }
}
