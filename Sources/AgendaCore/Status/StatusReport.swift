/// One status report by a förvaltning on one action for one period. Append-only: a correction is a
/// new report for the same action and period that ``supersedes`` the earlier one.
public struct StatusReport: Sendable, Codable, Equatable {
    /// 1, 2, 3 … in the order the store received the reports; stable across export and import.
    public var number: Int
    /// The action's code.
    public var action: String
    public var period: String
    public var status: ProgressStatus
    public var light: TrafficLight
    public var comment: String
    /// Hinder.
    public var obstacles: String
    public var nextSteps: String
    /// Actual cost so far in whole kronor, when reported.
    public var actualCost: Int?
    /// The reporting identity's name at the time of the report.
    public var reporter: String
    public var reportedAt: Timestamp
    /// The number of the earlier report for the same action and period that this one corrects.
    public var supersedes: Int?

    public init(
        number: Int, action: String, period: String, status: ProgressStatus, light: TrafficLight, comment: String,
        obstacles: String = "", nextSteps: String = "", actualCost: Int? = nil, reporter: String, reportedAt: Timestamp,
        supersedes: Int? = nil
    ) {
        self.number = number
        self.action = action
        self.period = period
        self.status = status
        self.light = light
        self.comment = comment
        self.obstacles = obstacles
        self.nextSteps = nextSteps
        self.actualCost = actualCost
        self.reporter = reporter
        self.reportedAt = reportedAt
        self.supersedes = supersedes
    }
}

/// What a förvaltning reports; the store adds number, reporter, time and the superseded report.
///
/// The optional fields are nil when not given, which differs from given empty: in a correction a field
/// not given is taken from the report it supersedes (``StatusFiling/carriedOver``); in a first report it
/// is empty (no actual cost).
public struct StatusInput: Sendable, Equatable {
    public var action: String
    public var period: Period
    public var status: ProgressStatus
    public var light: TrafficLight
    public var comment: String
    /// Hinder; nil: not given.
    public var obstacles: String?
    /// Nästa steg; nil: not given.
    public var nextSteps: String?
    /// Faktisk kostnad in whole kronor; nil: not given.
    public var actualCost: Int?

    public init(
        action: String, period: Period, status: ProgressStatus, light: TrafficLight, comment: String,
        obstacles: String? = nil, nextSteps: String? = nil, actualCost: Int? = nil
    ) {
        self.action = action
        self.period = period
        self.status = status
        self.light = light
        self.comment = comment
        self.obstacles = obstacles
        self.nextSteps = nextSteps
        self.actualCost = actualCost
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

/// A report as filed, with the fields a correction took from the report it supersedes.
public struct StatusFiling: Sendable, Equatable {
    public var report: StatusReport
    /// The fields the input left out and the superseded report had (in the order of ``StatusField``);
    /// empty for a first report.
    public var carriedOver: [StatusField]

    public init(report: StatusReport, carriedOver: [StatusField] = []) {
        self.report = report
        self.carriedOver = carriedOver
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
