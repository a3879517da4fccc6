/// What one status report says: the status, the traffic light and the texts a förvaltning writes.
/// A filed report (``StatusReport``), the input for one (``StatusInput``) and the period report all
/// carry it.
public struct StatusContent: Sendable, Equatable {
    public var status: ProgressStatus
    public var light: TrafficLight
    public var comment: String
    /// Hinder.
    public var obstacles: String
    /// Nästa steg.
    public var nextSteps: String
    /// Actual cost so far in whole kronor, when reported.
    public var actualCost: Int?

    public init(
        status: ProgressStatus, light: TrafficLight, comment: String = "", obstacles: String = "", nextSteps: String = "",
        actualCost: Int? = nil
    ) {
        self.status = status
        self.light = light
        self.comment = comment
        self.obstacles = obstacles
        self.nextSteps = nextSteps
        self.actualCost = actualCost
    }

    /// Whether `field` says something: a text that is not empty, a cost that was given.
    public func has(_ field: StatusField) -> Bool {
        switch field {
        case .obstacles: !obstacles.isEmpty
        case .nextSteps: !nextSteps.isEmpty
        case .actualCost: actualCost != nil
        }
    }

    /// Sets `field` to what `other` says in it.
    public mutating func take(_ field: StatusField, from other: StatusContent) {
        switch field {
        case .obstacles: obstacles = other.obstacles
        case .nextSteps: nextSteps = other.nextSteps
        case .actualCost: actualCost = other.actualCost
        }
    }

    /// A part of a report a person fills in, in the form's order.
    public enum Part: String, Sendable, CaseIterable {
        case status, light, comment, obstacles, nextSteps, actualCost

        /// "status", "bedömning", "kommentar", …: the report's words.
        public var swedish: String {
            switch self {
            case .status: "status"
            case .light: "bedömning"
            case .comment: "kommentar"
            case .obstacles: "hinder"
            case .nextSteps: "nästa steg"
            case .actualCost: "verklig kostnad"
            }
        }
    }

    /// The parts in which this content differs from `earlier`, in the form's order: what a correction changed.
    public func changes(from earlier: StatusContent) -> [Part] {
        Part.allCases.filter { part in
            switch part {
            case .status: status != earlier.status
            case .light: light != earlier.light
            case .comment: comment != earlier.comment
            case .obstacles: obstacles != earlier.obstacles
            case .nextSteps: nextSteps != earlier.nextSteps
            case .actualCost: actualCost != earlier.actualCost
            }
        }
    }

    /// The largest actual cost a report may give, in kronor: ten billion, far above any municipal action;
    /// a larger figure is a typing mistake.
    public static let largestCost = 10_000_000_000
}

/// One status report by a förvaltning on one action for one period. Append-only: a correction is a
/// new report for the same action and period that ``supersedes`` the earlier one.
///
/// The content's fields read as the report's own (`report.status`, `report.comment`), and JSON (the
/// export, the audit trail, `status history --json`) writes them flat beside the others, as before
/// ``StatusContent`` existed.
@dynamicMemberLookup
public struct StatusReport: Sendable, Codable, Equatable {
    /// 1, 2, 3 … in the order the store received the reports; stable across export and import.
    public var number: Int
    /// The action's code.
    public var action: String
    public var period: String
    public var content: StatusContent
    /// The reporting identity's name at the time of the report.
    public var reporter: String
    public var reportedAt: Timestamp
    /// The number of the earlier report for the same action and period that this one corrects.
    public var supersedes: Int?

    public init(
        number: Int, action: String, period: String, content: StatusContent, reporter: String, reportedAt: Timestamp,
        supersedes: Int? = nil
    ) {
        self.number = number
        self.action = action
        self.period = period
        self.content = content
        self.reporter = reporter
        self.reportedAt = reportedAt
        self.supersedes = supersedes
    }

    /// A field of the ``content``: `report.status` for `report.content.status`.
    public subscript<Value>(dynamicMember field: WritableKeyPath<StatusContent, Value>) -> Value {
        get { content[keyPath: field] }
        set { content[keyPath: field] = newValue }
    }

