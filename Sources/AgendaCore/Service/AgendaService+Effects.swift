/// An assessment in force with what a person needs to read it: the goal's number and text as the
/// action lists them now. `agenda effect list` prints these; the web shows them beside the status.
public struct EffectListing: Sendable, Equatable {
    public var assessment: EffectAssessment
    /// The goal's 1-based number in the action's current list; nil when a later revision removed the goal.
    public var goalNumber: Int?
    /// The goal as assessed (from the current version, else the latest version that had it).
    public var goal: EffectGoal

    public init(assessment: EffectAssessment, goalNumber: Int?, goal: EffectGoal) {
        self.assessment = assessment
        self.goalNumber = goalNumber
        self.goal = goal
    }
}

/// One action's effektmål as they stand, each with its latest assessment, and every assessment ever filed.
public struct ActionEffects: Sendable, Equatable {
    public var action: Action
    /// The current goals in order (number = position + 1), each with its latest assessment for any period.
    public var goals: [GoalWithAssessment]
    /// Every assessment of the action's goals, superseded ones included, oldest first.
    public var history: [EffectAssessment]

    public init(action: Action, goals: [GoalWithAssessment], history: [EffectAssessment]) {
        self.action = action
        self.goals = goals
        self.history = history
    }

    /// The numbers of the assessments a later one for the same goal and period corrects.
    public var superseded: Set<Int> { Set(history.compactMap(\.supersedes)) }
}

extension AgendaService {
    // MARK: - Effect goals

    /// Files an assessment of an effektmål by `caller` (the rights of a status report); texts are cleaned
    /// of what XML forbids first. A second assessment of the same goal and period corrects the first.
    @discardableResult
    public func reportEffect(_ input: EffectInput, by caller: Identity) throws -> EffectAssessment {
        var input = input
        input.content.comment = TextCleaner.clean(input.content.comment)
        input.content.source = TextCleaner.clean(input.content.source)
        return try write { store in try store.reportEffect(input, by: caller, at: now) }
    }

    /// Sets (nil: removes) the measure of goal `goalNumber` (1-based, as `show action` lists it) of the action
    /// `code` under `decision` (owner only): a plan change, recorded as a revision.
    @discardableResult
    public func setEffectMeasure(
        code: String, goalNumber: Int, change: MeasureChange?, decision: Decision, by caller: Identity
    ) throws -> Action {
        try write { store in
            // The goal's measure as it stands is read in the write's own transaction, so a change made
            // meanwhile (another process) is what the given fields are merged into.
            let goals = try store.effectGoals(code: code, asOf: nil)
            let current = goals.indices.contains(goalNumber - 1) ? goals[goalNumber - 1].measure : nil
            let measure = change.map { $0.applied(to: current) }
            return try store.setEffectMeasure(code: code, goalNumber: goalNumber, measure: measure, decision: decision, by: caller, at: now)
        }
    }

    /// The effektmål of the action `code` as it stands now (or at the end of `date`).
    public func effectGoals(code: String, asOf date: CalendarDate? = nil) throws -> [EffectGoal] {
        try reading { store in try store.requireAgenda(); return try store.effectGoals(code: code, asOf: date) }
    }

    /// The action `code`'s goals, each with its latest assessment, and every assessment filed on them.
    public func actionEffects(code: String) throws -> ActionEffects {
        try reading { store in
            try store.requireAgenda()
            guard let action = try store.action(code: code) else { throw AgendaStore.noAction(code) }
            return try actionEffects(code: code, store: store, action: action)
        }
    }

    func actionEffects(code: String, store: AgendaStore, action: Action) throws -> ActionEffects {
        let latest = try store.latestEffectAssessments(code: code)
        return ActionEffects(
            action: action,
            goals: action.goals.enumerated().map { index, goal in
                GoalWithAssessment(action: code, number: index + 1, goal: goal, latest: latest[goal.id])
            },
            history: try store.effectHistory(code: code))
    }

    /// Every assessment of the action `code`'s goals, superseded ones included, oldest first, each with
    /// its goal's current number and text.
    public func effectHistory(code: String) throws -> [EffectListing] {
        try reading { store in
            try store.requireAgenda()
            return try Self.listings(try store.effectHistory(code: code), store: store)
        }
    }

    /// The assessments in force (per action, goal and period the latest; see
    /// ``AgendaStore/effectAssessmentsInForce(code:period:knownAt:)``), only the action `code`'s and only
    /// `period`'s when given, each with its goal's number and text; in plan order, then goal, then period.
    public func effectAssessments(code: String? = nil, period: Period? = nil, knownAt: Timestamp? = nil) throws -> [EffectListing] {
        try reading { store in
            try store.requireAgenda()
            let listings = try Self.listings(try store.effectAssessmentsInForce(code: code, period: period, knownAt: knownAt), store: store)
            // Within an action, goals in the order the action lists them (removed goals last).
            var order: [String: Int] = [:]
            for listing in listings where order[listing.assessment.action] == nil { order[listing.assessment.action] = order.count }
            return listings.enumerated().sorted { a, b in
                let ka = (order[a.element.assessment.action]!, a.element.goalNumber ?? Int.max, a.offset)
                let kb = (order[b.element.assessment.action]!, b.element.goalNumber ?? Int.max, b.offset)
                return ka < kb
            }.map(\.element)
        }
    }

    /// Per action code and goal id, the assessment in force for `period` (carried over from an earlier
    /// period where none was filed for it), as known at `knownAt`; see ``AgendaStore/effectEntries(for:knownAt:)``.
    public func effectEntries(for period: Period, knownAt: Timestamp? = nil) throws -> [String: [Int: EffectEntry]] {
        try reading { store in try store.requireAgenda(); return try store.effectEntries(for: period, knownAt: knownAt) }
    }

    /// `assessments` with their goals' numbers and texts: the current version's, else, for a goal a later
    /// revision removed, the text of the latest version that had it.
    static func listings(_ assessments: [EffectAssessment], store: AgendaStore) throws -> [EffectListing] {
        var goalsByAction: [String: [EffectGoal]] = [:]
        var removed: [String: [Int: EffectGoal]] = [:]
        return try assessments.map { assessment in
            let code = assessment.action
            if goalsByAction[code] == nil {
                goalsByAction[code] = try store.action(code: code)?.goals ?? []
                var earlier: [Int: EffectGoal] = [:]
                for version in try store.history(code: code) { for goal in version.action.goals { earlier[goal.id] = goal } }
                removed[code] = earlier
            }
            let goals = goalsByAction[code] ?? []
            if let index = goals.firstIndex(where: { $0.id == assessment.goal }) {
                return EffectListing(assessment: assessment, goalNumber: index + 1, goal: goals[index])
            }
            return EffectListing(
                assessment: assessment, goalNumber: nil,
                goal: removed[code]?[assessment.goal] ?? EffectGoal(id: assessment.goal, text: ""))
        }
    }
}
