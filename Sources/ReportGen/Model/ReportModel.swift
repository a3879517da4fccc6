import AgendaCore

/// Everything a report shows for one period, computed once and handed to every writer.
/// Writers only lay it out; all counting, grouping and summing happens in ``ReportBuilder``.
public struct ReportModel: Sendable, Equatable {
    public var agendaTitle: String
    public var organisation: String
    /// The agenda owner ("IT-chef"), shown as who prepared the report.
    public var preparedBy: String?
    public var period: Period
    /// The date the report speaks for: the period's end.
    public var asOf: CalendarDate
    /// A publication date when one was given; the report never reads the clock itself.
    public var generatedAt: CalendarDate?
    public var filter: ReportFilter
    /// Insatsområden in plan order, each with its actions.
    public var areas: [AreaSection]
    public var summary: StatusSummary
    public var progress: ScheduleProgress
    /// Per förvaltning, the actions of this report nobody reported on for the period: the store's
    /// missing list (`agenda status missing`), which chases an action's lead förvaltning only.
    public var unreported: [DepartmentActions]
    /// Status changes since the previous period; empty when nothing is known.
    public var changes: [StatusChange]
    /// Actions added, revised, closed or withdrawn by decisions since the previous period's end.
    public var planChanges: [PlanChange]
    /// Items waiting for a decision in (centrala) IT-rådet: not reported Klar or Avbruten, and not
    /// settled by a plan decision after the text that put them there.
    public var decisions: [DecisionItem]
    public var costs: CostSummary
    /// Appendix: every förvaltning with the actions it leads or shares.
    public var departments: [DepartmentActions]
    /// How far the effektmål are reached; nil when none of the report's actions has effektmål.
    public var effects: EffectSection? = nil
    /// The LIKA section: each assessed unit's latest self-assessment by the period's end; empty when none.
    public var lika: [LikaUnitStatus] = []

    /// True when at least one action has a status for the period.
    public var hasAnyStatus: Bool { summary.total.count(of: .noReport) < summary.total.total }

    /// All actions in plan order.
    public var entries: [ActionEntry] { areas.flatMap(\.entries) }
}

/// An insatsområde and its actions.
public struct AreaSection: Sendable, Equatable {
    public var area: FocusArea
    public var entries: [ActionEntry]
}

/// Counts per status category.
public struct StatusCounts: Sendable, Equatable {
    public var counts: [StatusCategory: Int] = [:]

    public init() {}

    public func count(of category: StatusCategory) -> Int { counts[category] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }

    public mutating func add(_ category: StatusCategory) { counts[category, default: 0] += 1 }
}

/// The summary table: counts per insatsområde and overall.
public struct StatusSummary: Sendable, Equatable {
    public var perArea: [AreaCounts]
    public var total: StatusCounts
}

/// Status counts for one insatsområde.
public struct AreaCounts: Sendable, Equatable {
    public var area: FocusArea
    public var counts: StatusCounts
}

/// Progress measured against each action's tidsplan at the period's end.
public struct ScheduleProgress: Sendable, Equatable {
    /// Should be finished by the period's end, reported as not finished (försenade).
    public var overdue: [ActionEntry]
    /// Should be finished by the period's end, no status reported.
    public var dueWithoutStatus: [ActionEntry]
    /// Should have started, reported as not started.
    public var notStarted: [ActionEntry]
    /// Should have started (and not yet be due), no status reported.
    public var startedWithoutStatus: [ActionEntry]
    /// Actions whose tidsplan gives no years.
    public var unscheduled: [ActionEntry]
}

/// A förvaltning with a list of actions (for "not reported" and the appendix).
public struct DepartmentActions: Sendable, Equatable {
    /// nil for actions that name no lead unit.
    public var department: String?
    public var entries: [ActionEntry]
    /// For each entry, whether the förvaltning leads it (else it is co-responsible).
    public var leads: [Bool]
}

/// A status that differs from the previous period's.
public struct StatusChange: Sendable, Equatable {
    public var entry: ActionEntry
    public var previous: StatusCategory
    public var current: StatusCategory
}

/// An action waiting for IT-rådet, with the reasons found in the plan.
public struct DecisionItem: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The cost of a proposal is to be presented for a decision later.
        case costDecisionPending
        /// The plan says something must be approved by (centrala) IT-rådet; the sentence that says so.
        case approvalInPlan(String)
    }

    public var entry: ActionEntry
    public var reasons: [Reason]
}

/// Planned money, with reported actual costs beside it.
public struct CostSummary: Sendable, Equatable {
    /// One row per year (nil = amounts the plan ties to no year), in year order.
    public var perYear: [YearCosts]
    public var total: YearCosts
    public var withinExistingBudget: [ActionEntry]
    public var externallyFunded: [ActionEntry]
    public var decisionPending: [ActionEntry]
    /// Actions whose cost text names no amount.
    public var withoutAmount: Int
    public var perArea: [CostTotal]
    public var perDepartment: [CostTotal]
    /// Sum of reported actual costs; nil when none was reported.
    public var actualTotal: Int?
}

/// Planned one-time, recurring and investment amounts for one year.
public struct YearCosts: Sendable, Equatable {
    public var year: Int?
    public var oneTime = PlannedAmount.zero
    public var recurring = PlannedAmount.zero
    public var investment = PlannedAmount.zero

    public var total: PlannedAmount { oneTime + recurring + investment }
}

/// Planned and actual totals for an insatsområde or förvaltning.
public struct CostTotal: Sendable, Equatable {
    /// "1. Extern service" or a förvaltning's name; nil for "no lead named".
    public var name: String?
    public var planned: PlannedAmount
    public var actual: Int?
    public var actions: Int
}
