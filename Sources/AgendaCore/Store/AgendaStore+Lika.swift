import Foundation

/// Self-assessments against indicator sets (LIKA Socialtjänst and others), and the links from actions to
/// the indicators they are meant to lift. Answers are append-only like status reports: a second answer for
/// the same unit, date and indicator supersedes the first, which stays on record.
extension AgendaStore {
    // MARK: - Indicator sets

    /// The indicator sets stored in this database, in the order first used, each with its indicators as
    /// they read now (the latest edition of each text).
    public func indicatorSets() throws -> [IndicatorSet] {
        try db.read {
            try db.values("SELECT id FROM indicator_set ORDER BY id", [], as: Int64.self).map { try storedSet(id: $0) }
        }
    }

    /// The set with `key` as stored, else as built into Agenda (``IndicatorSet/builtIn``).
    /// Throws ``StoreError/notFound(_:)`` naming the known keys for any other key.
    public func indicatorSet(key: String) throws -> IndicatorSet {
        try db.read {
            if let id = try setID(key: key) { return try storedSet(id: id) }
            if let builtIn = IndicatorSet.builtIn[key] { return builtIn }
            throw try Self.unknownSet(key, known: try db.values("SELECT key FROM indicator_set ORDER BY id", [], as: String.self))
        }
    }

    /// Every edition Agenda knows here: the stored sets in the order first stored, then the built-in sets
    /// the database has not stored yet.
    public func knownIndicatorSets() throws -> [IndicatorSet] {
        let stored = try indicatorSets()
        return stored + IndicatorSet.builtIn.keys.sorted().filter { key in !stored.contains { $0.key == key } }.compactMap { IndicatorSet.builtIn[$0] }
    }

