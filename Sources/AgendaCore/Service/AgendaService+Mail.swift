/// The round's e-mail: the outbox the events fill, and the sender's use of it (AgendaMail's `MailSender`).
extension AgendaService {
    /// Asks for a one-time sign-in link for `name` by mail (owner only), valid for `seconds` from when it is
    /// sent. The identity needs an e-mail address.
    public func mailSignInLink(for name: String, validFor seconds: Int64, by caller: Identity) throws {
        try write { store in try store.mailSignInLink(for: name, validFor: seconds, by: caller, at: now) }
    }

    /// Writes the reminders (and the owners' late summary) due today; how many messages were written.
    @discardableResult
    public func enqueueDueReminders() throws -> Int {
        try write { store in try store.enqueueDueReminders(at: now) }
    }

    /// The messages whose next attempt is due now, oldest first; with `ignoringBackOff`, every message that
    /// waits (`agenda mail run`: cron is its back-off).
    public func messagesDue(ignoringBackOff: Bool = false, limit: Int = 1_000) throws -> [OutboxMessage] {
        try reading { store in try store.messagesDue(at: ignoringBackOff ? nil : now, limit: limit) }
    }

    /// Every message, newest first, at most `limit`.
    public func outbox(limit: Int = 50) throws -> [OutboxMessage] {
        try reading { store in try store.outbox(limit: limit) }
    }

    /// How many messages wait and why.
    public func outboxState() throws -> OutboxState {
        try reading { store in try store.outboxState() }
    }

    /// Records that the mail system accepted message `number`.
    public func markSent(_ number: Int) throws {
        try write { store in try store.markSent(number, at: now) }
    }

    /// Records a failed attempt at message `number`; it waits and is tried again later.
    public func markFailed(_ number: Int, problem: MailProblem) throws {
        try write { store in try store.markFailed(number, problem: problem, at: now) }
    }

    /// A fresh sign-in link secret for a sign-in-link message, minted as it is sent (nil: the identity
    /// was revoked meanwhile).
    public func mintSignInLink(for message: OutboxMessage) throws -> String? {
        try write { store in try store.mintSignInLink(for: message, at: now) }
    }
}
