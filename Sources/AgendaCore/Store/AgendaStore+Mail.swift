import Foundation

/// The outbox: messages written in the transaction of the event that causes them, and the sender's
/// bookkeeping (sent, or waiting with back-off and the mail system's last answer).
extension AgendaStore {
    // MARK: - Writing messages (inside the causing event's transaction)

    /// Puts one message per recipient in the outbox, each unless one with the same `dedupe` key (the event's
    /// key and the address) is there already; true when any was written. Recipients are fixed now: someone
    /// given an address later gets nothing for this event. Nothing is written for no recipients: a
    /// förvaltning without an address is flagged on the round page.
    @discardableResult
    func enqueue(
        _ kind: MailKind, to recipients: [MailRecipient], content: MailContent, period: String?, department: String?,
        dedupe: String?, at: Timestamp
    ) throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var written = false
        for recipient in recipients {
            let key = dedupe.map { "\($0):\(recipient.email.lowercased())" }
            if let key, try db.first("SELECT 1 FROM outbox WHERE dedupe = ?", [.text(key)], { _ in true }) != nil { continue }
            try db.run("""
                INSERT INTO outbox (message_id, kind, dedupe, period, department, recipients_json, content_json, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [
                    .text("agenda.\(kind.rawValue).\(AccessToken.generate().suffix(16))"), .text(kind.rawValue), SQLValue(key),
                    SQLValue(period), SQLValue(department), .text(String(decoding: try encoder.encode([recipient]), as: UTF8.self)),
                    .text(String(decoding: try encoder.encode(content), as: UTF8.self)), .text(at.description), .text(at.description),
                ])
            written = true
        }
        return written
    }

    /// The addresses of the identities not revoked with `role` (and, for reporters, of `department`).
    func mailRecipients(role: Role, department: String? = nil) throws -> [MailRecipient] {
        try db.query("""
            SELECT i.name, i.email FROM identity i LEFT JOIN department d ON d.id = i.department_id
            WHERE i.role = ? AND i.revoked_at IS NULL AND i.email IS NOT NULL AND (?2 IS NULL OR d.name = ?2)
            ORDER BY i.id
            """, [.text(role.rawValue), SQLValue(department)]) { MailRecipient(name: $0.string("name"), email: $0.string("email")) }
    }

    /// The round-opened message to every förvaltning that leads or shares an active action at the period's end.
    func enqueueRoundOpened(_ round: ReportingRound, roundID: Int64, at: Timestamp) throws {
        let period = try Period(parsing: round.period)
        for department in try departments() {
            let actions = try fetchSummaries(ActionFilter(department: department.name, asOf: period.end))
                .map(\.summary).filter { $0.state == .active }
            guard !actions.isEmpty else { continue }
            try enqueue(
                .roundOpened, to: try mailRecipients(role: .reporter, department: department.name),
                content: MailContent(deadline: round.deadline, actions: actions.map { .init(code: $0.code, title: $0.title) }),
                period: round.period, department: department.name, dedupe: "opened:\(roundID):\(department.name)", at: at)
        }
    }

    /// The published message to the readers.
    func enqueuePublished(_ publication: Publication, at: Timestamp) throws {
        try enqueue(
            .published, to: try mailRecipients(role: .reader), content: MailContent(), period: publication.period,
            department: nil, dedupe: "published:\(publication.period)", at: at)
    }

    /// Asks for a one-time sign-in link for `name` by mail (owner only). The secret is minted when the
    /// message is sent, so the outbox never holds one.
    public func mailSignInLink(for name: String, validFor seconds: Int64, by actor: Identity, at: Timestamp) throws {
        try write(by: actor, .manageIdentities, at: at) { audit in
            let identity = try requireActiveIdentity(name)
            guard let email = identity.email else { throw StoreError.invalidInput(.email, .noEmailAddress(identity: identity.name)) }
            try enqueue(
                .signInLink, to: [MailRecipient(name: identity.name, email: email)],
                content: MailContent(linkValidity: seconds, linkIdentity: identity.name), period: nil,
                department: identity.department, dedupe: nil, at: at)
            audit = AuditDraft(operation: "mail sign-in link", target: identity.name, after: identity)
        }
    }

    // MARK: - Reminders, by date

    /// How long after it fell due a reminder is still written: a round left open long after its deadline
    /// is not chased any more.
    static let reminderStaleDays = 30

    /// Writes the reminders due at `at` (Swedish date) for every open round of an unpublished period: for
    /// each förvaltning still missing reports, the latest reminder due (so a round opened late sends one, not
    /// several), once per round, förvaltning and kind; and after the deadline one summary to the owners.
    /// A reminder more than ``reminderStaleDays`` past its day is not written.
    /// Returns how many messages were written. The system's own job: it needs write access to the file only.
    public func enqueueDueReminders(at: Timestamp) throws -> Int {
        try db.transaction {
            let today = at.swedishDate
            let rounds = try db.query("""
                SELECT r.id, r.period, r.deadline, r.reminder_days FROM reporting_round r
                WHERE r.id = (SELECT max(id) FROM reporting_round WHERE period = r.period)
                  AND NOT EXISTS (SELECT 1 FROM round_cancellation c WHERE c.round_id = r.id)
                  AND NOT EXISTS (SELECT 1 FROM publication p WHERE p.period = r.period)
                ORDER BY r.id
                """, []) { row in
                    (id: row.int64("id"), period: row.string("period"), deadline: try row.date("deadline", in: "reporting_round"),
                     days: row.string("reminder_days").split(separator: ",").compactMap { Int($0) })
                }
            var written = 0
            for round in rounds {
                guard let deadline = round.deadline else { continue }
                let kinds = round.days.map { ReminderKind.before(days: $0) } + [.afterDeadline]
                // A round left open long after its deadline is not chased any more (a month on).
                guard let latest = kinds.filter({
                    let due = $0.due(deadline: deadline)
                    return due <= today && today <= due.adding(days: Self.reminderStaleDays)
                }).max() else { continue }
                let period = try Period(parsing: round.period)
                let missing = try missingReports(for: period)
                guard !missing.isEmpty else { continue }
                let titles = Dictionary(
                    try fetchSummaries(ActionFilter(asOf: period.end)).map { ($0.summary.code, $0.summary.title) },
                    uniquingKeysWith: { a, _ in a })
                func lines(_ codes: [String]) -> [MailContent.ActionLine] { codes.map { .init(code: $0, title: titles[$0] ?? "") } }
                for entry in missing {
                    let content = MailContent(deadline: deadline, actions: lines(entry.actions), reminder: latest)
                    if try enqueue(
                        .reminder, to: try mailRecipients(role: .reporter, department: entry.department), content: content,
                        period: round.period, department: entry.department,
                        dedupe: "reminder:\(round.id):\(entry.department):\(latest.key)", at: at) {
                        written += 1
                    }
                }
                if latest == .afterDeadline, try enqueue(
                    .lateSummary, to: try mailRecipients(role: .owner),
                    content: MailContent(deadline: deadline, late: missing.map { .init(department: $0.department, actions: lines($0.actions)) }),
                    period: round.period, department: nil, dedupe: "late-summary:\(round.id)", at: at) {
                    written += 1
                }
            }
            return written
        }
    }

    // MARK: - The sender's bookkeeping

    static let outboxSelect = """
        SELECT id, message_id, kind, period, department, recipients_json, content_json, created_at, attempts,
               next_attempt_at, problem, sent_at
        FROM outbox
        """

    /// The messages waiting whose next attempt is due at `at` (every waiting one with `at` nil), oldest first.
    public func messagesDue(at: Timestamp?, limit: Int = 1_000) throws -> [OutboxMessage] {
        try db.read {
            try db.query(
                "\(Self.outboxSelect) WHERE sent_at IS NULL AND (?1 IS NULL OR next_attempt_at <= ?1) ORDER BY id LIMIT ?2",
                [SQLValue(at?.description), .integer(Int64(limit))]) { try readMessage($0) }
        }
    }

    /// Every message, newest first, at most `limit`.
    public func outbox(limit: Int) throws -> [OutboxMessage] {
        try db.read { try db.query("\(Self.outboxSelect) ORDER BY id DESC LIMIT ?", [.integer(Int64(limit))]) { try readMessage($0) } }
    }

    /// How many messages wait and why, and how many were sent.
    public func outboxState() throws -> OutboxState {
        try db.read {
            let waiting = try db.value("SELECT count(*) FROM outbox WHERE sent_at IS NULL", [], as: Int.self) ?? 0
            let sent = try db.value("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL", [], as: Int.self) ?? 0
            let problem = try db.value(
                "SELECT problem FROM outbox WHERE sent_at IS NULL AND problem IS NOT NULL ORDER BY next_attempt_at DESC LIMIT 1",
                [], as: String.self)
            return OutboxState(waiting: waiting, problem: problem.map(MailProblem.init(stored:)), sent: sent)
        }
    }

    /// Records that the mail system accepted message `number` at `at`. Once sent, always sent.
    public func markSent(_ number: Int, at: Timestamp) throws {
        try db.transaction {
            try db.run("UPDATE outbox SET sent_at = ?, problem = NULL WHERE id = ? AND sent_at IS NULL", [.text(at.description), .integer(Int64(number))])
        }
    }

    /// Records a failed attempt: the message waits, asked again after ``MailBackoff``.
    public func markFailed(_ number: Int, problem: MailProblem, at: Timestamp) throws {
        try db.transaction {
            let attempts = (try db.value("SELECT attempts FROM outbox WHERE id = ?", [.integer(Int64(number))], as: Int.self) ?? 0) + 1
            try db.run("""
                UPDATE outbox SET attempts = ?, problem = ?, next_attempt_at = ? WHERE id = ? AND sent_at IS NULL
                """, [.integer(Int64(attempts)), .text(problem.stored),
                      .text(at.adding(seconds: MailBackoff.delay(afterAttempts: attempts)).description), .integer(Int64(number))])
        }
    }

    /// A fresh one-time link secret for the sign-in-link message `message`, minted as it is sent; only
    /// its hash is stored. Nil when the identity has been revoked since (the message is then not sent).
    public func mintSignInLink(for message: OutboxMessage, at: Timestamp) throws -> String? {
        guard message.kind == .signInLink, let name = message.content.linkIdentity else { return nil }
        return try db.transaction {
            guard let identity = try identityRow(where: "i.name_key = ?", .text(Self.key(name))), identity.revokedAt == nil else {
                return nil
            }
            return try insertSignInLink(for: identity.name, validFor: message.content.linkValidity ?? 86_400, at: at)
        }
    }

    private func readMessage(_ row: Row) throws -> OutboxMessage {
        let decoder = JSONDecoder()
        guard let kind = MailKind(rawValue: row.string("kind")) else { throw StoreError.corrupt("outbox \(row.int("id")): okänt slag") }
        return OutboxMessage(
            number: row.int("id"), messageID: row.string("message_id"), kind: kind, period: row.optionalString("period"),
            department: row.optionalString("department"),
            recipients: try decoder.decode([MailRecipient].self, from: Data(row.string("recipients_json").utf8)),
            content: try decoder.decode(MailContent.self, from: Data(row.string("content_json").utf8)),
            createdAt: try row.timestamp("created_at", in: "outbox"), attempts: row.int("attempts"),
            nextAttemptAt: try row.timestamp("next_attempt_at", in: "outbox"),
            problem: row.optionalString("problem").map(MailProblem.init(stored:)),
            sentAt: row.isNull("sent_at") ? nil : try row.timestamp("sent_at", in: "outbox"))
    }
}
