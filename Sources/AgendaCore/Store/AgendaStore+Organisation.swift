import Foundation

/// The organisation register: förvaltningar, their enheter and aliases. Not versioned: the register
/// says who is who, the action versions say who is responsible.
extension AgendaStore {
    /// The register, förvaltningar in the order they were added, each with its units and aliases in order.
    public func departments() throws -> [Department] {
        try db.read {
            let rows = try db.query("SELECT id, name FROM department ORDER BY position", []) { ($0.int64("id"), $0.string("name")) }
            return try rows.map { id, name in
                Department(
                    name: name,
                    aliases: try db.values(
                        "SELECT alias FROM department_alias WHERE department_id = ? ORDER BY position",
                        [.integer(id)], as: String.self),
                    units: try db.values(
                        "SELECT name FROM unit WHERE department_id = ? ORDER BY position",
                        [.integer(id)], as: String.self))
            }
        }
    }

    /// Adds a förvaltning. Refuses a name that is already a förvaltning's name or alias (ignoring case).
    public func addDepartment(name: String, by actor: Identity, at: Timestamp) throws {
        try write(by: actor, .changeRegister, at: at) { audit in
            try Validation.checkName(name, field: .departmentName)
            _ = try insertDepartment(Department(name: name))
            audit.target = name
            audit.after = Department(name: name)
        }
    }

    /// Adds an enhet to the förvaltning named `department` (its name or an alias).
    public func addUnit(_ unit: String, to department: String, by actor: Identity, at: Timestamp) throws {
        try write(by: actor, .changeRegister, at: at) { audit in
            try Validation.checkName(unit, field: .unitName)
            let id = try requireDepartment(department)
            let before = try self.department(id: id)
            try insertUnit(unit, departmentID: id)
            audit = AuditDraft(operation: "add unit", target: before.name, before: before, after: try self.department(id: id))
        }
    }

    /// Adds an alias (a spelling variant, "SLF") for the förvaltning named `department` (its name or an alias).
    /// Refuses an alias that already names a förvaltning.
    public func addAlias(_ alias: String, for department: String, by actor: Identity, at: Timestamp) throws {
        try write(by: actor, .changeRegister, at: at) { audit in
            try Validation.checkName(alias, field: .alias)
            let id = try requireDepartment(department)
            let before = try self.department(id: id)
            try insertAlias(alias, departmentID: id)
            audit = AuditDraft(operation: "add alias", target: before.name, before: before, after: try self.department(id: id))
        }
    }

    /// Adds to the register, in one transaction, what is new of: the förvaltning `department` (a name or
    /// alias it already has, or a new förvaltning), the enhet `unit` under it, and `aliases` for it.
    /// Returns the förvaltning's name as the register writes it. Refuses an enhet it already has,
    /// an alias that names another förvaltning, and a call that adds nothing.
    @discardableResult
    public func addUnit(
        department: String, unit: String? = nil, aliases: [String] = [], by actor: Identity, at: Timestamp
    ) throws -> String {
        try write(by: actor, .changeRegister, at: at) { audit in
            try Validation.checkName(department, field: .departmentName)
            if let unit { try Validation.checkName(unit, field: .unitName) }
            for alias in aliases { try Validation.checkName(alias, field: .alias) }
            var added = false
            let id: Int64
            if let existing = try departmentID(named: department) {
                id = existing
                audit.before = try self.department(id: id)
            } else {
                id = try insertDepartment(Department(name: department))
                added = true
            }
            if let unit {
                try insertUnit(unit, departmentID: id)
                added = true
            }
            for alias in aliases where try departmentID(named: alias) != id {
                try insertAlias(alias, departmentID: id)
                added = true
            }
            let name = try db.value("SELECT name FROM department WHERE id = ?", [.integer(id)], as: String.self) ?? department
            guard added else {
                throw StoreError.alreadyExists(.registerEntry(name, aliases: !aliases.isEmpty))
            }
            audit.target = name
            audit.after = try self.department(id: id)
            return name
        }
    }

    /// Adds what `register` has and the store lacks: förvaltningar, their enheter and aliases.
    /// Nothing is removed or renamed. Refuses an alias that names another förvaltning in the store.
    func merge(_ register: OrganisationRegister) throws {
        for department in register.departments {
            let id = try departmentID(named: department.name) ?? insertDepartment(Department(name: department.name))
            for unit in department.units where try unitID(named: unit, departmentID: id) == nil {
                try insertUnit(unit, departmentID: id)
            }
            for alias in department.aliases where try departmentID(named: alias) != id {
                try insertAlias(alias, departmentID: id)
            }
        }
    }

