import Foundation

/// Effektmål: their measures (a plan change under a decision) and their assessments per period.
/// Assessments are append-only like status reports: a second assessment of the same goal for the same
/// period supersedes the first, which stays on record. The rights are those of status reports.
extension AgendaStore {
    // MARK: - Goals and measures

    /// The effektmål of the action `code` as it stands now (or at the end of `date`), in the order the
    /// plan lists them; a goal's 1-based position in this list is its number (`agenda effect set 1.2 2`).
    public func effectGoals(code: String, asOf date: CalendarDate? = nil) throws -> [EffectGoal] {
        try db.read {
            guard try actionID(code: code) != nil else { throw Self.noAction(code) }
            return try currentVersion(code: code, asOf: date)?.version.action.goals ?? []
        }
    }

    /// Sets (or with nil removes) the measure of goal `goalNumber` (1-based, as listed now) of the action
    /// `code` under `decision`: a change of the plan, recorded as a revision like any edit (owner only).
    /// The goal keeps its id and its text.
    @discardableResult
    public func setEffectMeasure(
        code: String, goalNumber: Int, measure: EffectMeasure?, decision: Decision, by actor: Identity, at: Timestamp
    ) throws -> Action {
        if let measure { try Self.check(measure) }
        return try reviseAction(code: code, decision: decision, by: actor, at: at) { action in
            let goal = try Self.goal(goalNumber, of: action)
            guard goal.measure != measure else {
                throw StoreError.conflict(.measureUnchanged(action: code, goal: goalNumber, removing: measure == nil))
            }
            action.goals[goalNumber - 1].measure = measure
        }
    }

    /// The goal at 1-based `number` of `action`, or a refusal that says how many goals it has.
    static func goal(_ number: Int, of action: Action) throws -> EffectGoal {
        if let goal = action.goal(number: number) { return goal }
        guard !action.goals.isEmpty else { throw StoreError.invalidInput(.goal, .noGoals(action: action.code)) }
        throw StoreError.invalidInput(.goal, .noSuchGoal(action: action.code, count: action.goals.count))
    }

