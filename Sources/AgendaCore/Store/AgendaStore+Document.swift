/// The whole agenda with its history as an ``AgendaDocument``, for the JSON export and import.
extension AgendaStore {
    /// Everything the database holds about the plan: metadata, areas, register, every revision and every version.
    public func exportDocument() throws -> AgendaDocument {
        try db.read {
            let metadata = try metadata()
            let actionIDs = try db.values("SELECT a.id FROM action a ORDER BY \(Self.planOrder)", [], as: Int64.self)
            let records = try actionIDs.map { id -> AgendaDocument.ActionRecord in
                let versions = try versions(actionID: id).map(\.version)
                guard var current = versions.first else { throw StoreError.corrupt("en aktivitet utan någon version") }
                for version in versions.dropFirst() where version.supersedes(current) { current = version }
                return AgendaDocument.ActionRecord(current: current, history: versions.filter { $0 != current })
            }
            let identities = try db.query("\(Self.identitySelect) ORDER BY i.id", []) { row in
                let identity = try readIdentity(row, withHash: true)
                let account = try db.first(
                    "SELECT account_issuer, account_subject FROM identity WHERE name_key = ? AND account_subject IS NOT NULL",
                    [.text(Self.key(identity.name))]
                ) { AgendaDocument.IdentityRecord.AccountBinding(issuer: $0.string("account_issuer"), subject: $0.string("account_subject")) }
                return AgendaDocument.IdentityRecord(
                    name: identity.name, role: identity.role, department: identity.department, createdAt: identity.createdAt,
                    revokedAt: identity.revokedAt, tokenHash: identity.tokenHash ?? "", email: identity.email, account: account)
            }
            return AgendaDocument(
                metadata: metadata, areas: try focusAreas(), subAreas: try subAreas(), departments: try departments(),
                revisions: try revisions(), actions: records, identities: identities, statusReports: try allStatusReports(),
                rounds: try rounds(), publications: try publications(), effectAssessments: try allEffectAssessments(), indicatorSets: try indicatorSetRecords(),
                assessedUnits: try assessedUnits(), assessments: try allAssessmentAnswers(), indicatorLinks: try allIndicatorLinks())
        }
    }

    /// Recreates an exported agenda in this (empty) database: every revision and version, identity, status
    /// report, round and publication exactly as the document holds them, in one transaction, with one
    /// audit entry. Refuses when the database already holds an agenda, and a document whose parts do not
    /// fit together (``ImportError/invalidJSON(_:)``).
    ///
    /// `actor` is the owner importing. It is nil only for a database without any identity, into which a
    /// document is restored with its own identities (so the tokens that worked before work again). A
    /// document that carries identities is refused by a database that already has some.
    public func importDocument(_ document: AgendaDocument, by actor: Identity?, at: Timestamp) throws {
        try Self.validate(document)
        try db.transaction {
            let importer: Identity?
            if let actor {
                let verified = try verify(actor)
                try AccessPolicy.check(verified, .importPlan)
                importer = verified
            } else {
                importer = nil
                guard try db.first("SELECT 1 FROM identity", [], { _ in true }) == nil else { throw AccessError.invalidToken }
            }
            try refuseSecondAgenda()
            if !document.identities.isEmpty, try db.first("SELECT 1 FROM identity", [], { _ in true }) != nil {
                throw StoreError.alreadyExists(.identities)
            }
            try validate(document.agenda)
            try insertPlan(document.metadata, areas: document.areas, subAreas: document.subAreas, departments: document.departments)
            for revision in document.revisions { try insertRevision(revision) }
            for (position, record) in document.actions.enumerated() {
                let id = try insertActionIdentity(record.current.action, position: position)
                for version in record.versions {
                    try insertVersion(version, actionID: id, missingUnits: .register)
                }
            }
            try insertStatusHistory(document)
            try insertAssessmentHistory(document)
            try insertAudit(
                AuditDraft(operation: AccessPolicy.Write.importPlan.rawValue, target: document.metadata.title, after: ImportSummary(document.agenda)),
                identity: importer?.name, at: at)
        }
    }

