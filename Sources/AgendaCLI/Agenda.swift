import ArgumentParser
import AgendaCore

@main
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: "Keep a municipality's digital agenda from plan to follow-up.")
}
