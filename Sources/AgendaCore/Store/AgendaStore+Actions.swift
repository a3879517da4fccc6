import Foundation

/// Reading and changing actions. Each change is one transaction recording one ``Revision`` and
/// appending one version; nothing is updated in place.
extension AgendaStore {
    /// The actions that match `filter`, in plan order (see ``agenda(asOf:)``).
    /// Throws ``StoreError/notFound(_:)`` for a department or focus area the plan does not know.
    public func actions(matching filter: ActionFilter = ActionFilter()) throws -> [Action] {
        try db.read { try fetchActions(filter) }
    }

    /// The action with `code` as it stands now (or at the end of `date`); nil when there is none.
    public func action(code: String, asOf date: CalendarDate? = nil) throws -> Action? {
        try db.read { try currentVersion(code: code, asOf: date)?.version.action }
    }

    /// The codes of the actions with more than one version: those whose ``history(code:)`` holds a change.
    public func revisedActionCodes() throws -> Set<String> {
        Set(try db.values("""
            SELECT a.code FROM action a JOIN action_version v ON v.action_id = a.id GROUP BY a.id HAVING COUNT(*) > 1
            """, as: String.self))
    }

    /// Every version of the action with `code`, by revision number, oldest first.
    public func history(code: String) throws -> [ActionVersion] {
        try db.read {
            guard let id = try actionID(code: code) else { throw Self.noAction(code) }
            return try versions(actionID: id).map(\.version)
        }
    }

    /// Adds a new action to the plan under `decision`, which must be dated.
    ///
    /// `register`, when given, is the organisation register the action's ansvarig was parsed
    /// against: förvaltningar, enheter and aliases it has and the store lacks are added first, in
    /// the same transaction. Refuses a code in use and a focus area, sub-area or förvaltning the plan lacks.
    ///
    /// `indicators`, when given, links the new action to those indicators of a set under the same decision
    /// (turning a self-assessment's suggestion into an action: ``linkIndicators(action:set:codes:decision:by:at:)``).
    @discardableResult
    public func addAction(
        _ action: Action, decision: Decision, register: OrganisationRegister? = nil,
        indicators: (set: String, codes: [String])? = nil, by actor: Identity, at: Timestamp
    ) throws -> Revision {
        try write(by: actor, .changePlan, at: at) { audit in
            try Validation.checkActionCode(action.code)
            if let register { try merge(register) }
            guard try actionID(code: action.code) == nil else {
                throw StoreError.alreadyExists(.action(action.code))
            }
            try validatePlace(
                of: action, areas: Set(try focusAreas().map(\.number)), subAreas: Set(try subAreas().map(\.code)))
            var action = action
            action.goals = try assignGoalIDs(action.goals, actionID: nil, current: [])
            let revision = try recordRevision(decision)
            let id = try insertActionIdentity(action, position: nil)
            try insertVersion(
                ActionVersion(revision: revision.number, validFrom: revision.date, action: action), actionID: id,
                missingUnits: .refuse)
            audit = AuditDraft(operation: "add action", target: action.code, after: try currentVersion(code: action.code, asOf: nil)?.version)
            if let indicators {
                let links = try insertLinks(actionID: id, code: action.code, set: indicators.set, codes: indicators.codes, revision: revision, at: at)
                audit.before = nil
                audit.after = AddedWithLinks(action: try currentVersion(code: action.code, asOf: nil)?.version, indicators: links)
            }
            return revision
        }
    }

    /// Records a new version of the action with `code`: `change` receives the current version and edits it.
    /// The caller passes every changed field (the store derives nothing, e.g. no years from a new tidsplan text).
    /// Refuses an unknown code, a change of code or place in the plan, and a change that changes nothing.
    @discardableResult
    public func reviseAction(
        code: String, decision: Decision, by actor: Identity, at: Timestamp, _ change: (inout Action) throws -> Void
    ) throws -> Action {
        try write(by: actor, .changePlan, at: at) { audit in
            try revise(code: code, decision: decision, audit: &audit) { action, _ in try change(&action) }
        }
    }

    /// Records a new version of the action with `code`, like ``reviseAction(code:decision:_:)``, for a
    /// change that parses an ansvarig: `change` also receives the organisation register as stored, and
    /// förvaltningar, enheter and aliases it adds there are added to the store in the same transaction.
    @discardableResult
    public func reviseAction(
        code: String, decision: Decision, by actor: Identity, at: Timestamp,
        _ change: (inout Action, inout OrganisationRegister) throws -> Void
    ) throws -> Action {
        try write(by: actor, .changePlan, at: at) { audit in
            try revise(code: code, decision: decision, audit: &audit, change)
        }
    }

