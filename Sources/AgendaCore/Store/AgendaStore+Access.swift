import Foundation

/// Identities, authentication and the authorised write every change goes through.
extension AgendaStore {
    // MARK: - Authentication

    /// The identity whose token is `token`. Throws ``AccessError/invalidToken`` for an unknown,
    /// revoked or replaced token; the error never repeats the token.
    public func authenticate(token: String) throws -> Identity {
        let hash = AccessToken.hash(token.trimmingCharacters(in: .whitespacesAndNewlines))
        return try db.read {
            guard let identity = try identityRow(where: "i.token_hash = ?", .text(hash)), identity.revokedAt == nil else {
                throw AccessError.invalidToken
            }
            return identity
        }
    }

    /// Whether the database has an owner identity (revoked or not).
    public func hasOwner() throws -> Bool {
        try db.first("SELECT 1 FROM identity WHERE role = 'owner'", []) { _ in true } ?? false
    }

    /// Creates the first owner of a database that has none, and returns its token (to be shown once).
    /// Refuses when the database already has an owner: the owner adds further identities.
    public func createOwner(name: String = "IT-chef", at: Timestamp) throws -> IssuedToken {
        try db.transaction {
            guard try !hasOwner() else {
                throw StoreError.alreadyExists(.owner)
            }
            let issued = try insertIdentity(name: name, role: .owner, department: nil, at: at)
            try insertAudit(
                AuditDraft(operation: "create owner", target: issued.identity.name, after: issued.identity),
                identity: issued.identity.name, at: at)
            return issued
        }
    }

    /// Gives the first owner a new token (lifting a revocation), or creates an owner where there is
    /// none: the way back from a lost owner token. It needs no token, only write access to the file —
    /// whoever has that can change anything in it anyway — and is audited as a recovery.
    public func recoverOwner(at: Timestamp) throws -> IssuedToken {
        try db.transaction {
            guard let owner = try db.value(
                "SELECT name FROM identity WHERE role = 'owner' ORDER BY id LIMIT 1", [], as: String.self)
            else {
                let issued = try insertIdentity(name: "IT-chef", role: .owner, department: nil, at: at)
                try insertAudit(
                    AuditDraft(operation: "recover owner", target: issued.identity.name, after: issued.identity),
                    identity: nil, at: at)
                return issued
            }
            let before = try requireIdentity(owner)
            let token = AccessToken.generate()
            try db.run(
                "UPDATE identity SET token_hash = ?, revoked_at = NULL WHERE name_key = ?",
                [.text(AccessToken.hash(token)), .text(Self.key(owner))])
            var after = before
            after.revokedAt = nil
            try insertAudit(
                AuditDraft(operation: "recover owner", target: before.name, before: before, after: after), identity: nil, at: at)
            return IssuedToken(identity: after, token: token)
        }
    }

    // MARK: - Managing identities

    /// Every identity, in the order they were created, without any proof of token (they cannot write).
    public func identities() throws -> [Identity] {
        try db.read {
            try db.query("\(Self.identitySelect) ORDER BY i.id", []) { try readIdentity($0, withHash: false) }
        }
    }

    /// Adds an identity and returns its new token. `department` (a reporter's förvaltning) is a name
    /// or alias the register knows; owner and reader take none.
    public func addIdentity(
        name: String, role: Role, department: String? = nil, email: String? = nil, by actor: Identity, at: Timestamp
    ) throws -> IssuedToken {
        try write(by: actor, .manageIdentities, at: at) { audit in
            let issued = try insertIdentity(name: name, role: role, department: department, email: email, at: at)
            audit = AuditDraft(operation: "add identity", target: issued.identity.name, after: issued.identity)
            return issued
        }
    }

    /// Gives the identity `name` the e-mail address `email`, or takes its address away (nil).
    @discardableResult
    public func setEmail(_ email: String?, of name: String, by actor: Identity, at: Timestamp) throws -> Identity {
        try write(by: actor, .manageIdentities, at: at) { audit in
            let before = try requireIdentity(name)
            let email = try email.map(EmailAddress.checked)
            try db.run("UPDATE identity SET email = ? WHERE name_key = ?", [SQLValue(email), .text(Self.key(name))])
            var after = before
            after.email = email
            audit = AuditDraft(operation: "set email", target: before.name, before: before, after: after)
            return after
        }
    }

