import Foundation
import Testing
@testable import AgendaCore

/// The light reads the public site goes through a large plan with: codes and states as of a date,
/// and one action's statuses in several published periods.
@Suite struct PlanAsOfTests {
    typealias F = StoreFixtures

    @Test func actionStatesAreWhatTheWholePlanAsOfTheSameDateSays() throws {
        let store = try F.storeWithHistory()
        for date in [nil, "2016-12-31", "2017-06-30", "2018-03-14", "2018-05-31", "2018-06-01", "2019-12-31"].map({ $0.map(F.date) }) {
            let expected = try store.agenda(asOf: date).actions.map { ActionStateEntry(code: $0.code, state: $0.state) }
            #expect(try store.actionStates(asOf: date) == expected, "as of \(date?.description ?? "now")")
        }
        // 1.2 is withdrawn and 1.3 added by decisions of 2018-06-01: neither shows the day before.
        let before = try store.actionStates(asOf: F.date("2018-05-31"))
        let after = try store.actionStates(asOf: F.date("2018-06-01"))
        #expect(before.first { $0.code == "1.2" }?.state == .active)
        #expect(after.first { $0.code == "1.2" }?.state == .withdrawn)
        #expect(!before.contains { $0.code == "1.3" } && after.contains { $0.code == "1.3" })
        #expect(try store.actionStates(asOf: F.date("2016-12-31")).isEmpty, "nothing in force before the plan took effect")
    }

    @Test func oneActionsStatusesAreWhatEachPeriodsStatusesSay() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        func report(_ code: String, _ period: String, _ status: ProgressStatus, at: String) throws {
            _ = try store.reportStatus(
                StatusInput(action: code, period: try Period(parsing: period), status: status, light: .green, comment: "\(code) \(period) \(status)"),
                by: owner, at: Timestamp(iso: at)!)
        }
        try report("1.1", "2018Q1", .started, at: "2018-04-05T10:00:00Z")
        try report("1.1", "2018Q2", .started, at: "2018-07-05T10:00:00Z")
        try report("1.1", "2018Q2", .almostDone, at: "2018-07-20T10:00:00Z")
        try report("2", "2018Q1", .planned, at: "2018-04-06T10:00:00Z")
        try report("1.1", "2018", .done, at: "2018-12-20T10:00:00Z")
        let asked: [(String, String?)] = [
            ("2017Q4", nil), ("2018Q1", nil), ("2018Q2", "2018-07-10T00:00:00Z"), ("2018Q2", nil), ("2018Q3", nil),
            ("2018", nil), ("2018Q4", "2018-10-01T00:00:00Z"),
        ]
        let periods = try asked.map { (try Period(parsing: $0.0), $0.1.map { Timestamp(iso: $0)! }) }
        let lookups = periods.map { StatusLookup(period: $0.0, knownAt: $0.1) }
        for code in ["1.1", "1.2", "1.3", "2"] {
            let expected = try periods.map { try store.statuses(for: $0.0, knownAt: $0.1)[code] }
            #expect(try store.statuses(of: code, lookups) == expected, "\(code)")
        }
        let mine = try store.statuses(of: "1.1", lookups)
        #expect(mine[0] == nil && mine[1]?.carriedOver == false && mine[2]?.report.status == .started)
        #expect(mine[3]?.report.status == .almostDone && mine[4]?.carriedOver == true)
        #expect(throws: StoreError.self) { try store.statuses(of: "9.9", lookups) }
    }
}
