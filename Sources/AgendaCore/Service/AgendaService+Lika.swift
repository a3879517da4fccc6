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

    /// Records the self-assessment of SKR's export `export` (``LikaExportReader``) for `unit` on `date` by
    /// `caller`, in one transaction, edition-aware as a LIKA table plan's import is: the export's indicators
    /// (every row, answered or not) go to the first known edition that has every one of them with its code
    /// and text — or to the edition `set` alone, when given —, else to the export's own edition, stored with
    /// every indicator as written, with one warning naming those the closest edition lacks
    /// (``AgendaStore/importAssessment(_:indicators:set:by:at:)``). Never refused for an unknown indicator;
    /// a refusal stores nothing.
    @discardableResult
    public func importAssessment(
        _ export: LikaExportReader.Export, unit: String, department: String? = nil, date: CalendarDate, set: String? = nil,
        by caller: Identity
    ) throws -> AssessmentImport {
        try write { store in
            let input = AssessmentInput(unit: unit, department: department, date: date, answers: export.items)
            let (filing, placed) = try store.importAssessment(input, indicators: export.indicators, set: set, by: caller, at: now)
            let warnings = (export.warnings + [placed].compactMap { $0 }).enumerated()
                .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            return AssessmentImport(filing: filing, warnings: warnings)
        }
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

    /// Turns an indicator's suggestion into an action of the plan linked to that indicator, under
    /// `decision` (owner only; one revision for the action and its link). What `fields` leaves out comes
    /// from the indicator: the title from its suggestion ("Exempel på aktivitet: " left out), the plan text
    /// the whole suggestion, the background the indicator itself. Without `actionCode` the action gets the
    /// next free number in area `area` ("3.7"). Returns the action as added.
    @discardableResult
    public func adoptSuggestion(
        indicator code: String, set: String = IndicatorSet.likaSocialtjanstKey, area: Int, subArea: String? = nil,
        actionCode: String? = nil, fields: ActionFields, decision: Decision, newUnits: Bool = false, by caller: Identity
    ) throws -> Action {
        try write { store in
            let indicatorSet = try store.indicatorSet(key: set)
            guard let indicator = indicatorSet.indicator(code) else {
                throw StoreError.notFound(.indicator(set: indicatorSet.name, code: code))
            }
            let suggestion = Self.suggestionText(indicator.suggestion)
            var fields = fields
            if fields.title == nil {
                guard !suggestion.isEmpty else {
                    throw StoreError.invalidInput(.title, .noSuggestion(indicator: indicator.code))
                }
                fields.title = Self.title(from: suggestion)
            }
            if fields.plan == nil, !suggestion.isEmpty { fields.plan = suggestion }
            if fields.background == nil { fields.background = "\(indicatorSet.name), \(indicator.code): \(indicator.text)" }
            let code = try actionCode ?? Self.nextActionCode(in: area, store: store)
            var register = OrganisationRegister(departments: try store.departments())
            var action = Action(code: code, areaNumber: area, subAreaCode: subArea, title: "")
            action.cost = CostParser.parse(nil, schedule: action.schedule)
            let stored = register
            fields.apply(to: &action, register: &register)
            if !newUnits { try Self.refuseNewUnits(register, stored: stored, store: store) }
            try store.addAction(
                action, decision: decision.dated(defaultingTo: today), register: register, indicators: (set, [indicator.code]),
                by: caller, at: now)
            return action
        }
    }

    /// A suggestion without LIKA's lead-in "Exempel på aktivitet:", its first letter capitalised.
    static func suggestionText(_ suggestion: String) -> String {
        var text = suggestion.trimmingCharacters(in: .whitespacesAndNewlines)
        if let range = text.range(of: "exempel på aktivitet:", options: [.caseInsensitive, .anchored]) {
            text = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// An action title from a suggestion: its first clause (up to the first full stop, comma or semicolon
    /// that ends a word of four letters or more, so "e.dyl." and "ex." do not cut it unless a new sentence
    /// follows), at most 100 characters.
    static func title(from suggestion: String) -> String {
        var title = suggestion
        var word = ""
        for index in suggestion.indices {
            let character = suggestion[index]
            if ".,;".contains(character) {
                let next = suggestion.index(after: index)
                let endsClause = next == suggestion.endIndex || suggestion[next] == " "
                let after = suggestion[next...].drop { $0 == " " }.first
                let newSentence = character == "." && after?.isUppercase == true
                if endsClause, newSentence || (word.count >= 4 && !word.contains(".")),
                   suggestion.distance(from: suggestion.startIndex, to: index) >= 12 {
                    title = String(suggestion[..<index])
                    break
                }
            }
            word = character == " " ? "" : word + String(character)
        }
        if title.count > 100 { title = String(title.prefix(99)).trimmingCharacters(in: .whitespaces) + "…" }
        return title
    }

    /// The next free action number in area `area`: one more than the highest "N.k" there, else "N.1".
    static func nextActionCode(in area: Int, store: AgendaStore) throws -> String {
        let codes = try store.actions(matching: ActionFilter(includeWithdrawn: true)).map(\.code)
        let numbers = codes.compactMap { code -> Int? in
            let parts = code.split(separator: ".")
            guard parts.count == 2, Int(parts[0]) == area else { return nil }
            return Int(parts[1].prefix { $0.isNumber })
        }
        return "\(area).\((numbers.max() ?? 0) + 1)"
    }

    // MARK: - Reading

    /// The indicator sets stored in the database; the built-in LIKA Socialtjänst when none is stored yet.
    public func indicatorSets() throws -> [IndicatorSet] {
        try reading { store in
            let stored = try store.indicatorSets()
            return stored.isEmpty ? [IndicatorSet.likaSocialtjanst] : stored
        }
    }

    /// Every edition known here: the stored sets, then the built-in ones not stored yet
    /// (``AgendaStore/knownIndicatorSets()``).
    public func knownIndicatorSets() throws -> [IndicatorSet] {
        try reading { store in try store.knownIndicatorSets() }
    }

    /// Loads `set` as a new edition (the owner only), in one transaction with its audit entry; returns, for
    /// every other known edition, how many of the new set's indicators match one of its indicators (same
    /// code and text), in the order of ``knownIndicatorSets()``.
    @discardableResult
    public func loadIndicatorSet(_ set: IndicatorSet, by caller: Identity) throws -> [(set: IndicatorSet, matched: Int)] {
        try write { store in
            try store.loadIndicatorSet(set, by: caller, at: now)
            return try store.knownIndicatorSets().filter { $0.key != set.key }.map { other in
                (other, IndicatorEdition.matchCount(set, in: other))
            }
        }
    }

    /// The set with `key`, as stored or built in.
    public func indicatorSet(key: String = IndicatorSet.likaSocialtjanstKey) throws -> IndicatorSet {
        try reading { store in try store.indicatorSet(key: key) }
    }

    /// Every unit that has assessed itself, in the order first recorded.
    public func assessedUnits() throws -> [AssessedUnit] {
        try reading { store in try store.assessedUnits() }
    }

    /// The answers in force that `query` asks for (see ``AgendaStore/answers(_:)``).
    public func answers(_ query: AnswerQuery = AnswerQuery()) throws -> [AssessmentAnswer] {
        try reading { store in try store.answers(query) }
    }

    /// The self-assessments on record, only `unit`'s when given, with their answer counts.
    public func assessments(unit: String? = nil) throws -> [AssessmentSummary] {
        try reading { store in try store.assessments(unit: unit) }
    }

    /// The indicators below `level` in each unit's latest assessment, with suggestions and linked actions.
    public func suggestions(unit: String? = nil, below level: MaturityAnswer = .fulfilled, set: String? = nil) throws -> [IndicatorSuggestion] {
        try reading { store in try store.suggestions(unit: unit, below: level, set: set) }
    }

    /// The actions linked to an indicator, with their latest status.
    public func linkedActions(code: String, set: String = IndicatorSet.likaSocialtjanstKey) throws -> [LinkedAction] {
        try reading { store in try store.linkedActions(set: set, code: code) }
    }

    /// The indicators an action is linked to.
    public func indicatorLinks(action: String) throws -> [LinkedIndicator] {
        try reading { store in try store.indicatorLinks(action: action) }
    }

    // MARK: - Who may assess which unit

    /// The unit `name` as `caller` would record a self-assessment for it, refused (``AccessError``) as
    /// ``AgendaStore/recordAssessment(_:by:at:)`` would refuse it: a reader never, a förvaltning only for
    /// its own förvaltning's units. A name no unit has yet is a new unit: of `department` when given, else
    /// of a förvaltning's own förvaltning, else of none (`exists` false). Nothing is written.
    public func assessableUnit(_ name: String, department: String? = nil, caller: Identity) throws -> (unit: AssessedUnit, exists: Bool) {
        try AccessPolicy.check(caller, .recordAssessment)
        if let unit = try assessedUnits().first(where: { SwedishText.key($0.name) == SwedishText.key(name) }) {
            try AccessPolicy.checkAssessmentScope(caller, unit: unit.name, department: unit.department)
            return (unit, true)
        }
        try Validation.checkName(name, field: .assessedUnit)
        let owner = try department.map { named in
            try reading { store in try store.department(id: try store.requireDepartment(named)).name }
        }
        let unit = AssessedUnit(name: name, department: owner ?? (caller.role == .reporter ? caller.department : nil))
        try AccessPolicy.checkAssessmentScope(caller, unit: unit.name, department: unit.department)
        return (unit, false)
    }

    /// Every answer recorded for `unit` on `date`, superseded ones included, in the order recorded (an
    /// answer's ``AssessmentAnswer/supersedes`` names the one it replaced).
    public func answerHistory(unit: String, date: CalendarDate) throws -> [AssessmentAnswer] {
        let key = SwedishText.key(unit)
        return try reading { store in
            try store.allAssessmentAnswers().filter { SwedishText.key($0.unit) == key && $0.date == date }
        }
    }
}
