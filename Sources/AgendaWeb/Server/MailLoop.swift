import AgendaMail
import Logging
import NIOPosix
import ServiceLifecycle

/// `agenda serve --base-url`: sends the outbox every `interval` (and writes the reminders that fell due), on
/// NIO's blocking pool since the sender waits on the mail system and the database. Ends with the server;
/// a run under way when it stops is finished first (at most the mail system's timeout).
struct MailLoop: Service {
    let sender: MailSender
    let interval: Duration
    let logger: Logger?

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let run = try await NIOThreadPool.singleton.runIfActive { try sender.run() }
                if run.sent > 0 || run.failed > 0 {
                    // Counts only: never an address, a subject or a link.
                    logger?.info("e-post", metadata: ["skickade": "\(run.sent)", "väntar": "\(run.failed)", "nya": "\(run.queued)"])
                }
            } catch {
                logger?.error("e-post: utkorgen kunde inte läsas eller skrivas", metadata: ["fel": "\(type(of: error))"])
            }
            // The wait ends early when the server stops.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
