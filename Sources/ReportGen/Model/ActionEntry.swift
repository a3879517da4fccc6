import AgendaCore

/// One action as the report shows it: the plan as it stood at the period's end, plus its status.
public struct ActionEntry: Sendable, Equatable {
    public var action: Action
    /// The latest status that counts at the period's end; nil when none was reported.
    public var status: ReportedStatus?
    /// Planned total over the action's years: one-time + investment + recurring × years.
    public var plannedTotal: PlannedAmount
    /// Planned per kind, recurring given per year.
    public var plannedOneTime: PlannedAmount
    public var plannedRecurringPerYear: PlannedAmount
    public var plannedInvestment: PlannedAmount

    public var category: StatusCategory { StatusCategory(status) }

    /// The lead förvaltning's name, nil when the plan names none.
    public var leadDepartment: String? { action.responsibility.lead?.department }
}
