import Foundation

/// The agenda's store: one SQLite file holding one agenda, its revisions and (later) the status history.
///
/// Every write is one transaction: a refused or failed write leaves the file as it was. History is
/// append-only: changing an action records a new version under a new ``Revision``.
///
/// Not `Sendable`, like its ``Database``: use one store per task; several processes may share the file.
/// Front ends use ``AgendaService``, which owns the stores and hands them out one task at a time.
final class AgendaStore {
    let db: Database
    let encoder: JSONEncoder
    let decoder = JSONDecoder()
    /// Whether the store was opened read-only (it then never commits a change of its own).
    let isReadOnly: Bool
    /// What ``memoized(_:_:)`` keeps for the file's current state.
    private let memo = Memo()

    /// How a store opens its file.
    public enum Access: Sendable {
        /// Read only: the file must be an Agenda database of this build's schema; nothing is ever written to it.
        case read
        /// Read and write an existing Agenda database, upgrading its schema in place.
        case write
        /// Like ``write``, but an absent or empty file becomes a new database (mode 0600).
        case create
    }

    /// No file at `path`, or an empty one: no database yet (``AgendaService/holdsNoDatabase(_:)``).
    static func holdsNoDatabase(_ path: String) -> Bool {
        // stat(2), not FileManager's attribute dictionary (a dynamic cast per attribute at every start).
        var info = stat()
        return stat(path, &info) != 0 || info.st_size == 0
    }

    /// Opens the Agenda database at `path`. A file that is not an Agenda database (another SQLite
    /// file, an empty or a text file) is refused and left unchanged, whatever the access.
    /// Throws ``StoreError/newerSchema(found:known:)`` for a file written by a newer build.
    public init(path: String, access: Access = .create) throws {
        let isNew = Self.holdsNoDatabase(path)
        if isNew && access != .create {
            throw FileManager.default.fileExists(atPath: path) ? StoreError.notAgendaDatabase(path: path) : StoreError.noDatabase(path: path)
        }
        isReadOnly = access == .read
        db = try Database(path: path, create: access == .create, readOnly: access == .read)
        if !isNew {
            let applied = try Schema.migrator.appliedNumbersIfAny(db)
            guard let applied, !applied.isEmpty else { throw StoreError.notAgendaDatabase(path: path) }
            if access == .read {
                try Schema.migrator.checkCurrent(applied, path: path)
            }
        }
        if access != .read {
            try db.prepareForWriting()
            try Schema.migrator.migrate(db)
        }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Runs `body` so that every read inside it sees one snapshot of the file (one read transaction):
    /// a report built while status reports arrive is consistent. Inside a transaction, `body` joins it.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try db.read(body)
    }

    /// `compute`'s result for the file as it stands, worked out once and kept under `key` until the file
    /// changes: what a web page reads on every request (the heading, the rounds, a förvaltning's list)
    /// is then read once per change, not once per request.
    ///
    /// Correct because the memo is kept per connection and keyed on SQLite's `PRAGMA data_version`,
    /// which changes whenever any other connection — this process's writer, the CLI, another process —
    /// commits to the file. Only a read-only store memoizes (a connection's own commits leave its
    /// data_version as it was), and only inside a read transaction, where the version and what
    /// `compute` reads belong to one snapshot. Elsewhere `compute` simply runs. `compute` must depend on
    /// the file only (never on the clock or the caller) and `key` must name everything it depends on.
    func memoized<T>(_ key: String, _ compute: () throws -> T) throws -> T {
        guard isReadOnly, db.isInTransaction else { return try compute() }
        let version = try db.value("PRAGMA data_version", [], as: Int64.self)
        if version != memo.version {
            memo.values.removeAll(keepingCapacity: true)
            memo.version = version
        }
        // Unwrapped first: a missing key cast to an optional T would read as a kept nil.
        if let kept = memo.values[key], let value = kept as? T { return value }
        let value = try compute()
        memo.values[key] = value
        return value
    }

    /// Results kept by ``memoized(_:_:)`` for one state (`PRAGMA data_version`) of the file.
    private final class Memo {
        var version: Int64?
        var values: [String: Any] = [:]
    }

    /// Moves everything written so far from the WAL into the database file itself.
    func checkpoint() throws {
        _ = try db.prepare("PRAGMA wal_checkpoint(TRUNCATE)").step()
    }

    /// Whether a plan has been imported into this database.
    public func hasAgenda() throws -> Bool {
        try db.first("SELECT 1 FROM agenda", []) { _ in true } ?? false
    }

