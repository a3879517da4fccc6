/// The whole agenda with its history as an ``AgendaDocument``, for the JSON export and import.
extension AgendaStore {
    /// Everything the database holds about the plan: metadata, areas, register, every revision and every version.
    public func exportDocument() throws -> AgendaDocument {
        try db.read {
            let metadata = try metadata()
            let actionIDs = try db.query("SELECT a.id FROM action a ORDER BY \(Self.planOrder)", []) { $0.int64(0) }
            let records = try actionIDs.map { id -> AgendaDocument.ActionRecord in
                let versions = try versions(actionID: id).map(\.version)
                guard var current = versions.first else { throw StoreError.corrupt("an action without any version") }
                for version in versions.dropFirst() where version.supersedes(current) { current = version }
                return AgendaDocument.ActionRecord(current: current, history: versions.filter { $0 != current })
            }
            return AgendaDocument(
                metadata: metadata, areas: try focusAreas(), subAreas: try subAreas(), departments: try departments(),
                revisions: try revisions(), actions: records)
        }
    }

    /// Recreates an exported agenda in this (empty) database: every revision and every version exactly
    /// as the document holds them, in one transaction. Refuses when the database already holds an agenda,
    /// and a document whose parts do not fit together (``ImportError/invalidJSON(_:)``).
    public func importDocument(_ document: AgendaDocument) throws {
        try Self.validate(document)
        try db.transaction {
            try refuseSecondAgenda()
            try validate(document.agenda)
            try insertPlan(document.metadata, areas: document.areas, subAreas: document.subAreas, departments: document.departments)
            for revision in document.revisions { try insertRevision(revision) }
            for (position, record) in document.actions.enumerated() {
                let id = try insertActionIdentity(record.current.action, position: position)
                for version in record.versions {
                    try insertVersion(version, actionID: id, missingUnits: .register)
                }
            }
        }
    }

    /// The checks the schema cannot make: the parts of a document that must agree with each other.
    static func validate(_ document: AgendaDocument) throws {
        func invalid(_ detail: String) -> ImportError { .invalidJSON(detail) }
        guard document.format == AgendaDocument.formatName else {
            throw invalid("format is \"\(document.format)\", expected \"\(AgendaDocument.formatName)\"")
        }
        guard document.formatVersion <= AgendaDocument.currentFormatVersion else {
            throw ImportError.unsupportedFormatVersion(document.formatVersion)
        }
        guard document.revisions.map(\.number) == Array(1...max(1, document.revisions.count)) else {
            throw invalid("revisions must be numbered 1, 2, 3, … in order")
        }
        let revisions = Set(document.revisions.map(\.number))
        for (index, record) in document.actions.enumerated() {
            let path = "actions[\(index)]"
            let versions = record.versions
            let identity = record.current.action
            var seen = Set<Int>()
            for version in versions {
                guard revisions.contains(version.revision) else {
                    throw invalid("\(path): version of revision \(version.revision), which the document lacks")
                }
                guard seen.insert(version.revision).inserted else {
                    throw invalid("\(path): two versions of revision \(version.revision)")
                }
                guard version.action.code == identity.code, version.action.areaNumber == identity.areaNumber,
                      version.action.subAreaCode == identity.subAreaCode
                else {
                    throw invalid("\(path).history: a version with another code or place in the plan than the current one")
                }
            }
            guard !record.history.contains(where: { $0.supersedes(record.current) }) else {
                throw invalid("\(path).current: an earlier version in history supersedes it")
            }
        }
    }
}
