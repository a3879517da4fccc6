import AgendaCore
import ArgumentParser
import Foundation

struct IdentityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Hantera vem som får använda agendan: ägaren, förvaltningarnas rapportörer och läsare (bara ägaren).",
        subcommands: [IdentityAdd.self, IdentityList.self, IdentityRevoke.self, IdentityRenew.self, IdentityLink.self, IdentityRecoverOwner.self]
    )
}

extension Role: ExpressibleByArgument {}

struct IdentityAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an identity; its new token is printed once, alone on the last line.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The identity's name, e.g. Skolförvaltningen or IT-rådet.") var name: String
    @Option(help: "owner, reporter or reader.") var role: Role
    @Option(help: ArgumentHelp("A reporter's förvaltning (name or alias).", valueName: "name")) var department: String?

    func validate() throws {
        if role == .reporter && department == nil { throw ValidationError("en rapportör rapporterar för en förvaltning: ange --department") }
        if role != .reporter && department != nil { throw ValidationError("bara en rapportör (reporter) har --department") }
    }

    func run() throws {
        let service = try global.service(.write)
        let issued = try service.addIdentity(name: name, role: role, department: department, by: try global.caller(service))
        Output.line("\(issued.identity.displayName) är tillagd.")
        TokenOutput.printIssued(issued)
    }
}

struct IdentityList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the identities (never their tokens).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let identities = try global.service().identities()
        if json { return try JSONOutput.print(identities) }
        var table = TextTable([
            .init(Words["cli.name"]), .init(Words["cli.role"]), .init(Words["unreported.department"]), .init(Words["cli.created"]),
            .init(Words["cli.revoked"]),
        ])
        for identity in identities {
            table.append([identity.name, identity.role.swedish, identity.department ?? "–", identity.createdAt.swedishDisplay,
                          identity.revokedAt?.swedishDisplay ?? "–"])
        }
        Output.line(table.render())
    }
}

struct IdentityRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an identity's token.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The identity's name.") var name: String

    func run() throws {
        let service = try global.service(.write)
        let identity = try service.revokeIdentity(name: name, by: try global.caller(service))
        Output.line("Token för \(identity.displayName) är återkallad; ge en ny med `agenda identity renew \(identity.name)`.")
    }
}

struct IdentityRenew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew", abstract: "Give an identity a new token (the old one stops working); printed once on the last line.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The identity's name.") var name: String

    func run() throws {
        let service = try global.service(.write)
        let issued = try service.renewIdentity(name: name, by: try global.caller(service))
        TokenOutput.printIssued(issued)
    }
}

struct IdentityRecoverOwner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover-owner",
        abstract: "Issue a new token for the owner (IT-chef) when the old one is lost; printed once on the last line.",
        discussion: """
            Needs no token, only write access to the database file: whoever can write the file can change
            anything in it anyway. The old owner token stops working; the recovery is in the audit log.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = global.databasePath
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw CLIError("för att återställa ägaren behövs skrivrätt till \(path); kör kommandot som den användare som äger databasfilen")
        }
        let issued = try global.service(.write).recoverOwner()
        Output.line("Ägaren av \(path) är återställd; ägarens tidigare token fungerar inte längre.")
        TokenOutput.printIssued(issued)
    }
}

struct IdentityLink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Make a one-time sign-in link for the web, to e-mail instead of a token (owner only).",
        discussion: "The link works once, until it expires; signing in with it starts a session and the link is used up.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The identity's name.") var name: String
    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where `agenda serve` is reached, e.g. https://agenda.example.se.", valueName: "url"))
    var baseURL: String
    @Option(help: "Hours the link stays valid.") var hours = 72

    func validate() throws {
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--base-url must be an address like https://agenda.example.se")
        }
        guard (1...24 * 30).contains(hours) else { throw ValidationError("--hours must be between 1 and 720") }
    }

    func run() throws {
        let service = try global.service(.write)
        let secret = try service.createSignInLink(for: name, validFor: Int64(hours) * 3600, by: try global.caller(service))
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        Output.line("Inloggningslänk för \(name), giltig i \(hours) timmar och bara en gång; skicka den bara till \(name):")
        Output.line("\(base)/logga-in/\(secret)")
    }
}
