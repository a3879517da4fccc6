import AgendaCore

extension ProgressStatus {
    /// Finished one way or another: nothing more is expected of the action.
    public var isFinished: Bool { self == .done || self == .cancelled }

    /// Work has not begun.
    public var isNotBegun: Bool { self == .notStarted || self == .planned }
}

/// One action's status as reported for a period (the latest report that counts at the period's end).
public struct ReportedStatus: Sendable, Codable, Equatable {
    public var label: ProgressStatus
    public var light: TrafficLight?
    public var comment: String
    /// Hinder.
    public var obstacles: String
    /// Nästa steg.
    public var nextSteps: String
    /// Verklig kostnad so far, whole kronor.
    public var actualCost: Int?
    /// Who reported: a person or a förvaltning.
    public var reporter: String
    public var reportedOn: CalendarDate
    /// True when nothing was reported this period and the previous period's report stands.
    public var carriedOver: Bool

    public init(
        label: ProgressStatus, light: TrafficLight? = nil, comment: String = "", obstacles: String = "",
        nextSteps: String = "", actualCost: Int? = nil, reporter: String, reportedOn: CalendarDate, carriedOver: Bool = false
    ) {
        self.label = label
        self.light = light
        self.comment = comment
        self.obstacles = obstacles
        self.nextSteps = nextSteps
        self.actualCost = actualCost
        self.reporter = reporter
        self.reportedOn = reportedOn
        self.carriedOver = carriedOver
    }
}

/// A status column in the summary: one of the scale's labels, or no report at all.
public enum StatusCategory: Sendable, Hashable, CaseIterable {
    case notStarted, planned, started, almostDone, done, dormant, cancelled
    /// Ingen rapport
    case noReport

    public init(_ status: ReportedStatus?) {
        switch status?.label {
        case nil: self = .noReport
        case .notStarted: self = .notStarted
        case .planned: self = .planned
        case .started: self = .started
        case .almostDone: self = .almostDone
        case .done: self = .done
        case .dormant: self = .dormant
        case .cancelled: self = .cancelled
        }
    }

    /// The key used for labels, symbols and colours in templates: "notStarted" … "noReport".
    public var key: String {
        switch self {
        case .notStarted: "notStarted"
        case .planned: "planned"
        case .started: "started"
        case .almostDone: "almostDone"
        case .done: "done"
        case .dormant: "dormant"
        case .cancelled: "cancelled"
        case .noReport: "noReport"
        }
    }
}
