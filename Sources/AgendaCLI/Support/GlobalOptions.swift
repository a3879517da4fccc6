import AgendaCore
import ArgumentParser
import Foundation

/// Options every command that touches the database shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Databasfilen (standard: $AGENDA_DB, annars ./agenda.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Din token, för kommandon som ändrar databasen (standard: $AGENDA_TOKEN).", valueName: "token"))
    var token: String?

    /// The token given, if any: --token, else $AGENDA_TOKEN.
    var givenToken: String? {
        if let token, !token.isEmpty { return token }
        if let env = ProcessInfo.processInfo.environment["AGENDA_TOKEN"], !env.isEmpty { return env }
        return nil
    }

    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["AGENDA_DB"], !env.isEmpty { return env }
        return "agenda.sqlite"
    }

    /// The service over the database. A command that only reads opens it for reading, which never
    /// creates, upgrades or otherwise writes the file.
    func service(_ access: AgendaService.Access = .read) throws -> AgendaService {
        try AgendaService(path: databasePath, access: access)
    }

    /// The identity whose token was given; every write needs one.
    func caller(_ service: AgendaService) throws -> Identity {
        guard let token = givenToken else {
            throw CLIError("kommandot ändrar databasen och kräver en token: ange --token eller sätt AGENDA_TOKEN (IT-chefens token skrevs ut av `agenda init`)")
        }
        return try service.authenticate(token: token)
    }

    /// The identity whose token was given, if one was.
    func optionalCaller(_ service: AgendaService) throws -> Identity? {
        try givenToken.map { try service.authenticate(token: $0) }
    }
}

/// A user error: printed as one line on stderr, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