    private func revise(
        code: String, decision: Decision, audit: inout AuditDraft, _ change: (inout Action, inout OrganisationRegister) throws -> Void
    ) throws -> Action {
        guard let current = try currentVersion(code: code, asOf: nil) else { throw Self.noAction(code) }
        var action = current.version.action
        let stored = OrganisationRegister(departments: try departments())
        var register = stored
        try change(&action, &register)
        guard action.code == code, action.areaNumber == current.version.action.areaNumber,
              action.subAreaCode == current.version.action.subAreaCode
        else {
            throw StoreError.invalidInput(.code, .codeOrPlaceChanged(action: code))
        }
        guard action != current.version.action else {
            throw StoreError.conflict(.unchanged(action: code))
        }
        if register != stored { try merge(register) }
        try appendVersion(action, after: current, decision: decision)
        audit = AuditDraft(
            operation: "revise action", target: code, before: current.version,
            after: try currentVersion(code: code, asOf: nil)?.version)
        return action
    }

    /// Withdraws the action with `code` from the plan (it stays in the store, marked withdrawn).
    @discardableResult
    public func withdrawAction(code: String, decision: Decision, by actor: Identity, at: Timestamp) throws -> Action {
        try changeState(of: code, to: .withdrawn, decision: decision, by: actor, at: at)
    }

    /// Closes the action with `code` (done, or no longer pursued), keeping it in the plan's record.
    @discardableResult
    public func closeAction(code: String, decision: Decision, by actor: Identity, at: Timestamp) throws -> Action {
        try changeState(of: code, to: .closed, decision: decision, by: actor, at: at)
    }

    private func changeState(
        of code: String, to state: ActionState, decision: Decision, by actor: Identity, at: Timestamp
    ) throws -> Action {
        try write(by: actor, .changePlan, at: at) { audit in
            guard let current = try currentVersion(code: code, asOf: nil) else { throw Self.noAction(code) }
            var action = current.version.action
            switch (action.state, state) {
            case (.withdrawn, _):
                throw StoreError.withdrawn(code: code, .withdrawal(revision: current.version.revision))
            case (.closed, .closed):
                throw StoreError.conflict(.alreadyClosed(action: code, revision: current.version.revision))
            default:
                break
            }
            action.state = state
            try appendVersion(action, after: current, decision: decision)
            audit = AuditDraft(
                operation: state == .withdrawn ? "withdraw action" : "close action", target: code, before: current.version,
                after: try currentVersion(code: code, asOf: nil)?.version)
            return action
        }
    }

    /// Appends a version after `current`. A decision dated before the current version took effect is
    /// refused: it would never be in force, since the later-dated version wins every as-of query.
    private func appendVersion(_ action: Action, after current: StoredVersion, decision: Decision) throws {
        if let date = decision.date, let since = current.version.validFrom, date < since {
            throw StoreError.invalidInput(.date, .dateBeforeVersion(action: action.code, since: since, revision: current.version.revision))
        }
        var action = action
        action.goals = try assignGoalIDs(action.goals, actionID: current.actionID, current: current.version.action.goals)
        let revision = try recordRevision(decision)
        try insertVersion(
            ActionVersion(revision: revision.number, validFrom: revision.date, action: action), actionID: current.actionID,
            missingUnits: .refuse)
    }

    /// `goals` with stable ids: a goal that carries the id of one of the `current` version's goals keeps
    /// it; every other goal (id 0, an unknown or a repeated id) gets the next id never used by any version
    /// of the action, so an id always names one goal as adopted.
    func assignGoalIDs(_ goals: [EffectGoal], actionID: Int64?, current: [EffectGoal]) throws -> [EffectGoal] {
        let currentIDs = Set(current.map(\.id))
        var everUsed = currentIDs
        if let actionID {
            for stored in try versions(actionID: actionID) { everUsed.formUnion(stored.version.action.goals.map(\.id)) }
        }
        var next = (everUsed.max() ?? 0) + 1
        var taken = Set<Int>()
        return goals.map { goal in
            var goal = goal
            if goal.id <= 0 || !currentIDs.contains(goal.id) || taken.contains(goal.id) {
                goal.id = next
                next += 1
            }
            taken.insert(goal.id)
            return goal
        }
    }

