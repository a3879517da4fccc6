/// A reporting round the owner opened: the förvaltningar report for ``period`` by ``deadline``.
/// Rounds add a deadline and the missing list; they do not gate reporting.
public struct ReportingRound: Sendable, Codable, Equatable {
    public var period: String
    public var deadline: CalendarDate
    public var openedBy: String
    public var openedAt: Timestamp
    /// Who cancelled the round (opened by mistake), if it was; absent from JSON otherwise.
    public var cancelledBy: String?
    public var cancelledAt: Timestamp?

    public init(
        period: String, deadline: CalendarDate, openedBy: String, openedAt: Timestamp,
        cancelledBy: String? = nil, cancelledAt: Timestamp? = nil
    ) {
        self.period = period
        self.deadline = deadline
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.cancelledBy = cancelledBy
        self.cancelledAt = cancelledAt
    }

    /// Whether the round was cancelled; it then gives no default period and no deadline.
    public var isCancelled: Bool { cancelledAt != nil }
}

/// A period's report, published: from then on the period reads what was known at ``publishedAt``.
public struct Publication: Sendable, Codable, Equatable {
    public var period: String
    public var publishedAt: Timestamp
    public var publishedBy: String

    public init(period: String, publishedAt: Timestamp, publishedBy: String) {
        self.period = period
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }
}

/// Per förvaltning, the actions without a report for a period.
public struct MissingReports: Sendable, Equatable, Codable {
    public var department: String
    /// Codes of the actions it leads with no report filed for the period, in plan order.
    public var actions: [String]
}
