import AgendaMail
import CConcurrencyHook
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
    /// Set once per process, the first time a server runs: NIO's way when it finds the runtime's hook
    /// (a binary on the shared Swift runtime), else ours (the runtime linked in: ``CConcurrencyHook``).
    private static let eventLoopsRunConcurrency: Bool =
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
            || agenda_install_global_executor_hook()

    public static func run(_ settings: WebSettings, onStarted: (@Sendable (String, Int) async -> Void)? = nil) async throws {
        _ = eventLoopsRunConcurrency
        var logger = Logger(label: "agenda.web")
        logger.logLevel = .info
        let application = try application(settings, logger: logger) { channel in
            await onStarted?(settings.host, channel.localAddress?.port ?? settings.port)
        }
        try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// The application `run` serves: the routes over Hummingbird's HTTP/1.1 server held to ``ConnectionRules``.
    static func application(
        _ settings: WebSettings, logger: Logger? = nil, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let app = try WebApp(settings: settings)
        var application = Application(
            router: app.router(),
            server: ConnectionRules.server(limits: settings.connectionLimits),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Agenda"),
            onServerRunning: onServerRunning,
            logger: logger
        )
        if let mail = settings.mail {
            application.addServices(MailLoop(sender: MailSender(service: app.service, settings: mail), interval: settings.mailInterval, logger: logger))
        }
        return application
    }
}

/// A job of Swift concurrency's global executor (``CConcurrencyHook``), run by one of NIO's event loops:
/// the one of the calling thread when it is one of them, so a task that was on a loop stays there.
@_cdecl("agenda_enqueue_global_job")
func enqueueGlobalJob(_ job: OpaquePointer) {
    let job = unsafeBitCast(job, to: UnownedJob.self)
    MultiThreadedEventLoopGroup.singleton.any().executor.enqueue(ExecutorJob(job))
}