    private func insertStatusHistory(_ document: AgendaDocument) throws {
        func invalid(_ detail: String) -> ImportError { .invalidJSON(detail) }
        for (index, identity) in document.identities.enumerated() {
            guard identity.tokenHash.count == 64, identity.tokenHash.allSatisfy(\.isHexDigit) else {
                throw invalid("identities[\(index)].tokenHash: väntade 64 hexadecimala siffror")
            }
            _ = try insertIdentity(
                name: identity.name, role: identity.role, department: identity.department, email: identity.email,
                at: identity.createdAt, tokenHash: identity.tokenHash.lowercased())
            if let revoked = identity.revokedAt {
                try db.run("UPDATE identity SET revoked_at = ? WHERE name_key = ?", [.text(revoked.description), .text(Self.key(identity.name))])
            }
            if let account = identity.account {
                try bindAccount(issuer: account.issuer, subject: account.subject, to: identity.name)
            }
        }
        var previous = 0
        for (index, report) in document.statusReports.enumerated() {
            let path = "statusReports[\(index)]"
            guard report.number > previous else { throw invalid("\(path).number: rapporterna ska vara numrerade i stigande ordning") }
            previous = report.number
            guard (try? Period(parsing: report.period)) != nil else { throw invalid("\(path).period: \"\(report.period)\" är inte en period") }
            if let earlier = report.supersedes, earlier >= report.number {
                throw invalid("\(path).supersedes: en rapport kan bara ersätta en tidigare")
            }
            guard let actionID = try actionID(code: report.action) else { throw invalid("\(path).action: aktiviteten \(report.action) finns inte") }
            let reporterID = try identityID(signedAs: report.reporter)
            try insertReport(report, actionID: actionID, reporterID: reporterID, number: report.number)
        }
        previous = 0
        for (index, assessment) in document.effectAssessments.enumerated() {
            let path = "effectAssessments[\(index)]"
            guard assessment.number > previous else { throw invalid("\(path).number: bedömningarna ska vara numrerade i stigande ordning") }
            previous = assessment.number
            guard (try? Period(parsing: assessment.period)) != nil else { throw invalid("\(path).period: \"\(assessment.period)\" är inte en period") }
            if let earlier = assessment.supersedes, earlier >= assessment.number {
                throw invalid("\(path).supersedes: en bedömning kan bara ersätta en tidigare")
            }
            guard let actionID = try actionID(code: assessment.action) else { throw invalid("\(path).action: aktiviteten \(assessment.action) finns inte") }
            guard assessment.goal >= 1 else { throw invalid("\(path).goal: ett effektmåls id är 1 eller mer") }
            if let value = assessment.value, !value.isFinite { throw invalid("\(path).value: inte ett tal") }
            let reporterID = try identityID(signedAs: assessment.reporter)
            try insertEffectAssessment(assessment, actionID: actionID, reporterID: reporterID, number: assessment.number)
        }
        for (index, round) in document.rounds.enumerated() {
            guard (try? Period(parsing: round.period)) != nil else { throw invalid("rounds[\(index)].period: inte en period") }
            try insertRound(round)
        }
        for (index, publication) in document.publications.enumerated() {
            guard (try? Period(parsing: publication.period)) != nil else { throw invalid("publications[\(index)].period: inte en period") }
            try insertPublication(publication)
        }
    }

    /// The checks the schema cannot make: the parts of a document that must agree with each other.
    static func validate(_ document: AgendaDocument) throws {
        func invalid(_ detail: String) -> ImportError { .invalidJSON(detail) }
        guard document.format == AgendaDocument.formatName else {
            throw invalid("format är \"\(document.format)\", väntade \"\(AgendaDocument.formatName)\"")
        }
        guard document.formatVersion <= AgendaDocument.currentFormatVersion else {
            throw ImportError.unsupportedFormatVersion(document.formatVersion)
        }
        guard document.revisions.map(\.number) == Array(1...max(1, document.revisions.count)) else {
            throw invalid("revisionerna ska vara numrerade 1, 2, 3, … i ordning")
        }
        let revisions = Set(document.revisions.map(\.number))
        for (index, record) in document.actions.enumerated() {
            let path = "actions[\(index)]"
            let versions = record.versions
            let identity = record.current.action
            if let problem = Validation.actionCodeProblem(identity.code) { throw invalid("\(path).current.action.code: \(problem.sentence(.code))") }
            var seen = Set<Int>()
            for version in versions {
                guard revisions.contains(version.revision) else {
                    throw invalid("\(path): version från revision \(version.revision), som saknas i dokumentet")
                }
                let goalIDs = version.action.goals.map(\.id)
                guard Set(goalIDs).count == goalIDs.count, goalIDs.allSatisfy({ $0 >= 1 }) else {
                    throw invalid("\(path): effektmålen i revision \(version.revision) har id som upprepas eller är mindre än 1")
                }
                guard seen.insert(version.revision).inserted else {
                    throw invalid("\(path): två versioner från revision \(version.revision)")
                }
                guard version.action.code == identity.code, version.action.areaNumber == identity.areaNumber,
                      version.action.subAreaCode == identity.subAreaCode
                else {
                    throw invalid("\(path).history: en version med en annan kod eller plats i planen än den gällande")
                }
            }
            guard !record.history.contains(where: { $0.supersedes(record.current) }) else {
                throw invalid("\(path).current: en tidigare version i historiken ersätter den")
            }
        }
    }
}
