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

    /// "agenda".
    public static let formatName = "agenda"
    /// The newest format version this build writes and reads.
    public static let currentFormatVersion = 1

    public init(
        metadata: Metadata, areas: [FocusArea], subAreas: [SubArea], departments: [Department],
        revisions: [Revision], actions: [ActionRecord]
    ) {
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        self.metadata = metadata
        self.areas = areas
        self.subAreas = subAreas
        self.departments = departments
        self.revisions = revisions
        self.actions = actions
    }

    private enum CodingKeys: String, CodingKey {
        case format, formatVersion, metadata = "agenda", areas, subAreas, departments, revisions, actions
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
