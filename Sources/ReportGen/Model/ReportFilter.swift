/// Narrows a report to one insatsområde and/or one förvaltning.
public struct ReportFilter: Sendable, Equatable {
    /// Only this insatsområde.
    public var areaNumber: Int?
    /// Only actions this förvaltning (its name or an alias, any case) or enhet leads or shares: the
    /// actions `agenda list actions --department` lists, as the store matches them. A name the
    /// organisation register does not know is refused (``StoreError/notFound(_:)``, naming the closest known names).
    public var department: String?

    public init(areaNumber: Int? = nil, department: String? = nil) {
        self.areaNumber = areaNumber
        self.department = department
    }

    /// Nothing filtered.
    public static let none = ReportFilter()
}
