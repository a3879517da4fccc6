/// Signing in with the municipality's accounts (OpenID Connect), and the access requests of accounts
/// that have no identity yet. The web checks the provider's ID token; what an account may do is decided here.
extension AgendaStore {
    /// Signs `account` in, in one transaction. An identity bound to the account (issuer, subject) signs in,
    /// whatever address the account has now. Else an identity with the account's address signs in and is
    /// bound to it — only when the provider vouches for the address (`email_verified`) and the identity has
    /// no account yet. Else the account's request for access is found or made (audited, by no identity).
    public func signIn(with account: Account, at: Timestamp) throws -> AccountSignIn {
        try db.transaction {
            if let identity = try identityRow(
                where: "i.account_issuer = ? AND i.account_subject = ?", [.text(account.issuer), .text(account.subject)])
            {
                guard identity.revokedAt == nil else { return .revoked(identity: identity.name) }
                try insertAudit(AuditDraft(operation: "sign in with account", target: identity.name), identity: identity.signature, at: at)
                return .signedIn(identity)
            }
            let match = try account.email.flatMap { email in
                try identityRow(where: "lower(i.email) = lower(?) AND i.account_subject IS NULL AND i.revoked_at IS NULL", [.text(email)])
            }
            if let match, account.emailVerified {
                try bindAccount(issuer: account.issuer, subject: account.subject, to: match.name)
                var bound = match
                bound.hasAccount = true
                try insertAudit(
                    AuditDraft(operation: "bind account", target: match.name, before: match, after: bound), identity: match.signature, at: at)
                return .signedIn(bound)
            }
            if let request = try accessRequest(issuer: account.issuer, subject: account.subject) {
                if request.decision == .declined { return .declined(request) }
                return .requested(request, unverifiedMatch: match != nil)
            }
            try db.run("""
                INSERT INTO access_request (issuer, subject, name, email, email_verified, requested_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [.text(account.issuer), .text(account.subject), .text(account.name), SQLValue(account.email),
                      .integer(account.emailVerified ? 1 : 0), .text(at.description)])
            let request = AccessRequest(
                number: Int(db.lastInsertRowID), name: account.name, email: account.email, emailVerified: account.emailVerified,
                requestedAt: at)
            try insertAudit(AuditDraft(operation: "request access", target: account.name, after: request), identity: nil, at: at)
            return .requested(request, unverifiedMatch: match != nil)
        }
    }

    /// The access requests, oldest first: those still waiting, or (`all`) every one with its decision.
    public func accessRequests(all: Bool = false) throws -> [AccessRequest] {
        try db.query("\(Self.requestSelect) \(all ? "" : "WHERE decision IS NULL") ORDER BY id", [], readRequest)
    }

    /// Grants the waiting request `number`: a new identity named `name` (the account's name when nil), with
    /// `role` and a reporter's `department`, the account's address and the account itself bound to it.
    /// Refused when the request is decided already or the name is taken.
    @discardableResult
    public func grantAccessRequest(
        _ number: Int, name: String?, role: Role, department: String?, by actor: Identity, at: Timestamp
    ) throws -> Identity {
        try write(by: actor, .manageIdentities, at: at) { audit in
            let (request, issuer, subject) = try waitingRequest(number)
            // An address the provider does not vouch for is not the identity's address for the round's mail.
            let email = request.emailVerified ? request.email.flatMap { EmailAddress.isValid($0) ? $0 : nil } : nil
            var identity = try insertIdentity(
                name: name ?? request.name, role: role, department: department, email: email, at: at
            ).identity
            try bindAccount(issuer: issuer, subject: subject, to: identity.name)
            try decide(number, .granted, identity: identity.name, by: actor, at: at)
            identity.hasAccount = true
            identity.tokenHash = nil
            audit = AuditDraft(operation: "grant access", target: identity.name, before: request, after: identity)
            return identity
        }
    }

    /// Declines the waiting request `number`: the account stays without access and asks no more.
    @discardableResult
    public func declineAccessRequest(_ number: Int, by actor: Identity, at: Timestamp) throws -> AccessRequest {
        try write(by: actor, .manageIdentities, at: at) { audit in
            var (request, _, _) = try waitingRequest(number)
            try decide(number, .declined, identity: nil, by: actor, at: at)
            request.decision = .declined
            request.decidedAt = at
            request.decidedBy = actor.signature
            audit = AuditDraft(operation: "decline access", target: request.name, after: request)
            return request
        }
    }

    /// Binds the account (issuer, subject) to the identity `name`: later sign-ins find it by the account alone.
    func bindAccount(issuer: String, subject: String, to name: String) throws {
        try db.run(
            "UPDATE identity SET account_issuer = ?, account_subject = ? WHERE name_key = ?",
            [.text(issuer), .text(subject), .text(Self.key(name))])
    }

    // MARK: - Rows

    private static let requestSelect = """
        SELECT id, issuer, subject, name, email, email_verified, requested_at, decision, decided_at, decided_by, identity_name
        FROM access_request
        """

    private func readRequest(_ row: Row) throws -> AccessRequest {
        AccessRequest(
            number: row.int("id"), name: row.string("name"), email: row.optionalString("email"),
            emailVerified: row.int("email_verified") != 0, requestedAt: try row.timestamp("requested_at", in: "access_request"),
            decision: row.optionalString("decision").flatMap(AccessRequest.Decision.init(rawValue:)),
            decidedAt: row.isNull("decided_at") ? nil : try row.timestamp("decided_at", in: "access_request"),
            decidedBy: row.optionalString("decided_by"), identity: row.optionalString("identity_name"))
    }

    private func accessRequest(issuer: String, subject: String) throws -> AccessRequest? {
        try db.first("\(Self.requestSelect) WHERE issuer = ? AND subject = ?", [.text(issuer), .text(subject)], readRequest)
    }

    /// The request `number` with its account, refused unless it waits.
    private func waitingRequest(_ number: Int) throws -> (AccessRequest, issuer: String, subject: String) {
        guard let found = try db.first("\(Self.requestSelect) WHERE id = ?", [.integer(Int64(number))], { row in
            (try readRequest(row), row.string("issuer"), row.string("subject"))
        }) else { throw StoreError.notFound(.accessRequest(number)) }
        guard found.0.decision == nil else { throw StoreError.conflict(.requestDecided(number: number, granted: found.0.decision == .granted)) }
        return found
    }

    private func decide(_ number: Int, _ decision: AccessRequest.Decision, identity: String?, by actor: Identity, at: Timestamp) throws {
        try db.run(
            "UPDATE access_request SET decision = ?, decided_at = ?, decided_by = ?, identity_name = ? WHERE id = ?",
            [.text(decision.rawValue), .text(at.description), .text(actor.signature), SQLValue(identity), .integer(Int64(number))])
    }
}