    /// Stores `set` as a new edition, by `actor` (the owner) at `at`, in one transaction with its audit
    /// entry. Refuses a key that is stored or built in already, an empty key, and a set without indicators.
    public func loadIndicatorSet(_ set: IndicatorSet, by actor: Identity, at: Timestamp) throws {
        try write(by: actor, .changePlan, at: at) { audit in
            guard !set.key.isEmpty, set.key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw StoreError.invalidInput(.indicator, .badSetKey(set.key))
            }
            guard try setID(key: set.key) == nil, IndicatorSet.builtIn[set.key] == nil else {
                throw StoreError.alreadyExists(.indicatorSet(set.key))
            }
            try insertSet(IndicatorSetRecord(set, recordedAt: at))
            audit = AuditDraft(operation: "load indicator set", target: set.key, after: IndicatorSetRecord(set, recordedAt: at))
        }
    }

    static func unknownSet(_ key: String, known: [String]) throws -> StoreError {
        let keys = (known + IndicatorSet.builtIn.keys.sorted()).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return .notFound(.indicatorSet(key, known: keys))
    }

    func setID(key: String) throws -> Int64? {
        try db.value("SELECT id FROM indicator_set WHERE key = ?", [.text(key)], as: Int64.self)
    }

    func storedSet(id: Int64) throws -> IndicatorSet {
        guard let (key, name) = try db.first("SELECT key, name FROM indicator_set WHERE id = ?", [.integer(id)], {
            ($0.string("key"), $0.string("name"))
        }) else { throw StoreError.corrupt("indikatoruppsättning \(id) saknas") }
        var set = IndicatorSet(key: key, name: name, areas: try areas(setID: id))
        set.indicators = set.sorted(try db.query("""
            SELECT i.code, i.area_code, v.text, v.suggestion FROM indicator i
            JOIN indicator_version v ON v.id = (SELECT max(id) FROM indicator_version WHERE indicator_id = i.id)
            WHERE i.set_id = ?
            """, [.integer(id)]) {
                Indicator(code: $0.string("code"), area: $0.string("area_code"), text: $0.string("text"), suggestion: $0.string("suggestion"))
            })
        return set
    }

    /// The areas of the set `setID`, in the set's order.
    func areas(setID: Int64) throws -> [IndicatorArea] {
        try db.query("SELECT code, name FROM indicator_area WHERE set_id = ? ORDER BY position", [.integer(setID)]) {
            IndicatorArea(code: $0.string("code"), name: $0.string("name"))
        }
    }

    /// The stored set's id, storing the built-in set of that key first when the database lacks it.
    func requireSet(key: String, at: Timestamp) throws -> Int64 {
        if let id = try setID(key: key) { return id }
        guard let builtIn = IndicatorSet.builtIn[key] else {
            throw try Self.unknownSet(key, known: try db.values("SELECT key FROM indicator_set ORDER BY id", [], as: String.self))
        }
        return try insertSet(IndicatorSetRecord(builtIn, recordedAt: at))
    }

    @discardableResult
    func insertSet(_ record: IndicatorSetRecord) throws -> Int64 {
        try db.run("INSERT INTO indicator_set (key, name) VALUES (?, ?)", [.text(record.key), .text(record.name)])
        let id = db.lastInsertRowID
        for (position, area) in record.areas.enumerated() {
            try db.run(
                "INSERT INTO indicator_area (set_id, code, name, position) VALUES (?, ?, ?, ?)",
                [.integer(id), .text(area.code), .text(area.name), SQLValue(position)])
        }
        for indicator in record.indicators {
            let indicatorID = try insertIndicator(setID: id, code: indicator.code, area: indicator.area)
            for edition in indicator.editions {
                try insertEdition(indicatorID: indicatorID, text: edition.text, suggestion: edition.suggestion, at: edition.recordedAt)
            }
        }
        return id
    }

    func insertIndicator(setID: Int64, code: String, area: String) throws -> Int64 {
        try db.run("INSERT INTO indicator (set_id, code, area_code) VALUES (?, ?, ?)", [.integer(setID), .text(code), .text(area)])
        return db.lastInsertRowID
    }

    @discardableResult
    func insertEdition(indicatorID: Int64, text: String, suggestion: String, at: Timestamp) throws -> Int64 {
        try db.run(
            "INSERT INTO indicator_version (indicator_id, text, suggestion, recorded_at) VALUES (?, ?, ?, ?)",
            [.integer(indicatorID), .text(text), .text(suggestion), .text(at.description)])
        return db.lastInsertRowID
    }

    /// Every stored set with every edition of every indicator, for the JSON export.
    func indicatorSetRecords() throws -> [IndicatorSetRecord] {
        try db.query("SELECT id, key, name FROM indicator_set ORDER BY id", []) { ($0.int64("id"), $0.string("key"), $0.string("name")) }
            .map { id, key, name in
                let areas = try areas(setID: id)
                let indicators = try db.query("SELECT id, code, area_code FROM indicator WHERE set_id = ? ORDER BY id", [.integer(id)]) {
                    ($0.int64("id"), $0.string("code"), $0.string("area_code"))
                }.map { indicatorID, code, area in
                    IndicatorSetRecord.IndicatorRecord(code: code, area: area, editions: try db.query(
                        "SELECT text, suggestion, recorded_at FROM indicator_version WHERE indicator_id = ? ORDER BY id",
                        [.integer(indicatorID)]) {
                            IndicatorSetRecord.Edition(
                                text: $0.string("text"), suggestion: $0.string("suggestion"),
                                recordedAt: try $0.timestamp("recorded_at", in: "indicator_version"))
                        })
                }
                return IndicatorSetRecord(key: key, name: name, areas: areas, indicators: indicators)
            }
    }

    // MARK: - Assessed units

    /// Every unit that has assessed itself, in the order first recorded.
    public func assessedUnits() throws -> [AssessedUnit] {
        try db.query("""
            SELECT u.name, d.name AS department FROM assessed_unit u LEFT JOIN department d ON d.id = u.department_id ORDER BY u.id
            """, []) { AssessedUnit(name: $0.string("name"), department: $0.optionalString("department")) }
    }

    func assessedUnit(named name: String) throws -> (id: Int64, unit: AssessedUnit)? {
        try db.first("""
            SELECT u.id, u.name, d.name AS department FROM assessed_unit u
            LEFT JOIN department d ON d.id = u.department_id WHERE u.name_key = ?
            """, [.text(Self.key(name))]) { ($0.int64("id"), AssessedUnit(name: $0.string("name"), department: $0.optionalString("department"))) }
    }

    func requireAssessedUnit(_ name: String) throws -> AssessedUnit {
        guard let found = try assessedUnit(named: name) else {
            let known = try assessedUnits().map(\.name)
            throw StoreError.notFound(.assessedUnit(name, known: known))
        }
        return found.unit
    }

    @discardableResult
    func insertAssessedUnit(_ unit: AssessedUnit) throws -> Int64 {
        let departmentID = try unit.department.map { try requireDepartment($0) }
        try db.run(
            "INSERT INTO assessed_unit (name, name_key, department_id) VALUES (?, ?, ?)",
            [.text(unit.name), .text(Self.key(unit.name)), SQLValue(departmentID)])
        return db.lastInsertRowID
    }

    // MARK: - Recording

    /// Records a self-assessment by `actor` at `at`, in one transaction with its access check and audit
    /// entry. The owner records for any unit; a förvaltning (reporter) for its own units only (a new unit
    /// it names becomes its own). A new unit is added, to `input.department` when given. The set is taken
    /// from the store, or stored from the built-in set of that key; indicators it lacks are added, and a
    /// changed indicator text is recorded as a new edition. An answer for a unit, date and indicator that
    /// has one already supersedes it (both stay on record).
    @discardableResult
    public func recordAssessment(_ input: AssessmentInput, by actor: Identity, at: Timestamp) throws -> AssessmentFiling {
        try db.transaction {
            let recorder = try verify(actor)
            try AccessPolicy.check(recorder, .recordAssessment)
            try Validation.checkName(input.unit, field: .assessedUnit)
            try AssessmentInput.checkDate(input.date, today: at.swedishDate)
            guard !input.answers.isEmpty else {
                throw StoreError.invalidInput(.answers, .noAnswers(unit: input.unit))
            }
            // The unit, and its förvaltning.
            let named = try input.department.map { try department(id: try requireDepartment($0)).name }
            var unitID: Int64
            var unit: AssessedUnit
            if let existing = try assessedUnit(named: input.unit) {
                (unitID, unit) = existing
                if let named, existing.unit.department != named {
                    guard existing.unit.department == nil else {
                        throw StoreError.conflict(.unitInOtherDepartment(unit: existing.unit.name, department: existing.unit.department ?? "", named: named))
                    }
                    try AccessPolicy.checkAssessmentScope(recorder, unit: unit.name, department: named)
                    try db.run("UPDATE assessed_unit SET department_id = ? WHERE id = ?", [.integer(try requireDepartment(named)), .integer(unitID)])
                    unit.department = named
                }
            } else {
                unit = AssessedUnit(name: input.unit, department: named ?? (recorder.role == .reporter ? recorder.department : nil))
                unitID = 0
            }
            try AccessPolicy.checkAssessmentScope(recorder, unit: unit.name, department: unit.department)
            if unitID == 0 { unitID = try insertAssessedUnit(unit) }

            let setID = try requireSet(key: input.set, at: at)
            let set = try storedSet(id: setID)
            var filing = AssessmentFiling(answers: [], newIndicators: [], changedIndicators: [], corrected: 0)
            var seen = Set<String>()
            for item in input.answers {
                let code = item.code.trimmingCharacters(in: .whitespaces)
                guard !code.isEmpty else { throw StoreError.invalidInput(.indicator, .missingIndicatorCode) }
                guard seen.insert(code.uppercased()).inserted else {
                    throw StoreError.invalidInput(.indicator, .answeredTwice(indicator: code))
                }
                if let step = item.step, !(1...3).contains(step) {
                    throw StoreError.invalidInput(.step, .noSuchStep(indicator: code, step: step))
                }
                let text = TextCleaner.clean(item.indicator).trimmingCharacters(in: .whitespacesAndNewlines)
                let suggestion = TextCleaner.clean(item.suggestion).trimmingCharacters(in: .whitespacesAndNewlines)
                let indicatorID: Int64, versionID: Int64, storedCode: String, areaCode: String, indicatorText: String
                if let known = set.indicator(code) {
                    storedCode = known.code
                    areaCode = known.area
                    guard let stored = try db.first("""
                        SELECT i.id AS indicator, max(v.id) AS edition FROM indicator i
                        JOIN indicator_version v ON v.indicator_id = i.id WHERE i.set_id = ? AND i.code = ? GROUP BY i.id
                        """, [.integer(setID), .text(known.code)], { (indicator: $0.int64("indicator"), edition: $0.int64("edition")) })
                    else { throw StoreError.corrupt("indikator \(known.code) i \(set.key) saknas i databasen") }
                    indicatorID = stored.indicator
                    let changedText = !text.isEmpty && text != known.text
                    let changedSuggestion = !suggestion.isEmpty && suggestion != known.suggestion
                    if changedText || changedSuggestion {
                        versionID = try insertEdition(
                            indicatorID: indicatorID, text: text.isEmpty ? known.text : text,
                            suggestion: suggestion.isEmpty ? known.suggestion : suggestion, at: at)
                        if changedText { filing.changedIndicators.append(known.code) }
                    } else {
                        versionID = stored.edition
                    }
                    indicatorText = text.isEmpty ? known.text : text
                } else {
                    storedCode = code.uppercased()
                    guard let area = item.area.flatMap({ set.area($0)?.code }) ?? set.areaCode(forCode: storedCode) else {
                        throw StoreError.invalidInput(.area, .indicatorOutsideAreas(indicator: code, set: set.name, areas: set.areas.map { "\($0.code) \($0.name)" }))
                    }
                    guard !text.isEmpty else {
                        throw StoreError.invalidInput(.indicator, .newIndicatorWithoutText(indicator: code, set: set.name))
                    }
                    areaCode = area
                    indicatorID = try insertIndicator(setID: setID, code: storedCode, area: area)
                    versionID = try insertEdition(indicatorID: indicatorID, text: text, suggestion: suggestion, at: at)
                    indicatorText = text
                    filing.newIndicators.append(storedCode)
                }
                let earlier = try db.value("""
                    SELECT max(id) FROM assessment_answer WHERE unit_id = ? AND date = ? AND indicator_id = ?
                    """, [.integer(unitID), .text(input.date.description), .integer(indicatorID)], as: Int.self)
                if earlier != nil { filing.corrected += 1 }
                var answer = AssessmentAnswer(
                    number: 0, unit: unit.name, date: input.date, set: set.key, code: storedCode,
                    area: set.area(areaCode) ?? IndicatorArea(code: areaCode, name: areaCode), indicator: indicatorText,
                    answer: item.answer, step: item.step, comment: TextCleaner.clean(item.comment).trimmingCharacters(in: .whitespacesAndNewlines),
                    recordedBy: recorder.signature, recordedAt: at, supersedes: earlier)
                answer.number = try insertAnswer(answer, unitID: unitID, indicatorID: indicatorID, versionID: versionID, number: nil)
                filing.answers.append(answer)
            }
            try insertAudit(
                AuditDraft(
                    operation: AccessPolicy.Write.recordAssessment.rawValue, target: "\(unit.name) \(input.date)",
                    after: AssessmentAudit(
                        unit: unit.name, date: input.date, set: set.key, answers: filing.answers.count, corrected: filing.corrected,
                        newIndicators: filing.newIndicators, changedIndicators: filing.changedIndicators)),
                identity: recorder.signature, at: at)
            return filing
        }
    }

    @discardableResult
    func insertAnswer(_ answer: AssessmentAnswer, unitID: Int64, indicatorID: Int64, versionID: Int64, number: Int?) throws -> Int {
        try db.run("""
            INSERT INTO assessment_answer (
                id, unit_id, date, indicator_id, indicator_version_id, answer, step, comment, recorded_by, recorded_at, supersedes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                SQLValue(number), .integer(unitID), .text(answer.date.description), .integer(indicatorID), .integer(versionID),
                .text(answer.answer.rawValue), SQLValue(answer.step), .text(answer.comment), .text(answer.recordedBy),
                .text(answer.recordedAt.description), SQLValue(answer.supersedes),
            ])
        return Int(db.lastInsertRowID)
    }

    // MARK: - Reading answers

    static let answerSelect = """
        SELECT ans.id, u.name AS unit, ans.date, s.key AS set_key, i.code, i.area_code, ar.name AS area_name, v.text, ans.answer,
               ans.step, ans.comment,
               ans.recorded_by, ans.recorded_at, ans.supersedes
        FROM assessment_answer ans
        JOIN assessed_unit u ON u.id = ans.unit_id
        JOIN indicator i ON i.id = ans.indicator_id
        JOIN indicator_set s ON s.id = i.set_id
        JOIN indicator_area ar ON ar.set_id = i.set_id AND ar.code = i.area_code
        JOIN indicator_version v ON v.id = ans.indicator_version_id
        """

    /// Units in the order first recorded, then date, set, area and code ("L2" before "L10").
    static let answerOrder = "u.id, ans.date, s.id, ar.position, length(i.code), i.code, ans.id"

    func readAnswer(_ row: Row) throws -> AssessmentAnswer {
        guard let date = try row.date("date", in: "assessment_answer"), let answer = MaturityAnswer(rawValue: row.string("answer")) else {
            throw StoreError.corrupt("självskattningssvar \(row.int("id")): okänt datum eller svar")
        }
        return AssessmentAnswer(
            number: row.int("id"), unit: row.string("unit"), date: date, set: row.string("set_key"), code: row.string("code"),
            area: IndicatorArea(code: row.string("area_code"), name: row.string("area_name")), indicator: row.string("text"),
            answer: answer, step: row.optionalInt("step"), comment: row.string("comment"), recordedBy: row.string("recorded_by"),
            recordedAt: try row.timestamp("recorded_at", in: "assessment_answer"), supersedes: row.optionalInt("supersedes"))
    }

    /// The answers in force (for each unit, date and indicator the latest recorded) that `query` asks for,
    /// by unit (in the order first recorded), date, set, area and code. An unknown unit is refused with the
    /// units that have assessed themselves.
    public func answers(_ query: AnswerQuery = AnswerQuery()) throws -> [AssessmentAnswer] {
        try db.read {
            if let unit = query.unit { _ = try requireAssessedUnit(unit) }
            let rows = try db.query("""
                \(Self.answerSelect)
                WHERE NOT EXISTS (
                    SELECT 1 FROM assessment_answer later
                    WHERE later.unit_id = ans.unit_id AND later.date = ans.date AND later.indicator_id = ans.indicator_id AND later.id > ans.id)
                  AND (?1 IS NULL OR u.name_key = ?1) AND (?2 IS NULL OR ans.date = ?2) AND (?3 IS NULL OR s.key = ?3)
                  AND (?4 IS NULL OR ans.date <= ?4)
                ORDER BY \(Self.answerOrder)
                """, [
                    SQLValue(query.unit.map(Self.key)), SQLValue(query.date?.description), SQLValue(query.set),
                    SQLValue(query.asOf?.description),
                ]) { try readAnswer($0) }
            guard query.asOf != nil || query.latestOnly else { return rows }
            var latest: [String: CalendarDate] = [:]
            for row in rows { latest["\(row.unit)\u{0}\(row.set)"] = max(latest["\(row.unit)\u{0}\(row.set)"] ?? row.date, row.date) }
            return rows.filter { latest["\($0.unit)\u{0}\($0.set)"] == $0.date }
        }
    }

    /// Every answer ever recorded, superseded ones included, in the order recorded.
    public func allAssessmentAnswers() throws -> [AssessmentAnswer] {
        try db.query("\(Self.answerSelect) ORDER BY ans.id", []) { try readAnswer($0) }
    }

    /// The self-assessments on record (a unit, a date, a set), only `unit`'s when given, by unit (in the
    /// order first recorded) and date, with how many indicators got each answer.
    public func assessments(unit: String? = nil) throws -> [AssessmentSummary] {
        try db.read {
            let units = Dictionary(try assessedUnits().map { (Self.key($0.name), $0) }, uniquingKeysWith: { a, _ in a })
            var result: [AssessmentSummary] = []
            for answer in try answers(AnswerQuery(unit: unit)) {
                if let last = result.last, last.unit.name == answer.unit, last.date == answer.date, last.set == answer.set {
                    result[result.count - 1].counts[answer.answer, default: 0] += 1
                    result[result.count - 1].total += 1
                } else {
                    result.append(AssessmentSummary(
                        unit: units[Self.key(answer.unit)] ?? AssessedUnit(name: answer.unit), date: answer.date, set: answer.set,
                        counts: [answer.answer: 1], total: 1))
                }
            }
            return result
        }
    }

    /// The indicators below `level` on the scale (*Ej relevant* excluded) in each unit's latest assessment
    /// (only `unit`'s, only `set`'s when given), with the set's suggestion and the actions already linked.
    public func suggestions(unit: String? = nil, below level: MaturityAnswer = .fulfilled, set: String? = nil) throws -> [IndicatorSuggestion] {
        try db.read {
            var sets: [String: IndicatorSet] = [:]
            return try answers(AnswerQuery(unit: unit, latestOnly: true, set: set)).filter { $0.answer.isBelow(level) }.map { answer in
                if sets[answer.set] == nil { sets[answer.set] = try indicatorSet(key: answer.set) }
                return IndicatorSuggestion(
                    answer: answer, suggestion: sets[answer.set]?.indicator(answer.code)?.suggestion ?? "",
                    linkedActions: try linkedActionCodes(set: answer.set, code: answer.code))
            }
        }
    }

    // MARK: - Links from actions to indicators

    func indicatorID(set: String, code: String) throws -> Int64? {
        try db.value("""
            SELECT i.id FROM indicator i JOIN indicator_set s ON s.id = i.set_id WHERE s.key = ? AND upper(i.code) = upper(?)
            """, [.text(set), .text(code)], as: Int64.self)
    }

    func linkedActionCodes(set: String, code: String) throws -> [String] {
        guard let id = try indicatorID(set: set, code: code) else { return [] }
        return try db.values("""
            SELECT a.code FROM action_indicator l JOIN action a ON a.id = l.action_id WHERE l.indicator_id = ? ORDER BY \(Self.planOrder)
            """, [.integer(id)], as: String.self)
    }

    /// The actions linked to the indicator `code` of `set`, in plan order, each as it stands now with its
    /// latest status. Throws ``StoreError/notFound(_:)`` for an indicator the set lacks.
    public func linkedActions(set: String, code: String) throws -> [LinkedAction] {
        try db.read {
            guard let id = try indicatorID(set: set, code: code) else {
                throw StoreError.notFound(.indicator(set: try indicatorSet(key: set).name, code: code))
            }
            let links = try db.query("""
                SELECT a.code, l.revision FROM action_indicator l JOIN action a ON a.id = l.action_id
                WHERE l.indicator_id = ? ORDER BY \(Self.planOrder)
                """, [.integer(id)]) { ($0.string("code"), $0.int("revision")) }
            let latest = try latestStatuses(codes: links.map(\.0))
            return try links.compactMap { code, revision in
                try action(code: code).map { LinkedAction(action: $0, latest: latest[code], revision: revision) }
            }
        }
    }

    /// The indicators the action `code` is linked to, by set, area and code, each as it reads now.
    public func indicatorLinks(action code: String) throws -> [LinkedIndicator] {
        try db.read {
            guard let id = try actionID(code: code) else { throw Self.noAction(code) }
            return try db.query("""
                SELECT s.key AS set_key, i.code, i.area_code, ar.name AS area_name, v.text, v.suggestion, l.revision
                FROM action_indicator l
                JOIN indicator i ON i.id = l.indicator_id
                JOIN indicator_set s ON s.id = i.set_id
                JOIN indicator_area ar ON ar.set_id = i.set_id AND ar.code = i.area_code
                JOIN indicator_version v ON v.id = (SELECT max(id) FROM indicator_version WHERE indicator_id = i.id)
                WHERE l.action_id = ?
                ORDER BY s.id, ar.position, length(i.code), i.code
                """, [.integer(id)]) { row in
                    LinkedIndicator(
                        link: IndicatorLink(action: code, set: row.string("set_key"), code: row.string("code"), revision: row.int("revision")),
                        indicator: Indicator(
                            code: row.string("code"), area: row.string("area_code"), text: row.string("text"),
                            suggestion: row.string("suggestion")),
                        area: IndicatorArea(code: row.string("area_code"), name: row.string("area_name")))
                }
        }
    }

    /// Every link from an action to an indicator, in the order made.
    public func allIndicatorLinks() throws -> [IndicatorLink] {
        try db.query("""
            SELECT a.code AS action_code, s.key AS set_key, i.code, l.revision FROM action_indicator l
            JOIN action a ON a.id = l.action_id JOIN indicator i ON i.id = l.indicator_id JOIN indicator_set s ON s.id = i.set_id
            ORDER BY l.rowid
            """, []) {
                IndicatorLink(action: $0.string("action_code"), set: $0.string("set_key"), code: $0.string("code"), revision: $0.int("revision"))
            }
    }

    /// Links the action `action` to the indicators `codes` of `set` under `decision` (a plan change:
    /// the owner only; one revision for all of them). Refuses an unknown action or indicator, a withdrawn
    /// action, and a link that exists already.
    @discardableResult
    public func linkIndicators(
        action code: String, set: String, codes: [String], decision: Decision, by actor: Identity, at: Timestamp
    ) throws -> Revision {
        try write(by: actor, .changePlan, at: at) { audit in
            guard let current = try currentVersion(code: code, asOf: nil) else { throw Self.noAction(code) }
            guard current.version.action.state != .withdrawn else {
                throw StoreError.withdrawn(code: code, .links)
            }
            return try linkIndicators(actionID: current.actionID, code: code, set: set, codes: codes, decision: decision, at: at, audit: &audit)
        }
    }

    /// Links several actions to indicators of `set` under one `decision` (one revision for them all), each
    /// action to its codes; refuses like ``linkIndicators(action:set:codes:decision:by:at:)``.
    @discardableResult
    public func linkIndicators(
        _ links: [(action: String, codes: [String])], set: String, decision: Decision, by actor: Identity, at: Timestamp
    ) throws -> Revision {
        try write(by: actor, .changePlan, at: at) { audit in
            guard !links.isEmpty else { throw StoreError.invalidInput(.action, .noActionsToLink) }
            var targets: [(id: Int64, code: String, codes: [String])] = []
            for link in links {
                guard let current = try currentVersion(code: link.action, asOf: nil) else { throw Self.noAction(link.action) }
                guard current.version.action.state != .withdrawn else {
                    throw StoreError.withdrawn(code: link.action, .links)
                }
                targets.append((current.actionID, link.action, link.codes))
            }
            let revision = try recordRevision(decision)
            var made: [IndicatorLink] = []
            for target in targets {
                made += try insertLinks(actionID: target.id, code: target.code, set: set, codes: target.codes, revision: revision, at: at)
            }
            audit = AuditDraft(operation: "link indicators", target: targets.map(\.code).joined(separator: ", "), after: made)
            return revision
        }
    }

    func linkIndicators(
        actionID: Int64, code: String, set: String, codes: [String], decision: Decision, at: Timestamp, audit: inout AuditDraft
    ) throws -> Revision {
        let revision = try recordRevision(decision)
        let links = try insertLinks(actionID: actionID, code: code, set: set, codes: codes, revision: revision, at: at)
        audit = AuditDraft(operation: "link indicators", target: code, after: links)
        return revision
    }

    /// Links an action to indicators under `revision`; refuses an empty list, an indicator the set lacks
    /// and a link that exists already.
    func insertLinks(actionID: Int64, code: String, set: String, codes: [String], revision: Revision, at: Timestamp) throws -> [IndicatorLink] {
        guard !codes.isEmpty else { throw StoreError.invalidInput(.indicator, .noIndicatorsToLink(action: code)) }
        let setID = try requireSet(key: set, at: at)
        let stored = try storedSet(id: setID)
        var links: [IndicatorLink] = []
        for wanted in codes {
            guard let indicator = stored.indicator(wanted), let id = try indicatorID(set: set, code: indicator.code) else {
                throw StoreError.notFound(.indicator(set: stored.name, code: wanted))
            }
            if try db.first("SELECT 1 FROM action_indicator WHERE action_id = ? AND indicator_id = ?", [.integer(actionID), .integer(id)], { _ in true }) != nil {
                throw StoreError.conflict(.alreadyLinked(action: code, indicator: indicator.code))
            }
            try db.run(
                "INSERT INTO action_indicator (action_id, indicator_id, revision) VALUES (?, ?, ?)",
                [.integer(actionID), .integer(id), SQLValue(revision.number)])
            links.append(IndicatorLink(action: code, set: set, code: indicator.code, revision: revision.number))
        }
        return links
    }
}

/// What the audit log records of an action added from a suggestion: the action and its links.
struct AddedWithLinks: Encodable, Sendable {
    var action: ActionVersion?
    var indicators: [IndicatorLink]
}

/// What the audit log records of a self-assessment: counts and codes, not every answer (the export has them).
struct AssessmentAudit: Encodable, Sendable {
    var unit: String
    var date: CalendarDate
    var set: String
    var answers: Int
    var corrected: Int
    var newIndicators: [String]
    var changedIndicators: [String]
}

/// An indicator set as the JSON export holds it: every edition of every indicator's text, in the order recorded.
public struct IndicatorSetRecord: Sendable, Codable, Equatable {
    public var key: String
    public var name: String
    public var areas: [IndicatorArea]
    /// In the order first recorded.
    public var indicators: [IndicatorRecord]

    public struct IndicatorRecord: Sendable, Codable, Equatable {
        public var code: String
        public var area: String
        /// Oldest first; the last is in force.
        public var editions: [Edition]
    }

    public struct Edition: Sendable, Codable, Equatable {
        public var text: String
        public var suggestion: String
        public var recordedAt: Timestamp
    }

    public init(key: String, name: String, areas: [IndicatorArea], indicators: [IndicatorRecord]) {
        self.key = key
        self.name = name
        self.areas = areas
        self.indicators = indicators
    }

    /// A set as first stored: one edition of each indicator, recorded at `recordedAt`.
    init(_ set: IndicatorSet, recordedAt: Timestamp) {
        self.init(key: set.key, name: set.name, areas: set.areas, indicators: set.indicators.map {
            IndicatorRecord(code: $0.code, area: $0.area, editions: [Edition(text: $0.text, suggestion: $0.suggestion, recordedAt: recordedAt)])
        })
    }
}

extension AgendaStore {
    /// Imports a parsed plan with what a LIKA table plan brings besides the agenda, in one transaction:
    /// its actions' links to indicators (made with the adopted plan, revision 1) and its self-assessments.
    /// A LIKA plan's indicators are placed first (``placeIndicators(_:in:source:at:)``): in a
    /// known edition (the stored sets, then those built in) that has every one of them with its code and
    /// text, else in the plan's own edition, stored now with every indicator as written. Returns a warning
    /// naming the indicators no known edition has (none when a known edition holds them all).
    @discardableResult
    public func importPlan(_ result: ImportResult, by actor: Identity, at: Timestamp) throws -> [ImportWarning] {
        try db.transaction {
            let revision = try importAgenda(result.agenda, by: actor, at: at)
            var result = result
            var warnings: [ImportWarning] = []
            if !result.indicators.isEmpty {
                let placed = try placeIndicators(result.indicators, source: .plan, at: at)
                if let warning = placed.warning { warnings.append(warning) }
                for index in result.assessments.indices { result.assessments[index].set = placed.key }
                for index in result.indicatorLinks.indices { result.indicatorLinks[index].set = placed.key }
            }
            for assessment in result.assessments {
                try recordAssessment(assessment, by: actor, at: at)
            }
            if !result.indicatorLinks.isEmpty {
                try write(by: actor, .changePlan, at: at) { audit in
                    var made: [IndicatorLink] = []
                    for link in result.indicatorLinks {
                        guard let id = try actionID(code: link.action) else { throw Self.noAction(link.action) }
                        made += try insertLinks(actionID: id, code: link.action, set: link.set, codes: link.codes, revision: revision, at: at)
                    }
                    audit = AuditDraft(operation: "link indicators", target: result.agenda.title, after: made)
                }
            }
            return warnings
        }
    }

    /// Records a self-assessment read from SKR's export (``LikaExportReader``) in one transaction: its
    /// indicators, `written` (every row, answered or not), are placed first as a LIKA table plan's are
    /// (``placeIndicators(_:in:source:at:)``) — among the known editions, or in `set` alone when it names one —
    /// and `input` is recorded against that edition (``recordAssessment(_:by:at:)``, its `set` ignored).
    /// Returns the filing, and the warning naming the indicators the closest known edition lacks when they
    /// were kept in the export's own edition. A refusal stores nothing, the own edition neither.
    public func importAssessment(
        _ input: AssessmentInput, indicators written: [IndicatorEdition.Written], set: String?, by actor: Identity, at: Timestamp
    ) throws -> (filing: AssessmentFiling, warning: ImportWarning?) {
        try db.transaction {
            let placed = try placeIndicators(written, in: set, source: .export, at: at)
            var input = input
            input.set = placed.key
            return (try recordAssessment(input, by: actor, at: at), placed.warning)
        }
    }

    /// Places indicators as a document from `source` writes them (``IndicatorEdition/place(_:areaNames:among:source:ownKey:)``)
    /// inside the caller's transaction: in the first known edition (the stored sets, then those built in; or
    /// only the edition `set` when given) that has every one of them with its code and text, else in the
    /// document's own edition, stored now with every indicator as written under a key no edition has
    /// (`<closest key>-plan`, `-plan-2`, …; `-export` for an export). Returns the key to record against, and
    /// for an own edition one warning naming the indicators the closest edition lacks, with their lines.
    func placeIndicators(
        _ written: [IndicatorEdition.Written], in set: String? = nil, source: IndicatorEdition.Source, at: Timestamp
    ) throws -> (key: String, warning: ImportWarning?) {
        let known = try knownIndicatorSets()
        let taken = Set(known.map(\.key))
        let placement = IndicatorEdition.place(
            written.map(\.indicator),
            areaNames: Dictionary(written.map { ($0.indicator.area, $0.areaName) }, uniquingKeysWith: { a, _ in a }),
            among: try set.map { [try indicatorSet(key: $0)] } ?? known, source: source,
            ownKey: { base in
                var key = "\(base.key)-\(source.rawValue)", number = 1
                while taken.contains(key) {
                    number += 1
                    key = "\(base.key)-\(source.rawValue)-\(number)"
                }
                return key
            })
        guard let own = placement.ownEdition else { return (placement.key, nil) }
        try insertSet(IndicatorSetRecord(own, recordedAt: at))
        let lines = Dictionary(written.map { ($0.indicator.code, $0.line) }, uniquingKeysWith: { a, _ in a })
        let named = placement.unknown.map { "\($0.code) (rad \(lines[$0.code] ?? 0))" }.joined(separator: ", ")
        let count = placement.unknown.count == 1 ? "en indikator" : "\(placement.unknown.count) indikatorer"
        let warning = ImportWarning(
            line: placement.unknown.compactMap { lines[$0.code] }.min() ?? 1,
            message: "\(source.definite) har \(count) som \(placement.known.name) inte har med samma kod och lydelse: \(named); "
                + "\(source.genitive) indikatorer sparas med kod och lydelse som i \(source.definite) i en egen utgåva, \(own.name) (\(own.key)), "
                + "och jämförs med \(placement.known.name) bara där kod och lydelse stämmer (\(placement.matched) av \(written.count) indikatorer)")
        return (placement.key, warning)
    }

    /// Recreates a document's indicator sets, assessed units, answers and links exactly as exported
    /// (inside ``importDocument(_:by:at:)``'s transaction).
    func insertAssessmentHistory(_ document: AgendaDocument) throws {
        func invalid(_ detail: String) -> ImportError { .invalidJSON(detail) }
        var setKeys = Set<String>()
        for (index, set) in document.indicatorSets.enumerated() {
            guard setKeys.insert(set.key).inserted else { throw invalid("indicatorSets[\(index)].key: \"\(set.key)\" finns två gånger") }
            let areas = Set(set.areas.map(\.code))
            for (i, indicator) in set.indicators.enumerated() {
                guard areas.contains(indicator.area) else {
                    throw invalid("indicatorSets[\(index)].indicators[\(i)].area: området \"\(indicator.area)\" saknas i uppsättningen")
                }
                guard !indicator.editions.isEmpty else { throw invalid("indicatorSets[\(index)].indicators[\(i)]: en indikator utan text") }
            }
            try insertSet(set)
        }
        for (index, unit) in document.assessedUnits.enumerated() {
            guard try assessedUnit(named: unit.name) == nil else { throw invalid("assessedUnits[\(index)]: \"\(unit.name)\" finns två gånger") }
            try insertAssessedUnit(unit)
        }
        var previous = 0
        for (index, answer) in document.assessments.enumerated() {
            let path = "assessments[\(index)]"
            guard answer.number > previous else { throw invalid("\(path).number: svaren ska vara numrerade i stigande ordning") }
            previous = answer.number
            if let earlier = answer.supersedes, earlier >= answer.number { throw invalid("\(path).supersedes: ett svar kan bara ersätta ett tidigare") }
            guard let unit = try assessedUnit(named: answer.unit) else { throw invalid("\(path).unit: \"\(answer.unit)\" saknas i assessedUnits") }
            guard let indicatorID = try indicatorID(set: answer.set, code: answer.code) else {
                throw invalid("\(path): indikatorn \(answer.code) saknas i uppsättningen \(answer.set)")
            }
            guard let versionID = try db.value("""
                SELECT id FROM indicator_version WHERE indicator_id = ? AND text = ?
                ORDER BY recorded_at <= ? DESC, id DESC LIMIT 1
                """, [.integer(indicatorID), .text(answer.indicator), .text(answer.recordedAt.description)], as: Int64.self)
            else { throw invalid("\(path).indicator: texten finns inte bland indikatorn \(answer.code)s utgåvor") }
            try insertAnswer(answer, unitID: unit.id, indicatorID: indicatorID, versionID: versionID, number: answer.number)
        }
        for (index, link) in document.indicatorLinks.enumerated() {
            let path = "indicatorLinks[\(index)]"
            guard let actionID = try actionID(code: link.action) else { throw invalid("\(path).action: aktiviteten \(link.action) finns inte") }
            guard let indicatorID = try indicatorID(set: link.set, code: link.code) else {
                throw invalid("\(path): indikatorn \(link.code) saknas i uppsättningen \(link.set)")
            }
            guard document.revisions.contains(where: { $0.number == link.revision }) else {
                throw invalid("\(path).revision: revision \(link.revision) saknas i dokumentet")
            }
            try db.run(
                "INSERT INTO action_indicator (action_id, indicator_id, revision) VALUES (?, ?, ?)",
                [.integer(actionID), .integer(indicatorID), SQLValue(link.revision)])
        }
    }
}
