/// A person's account at the municipality's OpenID provider, as a checked ID token showed it
/// (the web checks the token; the core decides what the account may do). Known for good by
/// (`issuer`, `subject`); the name and address may change at the provider.
public struct Account: Sendable, Equatable {
    public var issuer: String
    public var subject: String
    /// The person's name as the provider gives it ("Anna Svensson"); never empty (``init(issuer:subject:name:email:emailVerified:)``).
    public var name: String
    public var email: String?
    /// Whether the provider vouches for `email` (`email_verified`): only a vouched-for address binds.
    public var emailVerified: Bool

    public init(issuer: String, subject: String, name: String?, email: String?, emailVerified: Bool) {
        self.issuer = issuer
        self.subject = subject
        let email = email?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        self.email = email
        self.emailVerified = emailVerified && email != nil
        self.name = TextCleaner.withoutBidiControls(name ?? "").trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            ?? email ?? subject
    }
}

/// An account that signed in without an identity, waiting for the IT-chef to grant or decline it.
public struct AccessRequest: Sendable, Equatable, Codable {
    /// What the IT-chef decided.
    public enum Decision: String, Sendable, Codable {
        case granted, declined
    }

    public var number: Int
    public var name: String
    public var email: String?
    public var emailVerified: Bool
    public var requestedAt: Timestamp
    public var decision: Decision?
    public var decidedAt: Timestamp?
    /// Who decided, and for a grant the identity made ("Anna Svensson").
    public var decidedBy: String?
    public var identity: String?
}

/// What signing in with an account comes to (``AgendaStore/signIn(with:at:)``).
public enum AccountSignIn: Sendable, Equatable {
    /// The account's identity (bound now or earlier), ready for a session.
    case signedIn(Identity)
    /// No identity has the account: a request waits for the IT-chef. `unverifiedMatch` when an identity
    /// has the account's address but the provider does not vouch for it, so it could not be bound.
    case requested(AccessRequest, unverifiedMatch: Bool)
    /// The IT-chef declined the account's request.
    case declined(AccessRequest)
    /// The account's identity is revoked.
    case revoked(identity: String)
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
