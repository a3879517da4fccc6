import Foundation

/// Status reports, reporting rounds and publications. Reports are append-only: a second report for
/// the same action and period supersedes the first, which stays on record.
extension AgendaStore {
    // MARK: - Reporting

    /// Files a status report by `actor` at `at`. The owner may report on any action, a reporter only on
    /// actions its förvaltning leads or shares (as the plan stands now). The period must lie between the
    /// plan's start and `at` (``checkPeriod(_:at:)``); an open round is not needed. A report for an action
    /// and period that already has one supersedes the latest of them, and takes from it each optional
    /// field `input` leaves out (nil): the result names the fields so carried over.
    ///
    /// A report is always timed after every publication already recorded (by a second at most, should the
    /// clock say otherwise), so "known at the publication" tells exactly what came before it and a
    /// published report never changes.
    @discardableResult
    public func reportStatus(_ input: StatusInput, by actor: Identity, at requested: Timestamp) throws -> StatusFiling {
        try db.transaction {
            let (at, reporter, current) = try filing(on: input.action, by: actor, at: requested, nothingTo: .report)
            try checkReportable(input.period, at: at)
            if let cost = input.content.actualCost, cost < 0 {
                throw StoreError.invalidInput(.cost, .negative)
            }
            if let cost = input.content.actualCost, cost > StatusContent.largestCost {
                throw StoreError.invalidInput(.cost, .tooLarge(limit: StatusContent.largestCost))
            }
            let superseded = try db.first("""
                SELECT \(Self.reportColumns) FROM status_report s JOIN action a ON a.id = s.action_id
                WHERE s.action_id = ? AND s.period = ? ORDER BY s.id DESC LIMIT 1
                """, [.integer(current.actionID), .text(input.period.description)]) { try readReport($0) }
            if let basis = input.basis {
                if superseded != nil, basis.period != input.period {
                    throw StatusRefusal.formForOtherPeriod(action: input.action, posted: input.period, filledFor: basis.period)
                }
                if basis.period == input.period, let superseded, superseded.number != basis.report {
                    throw StatusRefusal.changedMeanwhile(action: input.action, period: input.period, basis: basis.report, current: superseded)
                }
            }
            var content = input.content
            let carriedOver = StatusField.allCases.filter { field in
                guard input.omitted.contains(field), let earlier = superseded?.content, earlier.has(field) else { return false }
                content.take(field, from: earlier)
                return true
            }
            let reporterID = try db.value(
                "SELECT id FROM identity WHERE name_key = ?", [.text(Self.key(reporter.name))], as: Int64.self)
            var report = StatusReport(
                number: 0, action: input.action, period: input.period.description, content: content,
                reporter: reporter.signature, reportedAt: at, supersedes: superseded?.number)
            report.number = try insertReport(report, actionID: current.actionID, reporterID: reporterID, number: nil)
            try insertAudit(
                AuditDraft(operation: AccessPolicy.Write.reportStatus.rawValue, target: input.action, after: report),
                identity: reporter.signature, at: at)
            return StatusFiling(report: report, carriedOver: carriedOver, superseded: superseded)
        }
    }

    /// Refuses a period before the plan's start or one that has not begun at `at`, in the words of a report.
    func checkReportable(_ period: Period, at: Timestamp) throws {
        try checkPeriod(period, at: at)
    }

    /// Refuses a period that ends before the plan starts (its date of effect, else 1 January of its first
    /// year) or begins after the current period, the one holding `at`'s Swedish date. Every command that
    /// takes a period asks this: reporting, rounds, the missing list, the period report. A period after
    /// the plan's last year is fine, since actions may run past it. Needs an agenda in the store.
    public func checkPeriod(_ period: Period, at: Timestamp) throws {
        let agenda = try metadata().agenda
        if let start = agenda.takesEffect ?? agenda.period.map({ CalendarDate(year: $0.start, month: 1, day: 1) }),
           period.end < start {
            throw StoreError.invalidInput(.period, .periodBeforePlan(period, planStart: start))
        }
        guard period.start <= at.swedishDate else {
            throw StoreError.invalidInput(.period, .periodNotBegun(period))
        }
    }

