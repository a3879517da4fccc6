import Hummingbird
import NIOCore

/// Runs a request's handler on the event loop that owns its connection.
///
/// The event loops also run Swift concurrency's jobs (``WebServer``), and a job stays on the loop it
/// was enqueued from. Under load that made one loop take over the handlers of the other loop's
/// connections: a connection's next request arrived (on its own loop) while its task was still queued
/// on the busy loop, so the task found the request waiting and never moved back. One loop ran flat
/// out, the other idled, and the connections stuck behind the busy one waited hundreds of
/// milliseconds (p99 of 90–900 ms in one run of four; BENCHMARKS.md, "Web"). A handler that starts on
/// the wrong loop runs with its connection's loop as task executor, so the task is back on that loop
/// when it writes the response and waits for the next request, and the loops share the work as they
/// share the connections.
struct ConnectionLoop: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        // Usually the task is on its connection's loop already; only a task left on the other loop hops.
        if context.eventLoop.inEventLoop { return try await next(request, context) }
        return try await withTaskExecutorPreference(EventLoopTaskExecutor(context.eventLoop)) {
            try await next(request, context)
        }
    }
}

/// An event loop as a task executor: a job enqueued on it runs on the loop's thread.
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
