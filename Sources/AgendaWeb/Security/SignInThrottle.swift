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
