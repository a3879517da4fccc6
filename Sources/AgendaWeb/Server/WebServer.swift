import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// `agenda serve`: the web interface on Hummingbird, started and stopped (SIGTERM, SIGINT: requests
/// under way are finished first) by swift-service-lifecycle.
///
/// NIO's event loops (two on a 2-core machine) also run Swift concurrency's jobs, so a request is read,
/// handled and answered on one thread instead of hopping between the event loops and the concurrency
/// pool: the action page answers about 1.6 times as many requests and its p99 halves (BENCHMARKS.md,
/// "Web"). Handlers that may wait (writes, whole reports) move to NIO's blocking pool (``WebApp/blocking``).
public enum WebServer {
    /// Set once per process, the first time a server runs (NIO allows it once).
    private static let eventLoopsRunConcurrency: Bool =
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

    public static func run(_ settings: WebSettings, onStarted: (@Sendable (String, Int) async -> Void)? = nil) async throws {
        _ = eventLoopsRunConcurrency
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