    /// The JSON keys, in the order they are written.
    private enum CodingKeys: String, CodingKey {
        case number, action, period, status, light, comment, obstacles, nextSteps, actualCost, reporter, reportedAt, supersedes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(Int.self, forKey: .number), action: try c.decode(String.self, forKey: .action),
            period: try c.decode(String.self, forKey: .period),
            content: StatusContent(
                status: try c.decode(ProgressStatus.self, forKey: .status), light: try c.decode(TrafficLight.self, forKey: .light),
                comment: try c.decode(String.self, forKey: .comment), obstacles: try c.decode(String.self, forKey: .obstacles),
                nextSteps: try c.decode(String.self, forKey: .nextSteps),
                actualCost: try c.decodeIfPresent(Int.self, forKey: .actualCost)),
            reporter: try c.decode(String.self, forKey: .reporter), reportedAt: try c.decode(Timestamp.self, forKey: .reportedAt),
            supersedes: try c.decodeIfPresent(Int.self, forKey: .supersedes))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(action, forKey: .action)
        try c.encode(period, forKey: .period)
        try c.encode(content.status, forKey: .status)
        try c.encode(content.light, forKey: .light)
        try c.encode(content.comment, forKey: .comment)
        try c.encode(content.obstacles, forKey: .obstacles)
        try c.encode(content.nextSteps, forKey: .nextSteps)
        try c.encodeIfPresent(content.actualCost, forKey: .actualCost)
        try c.encode(reporter, forKey: .reporter)
        try c.encode(reportedAt, forKey: .reportedAt)
        try c.encodeIfPresent(supersedes, forKey: .supersedes)
    }
}

/// What a förvaltning reports; the store adds number, reporter, time and the superseded report.
///
/// The content's optional fields (``StatusField``) may be left out, which differs from given empty: in
/// a correction a field left out is taken from the report it supersedes (``StatusFiling/carriedOver``);
/// in a first report it stays as ``content`` has it, empty (no actual cost).
public struct StatusInput: Sendable, Equatable {
    public var action: String
    public var period: Period
    /// What the report says; a field in ``omitted`` is empty here.
    public var content: StatusContent
    /// The optional fields not given, which a correction carries over.
    public var omitted: Set<StatusField>
    /// What the person saw when writing this input (a web form filled from a period's report); nil when
    /// the input was not written from a shown report (the CLI). With a basis, the write is refused unless
    /// the basis is the period's report in force: a form filled for another period, or a report filed for
    /// the period by someone else meanwhile, never becomes a correction unseen.
    public var basis: StatusBasis?

    public init(action: String, period: Period, content: StatusContent, omitted: Set<StatusField> = [], basis: StatusBasis? = nil) {
        self.action = action
        self.period = period
        self.content = content
        self.omitted = omitted
        self.basis = basis
    }

    /// An input whose optional fields are nil when not given.
    public init(
        action: String, period: Period, status: ProgressStatus, light: TrafficLight, comment: String,
        obstacles: String? = nil, nextSteps: String? = nil, actualCost: Int? = nil
    ) {
        self.init(
            action: action, period: period,
            content: StatusContent(
                status: status, light: light, comment: comment, obstacles: obstacles ?? "", nextSteps: nextSteps ?? "",
                actualCost: actualCost),
            omitted: Set([obstacles == nil ? .obstacles : nil, nextSteps == nil ? .nextSteps : nil, actualCost == nil ? .actualCost : nil]
                .compactMap { $0 }))
    }
}

/// An optional field of a status report, which a correction may carry over from the report it supersedes.
public enum StatusField: String, Sendable, Equatable, CaseIterable {
    case obstacles, nextSteps, actualCost

    /// "hinder", "nästa steg", "verklig kostnad": the report's words.
    public var swedish: String {
        switch self {
        case .obstacles: "hinder"
        case .nextSteps: "nästa steg"
        case .actualCost: "verklig kostnad"
        }
    }
}

/// The report a status input was written from: the period a form was filled for and the number of the
/// report that filled it (nil for a form shown empty, the period having no report).
public struct StatusBasis: Sendable, Equatable {
    public var period: Period
    public var report: Int?

    public init(period: Period, report: Int?) {
        self.period = period
        self.report = report
    }
}

/// A report as filed, with the fields a correction took from the report it supersedes.
public struct StatusFiling: Sendable, Equatable {
    public var report: StatusReport
    /// The fields the input left out and the superseded report had (in the order of ``StatusField``);
    /// empty for a first report.
    public var carriedOver: [StatusField]
    /// The report this one corrects, if any.
    public var superseded: StatusReport?

    public init(report: StatusReport, carriedOver: [StatusField] = [], superseded: StatusReport? = nil) {
        self.report = report
        self.carriedOver = carriedOver
        self.superseded = superseded
    }
}

/// The report in force for an action in a period: the latest filed for that period, or, when none
/// was, the latest for an earlier period, carried over.
public struct StatusEntry: Sendable, Equatable {
    public var report: StatusReport
    /// True when ``report`` is for an earlier period than the one asked for.
    public var carriedOver: Bool

    public init(report: StatusReport, carriedOver: Bool) {
        self.report = report
        self.carriedOver = carriedOver
    }
}

/// An action whose status or light differs between two periods.
public struct PeriodStatusChange: Sendable, Equatable {
    public var action: String
    /// In force for the earlier period; nil when nothing had been reported.
    public var before: StatusEntry?
    /// In force for the later period; nil when nothing has been reported.
    public var after: StatusEntry?
}
