import Foundation

/// Self-assessments (LIKA and other indicator sets) and the actions linked to their indicators.
extension AgendaService {
    // MARK: - Recording

    /// Records a self-assessment by `caller` (the owner for any unit, a förvaltning for its own), in one
    /// transaction with its audit entry. See ``AgendaStore/recordAssessment(_:by:at:)``.
    @discardableResult
    public func recordAssessment(_ input: AssessmentInput, by caller: Identity) throws -> AssessmentFiling {
        try write { store in try store.recordAssessment(input, by: caller, at: now) }
    }

    /// Links the action `action` to the indicators `codes` of `set` under `decision` (owner only); the
    /// decision is dated today when it names no date.
    @discardableResult
    public func linkIndicators(
        action: String, codes: [String], set: String = IndicatorSet.likaSocialtjanstKey, decision: Decision, by caller: Identity
    ) throws -> Revision {
        try write { store in
            try store.linkIndicators(action: action, set: set, codes: codes, decision: decision.dated(defaultingTo: today), by: caller, at: now)
        }
    }

    // MARK: - Reading

    /// The indicator sets stored in the database; the built-in LIKA Socialtjänst when none is stored yet.
    public func indicatorSets() throws -> [IndicatorSet] {
        try read { store in
            let stored = try store.indicatorSets()
            return stored.isEmpty ? [IndicatorSet.likaSocialtjanst] : stored
        }
    }

    /// The set with `key`, as stored or built in.
    public func indicatorSet(key: String = IndicatorSet.likaSocialtjanstKey) throws -> IndicatorSet {
        try read { store in try store.indicatorSet(key: key) }
    }

    /// Every unit that has assessed itself, in the order first recorded.
    public func assessedUnits() throws -> [AssessedUnit] {
        try read { store in try store.assessedUnits() }
    }

    /// The answers in force that `query` asks for (see ``AgendaStore/answers(_:)``).
    public func answers(_ query: AnswerQuery = AnswerQuery()) throws -> [AssessmentAnswer] {
        try read { store in try store.answers(query) }
    }

    /// The self-assessments on record, only `unit`'s when given, with their answer counts.
    public func assessments(unit: String? = nil) throws -> [AssessmentSummary] {
        try read { store in try store.assessments(unit: unit) }
    }

    /// The indicators below `level` in each unit's latest assessment, with suggestions and linked actions.
    public func suggestions(unit: String? = nil, below level: MaturityAnswer = .fulfilled, set: String? = nil) throws -> [IndicatorSuggestion] {
        try read { store in try store.suggestions(unit: unit, below: level, set: set) }
    }

    /// The actions linked to an indicator, with their latest status.
    public func linkedActions(code: String, set: String = IndicatorSet.likaSocialtjanstKey) throws -> [LinkedAction] {
        try read { store in try store.linkedActions(set: set, code: code) }
    }

    /// The indicators an action is linked to.
    public func indicatorLinks(action: String) throws -> [LinkedIndicator] {
        try read { store in try store.indicatorLinks(action: action) }
    }
}