    /// Revokes the identity `name`'s token: it can no longer do anything until renewed.
    /// Refuses to revoke the last valid owner.
    @discardableResult
    public func revokeIdentity(name: String, by actor: Identity, at: Timestamp) throws -> Identity {
        try write(by: actor, .manageIdentities, at: at) { audit in
            let before = try requireIdentity(name)
            guard before.revokedAt == nil else {
                throw StoreError.conflict(.alreadyRevoked(identity: before.name, at: before.revokedAt ?? at))
            }
            if before.role == .owner {
                let owners = try db.value("SELECT count(*) FROM identity WHERE role = 'owner' AND revoked_at IS NULL", [], as: Int.self) ?? 0
                guard owners > 1 else {
                    throw StoreError.conflict(.onlyOwner(identity: before.name))
                }
            }
            try db.run("UPDATE identity SET revoked_at = ? WHERE name_key = ?", [.text(at.description), .text(Self.key(name))])
            var after = before
            after.revokedAt = at
            audit = AuditDraft(operation: "revoke identity", target: before.name, before: before, after: after)
            return after
        }
    }

    /// Gives the identity `name` a new token (the old one stops working) and lifts a revocation.
    public func renewIdentity(name: String, by actor: Identity, at: Timestamp) throws -> IssuedToken {
        try write(by: actor, .manageIdentities, at: at) { audit in
            let before = try requireIdentity(name)
            let token = AccessToken.generate()
            try db.run(
                "UPDATE identity SET token_hash = ?, revoked_at = NULL WHERE name_key = ?",
                [.text(AccessToken.hash(token)), .text(Self.key(name))])
            var after = before
            after.revokedAt = nil
            audit = AuditDraft(operation: "renew identity", target: before.name, before: before, after: after)
            return IssuedToken(identity: after, token: token)
        }
    }

    // MARK: - The authorised write

    /// What a write puts in the audit log; the JSON is encoded when the entry is written.
    struct AuditDraft {
        var operation: String
        var target: String = ""
        var before: (any Encodable & Sendable)?
        var after: (any Encodable & Sendable)?
    }

    /// Runs `body` as one write transaction by `actor`: the token is re-checked and the policy asked
    /// inside the transaction, and the audit entry `body` fills in is written in the same transaction.
    func write<T>(
        by actor: Identity, _ kind: AccessPolicy.Write, at: Timestamp, _ body: (inout AuditDraft) throws -> T
    ) throws -> T {
        try db.transaction {
            let current = try verify(actor)
            try AccessPolicy.check(current, kind)
            var audit = AuditDraft(operation: kind.rawValue)
            let result = try body(&audit)
            try insertAudit(audit, identity: current.signature, at: at)
            return result
        }
    }

    /// The identity as stored now, refusing one whose token was revoked or replaced since it authenticated.
    func verify(_ actor: Identity) throws -> Identity {
        guard let hash = actor.tokenHash,
              let current = try identityRow(where: "i.token_hash = ?", .text(hash)),
              current.revokedAt == nil
        else { throw AccessError.invalidToken }
        return current
    }

