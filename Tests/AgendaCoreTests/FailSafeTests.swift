import Foundation
import Testing
@testable import AgendaCore

/// Input is checked where it enters the store; corrections keep what they do not change; times and
/// amounts for people are Swedish.
@Suite struct FailSafeTests {
    typealias F = StoreFixtures

    static func t(_ text: String) -> Timestamp { Timestamp(iso: text)! }
    static func p(_ text: String) -> Period { try! Period(parsing: text) }

    static func newAction(_ code: String) -> Action {
        Action(code: code, areaNumber: 1, title: "Ny", responsibility: Responsibility(text: "SLF", lead: UnitRef(department: F.slf)))
    }

    // MARK: - Codes and names

    @Test(arguments: ["1.2", "2.3a", "2.3b", "4", "8.1", "10.12", "1.2.3"])
    func planCodesAreAccepted(code: String) {
        #expect(Validation.actionCodeProblem(code) == nil)
    }

    @Test(arguments: ["", "   ", "\t", "\u{7}", "1.2\n", "1.\u{1B}2", "9,3", "10.1 --area 9", "1..2", ".1", "1.", "a", "2.3ab", " 1.2", "1,2a"])
    func otherCodesAreRefused(code: String) throws {
        #expect(Validation.actionCodeProblem(code) != nil)
        let store = try F.storeWithHistory()
        let before = try AgendaJSON.encode(store.exportDocument())
        #expect(throws: StoreError.self) {
            try store.addAction(Self.newAction(code), decision: Decision(reference: "x", date: F.date("2018-09-01")))
        }
        #expect(try AgendaJSON.encode(store.exportDocument()) == before, "a refused write changes nothing")
    }

    @Test func aRefusalIsOneLineNamingTheCode() throws {
        let store = try F.storeWithHistory()
        let error = #expect(throws: StoreError.self) {
            try store.addAction(Self.newAction("9,3"), decision: Decision(reference: "x", date: F.date("2018-09-01")))
        }
        let text = String(describing: try #require(error))
        #expect(text.contains("\"9,3\"") && text.contains("1.2, 2.3a eller 4") && !text.contains("\n"))
    }

    @Test func importingAPlanWithABadCodeIsRefused() throws {
        var agenda = F.agenda
        agenda.actions[2].code = "2 "
        #expect(throws: StoreError.self) { try F.newStore().importAgenda(agenda) }
    }

    @Test(arguments: ["", "  ", "Rap\u{7}portör", "Två\nrader", "Tab\tbar", "x\u{2028}y", "\u{85}"])
    func namesMustBePrintable(name: String) throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let at = AgendaStore.testMoment
        #expect(throws: StoreError.self) { try store.addIdentity(name: name, role: .reader, by: owner, at: at) }
        #expect(throws: StoreError.self) { try store.addDepartment(name: name) }
        #expect(throws: StoreError.self) { try store.addUnit(name, to: "SLF") }
        #expect(throws: StoreError.self) { try store.addAlias(name, for: "SLF") }
        #expect(throws: StoreError.self) { try store.addUnit(department: "SLF", unit: name) }
        #expect(try store.identities().map(\.name) == ["IT-chef"])
    }

    @Test func printableNamesAreAccepted() throws {
        let store = try F.storeWithHistory()
        let issued = try store.addIdentity(name: "Åsa Öberg – IT 👩‍💻", role: .reader, by: try store.testOwner(), at: AgendaStore.testMoment)
        #expect(issued.identity.name == "Åsa Öberg – IT 👩‍💻")
    }

    // MARK: - JSON import

    @Test func aRepeatedKeyIsRefusedNamingWhere() throws {
        let data = try AgendaJSON.encode(try F.storeWithHistory().exportDocument())
        var text = String(decoding: data, as: UTF8.self)
        let code = try #require(text.range(of: "\"code\" : \"1.1\","))
        text.replaceSubrange(code, with: "\"code\" : \"1.1\", \"code\" : \"9.9\",")
        let error = #expect(throws: ImportError.self) { try AgendaJSON.decode(Data(text.utf8)) }
        #expect(String(describing: try #require(error)).contains("vid actions[0].current.action.code: nyckeln förekommer två gånger"))
        #expect(JSONReader.firstRepeatedKey(in: #"{"a":[1,{"b":2,"c":[{"d":1,"d":2}]}]}"#) == "a[1].c[0].d")
        #expect(JSONReader.firstRepeatedKey(in: #"[{"x":1},{"x":1,"x":2}]"#) == "[1].x")
        #expect(JSONReader.firstRepeatedKey(in: #"{"a":1,"b":{"a":1}}"#) == nil)
        _ = try AgendaJSON.decode(data)
    }

    @Test func anEmptyCodeInJSONIsRefused() throws {
        var document = try F.storeWithHistory().exportDocument()
        document.actions[3].current.action.code = ""
        let error = #expect(throws: ImportError.self) { try F.newStore().importDocument(document) }
        #expect(String(describing: try #require(error)).contains("actions[3].current.action.code: aktivitetskoden är tom"))
    }

    // MARK: - Periods

    @Test func periodsBeforeThePlanOrNotYetBegunAreRefusedEverywhere() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let now = Self.t("2018-08-01T10:00:00Z")
        for period in ["1899Q1", "2016", "2099Q1", "2018Q4"] {
            #expect(throws: StoreError.self, "\(period)") { try store.checkPeriod(Self.p(period), at: now) }
            #expect(throws: StoreError.self, "\(period)") {
                try store.openRound(period: Self.p(period), deadline: CalendarDate(year: 2099, month: 1, day: 1), by: owner, at: now)
            }
        }
        #expect(try store.rounds().isEmpty)
        for period in ["2017Q1", "2018Q3", "2018"] { try store.checkPeriod(Self.p(period), at: now) }
        try store.checkPeriod(Self.p("2021Q1"), at: Self.t("2021-02-01T10:00:00Z"))
        #expect(try store.missingReports(for: Self.p("2021Q1")).isEmpty == false,
                "actions may run past the plan's last year")
    }

    @Test func aReportFiledAtHalfPastMidnightOnTheFirstOfJulyBelongsToThatDay() throws {
        let store = try F.storeWithHistory()
        let filing = try store.reportStatus(
            StatusInput(action: "1.1", period: Self.p("2018Q3"), status: .started, light: .green, comment: "Start."),
            by: try store.testOwner(), at: Self.t("2018-06-30T22:30:00Z"))
        #expect(filing.report.period == "2018Q3")
        #expect(throws: StoreError.self) {
            try store.reportStatus(
                StatusInput(action: "1.1", period: Self.p("2018Q3"), status: .started, light: .green, comment: "Start."),
                by: try store.testOwner(), at: Self.t("2018-06-30T21:59:00Z"))
        }
    }

    // MARK: - Rounds

    @Test func aRoundOpenedByMistakeIsCancelledAndNoLongerTheDefault() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let deadline = CalendarDate(year: 2018, month: 7, day: 15)
        try store.openRound(period: Self.p("2018Q2"), deadline: deadline, by: owner, at: Self.t("2018-07-01T08:00:00Z"))
        try store.openRound(period: Self.p("2018Q1"), deadline: deadline, by: owner, at: Self.t("2018-07-01T09:00:00Z"))
        #expect(try store.defaultRound()?.period == "2018Q1")

        let reader = try store.addIdentity(name: "Läsare", role: .reader, by: owner, at: Self.t("2018-07-01T09:01:00Z"))
        #expect(throws: AccessError.self) { try store.cancelRound(period: Self.p("2018Q1"), by: reader.identity, at: Self.t("2018-07-01T09:02:00Z")) }

        let cancelled = try store.cancelRound(period: Self.p("2018Q1"), by: owner, at: Self.t("2018-07-01T09:05:00Z"))
        #expect(cancelled.isCancelled && cancelled.cancelledBy == "IT-chef")
        #expect(try store.defaultRound()?.period == "2018Q2")
        #expect(try store.round(for: Self.p("2018Q1")) == nil)
        #expect(try store.rounds().map(\.isCancelled) == [false, true], "the cancelled round stays on record")
        #expect(throws: StoreError.self) { try store.cancelRound(period: Self.p("2018Q1"), by: owner, at: Self.t("2018-07-01T09:06:00Z")) }
        #expect(throws: StoreError.self) { try store.cancelRound(period: Self.p("2017Q4"), by: owner, at: Self.t("2018-07-01T09:06:00Z")) }
        #expect(try store.auditLog().last?.operation == "cancel round")
        #expect(throws: StoreError.self) { try store.db.run("DELETE FROM round_cancellation") }

        try store.openRound(period: Self.p("2018Q1"), deadline: deadline, by: owner, at: Self.t("2018-07-02T09:00:00Z"))
        #expect(try store.defaultRound()?.period == "2018Q1", "a period may be opened again after a cancellation")

        let first = try AgendaJSON.encode(store.exportDocument())
        #expect(String(decoding: first, as: UTF8.self).contains("\"cancelledAt\" : \"2018-07-01T09:05:00Z\""))
        let copy = try F.newStore()
        try copy.importDocument(try AgendaJSON.decode(first))
        #expect(try AgendaJSON.encode(copy.exportDocument()) == first)
        #expect(try copy.rounds().map(\.isCancelled) == [false, true, false])
    }

    // MARK: - Corrections

    @Test func aCorrectionTakesWhatItLeavesOutFromTheReportItSupersedes() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let q2 = Self.p("2018Q2")
        let first = try store.reportStatus(
            StatusInput(action: "1.1", period: q2, status: .started, light: .yellow, comment: "Pågår.",
                        obstacles: "Resurser", nextSteps: "Upphandla", actualCost: 2_400_000),
            by: owner, at: Self.t("2018-07-05T10:00:00Z"))
        #expect(first.carriedOver.isEmpty)

        let second = try store.reportStatus(
            StatusInput(action: "1.1", period: q2, status: .almostDone, light: .green, comment: "Rättelse.", nextSteps: "Införa"),
            by: owner, at: Self.t("2018-07-06T10:00:00Z"))
        #expect(second.carriedOver == [.obstacles, .actualCost])
        #expect(second.carriedOver.map(\.swedish) == ["hinder", "verklig kostnad"])
        #expect(second.report.supersedes == first.report.number)
        #expect(second.report.actualCost == 2_400_000 && second.report.obstacles == "Resurser" && second.report.nextSteps == "Införa")
        #expect(try store.statusHistory(code: "1.1").last == second.report)

        let third = try store.reportStatus(
            StatusInput(action: "1.1", period: q2, status: .almostDone, light: .green, comment: "Inga hinder.", obstacles: ""),
            by: owner, at: Self.t("2018-07-07T10:00:00Z"))
        #expect(third.report.obstacles == "", "given empty is not carried over")
        #expect(third.carriedOver == [.nextSteps, .actualCost])

        let otherPeriod = try store.reportStatus(
            StatusInput(action: "1.1", period: Self.p("2018Q3"), status: .almostDone, light: .green, comment: "Nytt kvartal."),
            by: owner, at: Self.t("2018-07-08T10:00:00Z"))
        #expect(otherPeriod.carriedOver.isEmpty && otherPeriod.report.actualCost == nil, "a first report for a period carries nothing")
    }

    @Test func anInputLeavesOutWhatItDoesNotGive() throws {
        let q2 = Self.p("2018Q2")
        let input = StatusInput(action: "1.1", period: q2, status: .started, light: .green, comment: "Pågår.", obstacles: "")
        #expect(input.omitted == [.nextSteps, .actualCost])
        #expect(input.content == StatusContent(status: .started, light: .green, comment: "Pågår."))

        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        try store.reportStatus(
            StatusInput(action: "1.1", period: q2, status: .started, light: .yellow, comment: "Pågår.",
                        obstacles: "Resurser", nextSteps: "Upphandla", actualCost: 500),
            by: owner, at: Self.t("2018-07-05T10:00:00Z"))
        let correction = try store.reportStatus(
            StatusInput(
                action: "1.1", period: q2, content: StatusContent(status: .done, light: .green, comment: "Klar.", actualCost: 700),
                omitted: [.obstacles]),
            by: owner, at: Self.t("2018-07-06T10:00:00Z"))
        #expect(correction.carriedOver == [.obstacles])
        #expect(correction.report.content == StatusContent(
            status: .done, light: .green, comment: "Klar.", obstacles: "Resurser", nextSteps: "", actualCost: 700))
    }

    // MARK: - Swedish time and amounts

    @Test(arguments: [
        ("2018-06-30T22:30:00Z", "2018-07-01 00:30 +02:00", "2018-07-01"),
        ("2018-01-15T12:00:00Z", "2018-01-15 13:00 +01:00", "2018-01-15"),
        ("2018-12-31T23:00:00Z", "2019-01-01 00:00 +01:00", "2019-01-01"),
        ("2018-03-25T00:59:59Z", "2018-03-25 01:59 +01:00", "2018-03-25"),
        ("2018-03-25T01:00:00Z", "2018-03-25 03:00 +02:00", "2018-03-25"),
        ("2018-10-28T00:59:59Z", "2018-10-28 02:59 +02:00", "2018-10-28"),
        ("2018-10-28T01:00:00Z", "2018-10-28 02:00 +01:00", "2018-10-28"),
    ])
    func timesForPeopleAreSwedish(utc: String, display: String, date: String) {
        let moment = Self.t(utc)
        #expect(moment.swedishDisplay == display)
        #expect(moment.swedishDate.description == date)
        #expect(moment.description == utc, "stored and exported as UTC")
    }

    @Test func theFallbackRuleAgreesWithTheTimeZoneData() throws {
        var moment = Self.t("2017-01-01T00:30:00Z")
        while moment < Self.t("2031-01-01T00:00:00Z") {
            #expect(moment.euOffset == moment.swedishOffset, "\(moment)")
            moment = moment.adding(seconds: 3600 * 7)
        }
    }

    @Test func theOffsetTableAgreesWithTheTimeZoneAtEveryChangeAndBetween() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Stockholm"))
        let table = try #require(Timestamp.stockholm)
        func zoneOffset(_ seconds: Int64) -> Int64 { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))) }
        // Every change from 1900 to 2100, a second before it and at it, and the edges of spans (2^28 s each).
        var moments: [Int64] = [-86_400 * 400, -1, 0, (1 << 28) - 1, 1 << 28, 4_102_444_799, 4_102_444_800, 4_200_000_000]
        var date = Date(timeIntervalSince1970: -2_208_988_800)
        while let next = zone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < 4_102_444_800 {
            moments += [Int64(next.timeIntervalSince1970) - 1, Int64(next.timeIntervalSince1970)]
            date = next
        }
        #expect(moments.count > 200, "summer time twice a year since 1980")
        // And moments spread over the years in between (a fixed generator: the same run every time).
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<1_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            moments.append(Int64(state >> 33) % 4_102_444_800)
        }
        for seconds in moments {
            #expect(table.offset(at: Timestamp(secondsSinceEpoch: seconds)) == zoneOffset(seconds), "\(seconds)")
        }
    }

    @Test(arguments: [(2_400_000, "2 400 000 kr"), (0, "0 kr"), (999, "999 kr"), (1_000, "1 000 kr"), (-12_500, "−12 500 kr")])
    func kronorAreGroupedAsInTheReports(kronor: Int, text: String) {
        #expect(Kronor.exact(kronor) == text.replacingOccurrences(of: " ", with: "\u{00A0}"))
    }

    /// A full disk (here SQLite's page limit, which fails a write the same way) refuses the write in
    /// Swedish, without SQLite's English message, and leaves the store as it was; the next write, with
    /// room again, succeeds.
    @Test func aFullDiskRefusesTheWriteInSwedishAndLosesNothing() throws {
        let store = try F.storeWithHistory()
        let before = try store.statusHistory(code: "1.1").count
        let pages = try #require(try store.db.first("PRAGMA page_count", []) { $0.int(0) })
        try store.db.execute("PRAGMA max_page_count = \(pages)")
        let long = String(repeating: "Lång kommentar. ", count: 2_000)
        let input = StatusInput(action: "1.1", period: Self.p("2018Q2"), status: .started, light: .green, comment: long)
        let refusal = try #require(throws: StoreError.self) { try store.reportStatus(input, by: try store.testOwner(), at: Self.t("2018-07-05T10:00:00Z")) }
        guard case let .sqlite(code, _, _) = refusal else { Issue.record("\(refusal)"); return }
        #expect(SQLiteCondition(code) == .full)
        #expect(refusal.description == "disken är full, så databasen kunde inte skrivas; inget har ändrats — frigör utrymme och försök igen")
        #expect(refusal.kind == .unavailable)
        #expect(try store.statusHistory(code: "1.1").count == before)
        try store.db.execute("PRAGMA max_page_count = 1073741823")
        _ = try store.reportStatus(input, by: try store.testOwner(), at: Self.t("2018-07-05T10:00:00Z"))
        #expect(try store.statusHistory(code: "1.1").count == before + 1)
    }

    @Test func sqliteConditionsAreReadFromExtendedCodes() {
        #expect(SQLiteCondition(13) == .full)
        #expect(SQLiteCondition(5 | (2 << 8)) == .busy)  // SQLITE_BUSY_SNAPSHOT
        #expect(SQLiteCondition(8 | (1 << 8)) == .readOnly)  // SQLITE_READONLY_RECOVERY
        #expect(SQLiteCondition(10 | (3 << 8)) == .io)  // SQLITE_IOERR_WRITE
        #expect(SQLiteCondition(26) == .damaged)
        #expect(SQLiteCondition(19) == nil)  // a constraint: the store's own rules word those
    }
}