    // MARK: - Lookup

    /// One förvaltning of the register with its enheter and aliases.
    func department(id: Int64) throws -> Department {
        guard let name = try db.value("SELECT name FROM department WHERE id = ?", [.integer(id)], as: String.self) else {
            throw StoreError.corrupt("ingen förvaltning med id \(id)")
        }
        return Department(
            name: name,
            aliases: try db.values(
                "SELECT alias FROM department_alias WHERE department_id = ? ORDER BY position", [.integer(id)], as: String.self),
            units: try db.values("SELECT name FROM unit WHERE department_id = ? ORDER BY position", [.integer(id)], as: String.self))
    }

    /// How names are compared: ``SwedishText/key(_:)`` (so "MÖLNDAL" finds "Mölndal").
    static func key(_ name: String) -> String { SwedishText.key(name) }

    /// The förvaltning whose name or alias is `name`, ignoring case.
    func departmentID(named name: String) throws -> Int64? {
        let key = Self.key(name)
        if let id = try db.value("SELECT id FROM department WHERE name_key = ?", [.text(key)], as: Int64.self) {
            return id
        }
        return try db.value("SELECT department_id FROM department_alias WHERE alias_key = ?", [.text(key)], as: Int64.self)
    }

    func requireDepartment(_ name: String) throws -> Int64 {
        guard let id = try departmentID(named: name) else {
            throw StoreError.notFound(.department(name))
        }
        return id
    }

    func unitID(named name: String, departmentID: Int64) throws -> Int64? {
        try db.value(
            "SELECT id FROM unit WHERE department_id = ? AND name_key = ?",
            [.integer(departmentID), .text(Self.key(name))], as: Int64.self)
    }

    enum MissingUnits {
        /// Add a förvaltning or enhet the register lacks (importing a plan: the plan is the source).
        case register
        /// Refuse a name the register lacks (editing: a typo must not create a förvaltning).
        case refuse
    }

    /// The register rows a unit reference names.
    func resolve(_ ref: UnitRef, missing: MissingUnits) throws -> (department: Int64, unit: Int64?) {
        let department: Int64
        if let id = try departmentID(named: ref.department) {
            department = id
        } else if missing == .register {
            department = try insertDepartment(Department(name: ref.department))
        } else {
            throw StoreError.notFound(.department(ref.department))
        }
        guard let unit = ref.unit else { return (department, nil) }
        if let id = try unitID(named: unit, departmentID: department) { return (department, id) }
        guard missing == .register else {
            throw StoreError.notFound(.unit(department: ref.department, unit: unit))
        }
        return (department, try insertUnit(unit, departmentID: department))
    }

    // MARK: - Writing

    @discardableResult
    func insertDepartment(_ department: Department) throws -> Int64 {
        guard try departmentID(named: department.name) == nil else {
            throw StoreError.alreadyExists(.departmentOrAlias(department.name))
        }
        try db.run("""
            INSERT INTO department (name, name_key, position)
            VALUES (?, ?, (SELECT coalesce(max(position) + 1, 0) FROM department))
            """, [.text(department.name), .text(Self.key(department.name))])
        let id = db.lastInsertRowID
        for unit in department.units { try insertUnit(unit, departmentID: id) }
        for alias in department.aliases { try insertAlias(alias, departmentID: id) }
        return id
    }

    @discardableResult
    func insertUnit(_ name: String, departmentID: Int64) throws -> Int64 {
        guard try unitID(named: name, departmentID: departmentID) == nil else {
            throw StoreError.alreadyExists(.unit(name))
        }
        try db.run("""
            INSERT INTO unit (department_id, name, name_key, position)
            VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM unit WHERE department_id = ?1))
            """, [.integer(departmentID), .text(name), .text(Self.key(name))])
        return db.lastInsertRowID
    }

    func insertAlias(_ alias: String, departmentID: Int64) throws {
        guard try self.departmentID(named: alias) == nil else {
            throw StoreError.alreadyExists(.aliasIsDepartment(alias))
        }
        try db.run("""
            INSERT INTO department_alias (department_id, alias, alias_key, position)
            VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM department_alias WHERE department_id = ?1))
            """, [.integer(departmentID), .text(alias), .text(Self.key(alias))])
    }
}
