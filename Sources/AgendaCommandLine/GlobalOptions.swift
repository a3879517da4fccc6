import AgendaCore
import AgendaArguments
import Foundation

/// Options every command that touches the database shares.
public struct GlobalOptions: ParsableArguments {
    public init() {}

    @Option("db", help: ArgumentHelp("Databasfilen (standard: $AGENDA_DB, annars ./agenda.sqlite).", valueName: "path"))
    public var db: String?

    @Option("token", help: ArgumentHelp("Din token, för kommandon som ändrar databasen (standard: $AGENDA_TOKEN).", valueName: "token"))
    public var token: String?

    /// The token given, if any: --token, else $AGENDA_TOKEN.
    public var givenToken: String? {
        if let token, !token.isEmpty { return token }
        if let env = Self.environment("AGENDA_TOKEN") { return env }
        return nil
    }

    public var databasePath: String {
        if let db { return db }
        if let env = Self.environment("AGENDA_DB") { return env }
        return "agenda.sqlite"
    }

    /// A variable of the environment, nil when unset or empty (getenv: ProcessInfo copies the whole environment).
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// The service over the database. A command that only reads opens it for reading, which never
    /// creates, upgrades or otherwise writes the file.
    public func service(_ access: AgendaService.Access = .read) throws -> AgendaService {
        try AgendaService(path: databasePath, access: access)
    }

    /// The identity whose token was given; every write needs one.
    public func caller(_ service: AgendaService) throws -> Identity {
        guard let token = givenToken else {
            throw CLIError("kommandot ändrar databasen och kräver en token: ange --token eller sätt AGENDA_TOKEN (IT-chefens token skrevs ut av `agenda init`)")
        }
        return try service.authenticate(token: token)
    }

    /// The identity whose token was given, if one was.
    public func optionalCaller(_ service: AgendaService) throws -> Identity? {
        try givenToken.map { try service.authenticate(token: $0) }
    }
}

/// A user error: printed as one line on stderr, exit code 1.
public struct CLIError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
