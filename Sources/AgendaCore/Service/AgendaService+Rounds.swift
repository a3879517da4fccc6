/// How far a reporting round has come, per förvaltning: the IT-chef's dashboard.
public struct RoundStatus: Sendable, Equatable {
    public var period: Period
    /// The round open for the period (latest opened, not cancelled); nil when none is.
    public var round: ReportingRound?
    /// Today's date in Sweden, by the service's clock: what "late" is measured against.
    public var today: CalendarDate
    /// Per förvaltning that leads at least one active action at the period's end, in register order.
    public var departments: [DepartmentProgress]
    /// The title of every action named in ``departments``' missing lists, by code.
    public var titles: [String: String]
    /// What waits in the outbox.
    public var outbox: OutboxState

    /// Whether the round's deadline has passed (today is after it); false without a round.
    public var isPastDeadline: Bool { round.map { today > $0.deadline } ?? false }
}

/// One förvaltning's part of a round (see ``AgendaService/roundStatus(period:)``).
public struct DepartmentProgress: Sendable, Equatable {
    public var department: String
    /// The active actions it leads at the period's end, in plan order: what it is chased for.
    public var led: [String]
    /// Those of ``led`` without a report for the period (``AgendaStore/missingReports(for:knownAt:)``).
    public var missing: [String]
    /// Missing reports after the round's deadline has passed.
    public var isLate: Bool
    /// Whether one of its reporters has an e-mail address: without one, the round's mail cannot reach it.
    public var hasAddress: Bool

    /// The led actions that need no more report: reported for the period, or finished earlier (Klar, Avbruten).
    public var reported: Int { led.count - missing.count }
}

/// A period whose report people may want to read: published, reported on in a round, or the current one.
public struct ReportPeriod: Sendable, Equatable {
    public var period: Period
    /// Its publication, when published: the report is frozen as it was then.
    public var publication: Publication?
    /// The latest round opened and not cancelled for it, if any.
    public var round: ReportingRound?
    /// Whether it is the period holding today (Swedish date).
    public var isCurrent: Bool
}

/// A selection of the audit log, newest first.
public struct AuditSelection: Sendable, Equatable {
    /// The newest entries that match, at most the limit asked for.
    public var entries: [AuditEntry]
    /// How many entries match in all.
    public var matching: Int
}

extension AgendaService {
    /// Per förvaltning, the actions it leads, those still missing a report for `period` (default: the
    /// period of the latest round opened) and whether it is late: reports are missing and today (Swedish
    /// date) is after the round's deadline. Counts as ``missing(period:department:)`` does.
    public func roundStatus(period: Period?) throws -> RoundStatus {
        let today = self.today
        return try reading { store in
            try store.requireAgenda()
            let period = try period ?? store.defaultRound().map { try Period(parsing: $0.period) }
            guard let period else {
                throw StoreError.invalidInput(.period, .noOpenRound)
            }
            try store.checkPeriod(period, at: now)
            let round = try store.round(for: period)
            let actions = try store.actions(matching: ActionFilter(asOf: period.end)).filter { $0.state == .active }
            let missing = Dictionary(try store.missingReports(for: period).map { ($0.department, $0.actions) }, uniquingKeysWith: { a, _ in a })
            let late = round.map { today > $0.deadline } ?? false
            var titles: [String: String] = [:]
            let departments = try store.departments().compactMap { department -> DepartmentProgress? in
                let led = actions.filter { $0.responsibility.lead?.department == department.name }.map(\.code)
                guard !led.isEmpty else { return nil }
                let absent = missing[department.name] ?? []
                for code in absent { titles[code] = actions.first { $0.code == code }?.title ?? "" }
                return DepartmentProgress(
                    department: department.name, led: led, missing: absent, isLate: late && !absent.isEmpty,
                    hasAddress: !(try store.mailRecipients(role: .reporter, department: department.name)).isEmpty)
            }
            return RoundStatus(
                period: period, round: round, today: today, departments: departments, titles: titles, outbox: try store.outboxState())
        }
    }

    /// The periods whose report people may read, newest first: every published period, every period a
    /// round (not cancelled) was opened for, and the current period (of the kind the latest round used,
    /// else quarters) — each only when its report can be made (``checkPeriod(_:)``).
    public func reportPeriods() throws -> [ReportPeriod] {
        let now = self.now
        return try reading { store in
            try store.requireAgenda()
            let publications = try store.publications()
            let rounds = try store.rounds().filter { $0.cancelledAt == nil }
            let kind = try rounds.last.map { try Period(parsing: $0.period).kind } ?? .quarter
            let current = Period.containing(now.swedishDate, kind: kind)
            var periods = Set(try publications.map { try Period(parsing: $0.period) } + rounds.map { try Period(parsing: $0.period) })
            periods.insert(current)
            return try periods.sorted(by: >).compactMap { period -> ReportPeriod? in
                guard (try? store.checkPeriod(period, at: now)) != nil else { return nil }
                return ReportPeriod(
                    period: period, publication: publications.first { $0.period == period.description },
                    round: try store.round(for: period), isCurrent: period == current)
            }
        }
    }

    /// Every publication, oldest first.
    public func publications() throws -> [Publication] {
        try reading { store in try store.publications() }
    }

    /// The audit log newest first: only the writes by the identity `identity` (``AuditEntry/isBy(_:)``) and about
    /// `target` (``AuditEntry/concerns(_:)``) when given; at most `limit`.
    public func auditLog(identity: String?, target: String?, limit: Int) throws -> AuditSelection {
        let all = try auditLog()
        let matching = all.reversed().filter { entry in
            (identity.map(entry.isBy) ?? true) && (target.map { entry.concerns($0) } ?? true)
        }
        return AuditSelection(entries: Array(matching.prefix(max(0, limit))), matching: matching.count)
    }
}

extension Period {
    /// The period of `kind` that holds `date`.
    public static func containing(_ date: CalendarDate, kind: Kind) -> Period {
        // A valid date's year and month always give a valid period.
        try! Period(kind: kind, year: date.year, index: kind == .year ? 1 : (date.month - 1) / kind.months + 1)
    }
}
