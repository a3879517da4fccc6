import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation

struct IdentityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Hantera vem som får använda agendan: ägaren, förvaltningarnas rapportörer och läsare (bara ägaren).",
        subcommands: [
            IdentityAdd.self, IdentityList.self, IdentityEmail.self, IdentityRevoke.self, IdentityRenew.self, IdentityLink.self,
            IdentityRequests.self, IdentityGrant.self, IdentityDecline.self, IdentityRecoverOwner.self,
        ]
    )
}

extension Role: ExpressibleByArgument {
    /// A reporter needs `--department`, and only a reporter takes one.
    func validate(department: String?) throws {
        if self == .reporter && department == nil { throw ValidationError("en rapportör rapporterar för en förvaltning: ange --department") }
        if self != .reporter && department != nil { throw ValidationError("bara en rapportör (reporter) har --department") }
    }
}

struct IdentityAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Lägg till en identitet; dess nya token skrivs ut en enda gång, ensam på sista raden.")

    @OptionGroup var global: GlobalOptions
    @Argument("name", help: "Identitetens namn, t.ex. Skolförvaltningen eller IT-rådet.") var name: String
    @Option("role", help: "Roll: owner (ägare), reporter (rapportör) eller reader (läsare).") var role: Role
    @Option("department", help: ArgumentHelp("Rapportörens förvaltning (namn eller alias).", valueName: "name")) var department: String?
    @Option("email", help: ArgumentHelp("E-postadress för omgångens utskick, t.ex. anna.svensson@molndal.se.", valueName: "adress"))
    var email: String?

    func validate() throws { try role.validate(department: department) }

    func run() throws {
        let service = try global.service(.write)
        let issued = try service.addIdentity(name: name, role: role, department: department, email: email, by: try global.caller(service))
        Output.line("\(issued.identity.displayName) är tillagd.")
        TokenOutput.printIssued(issued)
    }
}

struct IdentityList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lista identiteterna (deras token visas aldrig).")

    @OptionGroup var global: GlobalOptions
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let identities = try global.service().identities()
        if json { return try JSONOutput.print(identities) }
        var table = TextTable([
            .init(Words["cli.name"]), .init(Words["cli.role"]), .init(Words["unreported.department"]), .init(Words["cli.created"]),
            .init(Words["cli.revoked"]), .init("E-post"),
        ])
        for identity in identities {
            table.append([identity.name, identity.role.swedish, identity.department ?? "–", identity.createdAt.swedishDisplay,
                          identity.revokedAt?.swedishDisplay ?? "–", identity.email ?? "–"])
        }
        Output.line(table.render())
    }
}

struct IdentityRequests: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Lista förfrågningarna om tillgång från dem som loggat in med kommunens konto utan att ha en identitet.")

    @OptionGroup var global: GlobalOptions
    @Flag("all", help: "Visa också de avgjorda.") var all = false
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let requests = try global.service().accessRequests(all: all)
        if json { return try JSONOutput.print(requests) }
        guard !requests.isEmpty else {
            return Output.line(all ? "Ingen har bett om tillgång." : "Inga förfrågningar väntar.")
        }
        var table = TextTable([.init("Nr"), .init(Words["cli.name"]), .init("E-post"), .init("Bad om tillgång"), .init("Beslut")])
        for request in requests {
            let email = request.email.map { request.emailVerified ? $0 : "\($0) (ej bekräftad)" } ?? "–"
            let decision = switch request.decision {
            case .granted?: "beviljad \(request.decidedAt?.swedishDisplay ?? ""): \(request.identity ?? "")"
            case .declined?: "avböjd \(request.decidedAt?.swedishDisplay ?? "")"
            case nil: "väntar"
            }
            table.append([String(request.number), request.name, email, request.requestedAt.swedishDisplay, decision])
        }
        Output.line(table.render())
        if requests.contains(where: { $0.decision == nil }) {
            Output.line("Ge tillgång med `agenda identity grant NR --role reporter --department NAMN`, eller avböj med `agenda identity decline NR`.")
        }
    }
}

