import Foundation
import Testing
@testable import AgendaCore

/// What the core refuses or cleans whichever front end sends it: a report written from another period's
/// form, amounts and dates out of range, names of any length, bidirectional overrides.
@Suite struct InputLimitsTests {
    typealias F = StoreFixtures

    static func t(_ text: String) -> Timestamp { Timestamp(iso: text)! }
    static func p(_ text: String) -> Period { try! Period(parsing: text) }

    static func input(_ period: String, _ comment: String, basis: StatusBasis? = nil, cost: Int? = nil) -> StatusInput {
        var input = StatusInput(action: "1.1", period: p(period), status: .started, light: .green, comment: comment, actualCost: cost)
        input.basis = basis
        return input
    }

    @Test func aReportWrittenFromAnotherPeriodsFormIsRefusedAndNothingStored() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let q2 = try store.reportStatus(Self.input("2018Q2", "Q2"), by: owner, at: Self.t("2018-07-05T10:00:00Z")).report
        let q3 = try store.reportStatus(Self.input("2018Q3", "Q3"), by: owner, at: Self.t("2018-10-05T10:00:00Z")).report
        let before = try store.statusHistory(code: "1.1")
        // Filled from 2018Q3's report, sent for 2018Q2, which has a report.
        #expect(throws: StatusRefusal.formForOtherPeriod(action: "1.1", posted: Self.p("2018Q2"), filledFor: Self.p("2018Q3"))) {
            try store.reportStatus(
                Self.input("2018Q2", "Q3", basis: StatusBasis(period: Self.p("2018Q3"), report: q3.number)), by: owner,
                at: Self.t("2018-10-06T10:00:00Z"))
        }
        // Filled from 2018Q2's report, but someone corrected 2018Q2 meanwhile.
        let meanwhile = try store.reportStatus(Self.input("2018Q2", "Rättad"), by: owner, at: Self.t("2018-10-06T11:00:00Z")).report
        #expect(throws: StatusRefusal.changedMeanwhile(action: "1.1", period: Self.p("2018Q2"), basis: q2.number, current: meanwhile)) {
            try store.reportStatus(
                Self.input("2018Q2", "Min", basis: StatusBasis(period: Self.p("2018Q2"), report: q2.number)), by: owner,
                at: Self.t("2018-10-06T12:00:00Z"))
        }
        // A form shown empty for a period that has a report by now.
        #expect(throws: StatusRefusal.self) {
            try store.reportStatus(
                Self.input("2018Q3", "Ny", basis: StatusBasis(period: Self.p("2018Q3"), report: nil)), by: owner,
                at: Self.t("2018-10-06T12:00:00Z"))
        }
        #expect(try store.statusHistory(code: "1.1") == before + [meanwhile], "only the correction made without a form")
        // From the report in force: a correction, and the filing names the report it supersedes.
        let filing = try store.reportStatus(
            Self.input("2018Q2", "Min", basis: StatusBasis(period: Self.p("2018Q2"), report: meanwhile.number)), by: owner,
            at: Self.t("2018-10-06T13:00:00Z"))
        #expect(filing.superseded == meanwhile && filing.report.supersedes == meanwhile.number)
        #expect(filing.report.content.changes(from: meanwhile.content) == [.comment])
        // A form for another period, sent for a period without a report: a first report, nothing replaced.
        let first = try store.reportStatus(
            Self.input("2018Q1", "Första", basis: StatusBasis(period: Self.p("2018Q3"), report: q3.number)), by: owner,
            at: Self.t("2018-10-06T14:00:00Z"))
        #expect(first.superseded == nil)
    }

    @Test(arguments: [StatusContent.largestCost + 1, 1_000_000_000_000, Int.max])
    func anActualCostAboveTenBillionIsRefused(_ cost: Int) throws {
        let store = try F.storeWithHistory()
        let before = try store.statusHistory(code: "1.1")
        #expect {
            try store.reportStatus(Self.input("2018Q2", "Dyrt", cost: cost), by: try store.testOwner(), at: Self.t("2018-07-05T10:00:00Z"))
        } throws: { error in
            guard case let StoreError.invalidInput(field, problem) = error else { return false }
            return field == .cost && problem == .tooLarge(limit: 10_000_000_000)
                && error.localizedDescription.isEmpty == false && "\(error)".contains("för stort") && "\(error)".contains("10\u{A0}000\u{A0}000\u{A0}000\u{A0}kr")
        }
        #expect(try store.statusHistory(code: "1.1") == before)
        let largest = try store.reportStatus(
            Self.input("2018Q2", "Dyrt men möjligt", cost: StatusContent.largestCost), by: try store.testOwner(), at: Self.t("2018-07-05T10:00:00Z"))
        #expect(largest.report.actualCost == StatusContent.largestCost)
    }

    @Test(arguments: ["0000-01-01", "1899-01-01", "1999-12-31", "2018-07-03", "3000-01-01", "9999-12-31"])
    func aSelfAssessmentIsDatedTodayOrEarlierAndNotBefore2000(_ date: String) throws {
        let store = try F.storeWithHistory()
        let day = try #require(CalendarDate(iso: date))
        let input = AssessmentInput(unit: "IFO", date: day, answers: [AssessmentInput.Item(code: "L1", answer: .planned)])
        let at = Timestamp(CalendarDate(year: 2018, month: 7, day: 2), hour: 9)
        #expect {
            try store.recordAssessment(input, by: try store.testOwner(), at: at)
        } throws: { error in
            guard case let StoreError.invalidInput(field, _) = error else { return false }
            return field == .date
        }
        #expect(try F.count("assessment_answer", in: store) == 0)
        #expect(AssessmentInput.dateProblem(CalendarDate(year: 2018, month: 7, day: 2), today: at.swedishDate) == nil, "today is fine")
    }

    @Test func aMeasuredValueIsDatedTodayOrEarlier() throws {
        let store = try F.storeWithHistory()
        #expect {
            try store.reportEffect(
                EffectInput(action: "1.1", goalNumber: 1, period: Self.p("2018Q2"),
                            content: EffectContent(outcome: .partlyAchieved, value: 12, measuredOn: CalendarDate(year: 2018, month: 12, day: 31))),
                by: try store.testOwner(), at: Self.t("2018-07-05T10:00:00Z"))
        } throws: { error in
            guard case let StoreError.invalidInput(field, problem) = error else { return false }
            return field == .measuredOn && problem == .dateInFuture(CalendarDate(year: 2018, month: 12, day: 31), today: CalendarDate(year: 2018, month: 7, day: 5))
                && "\(error)".contains("2018-12-31 har inte kommit än")
        }
    }

    @Test func aNameHasAtMostTwoHundredCharacters() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let long = String(repeating: "Å", count: Validation.longestName + 1)
        #expect {
            try store.addIdentity(name: long, role: .reader, department: nil, by: owner, at: Self.t("2018-07-05T10:00:00Z"))
        } throws: { error in
            guard case let StoreError.invalidInput(field, problem) = error else { return false }
            return field == .identityName && problem == .tooLong(count: 201, limit: 200) && "\(error)".contains("för långt (201 tecken)")
        }
        let longest = String(repeating: "Å", count: Validation.longestName)
        #expect(try store.addIdentity(name: longest, role: .reader, department: nil, by: owner, at: Self.t("2018-07-05T10:00:00Z")).identity.name == longest)
    }

    @Test func bidirectionalOverridesAreStrippedFromTypedText() throws {
        let path = F.temporaryPath()
        let store = try F.storeWithHistory(at: path)
        let owner = try store.testOwner()
        let service = try AgendaService(path: path, access: .write, clock: { Self.t("2019-01-10T10:00:00Z") })
        let filing = try service.reportStatus(
            StatusInput(action: "1.1", period: Self.p("2018Q4"), status: .started, light: .green,
                        comment: "Klart \u{202E}gnilkcin\u{202C} snart\u{2066}.\u{2069}", obstacles: "\u{202D}Inga"),
            by: owner)
        #expect(filing.report.comment == "Klart gnilkcin snart.")
        #expect(filing.report.obstacles == "Inga")
        let issued = try service.addIdentity(name: "Läsare\u{202E}", role: .reader, department: nil, by: owner)
        #expect(issued.identity.name == "Läsare")
        #expect(TextCleaner.clean("Mölndal \u{200F}ok") == "Mölndal \u{200F}ok", "a right-to-left mark is not an override and stays")
    }

    @Test func swedishCountsAgree() {
        #expect(Swedish.count(1, "sekund", "sekunder") == "1 sekund")
        #expect(Swedish.count(2, "sekund", "sekunder") == "2 sekunder")
        #expect(Swedish.count(0, "timme", "timmar") == "0 timmar")
        #expect(Swedish.count(1, "timme", "timmar") == "1 timme")
    }

    @Test func anActionsAuditEntriesIncludeItsEffectGoalsAndJointLinks() {
        func entry(_ target: String) -> AuditEntry {
            AuditEntry(number: 1, at: Self.t("2018-07-05T10:00:00Z"), identity: "IT-chef", operation: "report effect", target: target, before: nil, after: nil)
        }
        #expect(entry("1.4").concerns("1.4"))
        #expect(entry("1.4 effektmål 2").concerns("1.4"))
        #expect(entry("1.4, 2.1").concerns("1.4") && entry("1.4, 2.1").concerns("2.1"))
        #expect(!entry("1.41").concerns("1.4") && !entry("1.41 effektmål 1").concerns("1.4") && !entry("11.4").concerns("1.4"))
    }
}