    static func check(_ measure: EffectMeasure) throws {
        guard !measure.indicator.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalidInput(.indicator, .measureWithoutIndicator)
        }
        for (field, value) in [(InputField.baseline, measure.baseline), (.target, measure.target)] {
            if let value, !value.isFinite { throw StoreError.invalidInput(field, .notANumber) }
        }
        if let year = measure.targetYear, !(1000...9999).contains(year) {
            throw StoreError.invalidInput(.targetYear, .notAYear(year))
        }
    }

    // MARK: - Filing assessments

    /// Files an assessment of one effektmål by `actor` at `at`, with exactly the rights of a status report:
    /// the owner on any action, a reporter on actions its förvaltning leads or shares. The goal is named by
    /// its number in the action's current list; the assessment records its stable id. An assessment of the
    /// same goal and period supersedes the latest earlier one. Timed after every publication, as status
    /// reports are (see ``reportStatus(_:by:at:)``).
    @discardableResult
    public func reportEffect(_ input: EffectInput, by actor: Identity, at requested: Timestamp) throws -> EffectAssessment {
        try db.transaction {
            let (at, reporter, current) = try filing(on: input.action, by: actor, at: requested, nothingTo: .assessment)
            let goal = try Self.goal(input.goalNumber, of: current.version.action)
            try checkReportable(input.period, at: at)
            if let value = input.content.value, !value.isFinite {
                throw StoreError.invalidInput(.value, .notANumber)
            }
            if input.content.measuredOn != nil, input.content.value == nil {
                throw StoreError.invalidInput(.measuredOn, .measuredOnWithoutValue)
            }
            if let day = input.content.measuredOn, day > at.swedishDate {
                throw StoreError.invalidInput(.measuredOn, .dateInFuture(day, today: at.swedishDate))
            }
            let superseded = try db.value("""
                SELECT e.id FROM effect_assessment e WHERE e.action_id = ? AND e.goal_id = ? AND e.period = ?
                ORDER BY e.id DESC LIMIT 1
                """, [.integer(current.actionID), SQLValue(goal.id), .text(input.period.description)], as: Int.self)
            let reporterID = try db.value(
                "SELECT id FROM identity WHERE name_key = ?", [.text(Self.key(reporter.name))], as: Int64.self)
            var assessment = EffectAssessment(
                number: 0, action: input.action, goal: goal.id, period: input.period.description, content: input.content,
                reporter: reporter.signature, reportedAt: at, supersedes: superseded)
            assessment.number = try insertEffectAssessment(assessment, actionID: current.actionID, reporterID: reporterID, number: nil)
            try insertAudit(
                AuditDraft(operation: "report effect", target: "\(input.action) effektmål \(input.goalNumber)", after: assessment),
                identity: reporter.signature, at: at)
            return assessment
        }
    }

    @discardableResult
    func insertEffectAssessment(_ assessment: EffectAssessment, actionID: Int64, reporterID: Int64?, number: Int?) throws -> Int {
        let period = try Period(parsing: assessment.period)
        try db.run("""
            INSERT INTO effect_assessment (
                id, action_id, goal_id, period, period_start, period_end, outcome, value, measured_on, source, comment,
                reporter_id, reporter_name, reported_at, supersedes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                SQLValue(number), .integer(actionID), SQLValue(assessment.goal), .text(assessment.period),
                .text(period.start.description), .text(period.end.description), .text(assessment.outcome.rawValue),
                assessment.value.map(SQLValue.real) ?? .null, SQLValue(assessment.measuredOn?.description),
                .text(assessment.source), .text(assessment.comment), SQLValue(reporterID), .text(assessment.reporter),
                .text(assessment.reportedAt.description), SQLValue(assessment.supersedes),
            ])
        return Int(db.lastInsertRowID)
    }

    // MARK: - Reading assessments

    static let effectColumns = """
        e.id, a.code, e.goal_id, e.period, e.outcome, e.value, e.measured_on, e.source, e.comment, e.reporter_name,
        e.reported_at, e.supersedes
        """

    func readEffect(_ row: Row) throws -> EffectAssessment {
        guard let outcome = EffectOutcome(rawValue: row.string("outcome")) else {
            throw StoreError.corrupt("effektbedömning \(row.int("id")): okänd bedömning \"\(row.string("outcome"))\"")
        }
        return EffectAssessment(
            number: row.int("id"), action: row.string("code"), goal: row.int("goal_id"), period: row.string("period"),
            content: EffectContent(
                outcome: outcome, value: row.optionalDouble("value"), measuredOn: try row.date("measured_on", in: "effect_assessment"),
                source: row.string("source"), comment: row.string("comment")),
            reporter: row.string("reporter_name"), reportedAt: try row.timestamp("reported_at", in: "effect_assessment"),
            supersedes: row.optionalInt("supersedes"))
    }

    /// Every assessment of the action `code`'s effektmål, superseded ones included, oldest first.
    public func effectHistory(code: String) throws -> [EffectAssessment] {
        try db.read {
            guard let id = try actionID(code: code) else { throw Self.noAction(code) }
            return try db.query(
                "SELECT \(Self.effectColumns) FROM effect_assessment e JOIN action a ON a.id = e.action_id WHERE e.action_id = ? ORDER BY e.id",
                [.integer(id)]) { try readEffect($0) }
        }
    }

    /// Every effect assessment, in the order received.
    public func allEffectAssessments() throws -> [EffectAssessment] {
        try db.query(
            "SELECT \(Self.effectColumns) FROM effect_assessment e JOIN action a ON a.id = e.action_id ORDER BY e.id", []
        ) { try readEffect($0) }
    }

    /// The assessments in force: per action, goal and period the latest filed up to `knownAt` (nil: now),
    /// the ones it superseded left out. Only the action `code`'s when given, only `period`'s when given
    /// (exactly that period: a year's assessment is not a quarter's). In plan order, then by goal id,
    /// then by period (the one ending first first).
    public func effectAssessmentsInForce(code: String? = nil, period: Period? = nil, knownAt: Timestamp? = nil) throws -> [EffectAssessment] {
        try db.read {
            var actionID: Int64?
            if let code {
                guard let id = try self.actionID(code: code) else { throw Self.noAction(code) }
                actionID = id
            }
            return try db.query("""
                SELECT \(Self.effectColumns) FROM effect_assessment e JOIN action a ON a.id = e.action_id
                WHERE (?1 IS NULL OR e.action_id = ?1) AND (?2 IS NULL OR e.period = ?2) AND (?3 IS NULL OR e.reported_at <= ?3)
                  AND NOT EXISTS (
                      SELECT 1 FROM effect_assessment l
                      WHERE l.action_id = e.action_id AND l.goal_id = e.goal_id AND l.period = e.period
                        AND (?3 IS NULL OR l.reported_at <= ?3)
                        AND (l.reported_at > e.reported_at OR (l.reported_at = e.reported_at AND l.id > e.id)))
                ORDER BY \(Self.planOrder), e.goal_id, e.period_end, e.period_start
                """, [SQLValue(actionID), SQLValue(period?.description), SQLValue(knownAt?.description)]) { try readEffect($0) }
        }
    }

    /// Per action code and goal id, the assessment in force for `period` as known at `knownAt` (nil: now):
    /// the latest filed for `period` itself, else the latest for an earlier period (the one ending last),
    /// marked ``EffectEntry/carriedOver`` — the effect-goal counterpart of ``statuses(for:knownAt:)``.
    /// Goals never assessed up to `period` are absent. For a published period pass its `publishedAt`.
    public func effectEntries(for period: Period, knownAt: Timestamp? = nil) throws -> [String: [Int: EffectEntry]] {
        try db.read {
            let goals = try db.query(
                "SELECT DISTINCT e.action_id, e.goal_id FROM effect_assessment e WHERE e.period_end <= ?",
                [.text(period.end.description)]) { ($0.int64("action_id"), $0.int("goal_id")) }
            var result: [String: [Int: EffectEntry]] = [:]
            for (actionID, goal) in goals {
                if let entry = try effectEntry(actionID: actionID, goal: goal, period: period, knownAt: knownAt) {
                    result[entry.assessment.action, default: [:]][goal] = entry
                }
            }
            return result
        }
    }

    /// The assessment in force for goal `goal` (its id) of the action `code` in `period` (see ``effectEntries(for:knownAt:)``).
    public func effectEntry(of code: String, goal: Int, for period: Period, knownAt: Timestamp? = nil) throws -> EffectEntry? {
        try db.read {
            guard let id = try actionID(code: code) else { throw Self.noAction(code) }
            return try effectEntry(actionID: id, goal: goal, period: period, knownAt: knownAt)
        }
    }

    private func effectEntry(actionID: Int64, goal: Int, period: Period, knownAt: Timestamp?) throws -> EffectEntry? {
        try db.first("""
            SELECT \(Self.effectColumns) FROM effect_assessment e JOIN action a ON a.id = e.action_id
            WHERE e.action_id = ?1 AND e.goal_id = ?6 AND e.period_end <= ?2 AND (?4 IS NULL OR e.reported_at <= ?4)
              AND ((e.period_end = ?2 AND e.period = ?3) OR e.period_end < ?5)
            ORDER BY e.period_end DESC, e.reported_at DESC, e.id DESC LIMIT 1
            """, [
                .integer(actionID), .text(period.end.description), .text(period.description), SQLValue(knownAt?.description),
                .text(period.start.description), SQLValue(goal),
            ]) { row in
            let assessment = try readEffect(row)
            return EffectEntry(assessment: assessment, carriedOver: assessment.period != period.description)
        }
    }

    /// Per goal id of the action `code`, its latest assessment for any period (the period ending last,
    /// its latest filing).
    public func latestEffectAssessments(code: String) throws -> [Int: EffectAssessment] {
        try db.read {
            guard let id = try actionID(code: code) else { throw Self.noAction(code) }
            let all = try db.query("""
                SELECT \(Self.effectColumns) FROM effect_assessment e JOIN action a ON a.id = e.action_id
                WHERE e.action_id = ? ORDER BY e.period_end, e.reported_at, e.id
                """, [.integer(id)]) { try readEffect($0) }
            var result: [Int: EffectAssessment] = [:]
            for assessment in all { result[assessment.goal] = assessment }
            return result
        }
    }
}
