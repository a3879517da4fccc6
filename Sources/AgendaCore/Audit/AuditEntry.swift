/// One write as the audit log recorded it: who, when, what, and the state before and after as JSON.
/// `agenda audit --json` prints ``before`` and ``after`` as JSON objects, not as strings.
public struct AuditEntry: Sendable, Encodable, Equatable {
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

    private enum CodingKeys: String, CodingKey { case number, at, identity, operation, target, before, after }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(at, forKey: .at)
        try c.encode(identity, forKey: .identity)
        try c.encode(operation, forKey: .operation)
        try c.encode(target, forKey: .target)
        try c.encode(try before.map(JSONValue.init(parsing:)), forKey: .before)
        try c.encode(try after.map(JSONValue.init(parsing:)), forKey: .after)
    }
}

extension AuditEntry {
    /// Whether the entry is about `target` (an action code, an identity's name, a period): its target
    /// exactly, one of the action's effektmål ("1.4 effektmål 2"), or one of a list of actions linked at
    /// once ("1.4, 2.1").
    public func concerns(_ target: String) -> Bool {
        if self.target == target || self.target.hasPrefix(target + " effektmål ") { return true }
        return self.target.contains(",")
            && self.target.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == target }
    }
}