    @discardableResult
    func insertReport(_ report: StatusReport, actionID: Int64, reporterID: Int64?, number: Int?) throws -> Int {
        let period = try Period(parsing: report.period)
        try db.run("""
            INSERT INTO status_report (
                id, action_id, period, period_start, period_end, status, light, comment, obstacles, next_steps,
                actual_cost, reporter_id, reporter_name, reported_at, supersedes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                SQLValue(number), .integer(actionID), .text(report.period), .text(period.start.description),
                .text(period.end.description), .text(report.status.rawValue), .text(report.light.rawValue),
                .text(report.comment), .text(report.obstacles), .text(report.nextSteps), SQLValue(report.actualCost),
                SQLValue(reporterID), .text(report.reporter), .text(report.reportedAt.description), SQLValue(report.supersedes),
            ])
        return Int(db.lastInsertRowID)
    }

    // MARK: - Reading reports

    /// The columns a status report is read from, in the order ``reportColumns`` selects them.
    enum ReportColumn: Int32, CaseIterable {
        case id, code, period, status, light, comment, obstacles, nextSteps, actualCost, reporterName, reportedAt, supersedes

        /// The column's SQL name: the case name in snake case, of `action a` for the code, else of
        /// `status_report s` (written out: reading a case's name at run time is reflection).
        var sql: String {
            switch self {
            case .id: "s.id"
            case .code: "a.code"
            case .period: "s.period"
            case .status: "s.status"
            case .light: "s.light"
            case .comment: "s.comment"
            case .obstacles: "s.obstacles"
            case .nextSteps: "s.next_steps"
            case .actualCost: "s.actual_cost"
            case .reporterName: "s.reporter_name"
            case .reportedAt: "s.reported_at"
            case .supersedes: "s.supersedes"
            }
        }
    }

    static let reportColumns = ReportColumn.allCases.map(\.sql).joined(separator: ", ")

    func readReport(_ row: Row) throws -> StatusReport {
        typealias C = ReportColumn
        guard let status = ProgressStatus(rawValue: row.string(C.status)), let light = TrafficLight(rawValue: row.string(C.light)) else {
            throw StoreError.corrupt("statusrapport \(row.int(C.id)): okänd status eller bedömning")
        }
        return StatusReport(
            number: row.int(C.id), action: row.string(C.code), period: row.string(C.period),
            content: StatusContent(
                status: status, light: light, comment: row.string(C.comment), obstacles: row.string(C.obstacles),
                nextSteps: row.string(C.nextSteps), actualCost: row.optionalInt(C.actualCost)),
            reporter: row.string(C.reporterName), reportedAt: try row.timestamp(C.reportedAt, in: "status_report"),
            supersedes: row.optionalInt(C.supersedes))
    }

    /// Everything ever reported on the action `code`, superseded reports included, oldest first.
    public func statusHistory(code: String) throws -> [StatusReport] {
        try db.read {
            guard let id = try actionID(code: code) else { throw Self.noAction(code) }
            return try db.query("""
                SELECT \(Self.reportColumns) FROM status_report s JOIN action a ON a.id = s.action_id
                WHERE s.action_id = ? ORDER BY s.id
                """, [.integer(id)]) { try readReport($0) }
        }
    }

    /// Every status report, in the order received.
    public func allStatusReports() throws -> [StatusReport] {
        try db.query(
            "SELECT \(Self.reportColumns) FROM status_report s JOIN action a ON a.id = s.action_id ORDER BY s.id", []
        ) { try readReport($0) }
    }

    /// Per action code, the report in force for `period` as it was known at `knownAt` (nil: now): the latest
    /// report filed for `period` up to `knownAt`, else the latest report for an earlier period (the one
    /// ending last, its latest filing), marked ``StatusEntry/carriedOver``. Actions with neither are absent.
    ///
    /// For a published period pass ``publication(for:)``'s `publishedAt`, so the report reads what was
    /// known when it was published. Each lookup is a range scan of one action's reports in an index.
    public func statuses(for period: Period, knownAt: Timestamp? = nil) throws -> [String: StatusEntry] {
        try db.read {
            var result: [String: StatusEntry] = [:]
            let lookup = StatusLookup(period: period, knownAt: knownAt)
            let actions = try db.query("SELECT id, code FROM action", []) { ($0.int64("id"), $0.string("code")) }
            for (id, code) in actions {
                if let entry = try statusEntry(actionID: id, lookup) { result[code] = entry }
            }
            return result
        }
    }

    /// The report in force for one action (see ``statuses(for:knownAt:)``).
    public func status(of code: String, for period: Period, knownAt: Timestamp? = nil) throws -> StatusEntry? {
        try db.read {
            guard let id = try actionID(code: code) else { throw Self.noAction(code) }
            return try statusEntry(actionID: id, StatusLookup(period: period, knownAt: knownAt))
        }
    }

    /// The report in force for one action (?1) and period (?2 its end, ?3 its name, ?5 its start), filed
    /// up to ?4 (NULL: now): the latest filing for the period itself, else the latest for the period
    /// ending last before it. One index range scan (`status_report_in_force`) from the period's end
    /// backwards, which meets the period's own reports first.
    static let reportInForce = "SELECT \(reportColumns) FROM status_report s JOIN action a ON a.id = s.action_id \(inForce)"

    /// The rule of ``reportInForce``, for a query that reads only part of the report.
    private static let inForce = """
        WHERE s.action_id = ?1 AND s.period_end <= ?2 AND (?4 IS NULL OR s.reported_at <= ?4)
          AND ((s.period_end = ?2 AND s.period = ?3) OR s.period_end < ?5)
        ORDER BY s.period_end DESC, s.reported_at DESC, s.id DESC LIMIT 1
        """

    /// The number, period and status of the report in force (``reportInForce``).
    static let statusInForce = "SELECT s.id, s.period, s.status FROM status_report s \(inForce)"

    /// Whether the action's report in force (``reportInForce``) settles `lookup`'s period: one filed for
    /// the period itself, or a finished one (Klar, Avbruten) carried over from an earlier period. Reads
    /// the report's period and status only, for the list of what is missing.
    func reportSettles(actionID: Int64, _ lookup: StatusLookup) throws -> Bool {
        try db.first(Self.statusInForce,
                     [.integer(actionID), lookup.end, .text(lookup.period), lookup.known, lookup.start]) { row in
            guard let status = ProgressStatus(rawValue: row.string("status")) else {
                throw StoreError.corrupt("statusrapport \(row.int("id")): okänd status")
            }
            return row.string("period") == lookup.period || status.isFinished
        } ?? false
    }

    /// The reports in force for one action in several periods, each as known at its own moment: per
    /// lookup, what ``statuses(for:knownAt:)`` gives for the action (nil where it gives none), in the
    /// lookups' order. Throws ``StoreError/notFound(_:)`` for an unknown code.
    ///
    /// For going through a plan one action at a time (the public site's action pages and open data)
    /// without holding every period's statuses at once; make the lookups once and reuse them.
    public func statuses(of code: String, _ lookups: [StatusLookup]) throws -> [StatusEntry?] {
        try db.read {
            guard let id = try actionID(code: code) else { throw Self.noAction(code) }
            return try lookups.map { try statusEntry(actionID: id, $0) }
        }
    }

    func statusEntry(actionID: Int64, _ lookup: StatusLookup) throws -> StatusEntry? {
        try db.first(Self.reportInForce, [.integer(actionID), lookup.end, .text(lookup.period), lookup.known, lookup.start]) { row in
            let report = try readReport(row)
            return StatusEntry(report: report, carriedOver: report.period != lookup.period)
        }
    }

    /// The actions whose status or traffic light in force differs between `previous` and `period`,
    /// both as known at `knownAt` (nil: now), in plan order.
    public func statusChanges(since previous: Period, to period: Period, knownAt: Timestamp? = nil) throws -> [PeriodStatusChange] {
        try db.read {
            let before = try statuses(for: previous, knownAt: knownAt)
            let after = try statuses(for: period, knownAt: knownAt)
            let codes = try db.values("SELECT a.code FROM action a ORDER BY \(Self.planOrder)", [], as: String.self)
            return codes.compactMap { code in
                let a = before[code], b = after[code]
                guard a?.report.status != b?.report.status || a?.report.light != b?.report.light else { return nil }
                return PeriodStatusChange(action: code, before: a, after: b)
            }
        }
    }

    /// Per action code, its latest report for any period (the period ending last, its latest filing).
    public func latestStatuses() throws -> [String: StatusReport] {
        try db.read { try latestStatuses(of: try db.query("SELECT id, code FROM action", []) { ($0.int64("id"), $0.string("code")) }) }
    }

    /// Per action code of `codes`, its latest report (see ``latestStatuses()``): one index lookup per
    /// action, so a förvaltning's page reads its own actions, not the whole plan's.
    public func latestStatuses(codes: [String]) throws -> [String: StatusReport] {
        try db.read { try latestStatuses(of: try codes.compactMap { code in try actionID(code: code).map { ($0, code) } }) }
    }

    private func latestStatuses(of actions: [(id: Int64, code: String)]) throws -> [String: StatusReport] {
        var result: [String: StatusReport] = [:]
        for (id, code) in actions { result[code] = try latestStatus(actionID: id) }
        return result
    }

    /// The latest report on the action with row id `actionID` (see ``latestStatuses()``).
    private func latestStatus(actionID id: Int64) throws -> StatusReport? {
        try db.first("""
            SELECT \(Self.reportColumns) FROM status_report s JOIN action a ON a.id = s.action_id
            WHERE s.action_id = ? ORDER BY s.period_end DESC, s.reported_at DESC, s.id DESC LIMIT 1
            """, [.integer(id)]) { try readReport($0) }
    }

    /// The actions that match `filter` (the rule of ``actions(matching:)``, plan order) as summaries with
    /// their latest status: what a list of a förvaltning's actions shows, without reading their texts.
    public func actionSummaries(matching filter: ActionFilter = ActionFilter()) throws -> [ActionSummary] {
        try db.read {
            try fetchSummaries(filter).map { id, summary in
                var summary = summary
                summary.latest = try latestStatus(actionID: id)
                return summary
            }
        }
    }

    /// Per förvaltning (register order), the actions active at the end of `period` that it LEADS and on
    /// which nothing has been reported for `period` (as known at `knownAt`; nil: now). A co-responsible
    /// förvaltning may report on an action but is not chased for it: an action is missing once, for its
    /// lead. An action whose latest earlier report says Klar or Avbruten needs no more reports.
    /// Förvaltningar missing nothing are left out. The CLI, the web and the period report all ask this.
    ///
    /// With `department` (the one department rule), only that förvaltning's: the work is then
    /// proportional to its actions, not to the whole plan's.
    public func missingReports(for period: Period, knownAt: Timestamp? = nil, department: String? = nil) throws -> [MissingReports] {
        try db.read {
            let lead = try department.map { try resolveDepartment($0).department }
            // Summaries, not whole actions: only the state and the lead are needed here.
            let actions = try fetchSummaries(ActionFilter(department: lead, asOf: period.end)).filter {
                $0.summary.state == .active && (lead == nil || $0.summary.lead?.department == lead)
            }
            let lookup = StatusLookup(period: period, knownAt: knownAt)
            var missing: [String: [String]] = [:]
            for (id, action) in actions {
                guard let leadDepartment = action.lead?.department else { continue }
                // Reported for the period itself, or finished (Klar, Avbruten) in an earlier one: not missing.
                if try reportSettles(actionID: id, lookup) { continue }
                missing[leadDepartment, default: []].append(action.code)
            }
            if let lead {
                // One förvaltning: no need to read the whole register for its order.
                return missing[lead].map { [MissingReports(department: lead, actions: $0)] } ?? []
            }
            return try departments().compactMap { department in
                missing[department.name].map { MissingReports(department: department.name, actions: $0) }
            }
        }
    }

    // MARK: - Rounds and publication

    /// Opens a reporting round for `period` with `deadline` (owner only). Opening it again records a new
    /// deadline. Refuses a period outside the plan or not yet begun at `at` (``checkPeriod(_:at:)``).
    @discardableResult
    public func openRound(
        period: Period, deadline: CalendarDate, reminderDays: [Int] = ReminderKind.standardDays, by actor: Identity, at: Timestamp
    ) throws -> ReportingRound {
        try write(by: actor, .openRound, at: at) { audit in
            try checkPeriod(period, at: at)
            guard deadline >= period.start else {
                throw StoreError.invalidInput(.deadline, .deadlineBeforePeriod(deadline: deadline, period: period))
            }
            let round = ReportingRound(period: period.description, deadline: deadline, openedBy: actor.name, openedAt: at)
            let days = Array(Set(reminderDays)).sorted(by: >)
            guard days.allSatisfy({ (1...60).contains($0) }) else {
                throw StoreError.invalidInput(.reminderDays, .reminderDaysOutOfRange(days))
            }
            let before = try self.round(for: period)
            let roundID = try insertRound(round, reminderDays: days)
            try enqueueRoundOpened(round, roundID: roundID, at: at)
            audit = AuditDraft(operation: AccessPolicy.Write.openRound.rawValue, target: round.period, before: before, after: round)
            return round
        }
    }

    /// Cancels the round open for `period` (owner only), one opened by mistake: it stays on record,
    /// marked cancelled, and no longer counts as ``defaultRound()`` nor gives `period` a deadline.
    /// Every opening of `period` not yet cancelled is cancelled; the period may be opened again later.
    @discardableResult
    public func cancelRound(period: Period, by actor: Identity, at: Timestamp) throws -> ReportingRound {
        try write(by: actor, .openRound, at: at) { audit in
            let open = try db.values("""
                SELECT r.id FROM reporting_round r
                WHERE r.period = ? AND NOT EXISTS (SELECT 1 FROM round_cancellation c WHERE c.round_id = r.id)
                ORDER BY r.id
                """, [.text(period.description)], as: Int64.self)
            guard let before = try round(for: period), !open.isEmpty else {
                throw StoreError.notFound(.openRound(period))
            }
            for id in open { try insertCancellation(roundID: id, by: actor.name, at: at) }
            var after = before
            after.cancelledBy = actor.name
            after.cancelledAt = at
            audit = AuditDraft(operation: "cancel round", target: period.description, before: before, after: after)
            return after
        }
    }

    /// Inserts `round` (with its cancellation, when it carries one) and returns its row id.
    @discardableResult
    func insertRound(_ round: ReportingRound, reminderDays: [Int] = ReminderKind.standardDays) throws -> Int64 {
        let period = try Period(parsing: round.period)
        try db.run("""
            INSERT INTO reporting_round (period, period_start, period_end, deadline, opened_by, opened_at, reminder_days)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.text(round.period), .text(period.start.description), .text(period.end.description),
                  .text(round.deadline.description), .text(round.openedBy), .text(round.openedAt.description),
                  .text(reminderDays.map(String.init).joined(separator: ","))])
        let roundID = db.lastInsertRowID
        if let by = round.cancelledBy, let at = round.cancelledAt {
            try insertCancellation(roundID: roundID, by: by, at: at)
        }
        return roundID
    }

    private func insertCancellation(roundID: Int64, by name: String, at: Timestamp) throws {
        try db.run(
            "INSERT INTO round_cancellation (round_id, cancelled_by, cancelled_at) VALUES (?, ?, ?)",
            [.integer(roundID), .text(name), .text(at.description)])
    }

    private static let roundSelect = """
        SELECT r.period, r.deadline, r.opened_by, r.opened_at, c.cancelled_by, c.cancelled_at
        FROM reporting_round r LEFT JOIN round_cancellation c ON c.round_id = r.id
        """

    /// Every round opened (a period opened twice appears twice), cancelled ones included and marked, in
    /// the order opened.
    public func rounds() throws -> [ReportingRound] {
        try db.query("\(Self.roundSelect) ORDER BY r.id", []) { try readRound($0) }
    }

    /// The latest round opened and not cancelled for `period`, if any.
    public func round(for period: Period) throws -> ReportingRound? {
        try db.first(
            "\(Self.roundSelect) WHERE r.period = ? AND c.round_id IS NULL ORDER BY r.id DESC LIMIT 1",
            [.text(period.description)]) { try readRound($0) }
    }

    /// The round a command means when it is given no period: the latest opened and not cancelled.
    public func defaultRound() throws -> ReportingRound? {
        try db.first("\(Self.roundSelect) WHERE c.round_id IS NULL ORDER BY r.id DESC LIMIT 1", []) { try readRound($0) }
    }

    private func readRound(_ row: Row) throws -> ReportingRound {
        guard let deadline = try row.date("deadline", in: "reporting_round") else { throw StoreError.corrupt("reporting_round: sista dag saknas") }
        return ReportingRound(
            period: row.string("period"), deadline: deadline, openedBy: row.string("opened_by"),
            openedAt: try row.timestamp("opened_at", in: "reporting_round"), cancelledBy: row.optionalString("cancelled_by"),
            cancelledAt: row.isNull("cancelled_at") ? nil : try row.timestamp("cancelled_at", in: "round_cancellation"))
    }

    /// Records that the report for `period` was published at `at` (owner only). A period is published once;
    /// from then on its report reads the statuses known at `at` (``statuses(for:knownAt:)``). `then` runs
    /// inside the same transaction, after the publication is recorded: when it throws, nothing is.
    @discardableResult
    public func publish<T>(
        period: Period, by actor: Identity, at: Timestamp, then: (Publication) throws -> T
    ) throws -> T {
        try write(by: actor, .publish, at: at) { audit in
            if let earlier = try publication(for: period) {
                throw StoreError.frozen(period: period.description, .publication(earlier))
            }
            let publication = Publication(period: period.description, publishedAt: at, publishedBy: actor.name)
            try insertPublication(publication)
            try enqueuePublished(publication, at: at)
            audit = AuditDraft(operation: AccessPolicy.Write.publish.rawValue, target: publication.period, after: publication)
            return try then(publication)
        }
    }

    /// Records that the report for `period` was published at `at` (owner only); see ``publish(period:by:at:then:)``.
    @discardableResult
    public func publish(period: Period, by actor: Identity, at: Timestamp) throws -> Publication {
        try publish(period: period, by: actor, at: at) { $0 }
    }

    func insertPublication(_ publication: Publication) throws {
        try db.run(
            "INSERT INTO publication (period, published_at, published_by) VALUES (?, ?, ?)",
            [.text(publication.period), .text(publication.publishedAt.description), .text(publication.publishedBy)])
    }

    /// The publication of `period`, if it was published.
    public func publication(for period: Period) throws -> Publication? {
        try db.first(
            "SELECT period, published_at, published_by FROM publication WHERE period = ?", [.text(period.description)]
        ) { try readPublication($0) }
    }

    /// Every publication, oldest first.
    public func publications() throws -> [Publication] {
        try db.query("SELECT period, published_at, published_by FROM publication ORDER BY published_at, period", []) {
            try readPublication($0)
        }
    }

    private func readPublication(_ row: Row) throws -> Publication {
        Publication(
            period: row.string("period"), publishedAt: try row.timestamp("published_at", in: "publication"),
            publishedBy: row.string("published_by"))
    }
}

