import AgendaCore
import Crypto
import Foundation
import Synchronization

/// One sign-in at the provider under way in one browser: what its return must match.
struct SignInAttempt: Sendable {
    /// Sent to the provider and compared on the return (with the browser's cookie naming the attempt).
    let state: String
    /// Sent to the provider; its ID token must carry it back.
    let nonce: String
    /// PKCE: the secret whose SHA-256 went to the provider as the code challenge; sent with the code.
    let verifier: String
    /// Where to go after signing in: a path of this site (``ReturnTarget``), or nil for the start page.
    let target: String?
    let startedAt: Date

    /// The PKCE S256 challenge: base64url(SHA-256(verifier)), no padding.
    var challenge: String {
        Self.base64URL(Data(SHA256.hash(data: Data(verifier.utf8))))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// The attempts under way, in memory, keyed by the SHA-256 of the id in the browser's attempt cookie
/// (bound to that browser); an attempt is used once, within ``lifetime``. The oldest go when ``capacity`` is reached.
final class SignInAttempts: Sendable {
    static let lifetime: TimeInterval = 10 * 60
    static let capacity = 10_000
    private let attempts = Mutex<[String: SignInAttempt]>([:])
    let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date = { Date() }) { self.clock = clock }

    /// A new attempt for `target`, and the id for the browser's cookie.
    func start(target: String?) -> (id: String, attempt: SignInAttempt) {
        let now = clock()
        let attempt = SignInAttempt(
            state: AccessToken.randomHex(), nonce: AccessToken.randomHex(), verifier: AccessToken.randomHex(), target: target,
            startedAt: now)
        let id = AccessToken.randomHex()
        attempts.withLock { attempts in
            attempts = attempts.filter { now.timeIntervalSince($0.value.startedAt) < Self.lifetime }
            if attempts.count >= Self.capacity, let oldest = attempts.min(by: { $0.value.startedAt < $1.value.startedAt }) {
                attempts[oldest.key] = nil
            }
            attempts[AccessToken.hash(id)] = attempt
        }
        return (id, attempt)
    }

    /// The attempt the cookie `id` names, removed: a return is answered once. Nil when unknown or too old.
    func take(_ id: String) -> SignInAttempt? {
        let now = clock()
        guard let attempt = attempts.withLock({ $0.removeValue(forKey: AccessToken.hash(id)) }),
              now.timeIntervalSince(attempt.startedAt) < Self.lifetime
        else { return nil }
        return attempt
    }
}

/// Where a browser may be sent after signing in: a path of this site only, never another origin.
enum ReturnTarget {
    /// `value` when it is a path of this site ("/aktiviteter/1.5?period=2018Q4"): one leading "/", not
    /// "//" or "/\" (which browsers read as another host), no backslash, white space or control character,
    /// no scheme or host, not a sign-in page; else nil.
    static func checked(_ value: String?) -> String? {
        guard let value, value.utf8.count <= 2_000, value.hasPrefix("/"), !value.hasPrefix("//"), !value.hasPrefix("/logga-"),
              !value.contains("\\"), value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
              let url = URLComponents(string: value), url.scheme == nil, url.host == nil, url.path.hasPrefix("/")
        else { return nil }
        return value
    }

    /// The target a request's `?till=` names, checked.
    static func asked(_ query: String?) -> String? {
        checked(Form(encoded: query ?? "")["till"])
    }

    /// "?till=…" for a URL that is to lead on to `target`, or "" without one.
    static func query(_ target: String?) -> String {
        target.map { "?till=" + OwnerRoutes.encoded($0) } ?? ""
    }
}
