import AgendaCore

/// The report's effect section: how far the effektmål of the report's actions are reached, as
/// assessed for the period. Built by ``ReportBuilder/effects(_:assessments:period:)``; nil in a
/// ``ReportModel`` whose actions have no effektmål.
public struct EffectSection: Sendable, Equatable {
    /// Counts per insatsområde, in the report's order (areas without effektmål left out).
    public var perArea: [EffectAreaCounts]
    public var total: EffectCounts
    /// Every effektmål of the report's actions, in plan order, then in the order the action lists them.
    public var goals: [EffectGoalEntry]
    /// The goals assessed Ej uppnått whose action is reported Klar for the period (IT-rådet's follow-up).
    public var finishedNotAchieved: [EffectGoalEntry]

    /// The goals that have a measure with at least one value to draw (baseline, measured value or target).
    public var measured: [EffectGoalEntry] { goals.filter(\.hasSeries) }
}

/// What a goal's assessment says in the section's counts: one of the five outcomes, or not assessed.
public enum EffectCategory: Sendable, Hashable, CaseIterable {
    case outcome(EffectOutcome)
    /// No assessment up to the period's end.
    case notAssessed

    public static let allCases: [EffectCategory] = EffectOutcome.allCases.map(EffectCategory.outcome) + [.notAssessed]

    /// The key for labels: `effect.achieved` … `effect.notAssessed`.
    public var key: String {
        switch self {
        case .outcome(let outcome): outcome.rawValue
        case .notAssessed: "notAssessed"
        }
    }
}

/// Counts of effektmål per ``EffectCategory``.
public struct EffectCounts: Sendable, Equatable {
    public var counts: [EffectCategory: Int] = [:]

    public init() {}

    public func count(of category: EffectCategory) -> Int { counts[category] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }

    public mutating func add(_ category: EffectCategory) { counts[category, default: 0] += 1 }
}

/// Effect counts for one insatsområde.
public struct EffectAreaCounts: Sendable, Equatable {
    public var area: FocusArea
    public var counts: EffectCounts
}

/// A measured value of a goal's indicator, from an assessment in force for its period.
public struct EffectPoint: Sendable, Equatable {
    /// When it was measured (the assessment's period's end when the assessment gives no date).
    public var date: CalendarDate
    public var value: Double
    /// The period the assessment was filed for.
    public var period: String
}

/// One effektmål of one of the report's actions, with the assessment in force for the period.
public struct EffectGoalEntry: Sendable, Equatable {
    public var entry: ActionEntry
    /// 1-based position in the action's list of goals as the plan stood at the period's end.
    public var number: Int
    public var goal: EffectGoal
    /// The assessment in force; nil when the goal was not assessed up to the period's end.
    public var assessment: EffectAssessment?
    /// True when ``assessment`` is for a period that ended before the report's period began.
    public var carriedOver: Bool
    /// The measured values known for the goal up to the period's end, oldest first, one per date.
    public var measurements: [EffectPoint]

    public var category: EffectCategory { assessment.map { .outcome($0.outcome) } ?? .notAssessed }

    /// Whether there is a series to draw: the goal has a measure and at least one value.
    public var hasSeries: Bool {
        guard let measure = goal.measure else { return false }
        return measure.baseline != nil || measure.target != nil || !measurements.isEmpty
    }
}

extension ReportBuilder {
    /// The effect section for `entries` (the report's actions, in plan order) from `assessments`: every
    /// assessment in force per action, goal and period as known when the report is read (the store's
    /// ``StoreSnapshot/effectAssessmentsInForce(code:period:knownAt:)``). Nil when no entry has effektmål.
    ///
    /// The rule for the assessment in force for a goal in `period`: among the goal's assessments for
    /// periods that end no later than `period` ends (the period itself, a period within it, or an earlier
    /// one), the one whose period ends last; on the same end day the period itself, then the longer period,
    /// then the later filing. One for a period that ended before `period` began is carried over.
    static func effects(_ areas: [AreaSection], assessments: [EffectAssessment], period: Period) -> EffectSection? {
        let entries = areas.flatMap(\.entries)
        guard entries.contains(where: { !$0.action.goals.isEmpty }) else { return nil }

        struct Candidate {
            var assessment: EffectAssessment
            var period: Period
        }
        var byGoal: [String: [Int: [Candidate]]] = [:]
        for assessment in assessments {
            guard let assessed = try? Period(parsing: assessment.period), assessed.end <= period.end else { continue }
            byGoal[assessment.action, default: [:]][assessment.goal, default: []].append(Candidate(assessment: assessment, period: assessed))
        }

        func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.period.end != b.period.end { return a.period.end < b.period.end }
            let aSelf = a.period == period, bSelf = b.period == period
            if aSelf != bSelf { return bSelf }
            if a.period.start != b.period.start { return a.period.start > b.period.start }
            if a.assessment.reportedAt != b.assessment.reportedAt { return a.assessment.reportedAt < b.assessment.reportedAt }
            return a.assessment.number < b.assessment.number
        }

        var goals: [EffectGoalEntry] = []
        var perArea: [EffectAreaCounts] = []
        var total = EffectCounts()
        for section in areas {
            var counts = EffectCounts()
            for entry in section.entries {
                for (index, goal) in entry.action.goals.enumerated() {
                    let candidates = (byGoal[entry.action.code]?[goal.id] ?? []).sorted(by: precedes)
                    let chosen = candidates.last
                    var byDate: [CalendarDate: EffectPoint] = [:]
                    for candidate in candidates {
                        guard let value = candidate.assessment.value, value.isFinite else { continue }
                        let date = candidate.assessment.measuredOn ?? candidate.period.end
                        byDate[date] = EffectPoint(date: date, value: value, period: candidate.assessment.period)
                    }
                    let item = EffectGoalEntry(
                        entry: entry, number: index + 1, goal: goal, assessment: chosen?.assessment,
                        carriedOver: chosen.map { $0.period.end < period.start } ?? false,
                        measurements: byDate.values.sorted { $0.date < $1.date })
                    counts.add(item.category)
                    total.add(item.category)
                    goals.append(item)
                }
            }
            if counts.total > 0 { perArea.append(EffectAreaCounts(area: section.area, counts: counts)) }
        }
        return EffectSection(
            perArea: perArea, total: total, goals: goals,
            finishedNotAchieved: goals.filter { $0.entry.category == .done && $0.assessment?.outcome == .notAchieved })
    }
}
