import Foundation
import Testing
@testable import AgendaCore

/// One service, many tasks: writes one at a time, readers in parallel, each read one snapshot.
@Suite struct ServiceTests {
    typealias F = StoreFixtures

    @Test func manyTasksReadAndWriteThroughOneService() async throws {
        let path = F.temporaryPath()
        let store = try F.storeWithHistory(at: path)
        let owner = try store.testOwner()
        let service = try AgendaService(path: path, access: .write, clock: { Timestamp(secondsSinceEpoch: 1_560_000_000) })
        let codes = try service.actions(matching: ActionFilter()).map(\.code)
        let period = try Period(parsing: "2019Q1")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, code) in codes.enumerated() {
                group.addTask {
                    let input = StatusInput(
                        action: code, period: period, status: .started, light: .green, comment: "Uppgift \(index)")
                    try service.reportStatus(input, by: owner)
                }
                group.addTask {
                    // A reader sees one snapshot: the reports it counts twice inside one read agree.
                    let (a, b) = try service.reading { store in
                        (try store.allStatusReports().count, try store.allStatusReports().count)
                    }
                    #expect(a == b)
                }
            }
            try await group.waitForAll()
        }
        let reported = try service.read { store in try store.statuses(for: period) }
        #expect(Set(reported.filter { !$0.value.carriedOver }.keys) == Set(codes))
    }

    @Test func aReadOnlyServiceRefusesToWrite() throws {
        let path = F.temporaryPath()
        let store = try F.storeWithHistory(at: path)
        let owner = try store.testOwner()
        let service = try AgendaService(path: path)
        #expect(throws: StoreError.self) {
            try service.openRound(period: try Period(parsing: "2019Q1"), deadline: CalendarDate(year: 2019, month: 4, day: 1), by: owner)
        }
    }

    @Test func refusalsHaveKindsAFrontEndCanMap() {
        #expect(StoreError.notFound(.action("x")).kind.httpStatus == 404)
        #expect(StoreError.invalidInput(.period, .noOpenRound).kind.httpStatus == 422)
        #expect(StoreError.frozen(period: "2018Q4", .planChange(end: CalendarDate(year: 2018, month: 12, day: 31))).kind.httpStatus == 409)
        #expect(AccessError.outOfScope(department: "A", action: "1.1", responsible: ["B"]).kind.httpStatus == 403)
        #expect(AccessError.invalidToken.kind.httpStatus == 401)
    }
}
