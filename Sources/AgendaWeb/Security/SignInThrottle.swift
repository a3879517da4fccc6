import Foundation
import Synchronization

/// Slows down guessing: after a failed sign-in, a client waits before its next attempt is even
/// checked, doubling with each failure (1 s, 2 s, 4 s … up to a minute); a success clears it.
final class SignInThrottle: Sendable {
    private struct Record { var failures: Int; var until: Date }
    private let records = Mutex<[String: Record]>([:])

    /// Seconds `client` must still wait, or nil when it may try now.
    func wait(for client: String, now: Date = Date()) -> TimeInterval? {
        records.withLock { records in
            guard let record = records[client], record.until > now else { return nil }
            return record.until.timeIntervalSince(now)
        }
    }

    func failed(_ client: String, now: Date = Date()) {
        records.withLock { records in
            if records.count > 10_000 { records = records.filter { $0.value.until > now } }
            let failures = (records[client]?.failures ?? 0) + 1
            let delay = min(60, pow(2, Double(failures - 1)))
            records[client] = Record(failures: failures, until: now.addingTimeInterval(delay))
        }
    }

    func succeeded(_ client: String) {
        _ = records.withLock { $0.removeValue(forKey: client) }
    }
}

/// The client a sign-in attempt counts against. Behind a reverse proxy every connection comes from the
/// proxy, so one person's typos would slow everyone down: from a trusted proxy (`agenda serve
/// --trusted-proxy ADDR`) the client is the right-most address of `X-Forwarded-For` that is not itself a
/// trusted proxy — the one the nearest trusted proxy saw, which a client cannot forge. From any other
/// peer the header is ignored.
enum ClientAddress {
    static func of(peer: String, forwardedFor: [String], trusted: [String]) -> String {
        guard trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return hops.reversed().first { !$0.isEmpty && !trusted.contains($0) } ?? peer
    }
}
