/// Everything one action's page shows to someone who may report on it: the action, its focus area,
/// every report ever filed on it, the open round and the periods a report may be filed for.
public struct ActionForReporting: Sendable, Equatable {
    public var action: Action
    /// The action's focus area (insatsområde), when the plan has it.
    public var area: FocusArea?
    /// Everything reported on the action, superseded reports included, oldest first.
    public var history: [StatusReport]
    /// The round a report is for by default: the latest opened and not cancelled; nil when none is.
    public var round: ReportingRound?
    /// The periods a report may be filed for, newest first: the open round's period (else the current
    /// quarter) and the earlier periods of the same kind, as far as the plan reaches back (at most
    /// ``AgendaService/reportablePeriodCount``). The first is the default.
    public var periods: [Period]
    /// The action's effektmål, each with its latest assessment, and every assessment filed on them.
    public var effects: ActionEffects? = nil

    /// The numbers of the reports a later report for the same period corrects.
    public var superseded: Set<Int> { Set(history.compactMap(\.supersedes)) }

    /// The report in force for `period` (the latest filed for it), if one was filed.
    public func report(for period: Period) -> StatusReport? {
        let key = period.description
        return history.last { $0.period == key }
    }
}

extension AgendaService {
    /// How many periods the action page offers to report for, the default included.
    public static let reportablePeriodCount = 8

    /// The action `code` with what reporting on it needs, for `caller`: the owner may see any action,
    /// a förvaltning only those it leads or shares (as the plan stands now), a reader none
    /// (``AccessError``, refused as for a report). Throws ``StoreError/notFound(_:)`` for no such action.
    public func actionForReporting(code: String, caller: Identity) throws -> ActionForReporting {
        try reading { store in
            try store.requireAgenda()
            // What depends on the file only is memoized per file state; the caller's scope and the
            // periods (which depend on today) are worked out on every call.
            let stored = try store.memoized("actionForReporting\u{0}\(code)") { () -> ActionForReporting? in
                guard let action = try store.action(code: code) else { return nil }
                return ActionForReporting(
                    action: action, area: try store.focusAreas().first { $0.number == action.areaNumber },
                    history: try store.statusHistory(code: code), round: try store.defaultRound(), periods: [],
                    effects: try actionEffects(code: code, store: store, action: action))
            }
            guard var result = stored else { throw AgendaStore.noAction(code) }
            try AccessPolicy.checkScope(caller, action: code, responsible: result.action.responsibility.units)
            let round = result.round
            let today = now.swedishDate
            var first = try Self.quarter(containing: today)
            if let round, let period = try? Period(parsing: round.period) { first = period }
            var periods: [Period] = []
            var period = first
            while periods.count < Self.reportablePeriodCount {
                guard (try? store.checkPeriod(period, at: now)) != nil else {
                    // Before the plan starts: nothing earlier is reportable either.
                    if period.start <= today { break }
                    period = period.previous
                    continue
                }
                periods.append(period)
                period = period.previous
            }
            result.periods = periods
            return result
        }
    }

    static func quarter(containing date: CalendarDate) throws -> Period {
        try Period(kind: .quarter, year: date.year, index: (date.month - 1) / 3 + 1)
    }
}