struct IdentityGrant: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Ge en förfrågan om tillgång en ny identitet med roll (och förvaltning); kontot kopplas till den (bara ägaren).")

    @OptionGroup var global: GlobalOptions
    @Argument("number", help: "Förfrågans nummer (se `agenda identity requests`).") var number: Int
    @Option("role", help: "Roll: owner (ägare), reporter (rapportör) eller reader (läsare).") var role: Role
    @Option("department", help: ArgumentHelp("Rapportörens förvaltning (namn eller alias).", valueName: "name")) var department: String?
    @Option("name", help: ArgumentHelp("Identitetens namn; standard: namnet från kommunens konto.", valueName: "namn")) var name: String?

    func validate() throws { try role.validate(department: department) }

    func run() throws {
        let service = try global.service(.write)
        let identity = try service.grantAccessRequest(number, name: name, role: role, department: department, by: try global.caller(service))
        Output.line("\(identity.displayName) har fått tillgång; kontot loggar in direkt nästa gång.")
    }
}

struct IdentityDecline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline", abstract: "Avböj en förfrågan om tillgång (bara ägaren).")

    @OptionGroup var global: GlobalOptions
    @Argument("number", help: "Förfrågans nummer (se `agenda identity requests`).") var number: Int

    func run() throws {
        let service = try global.service(.write)
        let request = try service.declineAccessRequest(number, by: try global.caller(service))
        Output.line("Förfrågan \(request.number) från \(request.name) är avböjd.")
    }
}

struct IdentityEmail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email", abstract: "Ändra en identitets e-postadress, eller ta bort den med --remove (bara ägaren).")

    @OptionGroup var global: GlobalOptions
    @Argument("name", help: "Identitetens namn.") var name: String
    @Argument("address", help: "Den nya e-postadressen.") var address: String?
    @Flag("remove", help: "Ta bort adressen: identiteten får då ingen post från omgången.") var remove = false

    func validate() throws {
        if (address == nil) == !remove { throw ValidationError("ange antingen en e-postadress eller --remove") }
    }

    func run() throws {
        let service = try global.service(.write)
        let identity = try service.setEmail(remove ? nil : address, of: name, by: try global.caller(service))
        Output.line(identity.email.map { "\(identity.name) har e-postadressen \($0)." } ?? "\(identity.name) har ingen e-postadress längre.")
    }
}

struct IdentityRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Återkalla en identitets token.")

    @OptionGroup var global: GlobalOptions
    @Argument("name", help: "Identitetens namn.") var name: String

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
    @Argument("name", help: "Identitetens namn.") var name: String

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
        discussion: """
            Länken fungerar en gång, tills den går ut; den som loggar in med den får en session och länken är förbrukad. \
            Med --mail skrivs länken inte ut utan skickas till identitetens e-postadress (den skapas när brevet går iväg).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument("name", help: "Identitetens namn.") var name: String
    @Option("base-url", help: ArgumentHelp("Adressen där `agenda serve` nås, t.ex. https://agenda.example.se.", valueName: "url"))
    var baseURL: String?
    @Option("hours", help: "Antal timmar som länken gäller.") var hours = 72
    @Flag("mail", help: "Skicka länken med e-post till identitetens adress i stället för att skriva ut den.") var mail = false

    func validate() throws {
        guard (1...24 * 30).contains(hours) else { throw ValidationError("--hours måste vara mellan 1 och 720") }
        if mail { return }
        guard let baseURL, let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--base-url måste vara en adress som https://agenda.example.se (eller skicka länken med --mail)")
        }
    }

    func run() throws {
        let service = try global.service(.write)
        if mail {
            try service.mailSignInLink(for: name, validFor: Int64(hours) * 3600, by: try global.caller(service))
            Output.line("En inloggningslänk till \(name) ligger i utkorgen; den skickas av `agenda mail run` eller av `agenda serve --base-url …`.")
            return
        }
        let baseURL = baseURL ?? ""
        let secret = try service.createSignInLink(for: name, validFor: Int64(hours) * 3600, by: try global.caller(service))
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        Output.line("Inloggningslänk för \(name), giltig i \(Swedish.count(hours, "timme", "timmar")) och bara en gång; skicka den bara till \(name):")
        Output.line("\(base)/logga-in/\(secret)")
    }
}
