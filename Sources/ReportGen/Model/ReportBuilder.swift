import AgendaCore
import Foundation

/// Builds the ``ReportModel`` for a period from the plan as it stood at the period's end.
///
/// Pure: no database, no XML, no clock. Status reporting plugs in through `statuses`
/// (latest status per action code at the period's end) and `previousStatuses` (at the previous period's end).
public enum ReportBuilder {
    /// The report model for `period`.
    /// - Parameters:
    ///   - agenda: the plan as of the period's end.
    ///   - filter: the insatsområde and förvaltning to narrow the report to.
    ///   - departmentActions: the codes of the actions the filter's förvaltning or enhet leads or shares,
    ///     as the store matches them (``StoreSnapshot/actions(matching:)``, the same as `agenda list actions
    ///     --department`). Only read when the filter names a förvaltning; nil then means none matches.
    ///   - statuses: action code → the status that counts at the period's end.
    ///   - previousStatuses: the same for the previous period, for "changes since".
    ///   - missing: per förvaltning, the actions not reported on for the period, as the store answers
    ///     `agenda status missing` (``StoreSnapshot/missingReports(for:)``); the report shows those in it.
    ///   - settledDecisions: codes of actions whose pending IT-rådet decision a later plan decision settled.
    ///   - planChanges: decisions that changed the plan since the previous period's end.
    ///   - generatedAt: a publication date to print; nil prints the period's end only.
    ///   - effectAssessments: the effect assessments in force per action, goal and period, as known when
    ///     the report is read (``StoreSnapshot/effectAssessmentsInForce(code:period:knownAt:)``); the builder
    ///     picks each goal's for the period (``effects(_:assessments:period:)``).
    public static func build(
        agenda: Agenda, period: Period, filter: ReportFilter = .none, departmentActions: Set<String>? = nil,
        statuses: [String: StatusEntry] = [:], previousStatuses: [String: StatusEntry] = [:],
        missing: [MissingReports] = [], settledDecisions: Set<String> = [],
        planChanges: [PlanChange] = [], generatedAt: CalendarDate? = nil, effectAssessments: [EffectAssessment] = []
    ) -> ReportModel {
        let asOf = period.end
        let codes = filter.department == nil ? nil : departmentActions ?? []
        let actions = agenda.actions.filter { action in
            action.state != .withdrawn && matches(action, filter: filter, codes: codes)
        }
        let entries = actions.map { entry(for: $0, status: statuses[$0.code]) }

        var areaList = agenda.areas.filter { area in filter.areaNumber.map { $0 == area.number } ?? true }
        // Actions pointing at an area the plan does not list still get a section.
        for number in Set(entries.map(\.action.areaNumber)).sorted() where !areaList.contains(where: { $0.number == number }) {
            areaList.append(FocusArea(number: number, title: ""))
        }
        let areas = areaList.map { area in
            AreaSection(area: area, entries: entries.filter { $0.action.areaNumber == area.number })
        }

        return ReportModel(
            agendaTitle: agenda.title,
            organisation: agenda.organisation,
            preparedBy: agenda.owner,
            period: period,
            asOf: asOf,
            generatedAt: generatedAt,
            filter: filter,
            areas: areas,
            summary: summary(areas),
            progress: progress(entries, asOf: asOf),
            unreported: unreported(entries, missing: missing),
            changes: changes(entries, previous: previousStatuses),
            planChanges: planChanges.filter { matches($0.after, filter: filter, codes: codes) },
            decisions: decisions(entries, settled: settledDecisions),
            costs: costs(areas, entries: entries, departments: agenda.departments),
            departments: appendix(entries, departments: agenda.departments),
            effects: effects(areas, assessments: effectAssessments, period: period)
        )
    }

    /// Whether `action` lies in the filter's insatsområde and, when `codes` is given, is one of them.
    static func matches(_ action: Action, filter: ReportFilter, codes: Set<String>?) -> Bool {
        if let number = filter.areaNumber, action.areaNumber != number { return false }
        return codes?.contains(action.code) ?? true
    }

