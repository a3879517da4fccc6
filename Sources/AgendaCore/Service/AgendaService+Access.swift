extension AgendaService {
    /// The identity whose token is `token`. Throws ``AccessError/invalidToken`` for an unknown, revoked or
    /// replaced token; the error never repeats the token. Every write checks the identity again inside
    /// its transaction, so a token revoked meanwhile stops working at once.
    public func authenticate(token: String) throws -> Identity {
        try reading { store in try store.authenticate(token: token) }
    }

    /// Every identity, in the order created (never a token or its hash).
    public func identities() throws -> [Identity] {
        try reading { store in try store.identities() }
    }

    /// Adds an identity; a reporter's `department` is found by the one department rule. A name that is
    /// not printable text is refused. The new token is in the result, to be shown once.
    public func addIdentity(
        name: String, role: Role, department: String?, email: String? = nil, by caller: Identity
    ) throws -> IssuedToken {
        try write { store in
            try store.addIdentity(
                name: TextCleaner.withoutBidiControls(name), role: role, department: department, email: email, by: caller, at: now)
        }
    }

    /// Gives `name` the e-mail address `email` (checked), or takes it away (nil).
    @discardableResult
    public func setEmail(_ email: String?, of name: String, by caller: Identity) throws -> Identity {
        try write { store in try store.setEmail(email, of: name, by: caller, at: now) }
    }

    /// Revokes `name`'s token: it stops working at the next request.
    @discardableResult
    public func revokeIdentity(name: String, by caller: Identity) throws -> Identity {
        try write { store in try store.revokeIdentity(name: name, by: caller, at: now) }
    }

    /// Gives `name` a new token (the old one stops working) and lifts a revocation.
    public func renewIdentity(name: String, by caller: Identity) throws -> IssuedToken {
        try write { store in try store.renewIdentity(name: name, by: caller, at: now) }
    }

    /// Creates the owner of a database that has none yet (`agenda init` on an existing file).
    public func createOwnerIfNone(name: String = "IT-chef") throws -> IssuedToken? {
        try write { store in try store.hasOwner() ? nil : try store.createOwner(name: name, at: now) }
    }

    /// A new token for the first owner (or a new owner where there is none), for whoever can write the
    /// database file: the way back from a lost owner token. Audited as "recover owner".
    public func recoverOwner() throws -> IssuedToken {
        try write { store in try store.recoverOwner(at: now) }
    }

    /// Whether the database holds an agenda yet.
    public func hasAgenda() throws -> Bool {
        try reading { store in try store.hasAgenda() }
    }
}

extension AgendaService {
    /// A one-time sign-in link secret for `name` (owner only), valid for `seconds`: the web's
    /// `/logga-in/SECRET` signs that identity in once. The IT-chef can e-mail it instead of a token.
    public func createSignInLink(for name: String, validFor seconds: Int64, by caller: Identity) throws -> String {
        try write { store in try store.createSignInLink(for: name, validFor: seconds, by: caller, at: now) }
    }

    /// The identity a one-time link secret would sign in, leaving the link unused (``AccessError/invalidToken``
    /// for a used, expired or unknown link, or a revoked identity).
    public func signInLinkHolder(_ secret: String) throws -> Identity {
        try reading { store in try store.signInLinkHolder(secret, at: now) }
    }

    /// Signs in with a one-time link secret (see ``createSignInLink(for:validFor:by:)``).
    public func redeemSignInLink(_ secret: String) throws -> Identity {
        try write { store in try store.redeemSignInLink(secret, at: now) }
    }

    /// The identity a web session was signed in as, as it stands now; refused (``AccessError/invalidToken``)
    /// once the identity is revoked or its token renewed, so that its sessions end at the next request.
    public func verify(_ identity: Identity) throws -> Identity {
        // Memoized per file state: a revocation or a renewed token is a change of the file.
        try reading { store in try store.memoized("verify\u{0}\(identity.tokenHash ?? "")") { try store.verify(identity) } }
    }
}

extension AgendaService {
    /// Signs in with a person's account at the municipality's OpenID provider (``AgendaStore/signIn(with:at:)``).
    public func signIn(with account: Account) throws -> AccountSignIn {
        try write { store in try store.signIn(with: account, at: now) }
    }

    /// The access requests still waiting (or, `all`, every one), oldest first.
    public func accessRequests(all: Bool = false) throws -> [AccessRequest] {
        try reading { store in try store.accessRequests(all: all) }
    }

    /// Grants the waiting request `number` (owner only): a new identity with the account bound to it.
    @discardableResult
    public func grantAccessRequest(_ number: Int, name: String?, role: Role, department: String?, by caller: Identity) throws -> Identity {
        try write { store in
            try store.grantAccessRequest(
                number, name: name.map(TextCleaner.withoutBidiControls), role: role, department: department, by: caller, at: now)
        }
    }

    /// Declines the waiting request `number` (owner only).
    @discardableResult
    public func declineAccessRequest(_ number: Int, by caller: Identity) throws -> AccessRequest {
        try write { store in try store.declineAccessRequest(number, by: caller, at: now) }
    }
}
