/// One write as the audit log recorded it: who, when, what, and the state before and after as JSON.
public struct AuditEntry: Sendable, Codable, Equatable {
    public var number: Int
    public var at: Timestamp
    /// The identity's name; nil for the import that created a database's first identities.
    public var identity: String?
    /// "report status", "change plan", "manage identities" …
    public var operation: String
    /// What was written: an action code, an identity's name, a period.
    public var target: String
    /// JSON text (sorted keys) of what was there before; nil when the write added something new.
    public var before: String?
    /// JSON text of what is there after.
    public var after: String?
}
