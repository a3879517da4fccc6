/// Someone who may use the agenda: the IT-chef, a förvaltning, IT-rådet. Known by a secret token
/// of which the store keeps only a hash.
///
/// An `Identity` that ``AgendaStore/authenticate(token:)`` or ``AgendaStore/createOwner(name:at:)``
/// returned carries proof of its token, and only such a value can write; one read from
/// ``AgendaStore/identities()`` cannot. Every write re-checks, inside its transaction, that the token
/// is still the identity's and not revoked.
public struct Identity: Sendable, Equatable, Codable {
    /// Unique, "IT-chef", "Skolförvaltningen".
    public var name: String
    public var role: Role
    /// The förvaltning a reporter reports for (its canonical name); nil for owner and reader.
    public var department: String?
    public var createdAt: Timestamp
    /// When the token was revoked; nil while it is valid.
    public var revokedAt: Timestamp?
    /// Where the round's mail goes (``EmailAddress``); nil when none is known.
    public var email: String?
    /// Whether a person's account at the municipality's OpenID provider is bound to it (``Account``); not encoded.
    public var hasAccount = false
    /// SHA-256 of the token this identity was authenticated with; never encoded.
    var tokenHash: String?

    public init(
        name: String, role: Role, department: String? = nil, createdAt: Timestamp, revokedAt: Timestamp? = nil, email: String? = nil
    ) {
        self.email = email
        self.name = name
        self.role = role
        self.department = department
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    private enum CodingKeys: String, CodingKey { case name, role, department, createdAt, revokedAt, email }

    /// Who did something, as the history, the audit log and the page header name it: "Anna Svensson,
    /// Skolförvaltningen" for a person of a förvaltning; the name alone for a förvaltning's own identity
    /// ("Skolförvaltningen"), the owner and readers.
    public var signature: String {
        guard let department, department != name else { return name }
        return "\(name), \(department)"
    }

    /// "IT-chef (ägare)", "Skolförvaltningen (rapportör för Skolförvaltningen)".
    public var displayName: String {
        department.map { "\(name) (\(role.swedish) för \($0))" } ?? "\(name) (\(role.swedish))"
    }
}

/// A newly generated token, shown once, with the identity it belongs to.
public struct IssuedToken: Sendable {
    public let identity: Identity
    /// The secret: "agenda_" and 64 hex digits (256 random bits). Never stored, logged or exported.
    public let token: String
}
