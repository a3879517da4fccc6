/// Which actions ``AgendaStore/actions(matching:)`` returns. Every condition given must hold.
public struct ActionFilter: Sendable, Equatable {
    /// A förvaltning (name or alias, ignoring case) or an enhet name: actions it leads or shares
    /// ("tillsammans med"). A förvaltning matches also where only one of its units is named.
    public var department: String?
    /// Actions in the focus area with this number.
    public var area: Int?
    /// Actions whose tidsplan spans this year (start through end; an action without a parsed year never matches).
    public var year: Int?
    /// Include withdrawn actions (closed ones are always included).
    public var includeWithdrawn: Bool
    /// The plan as it stood at the end of this date; nil: as it stands now.
    public var asOf: CalendarDate?

    public init(
        department: String? = nil, area: Int? = nil, year: Int? = nil, includeWithdrawn: Bool = false,
        asOf: CalendarDate? = nil
    ) {
        self.department = department
        self.area = area
        self.year = year
        self.includeWithdrawn = includeWithdrawn
        self.asOf = asOf
    }
}
