import Foundation
import Testing
@testable import AgendaCore

@Suite struct StatusTests {
    typealias F = StoreFixtures

    static func t(_ text: String) -> Timestamp { Timestamp(iso: text)! }
    static func p(_ text: String) -> Period { try! Period(parsing: text) }

    static func report(
        _ store: AgendaStore, _ code: String, _ period: String, _ status: ProgressStatus, _ light: TrafficLight = .green,
        at: String, cost: Int? = nil
    ) throws -> StatusReport {
        try store.reportStatus(
            StatusInput(action: code, period: p(period), status: status, light: light, comment: "\(status.swedish) \(period)", actualCost: cost),
            by: try store.testOwner(), at: t(at)).report
    }

    @Test func aCorrectionSupersedesAndKeepsTheEarlierReport() throws {
        let store = try F.storeWithHistory()
        let first = try Self.report(store, "1.1", "2018Q2", .started, .yellow, at: "2018-07-05T10:00:00Z")
        let second = try Self.report(store, "1.1", "2018Q2", .almostDone, at: "2018-07-06T10:00:00Z")
        #expect(first.supersedes == nil)
        #expect(second.supersedes == first.number)
        #expect(try store.statusHistory(code: "1.1").map(\.number) == [first.number, second.number])
        #expect(try store.statuses(for: Self.p("2018Q2"))["1.1"]?.report == second)
        #expect(try store.statuses(for: Self.p("2018Q2"), knownAt: Self.t("2018-07-05T12:00:00Z"))["1.1"]?.report == first)
        #expect(throws: StoreError.self) { try store.db.run("UPDATE status_report SET comment = 'x'") }
        #expect(throws: StoreError.self) { try store.db.run("DELETE FROM status_report") }
        #expect(throws: StoreError.self) { try store.db.run("DELETE FROM audit_log") }
    }

    @Test func anEarlierPeriodsReportIsCarriedOver() throws {
        let store = try F.storeWithHistory()
        let q1 = try Self.report(store, "1.1", "2018Q1", .started, at: "2018-04-05T10:00:00Z")
        let statuses = try store.statuses(for: Self.p("2018Q3"))
        #expect(statuses["1.1"] == StatusEntry(report: q1, carriedOver: true))
        #expect(statuses["2"] == nil)
        #expect(try store.statuses(for: Self.p("2017Q4"))["1.1"] == nil, "nothing reported before then")
    }

