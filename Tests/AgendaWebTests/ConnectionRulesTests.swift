import AgendaTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
@testable import AgendaWeb

#if canImport(Glibc)
import Glibc
#endif

/// ``ConnectionRules`` over real sockets: the server `agenda serve` runs, bytes written by hand.
@Suite struct ConnectionRulesTests {
    /// The server with the given limits over a copy of the demo.
    static func application(_ limits: ConnectionRules.Limits = .init()) throws -> some ApplicationProtocol {
        var settings = WebSettings(port: 0, databasePath: try DemoDatabase.copy())
        settings.connectionLimits = limits
        return try WebServer.application(settings)
    }

    @Test func aRequestNeedsExactlyOneHostAndHTTP10Closes() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            let none = try RawConnection(port: port)
            try none.send("GET /stil.css HTTP/1.1\r\n\r\n")
            #expect(await none.readAll().hasPrefix("HTTP/1.1 400"))

            let two = try RawConnection(port: port)
            try two.send("GET /stil.css HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
            let refused = await two.readAll()
            #expect(refused.hasPrefix("HTTP/1.1 400"))
            #expect(refused.contains("Host-huvud"))

            let one = try RawConnection(port: port)
            try one.send("GET /stil.css HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(await one.readResponse().hasPrefix("HTTP/1.1 200"))

            // HTTP/1.0 without keep-alive: the answer, then the connection closes (readAll ends at EOF).
            let old = try RawConnection(port: port)
            try old.send("GET /stil.css HTTP/1.0\r\n\r\n")
            let answer = await old.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 200"), "a server answers HTTP/1.0 in its own version (RFC 9110, 2.5)")
            #expect(answer.lowercased().contains("connection: close"))
            #expect(old.closedByServer)
        }
    }

    @Test func aHalfSentHeadAndAnIdleConnectionAreClosedAtTheHeadDeadline() async throws {
        let limits = ConnectionRules.Limits(headWait: .milliseconds(300), shutdownGrace: .seconds(3))
        try await Self.application(limits).test(.live) { client in
            let port = try #require(client.port)
            let half = try RawConnection(port: port)
            try half.send("GET /stil.css HTTP/1.1\r\nHo")
            _ = await half.readAll()
            #expect(half.closedByServer)

            let idle = try RawConnection(port: port)
            try idle.send("GET /stil.css HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(await idle.readResponse().hasPrefix("HTTP/1.1 200"))
            _ = await idle.readAll()
            #expect(idle.closedByServer)
        }
    }

    /// A hundred connections holding half-sent heads take nothing from the others.
    @Test func halfSentHeadsDoNotHoldUpOtherRequests() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            let holders = try (0..<100).map { _ in try RawConnection(port: port) }
            for holder in holders { try holder.send("POST /logga-in HTTP/1.1\r\nHost: a\r\nContent-") }
            let response = try await client.execute(uri: "/stil.css", method: .get) { $0 }
            #expect(response.status == .ok)
            _ = holders
        }
    }

    /// A body still arriving when the server shuts down gets the grace, then its connection closes:
    /// the shutdown is not held by a client that trickles.
    @Test func aTricklingBodyDoesNotHoldTheShutdown() async throws {
        let limits = ConnectionRules.Limits(headWait: .seconds(60), shutdownGrace: .milliseconds(500))
        let trickle = Mutex<RawConnection?>(nil)
        let shutdown = Mutex(ContinuousClock.now)
        try await Self.application(limits).test(.live) { client in
            let port = try #require(client.port)
            let connection = try RawConnection(port: port)
            try connection.send("POST /logga-in HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntoken=")
            trickle.withLock { $0 = connection }
            try await Task.sleep(for: .milliseconds(200))
            shutdown.withLock { $0 = .now }
        }
        // Without the grace the shutdown waits for the body, which never comes (the head's 60 s do not apply
        // to a body); with it, well under that even on a busy machine running the other tests.
        #expect(ContinuousClock.now - shutdown.withLock { $0 } < .seconds(15))
        let connection = try #require(trickle.withLock { $0 })
        _ = await connection.readAll(timeout: 10)
        #expect(connection.closedByServer)
    }
}

/// A TCP connection to loopback written and read byte by byte, as a hostile or old client would.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32
    private(set) var closedByServer = false

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// What arrives until the server closes the connection or `timeout` seconds pass (generous: the
    /// whole test suite may be running beside it).
    func readAll(timeout: Double = 30) async -> String {
        (try? await offThePool { self.read(until: Date().addingTimeInterval(timeout)) { _ in false } }) ?? ""
    }

    /// One response on a kept-alive connection: its head and `Content-Length` bytes of body.
    func readResponse(timeout: Double = 30) async -> String {
        // Waiting on a socket blocks a thread: not one of Swift's cooperative pool, where the server under test runs its handlers.
        (try? await offThePool { self.read(until: Date().addingTimeInterval(timeout)) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let end = text.range(of: "\r\n\r\n"),
                  let length = text[..<end.lowerBound].firstMatch(of: /(?i)content-length: *([0-9]+)/).flatMap({ Int($0.output.1) })
            else { return false }
            return text[end.upperBound...].utf8.count >= length
        } }) ?? ""
    }

    private func read(until deadline: Date, complete: ([UInt8]) -> Bool) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline, !complete(received) {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 {
                closedByServer = true
                break
            }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
