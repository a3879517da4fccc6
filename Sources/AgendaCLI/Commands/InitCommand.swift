import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Skapa en tom databas med dess ägare (eller uppgradera en befintlig databas).",
        discussion: "En ny databas får en ägare; ägarens token skrivs ut en enda gång, ensam på sista raden."
    )

    @OptionGroup var global: GlobalOptions
    @Option("name", help: "Ägarens namn.") var name = "IT-chef"

    func run() throws {
        let path = global.databasePath
        let isNew = AgendaService.holdsNoDatabase(path)
        if isNew {
            let issued = try AgendaService.createDatabase(at: path, ownerName: name)
            Output.line("Databasen \(path) är klar och tom; importera den antagna planen med `agenda import PLAN`.")
            return TokenOutput.printIssued(issued)
        }
        let service = try global.service(.write)
        let state = try service.hasAgenda() ? "innehåller en agenda" : "tom; importera den antagna planen med `agenda import PLAN`"
        Output.line("Databasen \(path) är klar och \(state).")
        if let issued = try service.createOwnerIfNone(name: name) { TokenOutput.printIssued(issued) }
    }
}

/// How a new token is shown: once, with a warning, the token alone on the last line of standard output.
enum TokenOutput {
    static func printIssued(_ issued: IssuedToken) {
        Output.line("Token för \(issued.identity.displayName), visas bara den här gången; håll den hemlig (AGENDA_TOKEN eller --token):")
        Output.line(issued.token)
    }
}
