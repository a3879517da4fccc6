/// A whole agenda with its complete history, as Agenda's JSON export holds it (docs/json-format.md).
///
/// Lossless: importing a document into a new database and exporting it again gives the same document.
/// ``actions`` come first (JSON keys are sorted), each with its current version first and every
/// earlier one in ``ActionRecord/history``.
public struct AgendaDocument: Sendable, Codable, Equatable {
    /// The name of the format, always ``AgendaDocument/formatName``.
    public var format: String
    /// The version of the format this document is written in; see ``AgendaDocument/currentFormatVersion``.
    public var formatVersion: Int
    /// The plan's own fields (JSON key `agenda`).
    public var metadata: Metadata
    public var areas: [FocusArea]
    public var subAreas: [SubArea]
    public var departments: [Department]
    /// Every revision, oldest first; revision 1 is the adopted plan.
    public var revisions: [Revision]
    /// Every action ever in the plan, withdrawn ones included, in plan order.
    public var actions: [ActionRecord]
    /// Who may use the agenda, with the SHA-256 of each token (never a token), in the order created.
    public var identities: [IdentityRecord]
    /// Every status report ever filed, superseded ones included, in the order received.
    public var statusReports: [StatusReport]
    /// Every reporting round opened, in the order opened.
    public var rounds: [ReportingRound]
    /// Every published period, oldest first.
    public var publications: [Publication]
    /// Every assessment of an effektmål ever filed, superseded ones included, in the order received
    /// (format 2; a format 1 document has none).
    public var effectAssessments: [EffectAssessment]

    /// Every indicator set used, with every edition of its indicators' texts (format version 2).
    public var indicatorSets: [IndicatorSetRecord]
    /// Every unit that has assessed itself, in the order first recorded (format version 2).
    public var assessedUnits: [AssessedUnit]
    /// Every self-assessment answer, superseded ones included, in the order recorded (format version 2).
    public var assessments: [AssessmentAnswer]
    /// Every link from an action to an indicator, in the order made (format version 2).
    public var indicatorLinks: [IndicatorLink]

    /// "agenda".
    public static let formatName = "agenda"
    /// The newest format version this build writes and reads. Version 2 added goal ids and measures
    /// (``Action/goals``, still under the key `effectGoals`), ``effectAssessments`` and the
    /// self-assessments (indicator sets, assessed units, answers, indicator links); version 1 is read too.
    public static let currentFormatVersion = 2

    public init(
        metadata: Metadata, areas: [FocusArea], subAreas: [SubArea], departments: [Department],
        revisions: [Revision], actions: [ActionRecord], identities: [IdentityRecord] = [],
        statusReports: [StatusReport] = [], rounds: [ReportingRound] = [], publications: [Publication] = [],
        effectAssessments: [EffectAssessment] = [],
        indicatorSets: [IndicatorSetRecord] = [], assessedUnits: [AssessedUnit] = [], assessments: [AssessmentAnswer] = [],
        indicatorLinks: [IndicatorLink] = []
    ) {
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        self.metadata = metadata
        self.areas = areas
        self.subAreas = subAreas
        self.departments = departments
        self.revisions = revisions
        self.actions = actions
        self.identities = identities
        self.statusReports = statusReports
        self.rounds = rounds
        self.publications = publications
        self.effectAssessments = effectAssessments
        self.indicatorSets = indicatorSets
        self.assessedUnits = assessedUnits
        self.assessments = assessments
        self.indicatorLinks = indicatorLinks
    }

    private enum CodingKeys: String, CodingKey {
        case format, formatVersion, metadata = "agenda", areas, subAreas, departments, revisions, actions
        case identities, statusReports, rounds, publications, effectAssessments
        case indicatorSets, assessedUnits, assessments, indicatorLinks
    }

