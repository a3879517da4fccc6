import AgendaCore
import Foundation
import Synchronization

/// A form sent after its session had ended, kept so that nothing typed is lost: after signing in again the
/// person is back on the page with the form as typed, and nothing is stored until they send it again.
struct Draft: Sendable, Equatable {
    /// The identity whose session had ended, when the server still knew it; the draft is shown to that
    /// identity only. Nil after a restart of the server: then to whoever signs in on that browser and may
    /// see the page (a draft only fills a form, it stores nothing).
    var identity: String?
    /// Where the form was sent (its `action`): which form of the page it fills.
    var action: String
    /// The page the form was on (same-origin `Referer`), else ``action``: where signing in leads back to.
    var page: String
    /// Every field as typed, without the CSRF token.
    var fields: [String: String]
    var keptAt: Date
}

/// The drafts of a running server, in memory and keyed by the SHA-256 of their id (the id lives only in
/// the browser's cookie), for ``lifetime``, at most ``capacity`` at a time (the oldest go first), so that
/// requests with stale cookies cannot fill the memory.
final class DraftStore: Sendable {
    private let drafts = Mutex<[String: Draft]>([:])
    static let lifetime: TimeInterval = 2 * 60 * 60
    static let capacity = 256

    /// Keeps `draft` and returns its id, for the cookie only.
    func keep(_ draft: Draft) -> String {
        let id = AccessToken.randomHex()
        drafts.withLock { drafts in
            drafts = drafts.filter { draft.keptAt.timeIntervalSince($0.value.keptAt) < Self.lifetime }
            while drafts.count >= Self.capacity, let oldest = drafts.min(by: { $0.value.keptAt < $1.value.keptAt }) {
                drafts[oldest.key] = nil
            }
            drafts[AccessToken.hash(id)] = draft
        }
        return id
    }

    /// The draft with `id`, if it is still kept; it stays.
    func draft(_ id: String, now: Date = Date()) -> Draft? {
        drafts.withLock { drafts in
            drafts[AccessToken.hash(id)].flatMap { now.timeIntervalSince($0.keptAt) < Self.lifetime ? $0 : nil }
        }
    }

    /// Takes (removes and returns) the draft with `id` if it was sent to one of `actions` and may be shown
    /// to `identity`.
    func take(_ id: String, actions: [String], identity: String, now: Date = Date()) -> Draft? {
        drafts.withLock { drafts in
            let key = AccessToken.hash(id)
            guard let draft = drafts[key], now.timeIntervalSince(draft.keptAt) < Self.lifetime,
                  actions.contains(draft.action), draft.identity == nil || draft.identity == identity
            else { return nil }
            drafts[key] = nil
            return draft
        }
    }

    /// Forgets the draft with `id`.
    func discard(_ id: String) {
        _ = drafts.withLock { $0.removeValue(forKey: AccessToken.hash(id)) }
    }
}
