import Foundation
import Testing
@testable import AgendaCore

/// The light reads behind the web's "Våra aktiviteter" (issue 12, load): summaries say what the full
/// actions say, the missing list is the same as before, and what a read-only service memoizes per
/// file state changes as soon as another connection (the CLI, the server's writer) commits.
@Suite struct ActionListTests {
    /// The demo (Mölndal's plan and two years of reports) in a file of its own, with its tokens.
    static func demo() throws -> (path: String, tokens: [IssuedToken]) {
        let path = StoreFixtures.temporaryPath()
        let store = try AgendaStore(path: path)
        let plan = try PlanImporter.parse(
            DemoPlan.data(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        let result = try DemoHistory.build(into: store, agenda: plan.agenda)
        return (path, result.tokens)
    }

    @Test func summariesSayWhatTheFullActionsSayForEveryFörvaltning() throws {
        let (path, _) = try Self.demo()
        let store = try AgendaStore(path: path, access: .read)
        let filters = try [ActionFilter(), ActionFilter(includeWithdrawn: true), ActionFilter(area: 6),
                           ActionFilter(asOf: CalendarDate(year: 2017, month: 6, day: 30))]
            + store.departments().map { ActionFilter(department: $0.name) }
            + [ActionFilter(department: "skolförvaltningen"), ActionFilter(department: "IT-avdelningen")]
        var compared = 0
        for filter in filters {
            let actions = try store.actions(matching: filter)
            let latest = try store.latestStatuses()
            let summaries = try store.actionSummaries(matching: filter)
            #expect(summaries.map(\.code) == actions.map(\.code), "plan order, same actions: \(filter)")
            #expect(summaries.map(\.title) == actions.map(\.title))
            #expect(summaries.map(\.state) == actions.map(\.state))
            #expect(summaries.map(\.areaNumber) == actions.map(\.areaNumber))
            #expect(summaries.map(\.lead) == actions.map(\.responsibility.lead))
            #expect(summaries.map(\.latest) == actions.map { latest[$0.code] })
            compared += summaries.count
        }
        #expect(compared > 100)
        #expect(try store.actionSummaries(matching: ActionFilter()).contains { $0.latest == nil } == false,
                "every demo action has been reported on")
        #expect(throws: StoreError.self) { try store.actionSummaries(matching: ActionFilter(department: "Ingen sådan förvaltning")) }
    }

    @Test func theMissingListOfOneFörvaltningIsItsPartOfTheWholeRound() throws {
        let (path, _) = try Self.demo()
        let store = try AgendaStore(path: path, access: .read)
        let period = try Period(parsing: "2018Q4")
        let whole = try store.missingReports(for: period)
        #expect(!whole.isEmpty, "the demo leaves reports missing for 2018Q4")
        for department in try store.departments() {
            let own = try store.missingReports(for: period, department: department.name)
            #expect(own == whole.filter { $0.department == department.name }, "\(department.name)")
        }
    }

    @Test func aReadOnlyServiceSeesEveryCommitOfAnotherConnectionAtOnce() throws {
        let (path, tokens) = try Self.demo()
        let owner = tokens[0].identity
        let reporter = try #require(tokens.first { $0.identity.department == "Skolförvaltningen" }?.identity)
        let clock: @Sendable () -> Timestamp = { Timestamp(CalendarDate(year: 2019, month: 1, day: 20), hour: 12) }
        let reader = try AgendaService(path: path, access: .read, clock: clock)
        let writer = try AgendaService(path: path, access: .write, clock: clock)

        let before = try reader.myActionList(department: nil, caller: reporter)
        #expect(try reader.myActionList(department: nil, caller: reporter) == before, "asked again: the same")
        let code = try #require(before.actions.first { $0.state == .active }?.code)
        let period = try Period(parsing: "2018Q4")
        let missingBefore = try reader.missing(period: period, department: "Skolförvaltningen")
        let page = try reader.actionForReporting(code: code, caller: reporter)

        // Another connection (here the server's writer; the CLI is another process) files a report.
        try writer.reportStatus(
            StatusInput(action: code, period: period, status: .started, light: .yellow, comment: "Ny rapport efter minnet"),
            by: reporter)
        let after = try reader.myActionList(department: nil, caller: reporter)
        #expect(after.actions.first { $0.code == code }?.latest?.comment == "Ny rapport efter minnet")
        #expect(try reader.actionForReporting(code: code, caller: reporter).history.count == page.history.count + 1)
        let missingAfter = try reader.missing(period: period, department: "Skolförvaltningen")
        #expect(!missingAfter.missing.flatMap(\.actions).contains(code))
        if missingBefore.missing.flatMap(\.actions).contains(code) {
            #expect(missingAfter.missing.flatMap(\.actions).count == missingBefore.missing.flatMap(\.actions).count - 1)
        }

        // A round opened and a revoked token are seen at the next read too.
        let rounds = try reader.rounds().count
        try writer.openRound(period: try Period(parsing: "2019Q1"), deadline: CalendarDate(year: 2019, month: 4, day: 15), by: owner)
        #expect(try reader.rounds().count == rounds + 1)
        #expect(try reader.verify(reporter).name == reporter.name)
        try writer.revokeIdentity(name: reporter.name, by: owner)
        #expect(throws: AccessError.invalidToken) { try reader.verify(reporter) }

        // The caller's scope is checked on every call, memo or not.
        let other = try #require(tokens.first { $0.identity.role == .reporter && $0.identity.department != "Skolförvaltningen" }?.identity)
        let foreign = try #require(try reader.actions(matching: ActionFilter()).first {
            !$0.responsibility.units.contains { $0.department == other.department }
        })
        _ = try reader.actionForReporting(code: foreign.code, caller: owner)
        #expect(throws: AccessError.self) { try reader.actionForReporting(code: foreign.code, caller: other) }
    }
}