    /// Reads a document; one written before identities and status (or self-assessments) existed has none of them.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        metadata = try c.decode(Metadata.self, forKey: .metadata)
        areas = try c.decode([FocusArea].self, forKey: .areas)
        subAreas = try c.decode([SubArea].self, forKey: .subAreas)
        departments = try c.decode([Department].self, forKey: .departments)
        revisions = try c.decode([Revision].self, forKey: .revisions)
        actions = try c.decode([ActionRecord].self, forKey: .actions)
        identities = try c.decodeIfPresent([IdentityRecord].self, forKey: .identities) ?? []
        statusReports = try c.decodeIfPresent([StatusReport].self, forKey: .statusReports) ?? []
        rounds = try c.decodeIfPresent([ReportingRound].self, forKey: .rounds) ?? []
        publications = try c.decodeIfPresent([Publication].self, forKey: .publications) ?? []
        effectAssessments = try c.decodeIfPresent([EffectAssessment].self, forKey: .effectAssessments) ?? []
        indicatorSets = try c.decodeIfPresent([IndicatorSetRecord].self, forKey: .indicatorSets) ?? []
        assessedUnits = try c.decodeIfPresent([AssessedUnit].self, forKey: .assessedUnits) ?? []
        assessments = try c.decodeIfPresent([AssessmentAnswer].self, forKey: .assessments) ?? []
        indicatorLinks = try c.decodeIfPresent([IndicatorLink].self, forKey: .indicatorLinks) ?? []
    }

    /// An identity as the export holds it: everything but the token, whose hash lets a restored
    /// database accept the same tokens.
    public struct IdentityRecord: Sendable, Codable, Equatable {
        public var name: String
        public var role: Role
        public var department: String?
        public var createdAt: Timestamp
        public var revokedAt: Timestamp?
        /// SHA-256 of the token, 64 hex digits.
        public var tokenHash: String
        /// Where the round's mail goes; absent without one (and in older exports).
        public var email: String?
        /// The person's account at the municipality's OpenID provider bound to it; absent without one.
        public var account: AccountBinding?

        /// An account as (issuer, subject): what a later sign-in is matched on.
        public struct AccountBinding: Sendable, Codable, Equatable {
            public var issuer: String
            public var subject: String
        }

        public init(
            name: String, role: Role, department: String?, createdAt: Timestamp, revokedAt: Timestamp?, tokenHash: String,
            email: String? = nil, account: AccountBinding? = nil
        ) {
            self.account = account
            self.email = email
            self.name = name
            self.role = role
            self.department = department
            self.createdAt = createdAt
            self.revokedAt = revokedAt
            self.tokenHash = tokenHash
        }
    }

    /// The plan as it stands now (every action's current version), as the store's `agenda()` gives it.
    public var agenda: Agenda {
        var result = metadata.agenda
        result.areas = areas
        result.subAreas = subAreas
        result.departments = departments
        result.actions = actions.map(\.current.action)
        return result
    }

    /// The agenda's own fields: everything of ``Agenda`` except its lists.
    public struct Metadata: Sendable, Codable, Equatable {
        public var title: String
        public var organisation: String
        public var period: YearSpan?
        public var decidedBy: String?
        public var owner: String?
        public var effectiveDate: CalendarDate?
        public var description: String

        public init(
            title: String, organisation: String, period: YearSpan? = nil, decidedBy: String? = nil,
            owner: String? = nil, effectiveDate: CalendarDate? = nil, description: String = ""
        ) {
            self.title = title
            self.organisation = organisation
            self.period = period
            self.decidedBy = decidedBy
            self.owner = owner
            self.effectiveDate = effectiveDate
            self.description = description
        }

        public init(_ agenda: Agenda) {
            self.init(
                title: agenda.title, organisation: agenda.organisation, period: agenda.period,
                decidedBy: agenda.decidedBy, owner: agenda.owner, effectiveDate: agenda.effectiveDate,
                description: agenda.description)
        }

        /// An agenda with these fields and empty lists.
        public var agenda: Agenda {
            Agenda(
                title: title, organisation: organisation, period: period, decidedBy: decidedBy, owner: owner,
                effectiveDate: effectiveDate, description: description)
        }
    }

    /// One action: its current version and every earlier one.
    public struct ActionRecord: Sendable, Codable, Equatable {
        /// The version in force now: the one with the latest valid-from date, ties broken by revision.
        public var current: ActionVersion
        /// Every other version, by revision number, oldest first; empty for an action never changed.
        public var history: [ActionVersion]

        public init(current: ActionVersion, history: [ActionVersion] = []) {
            self.current = current
            self.history = history
        }

        /// All versions, by revision number.
        public var versions: [ActionVersion] {
            (history + [current]).sorted { $0.revision < $1.revision }
        }
    }
}