    /// Stores a freshly parsed plan as revision 1, in one transaction.
    ///
    /// Revision 1 records `decision`, dated by default the day the plan takes effect
    /// (``Agenda/takesEffect``). Departments and units that an action's ansvarig names but the
    /// register lacks are added to the register. Refuses when the database already holds an agenda,
    /// and anyone but the owner (`by`), at `at` in the audit log.
    @discardableResult
    public func importAgenda(_ agenda: Agenda, decision: Decision = Decision(), by actor: Identity, at: Timestamp) throws -> Revision {
        try write(by: actor, .importPlan, at: at) { audit in
            try refuseSecondAgenda()
            try validate(agenda)
            try insertPlan(
                AgendaDocument.Metadata(agenda), areas: agenda.areas, subAreas: agenda.subAreas,
                departments: agenda.departments)
            let revision = Revision(
                number: 1, date: decision.date ?? agenda.takesEffect, reference: decision.reference, note: decision.note)
            try insertRevision(revision)
            for (position, action) in agenda.actions.enumerated() {
                let id = try insertActionIdentity(action, position: position)
                try insertVersion(
                    ActionVersion(revision: 1, validFrom: revision.date, action: action), actionID: id,
                    missingUnits: .register)
            }
            audit.target = agenda.title
            audit.after = ImportSummary(agenda)
            return revision
        }
    }

    /// The plan as it stood at the end of `date` (nil: as it stands now): every action's version in
    /// force then, withdrawn and closed ones included with their state, and the organisation register.
    ///
    /// Actions come grouped by focus area in area order, and within an area in the order they
    /// were imported or added. Actions added after `date` are left out.
    public func agenda(asOf date: CalendarDate? = nil) throws -> Agenda {
        try db.read {
            var agenda = try metadata().agenda
            agenda.areas = try focusAreas()
            agenda.subAreas = try subAreas()
            agenda.departments = try departments()
            agenda.actions = try fetchActions(ActionFilter(includeWithdrawn: true, asOf: date))
            return agenda
        }
    }

    /// Every revision, oldest first.
    public func revisions() throws -> [Revision] {
        try db.query("SELECT number, date, reference, note FROM revision ORDER BY number", []) { row in
            Revision(
                number: row.int("number"), date: try row.date("date", in: "revision"), reference: row.optionalString("reference"),
                note: row.optionalString("note"))
        }
    }

    // MARK: - Plan structure

    func refuseSecondAgenda() throws {
        if let title = try db.value("SELECT title FROM agenda", [], as: String.self) {
            throw StoreError.alreadyExists(.agenda(title: title))
        }
    }

    /// Refuses a plan whose parts do not fit together, with a message naming the part.
    func validate(_ agenda: Agenda) throws {
        var areaNumbers = Set<Int>()
        for area in agenda.areas where !areaNumbers.insert(area.number).inserted {
            throw StoreError.invalidInput(.area, .duplicateArea(area.number))
        }
        var subAreaCodes = Set<String>()
        for subArea in agenda.subAreas {
            guard subAreaCodes.insert(subArea.code).inserted else {
                throw StoreError.invalidInput(.subArea, .duplicateSubArea(subArea.code))
            }
            guard areaNumbers.contains(subArea.areaNumber) else {
                throw StoreError.invalidInput(.subArea, .subAreaWithoutArea(subArea: subArea.code, area: subArea.areaNumber))
            }
        }
        var codes = Set<String>()
        for action in agenda.actions {
            try Validation.checkActionCode(action.code)
            guard codes.insert(action.code).inserted else {
                throw StoreError.invalidInput(.code, .duplicateAction(action.code))
            }
            try validatePlace(of: action, areas: areaNumbers, subAreas: subAreaCodes)
        }
    }

    func validatePlace(of action: Action, areas: Set<Int>, subAreas: Set<String>) throws {
        guard areas.contains(action.areaNumber) else {
            throw StoreError.invalidInput(.area, .actionWithoutArea(action: action.code, area: action.areaNumber))
        }
        if let code = action.subAreaCode, !subAreas.contains(code) {
            throw StoreError.invalidInput(.subArea, .actionWithoutSubArea(action: action.code, subArea: code))
        }
    }

