@testable import AgendaCore

/// The store's write methods as the older tests call them: by the database's owner (created on first
/// use) at a fixed moment. Tests about access call the full signatures with an explicit identity.
extension AgendaStore {
    static let testMoment = Timestamp(CalendarDate(year: 2018, month: 6, day: 30), hour: 12)

    /// The owner, created when the database has none, carrying its token's hash so it may write.
    func testOwner() throws -> Identity {
        if let owner = try identityRow(where: "i.role = ?", .text("owner")) { return owner }
        return try createOwner(at: Self.testMoment).identity
    }

    @discardableResult
    func importAgenda(_ agenda: Agenda, decision: Decision = Decision()) throws -> Revision {
        try importAgenda(agenda, decision: decision, by: testOwner(), at: Self.testMoment)
    }

    func importDocument(_ document: AgendaDocument) throws {
        let hasIdentities = try db.first("SELECT 1 FROM identity", [], { _ in true }) != nil
        let actor: Identity? = document.identities.isEmpty || hasIdentities ? try testOwner() : nil
        try importDocument(document, by: actor, at: Self.testMoment)
    }

    @discardableResult
    func addAction(_ action: Action, decision: Decision, register: OrganisationRegister? = nil) throws -> Revision {
        try addAction(action, decision: decision, register: register, by: testOwner(), at: Self.testMoment)
    }

    @discardableResult
    func reviseAction(code: String, decision: Decision, _ change: (inout Action) throws -> Void) throws -> Action {
        try reviseAction(code: code, decision: decision, by: testOwner(), at: Self.testMoment, change)
    }

    @discardableResult
    func reviseAction(
        code: String, decision: Decision, _ change: (inout Action, inout OrganisationRegister) throws -> Void
    ) throws -> Action {
        try reviseAction(code: code, decision: decision, by: testOwner(), at: Self.testMoment, change)
    }

    @discardableResult
    func withdrawAction(code: String, decision: Decision) throws -> Action {
        try withdrawAction(code: code, decision: decision, by: testOwner(), at: Self.testMoment)
    }

    @discardableResult
    func closeAction(code: String, decision: Decision) throws -> Action {
        try closeAction(code: code, decision: decision, by: testOwner(), at: Self.testMoment)
    }

    func addDepartment(name: String) throws {
        try addDepartment(name: name, by: testOwner(), at: Self.testMoment)
    }

    func addUnit(_ unit: String, to department: String) throws {
        try addUnit(unit, to: department, by: testOwner(), at: Self.testMoment)
    }

    func addAlias(_ alias: String, for department: String) throws {
        try addAlias(alias, for: department, by: testOwner(), at: Self.testMoment)
    }

    @discardableResult
    func addUnit(department: String, unit: String? = nil, aliases: [String] = []) throws -> String {
        try addUnit(department: department, unit: unit, aliases: aliases, by: testOwner(), at: Self.testMoment)
    }
}
