import AgendaMail
import AgendaWeb
import ArgumentParser
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Kör webbgränssnittet: förvaltningarna rapporterar, IT-rådet läser, IT-chefen håller i rapporteringsomgången.",
        discussion: """
            Lyssnar på 127.0.0.1 om inte --host säger annat; sätt nginx eller Caddy framför för TLS \
            (docs/deployment.md) och ange --secure-cookies. Kommandoraden kan under tiden fortsätta skriva till \
            samma databas. Stoppa med Ctrl-C eller SIGTERM: pågående förfrågningar avslutas först.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Adressen att lyssna på.") var host = "127.0.0.1"
    @Option(help: "Porten att lyssna på.") var port = 8080
    @Option(help: ArgumentHelp("En mallmapp (se `agenda templates export`); standard: de inbyggda mallarna.", valueName: "dir"))
    var templates: String?
    @Option(name: .customLong("session-minutes"), help: "Antal minuter utan förfrågningar innan en session avslutas.")
    var sessionMinutes = 30
    @Flag(name: .customLong("secure-cookies"), help: "Märk sessionens cookie som Secure (webbplatsen nås över HTTPS).")
    var secureCookies = false
    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp(
        "Adressen till en omvänd proxy (nginx, Caddy) framför servern; misslyckade inloggningar räknas då per klient enligt X-Forwarded-For. Kan anges flera gånger.",
        valueName: "adress"))
    var trustedProxy: [String] = []
    @OptionGroup(title: "E-post") var mail: MailOptions
    @Option(name: .customLong("mail-interval"), help: ArgumentHelp("Sekunder mellan utkorgens körningar (med --base-url).", valueName: "sekunder"))
    var mailInterval = 60

    func validate() throws {
        _ = try mail.settings()
        guard (1...3_600).contains(mailInterval) else { throw ValidationError("--mail-interval är 1–3600 sekunder") }
    }

    func run() async throws {
        var settings = WebSettings(
            host: host, port: port, databasePath: global.databasePath,
            templates: templates.map { URL(fileURLWithPath: $0, isDirectory: true) },
            idleTimeout: TimeInterval(sessionMinutes * 60), secureCookies: secureCookies, trustedProxies: trustedProxy,
            mail: try mail.settings())
        settings.mailInterval = .seconds(mailInterval)
        let started = settings
        try await WebServer.run(settings) { host, port in
            Output.line("Agenda serverar \(started.databasePath) på http://\(host):\(port)/ (Ctrl-C avslutar)")
            if let mail = started.mail {
                Output.line("Omgångens e-post går genom \(mail.command.arguments.joined(separator: " ")) med \(mailInterval) sekunders mellanrum, från \(mail.from.address).")
            }
        }
    }
}
