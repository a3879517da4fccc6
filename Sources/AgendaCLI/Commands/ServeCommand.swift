import AgendaWeb
import ArgumentParser
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web interface: förvaltningar report, IT-rådet reads, the IT-chef runs the round.",
        discussion: """
            Binds to 127.0.0.1 unless --host says otherwise; put nginx or Caddy in front for TLS
            (docs/deployment.md) and pass --secure-cookies. The CLI can keep writing to the same database.
            Stop with Ctrl-C or SIGTERM: requests under way are finished first.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: ArgumentHelp("A template folder (see `agenda templates export`); default: the built-in set.", valueName: "dir"))
    var templates: String?
    @Option(name: .customLong("session-minutes"), help: "Minutes without a request after which a session ends.")
    var sessionMinutes = 30
    @Flag(name: .customLong("secure-cookies"), help: "Mark the session cookie Secure (the site is served over HTTPS).")
    var secureCookies = false

    func run() async throws {
        let settings = WebSettings(
            host: host, port: port, databasePath: global.databasePath,
            templates: templates.map { URL(fileURLWithPath: $0, isDirectory: true) },
            idleTimeout: TimeInterval(sessionMinutes * 60), secureCookies: secureCookies)
        try await WebServer.run(settings) { host, port in
            Output.line("Agenda serverar \(settings.databasePath) på http://\(host):\(port)/ (Ctrl-C avslutar)")
        }
    }
}
