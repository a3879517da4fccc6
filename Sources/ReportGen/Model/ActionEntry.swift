import AgendaCore

/// One action as the report shows it: the plan as it stood at the period's end, plus its status.
///
/// A class, not a struct: one entry appears in many of the report's lists (its area, progress,
/// changes, decisions, the appendix), and sharing it costs one reference count where copying an
/// ``Action`` costs one per text field. At national size those copies were a fifth of a report.
public final class ActionEntry: Sendable, Equatable {
    public let action: Action
    /// The latest status that counts at the period's end; nil when none was reported.
    public let status: StatusEntry?
    /// Planned total over the action's years: one-time + investment + recurring × years.
    public let plannedTotal: PlannedAmount
    /// Planned per kind, recurring given per year.
    public let plannedOneTime: PlannedAmount
    public let plannedRecurringPerYear: PlannedAmount
    public let plannedInvestment: PlannedAmount

    public init(action: Action, status: StatusEntry?, plannedTotal: PlannedAmount, plannedOneTime: PlannedAmount,
                plannedRecurringPerYear: PlannedAmount, plannedInvestment: PlannedAmount) {
        self.action = action
        self.status = status
        self.plannedTotal = plannedTotal
        self.plannedOneTime = plannedOneTime
        self.plannedRecurringPerYear = plannedRecurringPerYear
        self.plannedInvestment = plannedInvestment
    }

    public var category: StatusCategory { StatusCategory(status) }

    /// The lead förvaltning's name, nil when the plan names none.
    public var leadDepartment: String? { action.responsibility.lead?.department }

    public static func == (a: ActionEntry, b: ActionEntry) -> Bool {
        a === b || (a.action == b.action && a.status == b.status && a.plannedTotal == b.plannedTotal
            && a.plannedOneTime == b.plannedOneTime && a.plannedRecurringPerYear == b.plannedRecurringPerYear
            && a.plannedInvestment == b.plannedInvestment)
    }
}
