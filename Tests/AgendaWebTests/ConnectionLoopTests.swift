import Hummingbird
import HummingbirdTesting
import Testing
@testable import AgendaWeb

@Suite struct ConnectionLoopTests {
    /// Over a real socket a handler runs on the event loop that owns its connection, also when its
    /// task was started elsewhere (here: on Swift's cooperative pool, where the tests' tasks run).
    @Test func aHandlerRunsOnItsConnectionsEventLoop() async throws {
        func onLoop(_ router: Router<WebContext>) async throws -> [String] {
            router.get("loop") { _, context in context.eventLoop.inEventLoop ? "ja" : "nej" }
            return try await Application(router: router).test(.live) { client in
                var answers: [String] = []
                for _ in 0..<20 {
                    answers.append(try await client.execute(uri: "/loop", method: .get) { String(buffer: $0.body) })
                }
                return answers
            }
        }
        let plain = Router(context: WebContext.self)
        #expect(try await onLoop(plain).contains("nej"), "without the middleware the handler runs off the loop here")
        let withMiddleware = Router(context: WebContext.self)
        withMiddleware.add(middleware: ConnectionLoop())
        #expect(try await onLoop(withMiddleware) == Array(repeating: "ja", count: 20))
    }
}