extension AgendaStore {
    /// What filing a report on action `code` (a status report, an effect assessment) needs, checked inside
    /// the caller's write transaction, one rule for both: the moment of filing, always after every
    /// publication already recorded (by a second at most, should the clock say otherwise) so "known at the
    /// publication" tells exactly what came before it; the verified reporter; and the action's current
    /// version, which must exist, be the reporter's to report on (``AccessPolicy/checkScope(_:action:responsible:)``)
    /// and not be withdrawn (refused as `use` of a withdrawn action).
    func filing(
        on code: String, by actor: Identity, at requested: Timestamp, nothingTo use: WithdrawnUse
    ) throws -> (at: Timestamp, reporter: Identity, current: StoredVersion) {
        let latestPublication = try db.first("SELECT max(published_at) AS published_at FROM publication", []) { row in
            row.isNull("published_at") ? nil : try row.timestamp("published_at", in: "publication")
        } ?? nil
        let at = latestPublication.map { max(requested, Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch + 1)) } ?? requested
        let reporter = try verify(actor)
        guard let current = try currentVersion(code: code, asOf: nil) else { throw Self.noAction(code) }
        try AccessPolicy.checkScope(reporter, action: code, responsible: current.version.action.responsibility.units)
        guard current.version.action.state != .withdrawn else {
            throw StoreError.withdrawn(code: code, use)
        }
        return (at, reporter, current)
    }
}

/// One period and the moment its statuses are read as known (nil: now), with the bindings of
/// ``AgendaStore/reportInForce`` written out once for all the actions looked up.
public struct StatusLookup: Sendable {
    let period: String
    let end: SQLValue, start: SQLValue, known: SQLValue

    public init(period: Period, knownAt: Timestamp?) {
        self.period = period.description
        end = .text(period.end.description)
        start = .text(period.start.description)
        known = SQLValue(knownAt?.description)
    }
}
