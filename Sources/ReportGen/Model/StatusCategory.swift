import AgendaCore

extension ProgressStatus {
    /// Work has not begun.
    public var isNotBegun: Bool { self == .notStarted || self == .planned }
}

extension StatusEntry {
    /// The Swedish date the report in force was filed, as the period report prints it.
    public var reportedOn: CalendarDate { report.reportedAt.swedishDate }
}

/// A status column in the summary: one of the scale's labels, or no report at all.
public enum StatusCategory: Sendable, Hashable, CaseIterable {
    case notStarted, planned, started, almostDone, done, dormant, cancelled
    /// Ingen rapport
    case noReport

    public init(_ status: StatusEntry?) {
        switch status?.report.status {
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