    func insertAudit(_ draft: AuditDraft, identity: String?, at: Timestamp) throws {
        func json(_ value: (any Encodable & Sendable)?) throws -> SQLValue {
            guard let value else { return .null }
            return .text(String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        try db.run(
            "INSERT INTO audit_log (at, identity_name, operation, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)",
            [.text(at.description), SQLValue(identity), .text(draft.operation), .text(draft.target),
             try json(draft.before), try json(draft.after)])
    }

    /// The audit log, oldest first.
    public func auditLog() throws -> [AuditEntry] {
        try db.query(
            "SELECT id, at, identity_name, operation, target, before_json, after_json FROM audit_log ORDER BY id", []
        ) { row in
            AuditEntry(
                number: row.int("id"), at: try row.timestamp("at", in: "audit_log"), identity: row.optionalString("identity_name"),
                operation: row.string("operation"), target: row.string("target"),
                before: row.optionalString("before_json"), after: row.optionalString("after_json"))
        }
    }

    // MARK: - Rows

    static let identitySelect = """
        SELECT i.name, i.role, d.name AS department, i.created_at, i.revoked_at, i.token_hash, i.email,
               i.account_subject IS NOT NULL AS has_account
        FROM identity i LEFT JOIN department d ON d.id = i.department_id
        """

    func identityRow(where condition: String, _ argument: SQLValue) throws -> Identity? {
        try identityRow(where: condition, [argument])
    }

    func identityRow(where condition: String, _ arguments: [SQLValue]) throws -> Identity? {
        try db.first("\(Self.identitySelect) WHERE \(condition)", arguments) { try readIdentity($0, withHash: true) }
    }

    /// The identity a record names by its ``Identity/signature`` ("Anna Svensson, Skolförvaltningen"), or
    /// by its name alone as records before persons did; nil when none is.
    func identityID(signedAs signature: String) throws -> Int64? {
        if let id = try db.value("SELECT id FROM identity WHERE name_key = ?", [.text(Self.key(signature))], as: Int64.self) { return id }
        guard let comma = signature.range(of: ", ", options: .backwards) else { return nil }
        return try db.value("""
            SELECT i.id FROM identity i JOIN department d ON d.id = i.department_id WHERE i.name_key = ? AND d.name = ?
            """, [.text(Self.key(String(signature[..<comma.lowerBound]))), .text(String(signature[comma.upperBound...]))], as: Int64.self)
    }

    func requireIdentity(_ name: String) throws -> Identity {
        guard var identity = try identityRow(where: "i.name_key = ?", .text(Self.key(name))) else {
            throw StoreError.notFound(.identity(name))
        }
        identity.tokenHash = nil
        return identity
    }

    func readIdentity(_ row: Row, withHash: Bool) throws -> Identity {
        guard let role = Role(rawValue: row.string("role")) else {
            throw StoreError.corrupt("identitet \(row.string("name")): okänd roll \"\(row.string("role"))\"")
        }
        var identity = Identity(
            name: row.string("name"), role: role, department: row.optionalString("department"),
            createdAt: try row.timestamp("created_at", in: "identity"),
            revokedAt: row.isNull("revoked_at") ? nil : try row.timestamp("revoked_at", in: "identity"),
            email: row.optionalString("email"))
        identity.hasAccount = row.int("has_account") != 0
        if withHash { identity.tokenHash = row.string("token_hash") }
        return identity
    }

    func insertIdentity(
        name: String, role: Role, department: String?, email: String? = nil, at: Timestamp, tokenHash: String? = nil
    ) throws -> IssuedToken {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try Validation.checkName(name, field: .identityName)
        let email = try email.map(EmailAddress.checked)
        guard try db.first("SELECT 1 FROM identity WHERE name_key = ?", [.text(Self.key(name))], { _ in true }) == nil else {
            throw StoreError.alreadyExists(.identity(name))
        }
        var departmentID: Int64?
        var departmentName: String?
        switch (role, department) {
        case (.reporter, nil):
            throw StoreError.invalidInput(.department, .reporterNeedsDepartment)
        case let (.reporter, name?):
            let id = try requireDepartment(try resolveDepartment(name).department)
            departmentID = id
            departmentName = try db.value("SELECT name FROM department WHERE id = ?", [.integer(id)], as: String.self)
        case (_, .some):
            throw StoreError.invalidInput(.department, .departmentForNonReporter(role))
        case (_, nil):
            break
        }
        let token = AccessToken.generate()
        try db.run("""
            INSERT INTO identity (name, name_key, role, department_id, token_hash, created_at, email) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.text(name), .text(Self.key(name)), .text(role.rawValue), SQLValue(departmentID),
                  .text(tokenHash ?? AccessToken.hash(token)), .text(at.description), SQLValue(email)])
        var identity = Identity(name: name, role: role, department: departmentName, createdAt: at, email: email)
        identity.tokenHash = AccessToken.hash(token)
        return IssuedToken(identity: identity, token: token)
    }
}

