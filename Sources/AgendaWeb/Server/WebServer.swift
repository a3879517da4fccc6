import Hummingbird
import Logging
import ServiceLifecycle

/// `agenda serve`: the web interface on Hummingbird, started and stopped (SIGTERM, SIGINT: requests
/// under way are finished first) by swift-service-lifecycle.
public enum WebServer {
    public static func run(_ settings: WebSettings, onStarted: (@Sendable (String, Int) async -> Void)? = nil) async throws {
        let app = try WebApp(settings: settings)
        var logger = Logger(label: "agenda.web")
        logger.logLevel = .info
        let application = Application(
            router: app.router(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Agenda"),
            onServerRunning: { channel in
                await onStarted?(settings.host, channel.localAddress?.port ?? settings.port)
            },
            logger: logger
        )
        try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
