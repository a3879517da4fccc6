import AgendaCore
import Foundation
import Synchronization

/// A signed-in browser. The session id itself lives only in the browser's cookie; the server keeps its
/// SHA-256, so a memory dump or a log never holds a usable session id.
struct Session: Sendable {
    /// The identity as signed in; every request checks it against the database again
    /// (``AgendaService/verify(_:)``), so a revoked or renewed identity's sessions end at once.
    var identity: Identity
    /// The CSRF token every form of this session carries and every POST must send back.
    let csrf: String
    var lastSeen: Date
    /// Signed in with the municipality's account (not a token or a link): signing out goes on to the provider.
    var viaAccount = false
}

/// The sessions of a running server, in memory (a restart signs everyone out), keyed by the hash of
/// their id. A session idle longer than the timeout has ended; the server still remembers whose it was
/// for ``endedMemory`` (so a form sent after it ended can be kept for the same person, ``DraftStore``).
final class SessionStore: Sendable {
    private let sessions = Mutex<[String: Session]>([:])
    let idleTimeout: TimeInterval
    let clock: @Sendable () -> Date
    static let endedMemory: TimeInterval = 24 * 60 * 60

    /// What a session id stands for now.
    enum Lookup {
        /// A live session, its idle clock restarted.
        case live(Session)
        /// A session that ended by idling; whose it was.
        case ended(Identity)
        /// No session the server knows (never was, signed out, or before a restart).
        case unknown
    }

    init(idleTimeout: TimeInterval, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.idleTimeout = idleTimeout
        self.clock = clock
    }

    /// Starts a session for `identity` and returns its id, for the cookie only.
    func start(_ identity: Identity, viaAccount: Bool = false, now given: Date? = nil) -> String {
        let now = given ?? clock()
        let id = AccessToken.randomHex()
        let session = Session(identity: identity, csrf: AccessToken.randomHex(), lastSeen: now, viaAccount: viaAccount)
        sessions.withLock { sessions in
            sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) < idleTimeout + Self.endedMemory }
            sessions[AccessToken.hash(id)] = session
        }
        return id
    }

    /// What `id` stands for. An ended session is forgotten once looked up.
    func lookup(_ id: String, now given: Date? = nil) -> Lookup {
        let now = given ?? clock()
        let key = AccessToken.hash(id)
        return sessions.withLock { sessions in
            guard var session = sessions[key] else { return .unknown }
            guard now.timeIntervalSince(session.lastSeen) < idleTimeout else {
                sessions[key] = nil
                return .ended(session.identity)
            }
            session.lastSeen = now
            sessions[key] = session
            return .live(session)
        }
    }

    /// The live session with `id`, its idle clock restarted; nil for an unknown or ended one.
    func session(_ id: String, now: Date? = nil) -> Session? {
        if case let .live(session) = lookup(id, now: now) { return session }
        return nil
    }

    /// Ends the session with `id`; what it was, if it was live.
    @discardableResult
    func end(_ id: String) -> Session? {
        sessions.withLock { $0.removeValue(forKey: AccessToken.hash(id)) }
    }

    /// Ends every session of the identity `name` (after a revocation seen at a request).
    func endAll(of name: String) {
        sessions.withLock { sessions in sessions = sessions.filter { $0.value.identity.name != name } }
    }
}
