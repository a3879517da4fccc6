/// One of a förvaltning's actions with its latest status, for "Våra aktiviteter".
public struct ActionWithStatus: Sendable, Equatable {
    public var action: Action
    /// The latest report for any period (the period ending last, its latest filing); nil: never reported.
    public var latest: StatusReport?

    public init(action: Action, latest: StatusReport?) {
        self.action = action
        self.latest = latest
    }
}

/// A förvaltning's (or enhet's) actions with their latest status.
public struct MyActions: Sendable, Equatable {
    /// Whose actions: the förvaltning, or the enhet within it.
    public var department: UnitRef
    public var actions: [ActionWithStatus]
}

/// A förvaltning's (or enhet's) actions as a list shows them (summaries with their latest status).
public struct MyActionList: Sendable, Equatable {
    /// Whose actions: the förvaltning, or the enhet within it.
    public var department: UnitRef
    public var actions: [ActionSummary]
}

/// Who has not reported for a period.
public struct MissingList: Sendable, Equatable {
    public var period: Period
    /// The latest round opened for the period, with its deadline; nil when no round is open for it.
    public var round: ReportingRound?
    /// Per lead förvaltning, the actions without a report (see ``AgendaStore/missingReports(for:knownAt:)``).
    public var missing: [MissingReports]
}

extension AgendaService {
    // MARK: - Reporting

    /// Files a status report by `caller`; the text is cleaned of what XML forbids first. A second report
    /// for the same action and period corrects the first.
    /// What a correction does not give is taken from the report it supersedes (``StatusFiling/carriedOver``).
    @discardableResult
    public func reportStatus(_ input: StatusInput, by caller: Identity) throws -> StatusFiling {
        var input = input
        input.content.comment = TextCleaner.clean(input.content.comment)
        input.content.obstacles = TextCleaner.clean(input.content.obstacles)
        input.content.nextSteps = TextCleaner.clean(input.content.nextSteps)
        return try write { store in try store.reportStatus(input, by: caller, at: now) }
    }

    /// The actions `department` (one department rule) leads or shares, with their latest status. Without
    /// a department, the caller's own förvaltning; refused for a caller that has none.
    public func myActions(department: String?, caller: Identity?) throws -> MyActions {
        try reading { store in
            try store.requireAgenda()
            guard let name = department ?? caller?.department else {
                throw StoreError.invalidInput(.department, .noDepartment)
            }
            let match = try store.resolveDepartment(name)
            let actions = try store.actions(matching: ActionFilter(department: name))
            let latest = try store.latestStatuses(codes: actions.map(\.code))
            return MyActions(department: match, actions: actions.map { ActionWithStatus(action: $0, latest: latest[$0.code]) })
        }
    }

    /// The actions `department` (one department rule) leads or shares, as ``myActions(department:caller:)``
    /// finds them, but as summaries without the plan's texts: for a list of a large förvaltning's
    /// actions. Without a department, the caller's own förvaltning; refused for a caller that has none.
    /// Every action of the plan with its latest report: the owner's list.
    public func allActionSummaries() throws -> [ActionSummary] {
        try reading { store in try store.memoized("allActionSummaries") { try store.actionSummaries(matching: ActionFilter()) } }
    }

    /// The förvaltningar of the organisation register, by name: what a form offers to choose from.
    public func departmentNames() throws -> [String] {
        try reading { store in try store.departments().map(\.name) }
    }

    public func myActionList(department: String?, caller: Identity?) throws -> MyActionList {
        try reading { store in
            try store.requireAgenda()
            guard let name = department ?? caller?.department else {
                throw StoreError.invalidInput(.department, .noDepartment)
            }
            return try store.memoized("myActionList\u{0}\(name)") {
                MyActionList(department: try store.resolveDepartment(name),
                             actions: try store.actionSummaries(matching: ActionFilter(department: name)))
            }
        }
    }

    /// Who has not reported for `period` (default: the period of the latest round opened), per lead
    /// förvaltning; only `department`'s (one department rule) when given.
    public func missing(period: Period?, department: String?) throws -> MissingList {
        try reading { store in
            try store.requireAgenda()
            let period = try period ?? store.defaultRound().map { try Period(parsing: $0.period) }
            guard let period else {
                throw StoreError.invalidInput(.period, .noOpenRound)
            }
            try store.checkPeriod(period, at: now)
            // Depends on the file only (the clock's part, checkPeriod, is above): memoized per file state.
            return try store.memoized("missing\u{0}\(period)\u{0}\(department ?? "\u{0}")") {
                var missing = try store.missingReports(for: period, department: department)
                if let department {
                    let match = try store.resolveDepartment(department)
                    let codes = match.unit == nil
                        ? nil : Set(try store.actionSummaries(matching: ActionFilter(department: department, asOf: period.end)).map(\.code))
                    missing = missing.compactMap { entry in
                        guard entry.department == match.department else { return nil }
                        guard let codes else { return entry }
                        let actions = entry.actions.filter(codes.contains)
                        return actions.isEmpty ? nil : MissingReports(department: entry.department, actions: actions)
                    }
                }
                return MissingList(period: period, round: try store.round(for: period), missing: missing)
            }
        }
    }

    /// Everything ever reported on the action `code`, superseded reports included, oldest first.
    public func statusHistory(code: String) throws -> [StatusReport] {
        try reading { store in try store.requireAgenda(); return try store.statusHistory(code: code) }
    }

    // MARK: - Rounds and publication

    /// Opens a reporting round for `period` with `deadline` (owner only).
    @discardableResult
    public func openRound(
        period: Period, deadline: CalendarDate, reminderDays: [Int] = ReminderKind.standardDays, by caller: Identity
    ) throws -> ReportingRound {
        try write { store in try store.openRound(period: period, deadline: deadline, reminderDays: reminderDays, by: caller, at: now) }
    }

    /// Whether `deadline` is before today (Swedish time): a round opened with it is late from the start,
    /// so the front ends warn and ask before opening it.
    public func deadlineHasPassed(_ deadline: CalendarDate) -> Bool {
        deadline < today
    }


    /// Cancels the open round for `period` (owner only): a round opened by mistake. The cancellation is
    /// recorded (nothing is deleted) and the round no longer counts as the default period.
    @discardableResult
    public func cancelRound(period: Period, by caller: Identity) throws -> ReportingRound {
        try write { store in try store.cancelRound(period: period, by: caller, at: now) }
    }

    /// Every round opened (cancelled ones marked), in the order opened.
    public func rounds() throws -> [ReportingRound] {
        try reading { store in try store.requireAgenda(); return try store.memoized("rounds") { try store.rounds() } }
    }

    /// Publishes `period`'s report (owner only) in one write transaction: the publication is recorded,
    /// then `stage` runs on the same store — it sees the publication, so it reads exactly what the
    /// published report will always show — and only when `stage` returns is everything committed.
    /// ReportGen's `stage` writes the files to temporary names; the caller renames them into place after
    /// this returns. When `stage` throws, nothing is recorded.
    public func publish<T: Sendable>(
        period: Period, by caller: Identity, stage: (StoreSnapshot, Publication) throws -> T
    ) throws -> (publication: Publication, staged: T) {
        try write { store in
            try store.publish(period: period, by: caller, at: now) { publication in
                (publication, try stage(StoreSnapshot(store), publication))
            }
        }
    }

    /// The publication of `period`, if it was published.
    public func publication(for period: Period) throws -> Publication? {
        try reading { store in try store.publication(for: period) }
    }
}
