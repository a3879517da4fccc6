import AgendaCore
import ArgumentParser
import Foundation

/// Options every command that touches the database shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $AGENDA_DB, else ./agenda.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Your token, for commands that write (default: $AGENDA_TOKEN).", valueName: "token"))
    var token: String?

    /// The token given, if any: --token, else $AGENDA_TOKEN.
    var givenToken: String? {
        if let token, !token.isEmpty { return token }
        if let env = ProcessInfo.processInfo.environment["AGENDA_TOKEN"], !env.isEmpty { return env }
        return nil
    }

    /// The identity whose token was given; every write needs one.
    func actor(_ store: AgendaStore) throws -> Identity {
        guard let token = givenToken else {
            throw CLIError("this command changes the database and needs a token: pass --token or set AGENDA_TOKEN (`agenda init` printed the IT-chef's)")
        }
        return try store.authenticate(token: token)
    }

    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["AGENDA_DB"], !env.isEmpty { return env }
        return "agenda.sqlite"
    }

    /// Opens the store. Reading commands refuse to create a database that is not there.
    func openStore(create: Bool = false) throws -> AgendaStore {
        let path = databasePath
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no database at \(path); create one with `agenda import PLAN` or `agenda init`, or point --db/$AGENDA_DB at yours")
        }
        return try AgendaStore(path: path, create: create)
    }

    /// Opens the store and checks that it holds an agenda.
    func openAgendaStore() throws -> AgendaStore {
        let store = try openStore()
        guard try store.hasAgenda() else {
            throw CLIError("the database \(databasePath) holds no agenda yet; import one with `agenda import PLAN`")
        }
        return store
    }
}

/// A user error: printed as one line on stderr, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