    static func noAction(_ code: String) -> StoreError {
        .notFound(.action(code))
    }

    // MARK: - Revisions

    /// Records the next revision for a change. A change needs a dated decision.
    func recordRevision(_ decision: Decision) throws -> Revision {
        _ = try metadata()
        guard let date = decision.date else {
            throw StoreError.invalidInput(.date, .decisionWithoutDate)
        }
        // A published report shows the plan as it stood at its period's end; that plan stays as it was.
        for publication in try publications() {
            if let period = try? Period(parsing: publication.period), date <= period.end {
                throw StoreError.frozen(period: period.description, .planChange(end: period.end))
            }
        }
        let number = try db.value("SELECT coalesce(max(number), 0) + 1 FROM revision", [], as: Int.self) ?? 1
        let revision = Revision(number: number, date: date, reference: decision.reference, note: decision.note)
        try insertRevision(revision)
        return revision
    }

    /// The changes to the plan that took effect after `start` and on or before `end`, in plan order:
    /// per action, the latest version of that window and what it did compared with the version in
    /// force at `start`. The adopted plan itself (revision 1) is no change.
    public func planChanges(after start: CalendarDate, through end: CalendarDate) throws -> [PlanChange] {
        try db.read {
            let revisions = Dictionary(uniqueKeysWithValues: try self.revisions().map { ($0.number, $0) })
            let rows = try db.query("""
                SELECT \(Self.versionColumns)
                FROM action a JOIN action_version v ON v.action_id = a.id
                WHERE v.revision > 1 AND v.valid_from > ?1 AND v.valid_from <= ?2
                ORDER BY \(Self.planOrder), v.valid_from DESC, v.revision DESC
                """, [.text(start.description), .text(end.description)]) { try readVersion($0) }
            var seen = Set<String>()
            return try rows.compactMap { row -> PlanChange? in
                let changed = try withUnits(row).version
                guard seen.insert(changed.action.code).inserted, let revision = revisions[changed.revision] else { return nil }
                let before = try currentVersion(code: changed.action.code, asOf: start)?.version.action
                return PlanChange(before: before, after: changed.action, revision: revision)
            }
        }
    }

    // MARK: - Reading versions

    /// The columns `readVersion` reads, from `action a` joined with `action_version v`, in this order; a
    /// query that selects more names the rest with `AS`.
    enum VersionColumn: Int32, CaseIterable {
        case id, code, areaNumber, subAreaCode, revision, validFrom, state, title, background,
             planText, planSteps, responsibilityText, responsibilityNotes, responsibilityUnsure,
             scheduleText, startYear, endYear, schedulePhases, scheduleTerms,
             costText, costParts, withinExistingBudget, decisionPending, externalFunding, staff,
             effectGoals, otherFields

        /// The column's SQL name: the case name in snake case, of `action a` for what never changes,
        /// else of `action_version v` (written out: reading a case's name at run time is reflection).
        var sql: String {
            switch self {
            case .id: "v.id"
            case .code: "a.code"
            case .areaNumber: "a.area_number"
            case .subAreaCode: "a.sub_area_code"
            case .revision: "v.revision"
            case .validFrom: "v.valid_from"
            case .state: "v.state"
            case .title: "v.title"
            case .background: "v.background"
            case .planText: "v.plan_text"
            case .planSteps: "v.plan_steps"
            case .responsibilityText: "v.responsibility_text"
            case .responsibilityNotes: "v.responsibility_notes"
            case .responsibilityUnsure: "v.responsibility_unsure"
            case .scheduleText: "v.schedule_text"
            case .startYear: "v.start_year"
            case .endYear: "v.end_year"
            case .schedulePhases: "v.schedule_phases"
            case .scheduleTerms: "v.schedule_terms"
            case .costText: "v.cost_text"
            case .costParts: "v.cost_parts"
            case .withinExistingBudget: "v.within_existing_budget"
            case .decisionPending: "v.decision_pending"
            case .externalFunding: "v.external_funding"
            case .staff: "v.staff"
            case .effectGoals: "v.effect_goals"
            case .otherFields: "v.other_fields"
            }
        }
    }

    static let versionColumns = VersionColumn.allCases.map(\.sql).joined(separator: ", ")

    /// The version of each action in force at the end of `?1` (NULL: now).
    static let versionInForce = """
        v.id = (SELECT w.id FROM action_version w
                WHERE w.action_id = a.id AND (?1 IS NULL OR w.valid_from IS NULL OR w.valid_from <= ?1)
                ORDER BY w.valid_from DESC, w.revision DESC LIMIT 1)
        """

