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
}

/// The sessions of a running server, in memory (a restart signs everyone out), keyed by the hash of
/// their id. Sessions idle longer than the timeout are gone.
final class SessionStore: Sendable {
    private let sessions = Mutex<[String: Session]>([:])
    let idleTimeout: TimeInterval

    init(idleTimeout: TimeInterval) {
        self.idleTimeout = idleTimeout
    }

    /// Starts a session for `identity` and returns its id, for the cookie only.
    func start(_ identity: Identity, now: Date = Date()) -> String {
        let id = AccessToken.randomHex()
        let session = Session(identity: identity, csrf: AccessToken.randomHex(), lastSeen: now)
        sessions.withLock { sessions in
            sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) < idleTimeout }
            sessions[AccessToken.hash(id)] = session
        }
        return id
    }

    /// The live session with `id`, its idle clock restarted; nil for an unknown or expired one.
    func session(_ id: String, now: Date = Date()) -> Session? {
        let key = AccessToken.hash(id)
        return sessions.withLock { sessions in
            guard var session = sessions[key] else { return nil }
            guard now.timeIntervalSince(session.lastSeen) < idleTimeout else {
                sessions[key] = nil
                return nil
            }
            session.lastSeen = now
            sessions[key] = session
            return session
        }
    }

    /// Ends the session with `id`.
    func end(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: AccessToken.hash(id)) }
    }

    /// Ends every session of the identity `name` (after a revocation seen at a request).
    func endAll(of name: String) {
        sessions.withLock { sessions in sessions = sessions.filter { $0.value.identity.name != name } }
    }
}
