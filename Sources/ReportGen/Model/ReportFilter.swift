/// Narrows a report to one insatsområde and/or one förvaltning.
public struct ReportFilter: Sendable, Equatable {
    /// Only this insatsområde.
    public var areaNumber: Int?
    /// Only actions this förvaltning leads or shares (its name or an alias, any case).
    public var department: String?

    public init(areaNumber: Int? = nil, department: String? = nil) {
        self.areaNumber = areaNumber
        self.department = department
    }

    /// Nothing filtered.
    public static let none = ReportFilter()
}
