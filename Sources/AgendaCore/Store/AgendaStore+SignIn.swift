/// Signing in to the web with one-time links.
extension AgendaStore {
    /// A new one-time sign-in link secret for the identity `name` (owner only), valid for `seconds`.
    /// Only its hash is stored; the secret is returned to be put in a link and shown once.
    public func createSignInLink(for name: String, validFor seconds: Int64, by actor: Identity, at: Timestamp) throws -> String {
        try write(by: actor, .manageIdentities, at: at) { audit in
            let identity = try requireActiveIdentity(name)
            let secret = try insertSignInLink(for: identity.name, validFor: seconds, at: at)
            audit = AuditDraft(operation: "create sign-in link", target: identity.name, after: identity)
            return secret
        }
    }

    /// The identity `name`, refused as a conflict when it is revoked: a link for it would sign no one in.
    func requireActiveIdentity(_ name: String) throws -> Identity {
        let identity = try requireIdentity(name)
        guard identity.revokedAt == nil else { throw StoreError.conflict(.revoked(identity: identity.name)) }
        return identity
    }

    /// A new one-time link secret for the identity `name`, valid for `seconds` from `at`; only its hash is stored.
    func insertSignInLink(for name: String, validFor seconds: Int64, at: Timestamp) throws -> String {
        let secret = AccessToken.generate()
        try db.run("""
            INSERT INTO signin_link (token_hash, identity_id, created_at, expires_at)
            VALUES (?, (SELECT id FROM identity WHERE name_key = ?), ?, ?)
            """, [
                .text(AccessToken.hash(secret)), .text(Self.key(name)), .text(at.description),
                .text(at.adding(seconds: seconds).description),
            ])
        return secret
    }

    /// The identity the sign-in link `secret` would sign in, without using the link: what the page
    /// behind the link shows before the person confirms (a mail scanner that opens the link uses nothing).
    /// Throws ``AccessError/invalidToken`` as ``redeemSignInLink(_:at:)`` would.
    public func signInLinkHolder(_ secret: String, at: Timestamp) throws -> Identity {
        try validSignInLink(secret, at: at).identity
    }

    /// Uses the sign-in link whose secret is `secret`: once, before it expires, for an identity that is
    /// not revoked. Returns the identity (with its token hash, for the session). Audited as a sign-in.
    public func redeemSignInLink(_ secret: String, at: Timestamp) throws -> Identity {
        try db.transaction {
            let (link, identity) = try validSignInLink(secret, at: at)
            try db.run("UPDATE signin_link SET used_at = ? WHERE id = ?", [.text(at.description), .integer(link)])
            try insertAudit(AuditDraft(operation: "sign in with link", target: identity.name), identity: identity.signature, at: at)
            return identity
        }
    }

    /// The link with `secret` and its identity, if the link is unused and unexpired at `at` and the
    /// identity not revoked; else ``AccessError/invalidToken``.
    private func validSignInLink(_ secret: String, at: Timestamp) throws -> (link: Int64, identity: Identity) {
        let hash = AccessToken.hash(secret.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let row = try db.first("""
            SELECT l.id, i.token_hash FROM signin_link l JOIN identity i ON i.id = l.identity_id
            WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ? AND i.revoked_at IS NULL
            """, [.text(hash), .text(at.description)], { ($0.int64("id"), $0.string("token_hash")) }),
            let identity = try identityRow(where: "i.token_hash = ?", .text(row.1))
        else { throw AccessError.invalidToken }
        return (row.0, identity)
    }
}