    /// The lookup of the report in force: the period's own latest filing known then, else the latest
    /// filing known then for the period ending last before it; never a longer period that merely
    /// ends the same day, and never a later period.
    @Test func theReportInForceIsThePeriodsOwnElseTheLastBefore() throws {
        let store = try F.storeWithHistory()
        let q1 = try Self.report(store, "1.1", "2018Q1", .started, at: "2018-04-05T10:00:00Z")
        let q2 = try Self.report(store, "1.1", "2018Q2", .almostDone, at: "2018-07-05T10:00:00Z")
        _ = try Self.report(store, "1.1", "2018", .done, at: "2018-07-06T10:00:00Z")
        _ = try Self.report(store, "1.1", "2018Q4", .done, at: "2018-10-05T10:00:00Z")
        let q2Period = Self.p("2018Q2")
        #expect(try store.statuses(for: q2Period)["1.1"] == StatusEntry(report: q2, carriedOver: false))
        #expect(try store.statuses(for: q2Period, knownAt: Self.t("2018-07-01T00:00:00Z"))["1.1"] == StatusEntry(report: q1, carriedOver: true),
                "the period's own report, filed later, is not known yet: the earlier one carries over")
        #expect(try store.statuses(for: Self.p("2018Q3"))["1.1"] == StatusEntry(report: q2, carriedOver: true),
                "neither the year 2018 nor 2018Q4 ended before 2018Q3 began")
    }

    @Test func statusChangesCompareTwoPeriods() throws {
        let store = try F.storeWithHistory()
        _ = try Self.report(store, "1.1", "2018Q1", .started, at: "2018-04-05T10:00:00Z")
        _ = try Self.report(store, "2", "2018Q1", .planned, at: "2018-04-05T10:00:00Z")
        _ = try Self.report(store, "1.1", "2018Q2", .started, .red, at: "2018-07-05T10:00:00Z")
        _ = try Self.report(store, "2", "2018Q2", .planned, at: "2018-07-05T10:00:00Z")
        let changes = try store.statusChanges(since: Self.p("2018Q1"), to: Self.p("2018Q2"))
        #expect(changes.map(\.action) == ["1.1"])
        #expect(changes.first?.before?.report.light == .green && changes.first?.after?.report.light == .red)
    }

    @Test func aPublishedPeriodReadsWhatWasKnownWhenPublished() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let early = try Self.report(store, "1.1", "2018Q2", .started, at: "2018-07-05T10:00:00Z")
        let publication = try store.publish(period: Self.p("2018Q2"), by: owner, at: Self.t("2018-07-20T12:00:00Z"))
        _ = try Self.report(store, "1.1", "2018Q2", .done, at: "2018-07-25T10:00:00Z")
        #expect(try store.publication(for: Self.p("2018Q2")) == publication)
        #expect(try store.statuses(for: Self.p("2018Q2"), knownAt: publication.publishedAt)["1.1"]?.report == early)
        #expect(throws: StoreError.self) { try store.publish(period: Self.p("2018Q2"), by: owner, at: Self.t("2018-08-01T00:00:00Z")) }
    }

    @Test func periodsOutsideThePlanOrInTheFutureAreRefused() throws {
        let store = try F.storeWithHistory()
        #expect(throws: StoreError.self) { try Self.report(store, "1.1", "2016Q4", .started, at: "2018-07-05T10:00:00Z") }
        #expect(throws: StoreError.self) { try Self.report(store, "1.1", "2018Q4", .started, at: "2018-07-05T10:00:00Z") }
        #expect(throws: StoreError.self) { try Self.report(store, "1.2", "2018Q2", .started, at: "2018-07-05T10:00:00Z") }
        #expect(throws: StoreError.self) { try Self.report(store, "9.9", "2018Q2", .started, at: "2018-07-05T10:00:00Z") }
        #expect(try Self.report(store, "1.1", "2017", .started, at: "2018-07-05T10:00:00Z").period == "2017")
    }

    @Test func missingListsPerDepartmentAndRoundsAddTheDeadline() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        try store.openRound(period: Self.p("2019Q1"), deadline: CalendarDate(year: 2019, month: 4, day: 15), by: owner, at: Self.t("2019-04-01T08:00:00Z"))
        _ = try Self.report(store, "2", "2019Q1", .started, at: "2019-04-02T10:00:00Z")
        let missing = try store.missingReports(for: Self.p("2019Q1"))
        #expect(missing == [
            MissingReports(department: F.slf, actions: ["1.1"]),
            MissingReports(department: F.skf, actions: ["1.3"]),
        ])
        #expect(try store.round(for: Self.p("2019Q1"))?.deadline == CalendarDate(year: 2019, month: 4, day: 15))
        _ = try Self.report(store, "1.1", "2019Q1", .done, at: "2019-04-03T10:00:00Z")
        #expect(try store.missingReports(for: Self.p("2019Q2")) == [
            MissingReports(department: F.slf, actions: ["2"]),
            MissingReports(department: F.skf, actions: ["1.3"]),
        ], "1.1 is done and needs no more reports")
        _ = try Self.report(store, "1.3", "2019Q1", .cancelled, at: "2019-04-03T11:00:00Z")
        _ = try Self.report(store, "2", "2019Q1", .almostDone, at: "2019-04-03T12:00:00Z")
        #expect(try store.missingReports(for: Self.p("2019Q2")) == [MissingReports(department: F.slf, actions: ["2"])],
                "1.3 is cancelled; 2 is almost done, which is no end")
        _ = try Self.report(store, "2", "2019Q2", .started, at: "2019-07-02T10:00:00Z")
        #expect(try store.missingReports(for: Self.p("2019Q2")).isEmpty)
    }

    @Test(arguments: [("påbörjad", ProgressStatus.started), ("NÄSTAN KLAR", .almostDone), ("Ej påbörjad", .notStarted), ("vilande", .dormant)])
    func statusWordsIgnoreCase(text: String, status: ProgressStatus) {
        #expect(ProgressStatus(swedish: text) == status)
    }

    @Test(arguments: [
        [SQLValue.integer(1), "2018-06-30", "2018Q2", "2018-07-20T00:00:00Z", "2018-04-01"],
        [SQLValue.integer(1), "2018-06-30", "2018Q2", nil, "2018-04-01"],
    ])
    func statusLookupIsAnIndexRangeNotAScan(arguments: [SQLValue]) throws {
        let store = try F.storeWithHistory()
        for query in [AgendaStore.reportInForce, AgendaStore.statusInForce] {
            let plan = try store.db.query("EXPLAIN QUERY PLAN \(query)", arguments) { $0.string(3) }
            #expect(plan.contains { $0.contains("USING INDEX status_report_in_force (action_id=? AND period_end") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN s") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "no sort of the history: \(plan)")
        }
    }

    @Test func everyWriteIsAudited() throws {
        let store = try F.storeWithHistory()
        _ = try Self.report(store, "1.1", "2018Q2", .started, at: "2018-07-05T10:00:00Z")
        let log = try store.auditLog()
        #expect(log.map(\.operation) == [
            "create owner", "import", "revise action", "withdraw action", "add action", "report status",
        ])
        let revision = try #require(log.first { $0.operation == "revise action" })
        #expect(revision.target == "1.1" && revision.before != nil && revision.after != nil && revision.identity == "IT-chef")
    }
}