    static func entry(for action: Action, status: StatusEntry?) -> ActionEntry {
        var oneTime = PlannedAmount.zero, recurring = PlannedAmount.zero, investment = PlannedAmount.zero
        var total = PlannedAmount.zero
        for part in action.cost.parts {
            let amount = PlannedAmount(kronor: part.amount, approximate: part.approximate)
            switch part.kind {
            case .oneTime:
                oneTime += amount
                total += amount
            case .investment:
                investment += amount
                total += amount
            case .recurring:
                recurring += amount
                total += PlannedAmount(kronor: part.amount * max(part.years.count, 1), approximate: part.approximate)
            }
        }
        return ActionEntry(
            action: action, status: status, plannedTotal: total,
            plannedOneTime: oneTime, plannedRecurringPerYear: recurring, plannedInvestment: investment
        )
    }

    static func summary(_ areas: [AreaSection]) -> StatusSummary {
        var total = StatusCounts()
        let perArea = areas.map { section in
            var counts = StatusCounts()
            for entry in section.entries {
                counts.add(entry.category)
                total.add(entry.category)
            }
            return AreaCounts(area: section.area, counts: counts)
        }
        return StatusSummary(perArea: perArea, total: total)
    }

    static func progress(_ entries: [ActionEntry], asOf: CalendarDate) -> ScheduleProgress {
        var result = ScheduleProgress(overdue: [], dueWithoutStatus: [], notStarted: [], startedWithoutStatus: [], unscheduled: [])
        for entry in entries {
            let schedule = entry.action.schedule
            guard let start = schedule.startYear else {
                result.unscheduled.append(entry)
                continue
            }
            let end = schedule.endYear ?? start
            let due = CalendarDate(year: end, month: 12, day: 31) <= asOf
            let begun = CalendarDate(year: start, month: 1, day: 1) <= asOf
            switch (entry.status?.report.status, due, begun) {
            case (nil, true, _): result.dueWithoutStatus.append(entry)
            case (nil, false, true): result.startedWithoutStatus.append(entry)
            case (let label?, true, _) where !label.isFinished && label != .dormant: result.overdue.append(entry)
            case (let label?, false, true) where label.isNotBegun: result.notStarted.append(entry)
            default: break
            }
        }
        return result
    }

    static func departmentOrder(_ names: [String?], departments: [Department]) -> [String?] {
        let known = departments.map(\.name)
        let present = Set(names.compactMap { $0 })
        var order: [String?] = known.filter { present.contains($0) }
        order += present.subtracting(known).sorted()
        if names.contains(where: { $0 == nil }) { order.append(nil) }
        return order
    }

    /// The store's missing list, narrowed to the actions this report shows, in the store's order.
    static func unreported(_ entries: [ActionEntry], missing: [MissingReports]) -> [DepartmentActions] {
        let byCode = Dictionary(entries.map { ($0.action.code, $0) }, uniquingKeysWith: { first, _ in first })
        return missing.compactMap { group in
            let list = group.actions.compactMap { byCode[$0] }
            guard !list.isEmpty else { return nil }
            return DepartmentActions(department: group.department, entries: list, leads: list.map { $0.leadDepartment == group.department })
        }
    }

    static func changes(_ entries: [ActionEntry], previous: [String: StatusEntry]) -> [StatusChange] {
        entries.compactMap { entry in
            guard entry.status != nil, let before = previous[entry.action.code] else { return nil }
            let old = StatusCategory(before), new = entry.category
            return old == new ? nil : StatusChange(entry: entry, previous: old, current: new)
        }
    }

    /// Phrases in plan or cost text that put an item before IT-rådet.
    static let approvalPhrases = [
        "godkännas av centrala it-rådet", "godkännas av it-rådet",
        "presenteras för centrala it-rådet för godkännande", "presenteras för it-rådet för godkännande",
        "beslutas av centrala it-rådet", "beslut i centrala it-rådet",
    ]