    func insertPlan(
        _ metadata: AgendaDocument.Metadata, areas: [FocusArea], subAreas: [SubArea], departments: [Department]
    ) throws {
        try db.run("""
            INSERT INTO agenda (id, title, organisation, period_start, period_end, decided_by, owner, effective_date, description)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                .text(metadata.title), .text(metadata.organisation), SQLValue(metadata.period?.start),
                SQLValue(metadata.period?.end), SQLValue(metadata.decidedBy), SQLValue(metadata.owner),
                SQLValue(metadata.effectiveDate?.description), .text(metadata.description),
            ])
        for (position, area) in areas.enumerated() {
            try db.run(
                "INSERT INTO focus_area (number, title, description, position) VALUES (?, ?, ?, ?)",
                [SQLValue(area.number), .text(area.title), .text(area.description), SQLValue(position)])
        }
        for (position, subArea) in subAreas.enumerated() {
            try db.run("""
                INSERT INTO sub_area (code, area_number, title, description, reference, position)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [
                    .text(subArea.code), SQLValue(subArea.areaNumber), .text(subArea.title),
                    .text(subArea.description), SQLValue(subArea.reference), SQLValue(position),
                ])
        }
        for department in departments {
            try insertDepartment(department)
        }
    }

    func insertRevision(_ revision: Revision) throws {
        try db.run(
            "INSERT INTO revision (number, date, reference, note) VALUES (?, ?, ?, ?)",
            [SQLValue(revision.number), SQLValue(revision.date?.description), SQLValue(revision.reference), SQLValue(revision.note)])
    }

    func metadata() throws -> AgendaDocument.Metadata {
        // Asked by every check of a period (up to eight per action page): memoized per file state.
        try memoized("metadata") { try readMetadata() }
    }

    private func readMetadata() throws -> AgendaDocument.Metadata {
        let metadata = try db.first("""
            SELECT title, organisation, period_start, period_end, decided_by, owner, effective_date, description
            FROM agenda
            """, []) { row in
            AgendaDocument.Metadata(
                title: row.string("title"), organisation: row.string("organisation"),
                period: row.optionalInt("period_start").map { YearSpan(start: $0, end: row.int("period_end")) },
                decidedBy: row.optionalString("decided_by"), owner: row.optionalString("owner"),
                effectiveDate: try row.date("effective_date", in: "agenda"), description: row.string("description"))
        }
        guard let metadata else {
            throw StoreError.notFound(.agenda)
        }
        return metadata
    }

    func focusAreas() throws -> [FocusArea] {
        try db.query("SELECT number, title, description FROM focus_area ORDER BY position", []) { row in
            FocusArea(number: row.int("number"), title: row.string("title"), description: row.string("description"))
        }
    }

    func subAreas() throws -> [SubArea] {
        try db.query("SELECT code, area_number, title, description, reference FROM sub_area ORDER BY position", []) { row in
            SubArea(
                code: row.string("code"), areaNumber: row.int("area_number"), title: row.string("title"),
                description: row.string("description"), reference: row.optionalString("reference"))
        }
    }
}

/// What the audit log records of an import: counts, not the whole plan (the export has that).
struct ImportSummary: Encodable, Sendable {
    var title: String
    var areas: Int
    var subAreas: Int
    var actions: Int
    var departments: Int

    init(_ agenda: Agenda) {
        title = agenda.title
        areas = agenda.areas.count
        subAreas = agenda.subAreas.count
        actions = agenda.actions.count
        departments = agenda.departments.count
    }
}


extension AgendaStore {
    /// What the audit log keeps of a change of the plan's organisation.
    struct OrganisationChange: Encodable, Sendable {
        var organisation: String
        var decision: String?
        var decisionDate: String?
    }

    /// Names the organisation that adopted the plan — what its reports, site and pages are headed with —
    /// after `decision`: for a plan whose text names it nowhere the importer can read, or names it wrong.
    func setOrganisation(_ name: String, decision: Decision, by actor: Identity, at: Timestamp) throws {
        try write(by: actor, .changePlan, at: at) { audit in
            try requireAgenda()
            try Validation.checkName(name, field: .organisation)
            let before = try metadata().agenda.organisation
            guard before != name else { throw StoreError.conflict(.organisationUnchanged(name)) }
            try db.run("UPDATE agenda SET organisation = ? WHERE id = 1", [.text(name)])
            audit = AuditDraft(
                operation: "set organisation", target: name,
                before: OrganisationChange(organisation: before),
                after: OrganisationChange(organisation: name, decision: decision.reference, decisionDate: decision.date?.description))
        }
    }
}