    /// Plan order: by focus area, then by the order the actions were imported or added.
    static let planOrder = "(SELECT position FROM focus_area f WHERE f.number = a.area_number), a.position"
    /// ``planOrder`` as two named result columns, for queries sorted in Swift (see ``planOrder(of:)``).
    static let planOrderColumns = "(SELECT position FROM focus_area f WHERE f.number = a.area_number) AS area_position, a.position AS action_position"

    /// A row's place in plan order; an area missing from focus_area sorts first, as NULL does in SQL.
    static func planOrder(of row: Row) -> (Int, Int) {
        (row.optionalInt("area_position") ?? Int.min, row.int("action_position"))
    }

    func fetchActions(_ filter: ActionFilter) throws -> [Action] {
        let (conditions, arguments) = try filterConditions(filter)
        // Sorted into plan order here, not by ORDER BY: SQLite's sorter carries the whole rows, and
        // at national size (15 000 actions with their texts) it spilled 20 MB to a temporary file.
        let rows = try db.query("""
            SELECT \(Self.versionColumns), \(Self.planOrderColumns)
            FROM action a JOIN action_version v ON \(Self.versionInForce)
            WHERE \(conditions)
            """, arguments) { row in (try readVersion(row), Self.planOrder(of: row)) }
        return try rows.sorted { $0.1 < $1.1 }.map { try withUnits($0.0).version.action }
    }

    /// The actions that match `filter` (the same rule as ``actions(matching:)``, in plan order) as
    /// ``ActionSummary`` values: code, title, state and lead, without their texts or latest status.
    func fetchSummaries(_ filter: ActionFilter) throws -> [(id: Int64, summary: ActionSummary)] {
        let (conditions, arguments) = try filterConditions(filter)
        // The lead is the first responsible unit (by position) in the lead role, as in `withUnits`.
        let leadDepartment = """
            SELECT d.name FROM action_version_unit r JOIN department d ON d.id = r.department_id
            WHERE r.version_id = v.id AND r.role = 'lead' ORDER BY r.position LIMIT 1
            """
        let leadUnit = """
            SELECT u.name FROM action_version_unit r LEFT JOIN unit u ON u.id = r.unit_id
            WHERE r.version_id = v.id AND r.role = 'lead' ORDER BY r.position LIMIT 1
            """
        let rows = try db.query("""
            SELECT a.id, a.code, v.title, a.area_number, v.state, (\(leadDepartment)) AS lead_department,
                (\(leadUnit)) AS lead_unit, \(Self.planOrderColumns)
            FROM action a JOIN action_version v ON \(Self.versionInForce)
            WHERE \(conditions)
            """, arguments) { row -> (Int64, ActionSummary, (Int, Int)) in
                let code = row.string("code")
                guard let state = ActionState(rawValue: row.string("state")) else {
                    throw StoreError.corrupt("aktivitet \(code): okänt läge \"\(row.string("state"))\"")
                }
                let summary = ActionSummary(
                    code: code, title: row.string("title"), areaNumber: row.int("area_number"), state: state,
                    lead: row.optionalString("lead_department").map { UnitRef(department: $0, unit: row.optionalString("lead_unit")) })
                return (row.int64("id"), summary, Self.planOrder(of: row))
            }
        return rows.sorted { $0.2 < $1.2 }.map { ($0.0, $0.1) }
    }

    /// The WHERE conditions and their bound arguments (?1 … ?6, ?1 being the date of ``versionInForce``)
    /// for `filter`, with its department resolved by the one department rule.
    private func filterConditions(_ filter: ActionFilter) throws -> (String, [SQLValue]) {
        var department: Int64?
        var unitKey: String?
        if let name = filter.department {
            let match = try resolveDepartment(name)
            if let unit = match.unit {
                unitKey = Self.key(unit)
            } else {
                department = try departmentID(named: match.department)
            }
        }
        if let number = filter.area,
           try db.first("SELECT 1 FROM focus_area WHERE number = ?", [SQLValue(number)], { _ in true }) == nil {
            throw StoreError.notFound(.focusArea(number))
        }
        let conditions = """
            (?2 IS NULL OR a.area_number = ?2)
              AND (?3 IS NULL OR (v.start_year <= ?3 AND coalesce(v.end_year, v.start_year) >= ?3))
              AND (?4 OR v.state <> 'withdrawn')
              AND (?5 IS NULL OR EXISTS (SELECT 1 FROM action_version_unit r WHERE r.department_id = ?5 AND r.version_id = v.id))
              AND (?6 IS NULL OR EXISTS (SELECT 1 FROM action_version_unit r JOIN unit u ON u.id = r.unit_id
                                         WHERE u.name_key = ?6 AND r.version_id = v.id))
            """
        return (conditions, [
            SQLValue(filter.asOf?.description), SQLValue(filter.area), SQLValue(filter.year),
            SQLValue(filter.includeWithdrawn), SQLValue(department), SQLValue(unitKey),
        ])
    }