    /// The actions still waiting for IT-rådet: those whose plan or cost text puts something before it,
    /// less those reported Klar or Avbruten for the period (carried over or not) and those in `settled`.
    static func decisions(_ entries: [ActionEntry], settled: Set<String>) -> [DecisionItem] {
        entries.compactMap { entry in
            if entry.status?.report.status.isFinished == true || settled.contains(entry.action.code) { return nil }
            let reasons = pendingReasons(entry.action)
            return reasons.isEmpty ? nil : DecisionItem(entry: entry, reasons: reasons)
        }
    }

    /// Why the plan puts `action` before IT-rådet: a cost to be decided later, and every sentence
    /// of its plan or cost text that holds an approval phrase. Empty when nothing does.
    static func pendingReasons(_ action: Action) -> [DecisionItem.Reason] {
        var reasons: [DecisionItem.Reason] = []
        if action.cost.decisionPending { reasons.append(.costDecisionPending) }
        // Sentences never span lines, and every phrase names IT-rådet: only texts that hold
        // "it-r" are split into lines, and only lines that hold a phrase into sentences.
        let lines = [action.plan.text, action.cost.text ?? ""].filter(mentionsITRådet)
            .flatMap { $0.nonEmptyLines() }.filter(holdsApprovalPhrase)
        for sentence in lines.flatMap(sentences) where holdsApprovalPhrase(sentence) {
            reasons.append(.approvalInPlan(sentence))
        }
        return reasons
    }

    static let approvalPhraseBytes = approvalPhrases.map { Array($0.utf8) }

    /// Whether `text` holds one of ``approvalPhrases`` in any case. The phrases' letters are ASCII
    /// and å, ä, ö, so folding those to lower case byte by byte (Å Ä Ö are C3 85/84/96 in UTF-8,
    /// å ä ö C3 A5/A4/B6) finds what `lowercased()` and `contains` would, without Unicode case
    /// mapping. Text with combining marks (U+0300–036F, lead bytes CC/CD: "a" + U+0308 for "ä", as
    /// text copied from a PDF may have) is composed first, so "ä" is always C3 A4 here.
    static func holdsApprovalPhrase(_ text: String) -> Bool {
        let composed = text.utf8.contains { $0 == 0xCC || $0 == 0xCD } ? text.precomposedStringWithCanonicalMapping : text
        var folded = Array(composed.utf8)
        for i in folded.indices {
            let byte = folded[i]
            if byte >= 0x41, byte <= 0x5A {
                folded[i] = byte | 0x20
            } else if i > 0, folded[i - 1] == 0xC3, byte == 0x84 || byte == 0x85 || byte == 0x96 {
                folded[i] = byte + 0x20
            }
        }
        return approvalPhraseBytes.contains { phrase in
            guard folded.count >= phrase.count else { return false }
            return (0...(folded.count - phrase.count)).contains { start in
                folded[start] == phrase[0] && folded[start..<(start + phrase.count)].elementsEqual(phrase)
            }
        }
    }

