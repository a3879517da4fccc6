/// The one department rule: which förvaltning or enhet a name a person typed means. `list actions`,
/// `report --department`, `status missing`, `status mine` and `identity add --department` (and the
/// web) all ask it, so the same name gives the same answer everywhere.
extension AgendaStore {
    /// The förvaltning (or enhet, with its förvaltning) `name` means: a förvaltning's name or alias, else an enhet's name,
    /// ignoring case, NFC/NFD and extra spaces. An enhet name that several förvaltningar use resolves to
    /// the first in register order. Throws ``StoreError/notFound(_:)`` naming the closest known names.
    public func resolveDepartment(_ name: String) throws -> UnitRef {
        try db.read {
            if let id = try departmentID(named: name) {
                return UnitRef(department: try department(id: id).name)
            }
            if let match = try db.first("""
                SELECT d.name AS department, u.name AS unit FROM unit u JOIN department d ON d.id = u.department_id
                WHERE u.name_key = ? ORDER BY d.position, u.position LIMIT 1
                """, [.text(Self.key(name))], { UnitRef(department: $0.string("department"), unit: $0.string("unit")) }) {
                return match
            }
            throw StoreError.notFound(.organisationName(name, closest: try closestNames(to: name)))
        }
    }

    /// Up to three register names (förvaltningar, aliases, enheter) nearest to `name`, nearest first:
    /// within a third of the name's length in edits, or containing it.
    func closestNames(to name: String) throws -> [String] {
        let key = Array(Self.key(name))
        guard !key.isEmpty else { return [] }
        let names = try db.values("""
            SELECT name FROM department UNION ALL SELECT alias FROM department_alias UNION ALL SELECT name FROM unit
            """, [], as: String.self)
        let limit = max(2, key.count / 3)
        var rows = OrganisationRegister.EditRows()
        var scored: [(distance: Int, name: String)] = []
        for candidate in names {
            let candidateKey = Self.key(candidate)
            var distance = OrganisationRegister.editDistance(key, Array(candidateKey), limit: limit, rows: &rows)
            if distance > limit, key.count >= 3, candidateKey.contains(String(key)) { distance = limit }
            if distance <= limit, !scored.contains(where: { $0.name == candidate }) { scored.append((distance, candidate)) }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(3).map(\.name)
    }
}