    /// The code and state of every action in the plan at the end of `date` (nil: now), withdrawn ones
    /// included, in plan order: what ``agenda(asOf:)`` says of its actions, without reading their texts.
    /// An action added by a decision that took effect after `date` is absent.
    public func actionStates(asOf date: CalendarDate? = nil) throws -> [ActionStateEntry] {
        try db.read {
            let rows = try db.query("""
                SELECT a.code, v.state, \(Self.planOrderColumns)
                FROM action a JOIN action_version v ON \(Self.versionInForce)
                """, [SQLValue(date?.description)]) { row -> (ActionStateEntry, (Int, Int)) in
                    let code = row.string("code")
                    guard let state = ActionState(rawValue: row.string("state")) else {
                        throw StoreError.corrupt("aktivitet \(code): okänt läge \"\(row.string("state"))\"")
                    }
                    return (ActionStateEntry(code: code, state: state), Self.planOrder(of: row))
                }
            return rows.sorted { $0.1 < $1.1 }.map(\.0)
        }
    }

    struct StoredVersion {
        var id: Int64
        var actionID: Int64
        var version: ActionVersion
    }

    func currentVersion(code: String, asOf date: CalendarDate?) throws -> StoredVersion? {
        let row = try db.first("""
            SELECT \(Self.versionColumns), a.id AS action_id
            FROM action a JOIN action_version v ON \(Self.versionInForce)
            WHERE a.code = ?2
            """, [SQLValue(date?.description), .text(code)]) { row in
            (try readVersion(row), row.int64("action_id"))
        }
        guard let (stored, actionID) = row else { return nil }
        var result = try withUnits(stored)
        result.actionID = actionID
        return result
    }

    func actionID(code: String) throws -> Int64? {
        try db.value("SELECT id FROM action WHERE code = ?", [.text(code)], as: Int64.self)
    }

    /// Every version of one action, by revision number.
    func versions(actionID: Int64) throws -> [StoredVersion] {
        let rows = try db.query("""
            SELECT \(Self.versionColumns)
            FROM action a JOIN action_version v ON v.action_id = a.id
            WHERE a.id = ?
            ORDER BY v.revision
            """, [.integer(actionID)]) { try readVersion($0) }
        return try rows.map { row in
            var stored = try withUnits(row)
            stored.actionID = actionID
            return stored
        }
    }

    /// One version from a row of `versionColumns`, without its responsible units (see `withUnits`).
    private func readVersion(_ row: Row) throws -> StoredVersion {
        typealias C = VersionColumn
        let code = row.string(C.code)
        // Every JSON column holds a list, read by StoredList; JSONDecoder, which was a fifth of the
        // time of reading a large plan, only reads what StoredList does not.
        func json<Element: StoredListElement>(_ type: [Element].Type, _ column: C) throws -> [Element] {
            let text = row.string(column)
            if text == "[]" { return [] }
            if let list = StoredList.parse(text, as: Element.self) { return list }
            do {
                return try decoder.decode(type, from: Data(text.utf8))
            } catch {
                throw StoreError.corrupt("aktivitet \(code): \(column.sql) är inte den JSON som väntas (\(error))")
            }
        }
        guard let state = ActionState(rawValue: row.string(C.state)) else {
            throw StoreError.corrupt("aktivitet \(code): okänt läge \"\(row.string(C.state))\"")
        }
        let action = Action(
            code: code, areaNumber: row.int(C.areaNumber), subAreaCode: row.optionalString(C.subAreaCode),
            title: row.string(C.title), background: row.string(C.background),
            plan: PlanText(text: row.string(C.planText), steps: try json([PlanStep].self, .planSteps)),
            responsibility: Responsibility(
                text: row.string(C.responsibilityText), notes: try json([String].self, .responsibilityNotes),
                unsure: try json([String].self, .responsibilityUnsure)),
            schedule: Schedule(
                text: row.optionalString(C.scheduleText), startYear: row.optionalInt(C.startYear),
                endYear: row.optionalInt(C.endYear), phases: try json([SchedulePhase].self, .schedulePhases),
                terms: try json([SchoolTerm].self, .scheduleTerms)),
            cost: Cost(
                text: row.optionalString(C.costText), parts: try json([CostPart].self, .costParts),
                withinExistingBudget: row.bool(C.withinExistingBudget), decisionPending: row.bool(C.decisionPending),
                externalFunding: try json([String].self, .externalFunding),
                staff: try json([StaffResource].self, .staff)),
            goals: EffectGoal.numbered(try json([EffectGoal].self, .effectGoals)),
            otherFields: try json([LabeledText].self, .otherFields),
            state: state)
        return StoredVersion(
            id: row.int64(C.id), actionID: 0,
            version: ActionVersion(
                revision: row.int(C.revision), validFrom: try row.date(C.validFrom, in: "action \(code)"), action: action))
    }

