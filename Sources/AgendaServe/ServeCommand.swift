import AgendaCommandLine
import AgendaMail
import AgendaWeb
import AgendaArguments
import Foundation

/// `agenda-serve`, the web interface's own program, which `agenda serve` runs (Sources/AgendaCLI's
/// ServeCommand); only this program carries the web server's code.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda serve",
        abstract: ServeHelp.abstract,
        discussion: """
            Lyssnar på 127.0.0.1 om inte --host säger annat; sätt nginx eller Caddy framför för TLS \
            (docs/deployment.md) och ange --secure-cookies. Kommandoraden kan under tiden fortsätta skriva till \
            samma databas. Stoppa med Ctrl-C eller SIGTERM: pågående förfrågningar avslutas först.
            """)

    @OptionGroup var global: GlobalOptions
    @Option("host", help: "Adressen att lyssna på.") var host = "127.0.0.1"
    @Option("port", help: "Porten att lyssna på.") var port = 8080
    @Option("templates", help: ArgumentHelp("En mallmapp (se `agenda templates export`); standard: de inbyggda mallarna.", valueName: "dir"))
    var templates: String?
    @Option("session-minutes", help: "Antal minuter utan förfrågningar innan en session avslutas.")
    var sessionMinutes = 30
    @Flag("secure-cookies", help: "Märk sessionens cookie som Secure (webbplatsen nås över HTTPS).")
    var secureCookies = false
    @Option("trusted-proxy", help: ArgumentHelp(
        "Adressen till en omvänd proxy (nginx, Caddy) framför servern; misslyckade inloggningar räknas då per klient enligt X-Forwarded-For. Kan anges flera gånger.",
        valueName: "adress"))
    var trustedProxy: [String] = []
    @OptionGroup(title: "E-post") var mail: MailOptions
    @Option("mail-interval", help: ArgumentHelp("Sekunder mellan utkorgens körningar (med --base-url).", valueName: "sekunder"))
    var mailInterval = 60
    @Flag("no-mail", help: "Skicka ingen e-post från servern, fast --base-url är angiven (t.ex. när `agenda mail run` körs från cron).")
    var noMail = false
    @OptionGroup(title: "Inloggning med kommunens konto (OpenID Connect)") var openID: OpenIDOptions

    static func main() async { await CommandMain.run(async: Self.self) }

    func validate() throws {
        _ = try mail.settings()
        guard (1...3_600).contains(mailInterval) else { throw ValidationError("--mail-interval är 1–3600 sekunder") }
        // 0 is the system's choice of a free port (the address is printed at start).
        guard (0...65_535).contains(port) else { throw ValidationError("--port är 0–65535 (0: en ledig port)") }
        // At most a week: a session that never ends is a sign-in that never ends.
        guard (1...10_080).contains(sessionMinutes) else { throw ValidationError("--session-minutes är 1–10080 minuter (högst en vecka)") }
        _ = try openID.settings(baseURL: mail.baseURL)
    }

    func run() async throws {
        var settings = WebSettings(
            host: host, port: port, databasePath: global.databasePath,
            templates: templates.map { URL(fileURLWithPath: $0, isDirectory: true) },
            idleTimeout: TimeInterval(sessionMinutes * 60), secureCookies: secureCookies, trustedProxies: trustedProxy,
            mail: noMail ? nil : try mail.settings())
        settings.mailInterval = .seconds(mailInterval)
        settings.openID = try openID.settings(baseURL: mail.baseURL)
        let started = settings, interval = mailInterval
        try await WebServer.run(settings) { host, port in
            Output.line("Agenda serverar \(started.databasePath) på http://\(host):\(port)/ (Ctrl-C avslutar)")
            if let openID = started.openID {
                Output.line("Inloggning med kommunens konto via \(openID.issuer); registrera omdirigeringsadressen \(openID.redirectURI) hos den."
                    + (openID.accountsOnly ? " Token och inloggningslänkar fungerar inte i webben." : ""))
            }
            if let mail = started.mail {
                Output.line("Omgångens e-post går genom \(mail.command.arguments.joined(separator: " ")) med \(interval) sekunders mellanrum, från \(mail.from.address).")
            }
        }
    }
}

/// `--oidc-issuer`, `--oidc-client-id`, `--oidc-client-secret-file` and `--sign-in`: Agenda as a client
/// of the municipality's OpenID provider (docs/deployment.md).
struct OpenIDOptions: ParsableArguments {
    /// Which ways of signing in the web takes.
    enum SignIn: String, ExpressibleByArgument, CaseIterable {
        /// Accounts, tokens and sign-in links.
        case all
        /// The municipality's accounts only.
        case oidc
    }

    @Option("oidc-issuer", help: ArgumentHelp(
        "Leverantörens issuer, t.ex. https://login.microsoftonline.com/<tenant>/v2.0 (http:// bara på den egna datorn).", valueName: "url"))
    var issuer: String?
    @Option("oidc-client-id", help: ArgumentHelp("Agendans klient-id hos leverantören.", valueName: "id"))
    var clientID: String?
    @Option("oidc-client-secret-file", help: ArgumentHelp(
        "En fil med klienthemligheten (aldrig på kommandoraden); blanksteg och radbrytningar runt den räknas inte.", valueName: "fil"))
    var secretFile: String?
    @Option("sign-in", help: ArgumentHelp(
        "all: kommunens konto, token och inloggningslänkar; oidc: bara kommunens konto i webben (kommandoraden tar fortfarande token).",
        valueName: "sätt"))
    var signIn: SignIn = .all

    /// The settings when the three are given; nil when none is.
    func settings(baseURL: String?) throws -> OpenIDSettings? {
        let given = [issuer, clientID, secretFile].compactMap { $0 }
        guard !given.isEmpty else {
            if signIn == .oidc { throw ValidationError("--sign-in oidc kräver --oidc-issuer, --oidc-client-id och --oidc-client-secret-file") }
            return nil
        }
        guard let issuer, let clientID, let secretFile, !clientID.isEmpty else {
            throw ValidationError("inloggning med kommunens konto kräver alla tre: --oidc-issuer, --oidc-client-id och --oidc-client-secret-file")
        }
        guard let baseURL else {
            throw ValidationError("ange --base-url, adressen där agendan nås: leverantören skickar tillbaka webbläsaren till BASE/logga-in/oidc")
        }
        do {
            return try OpenIDSettings(issuer: issuer, clientID: clientID, secretFile: secretFile, baseURL: baseURL, accountsOnly: signIn == .oidc)
        } catch let problem as OpenIDSettings.Problem {
            switch problem {
            case .issuer: throw ValidationError("--oidc-issuer måste vara en https://-adress (http:// bara på den egna datorn), utan ? eller #")
            case .baseURL: throw ValidationError("--base-url måste vara en adress som https://agenda.molndal.se, utan sökväg")
            case let .secretFileUnreadable(path): throw ValidationError("kan inte läsa klienthemligheten i \(path); kontrollera sökvägen och att filen går att läsa")
            case let .secretFileEmpty(path): throw ValidationError("filen \(path) är tom; lägg klienthemligheten från leverantören i den")
            }
        }
    }
}
