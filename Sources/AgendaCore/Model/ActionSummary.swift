/// One action as a list of actions shows it: its code, title, state and lead, with its latest status,
/// without the texts of the plan (background, plan, cost, goals). Read by
/// ``AgendaStore/actionSummaries(matching:)`` with the same filter (and department rule) as
/// ``AgendaStore/actions(matching:)``, at a fraction of its cost for a large förvaltning.
public struct ActionSummary: Sendable, Equatable {
    /// "1.2".
    public var code: String
    /// The action's own sub-heading where it has one, else its sub-area's (or area's) heading.
    public var title: String
    public var areaNumber: Int
    public var state: ActionState
    /// The lead förvaltning (or enhet within it), as ``Responsibility/lead``; nil when none is named.
    public var lead: UnitRef?
    /// The latest report for any period (the period ending last, its latest filing); nil: never reported.
    public var latest: StatusReport?

    public init(code: String, title: String, areaNumber: Int, state: ActionState, lead: UnitRef?, latest: StatusReport? = nil) {
        self.code = code
        self.title = title
        self.areaNumber = areaNumber
        self.state = state
        self.lead = lead
        self.latest = latest
    }
}