    private func withUnits(_ stored: StoredVersion) throws -> StoredVersion {
        var stored = stored
        let refs = try db.query("""
            SELECT r.role, d.name AS department, u.name AS unit
            FROM action_version_unit r
            JOIN department d ON d.id = r.department_id
            LEFT JOIN unit u ON u.id = r.unit_id
            WHERE r.version_id = ?
            ORDER BY r.position
            """, [.integer(stored.id)]) { row in
            (row.string("role") == "lead", UnitRef(department: row.string("department"), unit: row.optionalString("unit")))
        }
        stored.version.action.responsibility.lead = refs.first { $0.0 }?.1
        stored.version.action.responsibility.coResponsible = refs.filter { !$0.0 }.map(\.1)
        return stored
    }

    // MARK: - Writing versions

    /// Inserts an action's identity row; `position` nil appends it after every other action.
    func insertActionIdentity(_ action: Action, position: Int?) throws -> Int64 {
        try db.run("""
            INSERT INTO action (code, area_number, sub_area_code, position)
            VALUES (?, ?, ?, coalesce(?, (SELECT coalesce(max(position) + 1, 0) FROM action)))
            """, [.text(action.code), SQLValue(action.areaNumber), SQLValue(action.subAreaCode), SQLValue(position)])
        return db.lastInsertRowID
    }

    func insertVersion(_ version: ActionVersion, actionID: Int64, missingUnits: MissingUnits) throws {
        let action = version.action
        func json<T: Encodable>(_ value: T) throws -> SQLValue {
            .text(String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        try db.run("""
            INSERT INTO action_version (
                action_id, revision, valid_from, state, title, background, plan_text, plan_steps,
                responsibility_text, responsibility_notes, responsibility_unsure,
                schedule_text, start_year, end_year, schedule_phases, schedule_terms,
                cost_text, cost_parts, within_existing_budget, decision_pending, external_funding, staff,
                effect_goals, other_fields)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                .integer(actionID), SQLValue(version.revision), SQLValue(version.validFrom?.description),
                .text(action.state.rawValue), .text(action.title), .text(action.background),
                .text(action.plan.text), try json(action.plan.steps),
                .text(action.responsibility.text), try json(action.responsibility.notes),
                try json(action.responsibility.unsure),
                SQLValue(action.schedule.text), SQLValue(action.schedule.startYear), SQLValue(action.schedule.endYear),
                try json(action.schedule.phases), try json(action.schedule.terms),
                SQLValue(action.cost.text), try json(action.cost.parts), SQLValue(action.cost.withinExistingBudget),
                SQLValue(action.cost.decisionPending), try json(action.cost.externalFunding), try json(action.cost.staff),
                try json(EffectGoal.numbered(action.goals)), try json(action.otherFields),
            ])
        let versionID = db.lastInsertRowID
        let roles = (action.responsibility.lead.map { [("lead", $0)] } ?? [])
            + action.responsibility.coResponsible.map { ("co", $0) }
        for (position, (role, ref)) in roles.enumerated() {
            let (department, unit) = try resolve(ref, missing: missingUnits)
            try db.run(
                "INSERT INTO action_version_unit (version_id, position, role, department_id, unit_id) VALUES (?, ?, ?, ?, ?)",
                [.integer(versionID), SQLValue(position), .text(role), .integer(department), SQLValue(unit)])
        }
    }
}
