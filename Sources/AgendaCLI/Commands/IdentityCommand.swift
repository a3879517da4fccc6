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
        abstract: "Lägg till en identitet; dess nya token skrivs ut en enda gång, ensam på sista raden.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Identitetens namn, t.ex. Skolförvaltningen eller IT-rådet.") var name: String
    @Option(help: "Roll: owner (ägare), reporter (rapportör) eller reader (läsare).") var role: Role
    @Option(help: ArgumentHelp("Rapportörens förvaltning (namn eller alias).", valueName: "name")) var department: String?

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
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lista identiteterna (deras token visas aldrig).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Skriv ut JSON för skript.") var json = false

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
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Återkalla en identitets token.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Identitetens namn.") var name: String

    func run() throws {
        let service = try global.service(.write)
        let identity = try service.revokeIdentity(name: name, by: try global.caller(service))
        Output.line("Token för \(identity.displayName) är återkallad; ge en ny med `agenda identity renew \(identity.name)`.")
    }
}

struct IdentityRenew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew", abstract: "Ge en identitet en ny token (den gamla slutar fungera); den skrivs ut en enda gång, på sista raden.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Identitetens namn.") var name: String

    func run() throws {
        let service = try global.service(.write)
        let issued = try service.renewIdentity(name: name, by: try global.caller(service))
        TokenOutput.printIssued(issued)
    }
}

struct IdentityRecoverOwner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover-owner",
        abstract: "Ge ägaren (IT-chefen) en ny token när den gamla har kommit bort; den skrivs ut en enda gång, på sista raden.",
        discussion: """
            Kräver ingen token, bara skrivrätt till databasfilen: den som kan skriva i filen kan ändå ändra \
            allt i den. Ägarens gamla token slutar fungera; återställningen syns i granskningsloggen.
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
        abstract: "Skapa en inloggningslänk för webben som gäller en gång, att mejla i stället för en token (bara ägaren).",
        discussion: "Länken fungerar en gång, tills den går ut; den som loggar in med den får en session och länken är förbrukad.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Identitetens namn.") var name: String
    @Option(name: .customLong("base-url"), help: ArgumentHelp("Adressen där `agenda serve` nås, t.ex. https://agenda.example.se.", valueName: "url"))
    var baseURL: String
    @Option(help: "Antal timmar som länken gäller.") var hours = 72

    func validate() throws {
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--base-url måste vara en adress som https://agenda.example.se")
        }
        guard (1...24 * 30).contains(hours) else { throw ValidationError("--hours måste vara mellan 1 och 720") }
    }

    func run() throws {
        let service = try global.service(.write)
        let secret = try service.createSignInLink(for: name, validFor: Int64(hours) * 3600, by: try global.caller(service))
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        Output.line("Inloggningslänk för \(name), giltig i \(Swedish.count(hours, "timme", "timmar")) och bara en gång; skicka den bara till \(name):")
        Output.line("\(base)/logga-in/\(secret)")
    }
}