    /// Whether the text holds "it-r" in any case, which every approval phrase does. A byte search:
    /// no other spelling of these ASCII letters lowercases to them next to each other, so no phrase
    /// can match a text without them. Searching every sentence of every plan for every phrase was
    /// a third of the time of a report.
    static func mentionsITRådet(_ text: String) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count >= 4 else { return false }
            for start in 0...(bytes.count - 4) where bytes[start] | 0x20 == UInt8(ascii: "i")
                && bytes[start + 1] | 0x20 == UInt8(ascii: "t") && bytes[start + 2] == UInt8(ascii: "-")
                && bytes[start + 3] | 0x20 == UInt8(ascii: "r") {
                return true
            }
            return false
        }
        var text = text
        return text.withUTF8(search)
    }

    /// Splits text into sentences at ". " and line breaks; a step number ("2. ", "1.3. ") ends no sentence.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.nonEmptyLines() {
            let scalars = line.unicodeScalars
            var start = scalars.startIndex
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let next = scalars.index(after: index)
                if scalars[index] == ".", next < scalars.endIndex, scalars[next] == " " {
                    let sentence = String(line[start..<next]).trimmingSpaces()
                    if !sentence.unicodeScalars.allSatisfy({ $0 == "." || $0.properties.numericType != nil }) {
                        result.append(sentence)
                        start = next
                    }
                }
                index = next
            }
            let rest = String(line[start...]).trimmingSpaces()
            if !rest.isEmpty { result.append(rest) }
        }
        return result
    }

    static func costs(_ areas: [AreaSection], entries: [ActionEntry], departments: [Department]) -> CostSummary {
        var byYear: [Int?: YearCosts] = [:]
        var total = YearCosts(year: nil)
        for entry in entries {
            for part in entry.action.cost.parts {
                let amount = PlannedAmount(kronor: part.amount, approximate: part.approximate)
                // Recurring amounts count in every year they run; one-time and investment amounts
                // in the first year named (or derived from the tidsplan).
                let years: [Int?] = part.kind == .recurring
                    ? (part.years.isEmpty ? [nil] : part.years.map { $0 })
                    : [part.years.min()]
                for year in years {
                    var row = byYear[year] ?? YearCosts(year: year)
                    switch part.kind {
                    case .oneTime: row.oneTime += amount; total.oneTime += amount
                    case .recurring: row.recurring += amount; total.recurring += amount
                    case .investment: row.investment += amount; total.investment += amount
                    }
                    byYear[year] = row
                }
            }
        }
        let perYear = byYear.values.sorted { ($0.year ?? Int.max) < ($1.year ?? Int.max) }

        func actualSum(_ list: [ActionEntry]) -> Int? {
            let values = list.compactMap { $0.status?.report.actualCost }
            return values.isEmpty ? nil : values.reduce(0, +)
        }
        let perArea = areas.map { section in
            CostTotal(
                name: section.area.title.isEmpty ? String(section.area.number) : "\(section.area.number). \(section.area.title)",
                planned: section.entries.reduce(.zero) { $0 + $1.plannedTotal },
                actual: actualSum(section.entries), actions: section.entries.count)
        }
        let byLead = Dictionary(grouping: entries, by: \.leadDepartment)
        let perDepartment = departmentOrder(entries.map(\.leadDepartment), departments: departments).map { name in
            let list = byLead[name] ?? []
            return CostTotal(name: name, planned: list.reduce(.zero) { $0 + $1.plannedTotal }, actual: actualSum(list), actions: list.count)
        }
        return CostSummary(
            perYear: perYear, total: total,
            withinExistingBudget: entries.filter { $0.action.cost.withinExistingBudget },
            externallyFunded: entries.filter { !$0.action.cost.externalFunding.isEmpty },
            decisionPending: entries.filter { $0.action.cost.decisionPending },
            withoutAmount: entries.filter { $0.action.cost.parts.isEmpty }.count,
            perArea: perArea, perDepartment: perDepartment, actualTotal: actualSum(entries)
        )
    }

    static func appendix(_ entries: [ActionEntry], departments: [Department]) -> [DepartmentActions] {
        let names = entries.flatMap { entry -> [String?] in
            entry.action.responsibility.units.isEmpty ? [nil] : entry.action.responsibility.units.map(\.department)
        }
        // One pass over the entries, grouped by förvaltning, rather than one pass per förvaltning
        // (quadratic: thousands of förvaltningar × tens of thousands of actions at national size).
        var groups: [String?: (entries: [ActionEntry], leads: [Bool])] = [:]
        for entry in entries {
            let units = entry.action.responsibility.units
            if units.isEmpty {
                groups[nil, default: ([], [])].entries.append(entry)
                groups[nil, default: ([], [])].leads.append(true)
                continue
            }
            var seen = Set<String>()
            for department in units.map(\.department) where seen.insert(department).inserted {
                groups[department, default: ([], [])].entries.append(entry)
                groups[department, default: ([], [])].leads.append(entry.leadDepartment == department)
            }
        }
        return departmentOrder(names, departments: departments).map { name in
            let group = groups[name] ?? ([], [])
            return DepartmentActions(department: name, entries: group.entries, leads: group.leads)
        }
    }
}
