import AgendaCore
import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty agenda database with its owner (or upgrade an existing one's schema in place).",
        discussion: "A new database gets an owner identity; its token is printed once, alone on the last line."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The owner's name.") var name = "IT-chef"

    func run() throws {
        let path = global.databasePath
        let isNew = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil).map { $0 == 0 } ?? true
        if isNew {
            let issued = try AgendaService.createDatabase(at: path, ownerName: name)
            Output.line("Database \(path) is ready and is empty; import the adopted plan with `agenda import PLAN`.")
            return TokenOutput.printIssued(issued)
        }
        let service = try global.service(.write)
        let state = try service.hasAgenda() ? "holds an agenda" : "is empty; import the adopted plan with `agenda import PLAN`"
        Output.line("Database \(path) is ready and \(state).")
        if let issued = try service.createOwnerIfNone(name: name) { TokenOutput.printIssued(issued) }
    }
}

/// How a new token is shown: once, with a warning, the token alone on the last line of standard output.
enum TokenOutput {
    static func printIssued(_ issued: IssuedToken) {
        Output.line("Token for \(issued.identity.displayName), shown only this once; keep it secret (AGENDA_TOKEN or --token):")
        Output.line(issued.token)
    }
}
