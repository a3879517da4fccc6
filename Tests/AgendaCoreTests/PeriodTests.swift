@testable import AgendaCore
import Testing

@Suite struct PeriodTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var code: String
        var start: String
        var end: String
        var previous: String
        var label: String
        var description: String { text }
    }

    @Test(arguments: [
        Case(text: "2018Q2", code: "2018Q2", start: "2018-04-01", end: "2018-06-30", previous: "2018Q1", label: "kvartal 2 2018"),
        Case(text: "2018q1", code: "2018Q1", start: "2018-01-01", end: "2018-03-31", previous: "2017Q4", label: "kvartal 1 2018"),
        Case(text: "2018Q4", code: "2018Q4", start: "2018-10-01", end: "2018-12-31", previous: "2018Q3", label: "kvartal 4 2018"),
        Case(text: "2018T1", code: "2018T1", start: "2018-01-01", end: "2018-04-30", previous: "2017T3", label: "tertial 1 2018"),
        Case(text: "2018T3", code: "2018T3", start: "2018-09-01", end: "2018-12-31", previous: "2018T2", label: "tertial 3 2018"),
        Case(text: "2018H1", code: "2018H1", start: "2018-01-01", end: "2018-06-30", previous: "2017H2", label: "första halvåret 2018"),
        Case(text: "2018H2", code: "2018H2", start: "2018-07-01", end: "2018-12-31", previous: "2018H1", label: "andra halvåret 2018"),
        Case(text: "2018", code: "2018", start: "2018-01-01", end: "2018-12-31", previous: "2017", label: "2018"),
        Case(text: "2020Q1", code: "2020Q1", start: "2020-01-01", end: "2020-03-31", previous: "2019Q4", label: "kvartal 1 2020"),
    ])
    func parsesPeriodAndComputesDates(_ c: Case) throws {
        let period = try Period(parsing: c.text)
        #expect(period.description == c.code)
        #expect(period.start.description == c.start)
        #expect(period.end.description == c.end)
        #expect(period.previous.description == c.previous)
        #expect(period.previous.next == period)
        #expect(period.swedishLabel == c.label)
    }

    @Test func leapYearFebruaryEndsTertialCorrectly() throws {
        #expect(try Period(parsing: "2020T1").end == CalendarDate(year: 2020, month: 4, day: 30))
        #expect(try Period(parsing: "2020Q1").end == CalendarDate(year: 2020, month: 3, day: 31))
    }

    @Test func whiteSpaceAroundIsIgnored() throws {
        #expect(try Period(parsing: " 2018Q2\t") == Period(parsing: "2018Q2"))
        #expect(try Period(parsing: "\u{00A0}2018\n").description == "2018")
    }

    @Test(arguments: ["", "18Q2", "2018Q5", "2018Q0", "2018T4", "2018H3", "2018X1", "2018Q", "2018Q12", "Q22018", "２０１８", "2018-Q2", "abcd",
                      "+2018", "0999", "2018 Q2", "2018Q٢", "2018Ｑ2", "2018\u{0301}Q2", "2018Q2x", "2018q"])
    func rejectsBadPeriod(_ text: String) {
        #expect(throws: PeriodError.invalid(text)) { try Period(parsing: text) }
    }

    @Test func errorDescriptionExplainsTheForms() {
        let text = PeriodError.invalid("2018Q5").description
        #expect(text.contains("2018Q5") && text.contains("2018Q2") && text.contains("2018H1"))
    }

    @Test func periodsOrderByDate() throws {
        #expect(try Period(parsing: "2018Q1") < Period(parsing: "2018Q2"))
        #expect(try Period(parsing: "2017") < Period(parsing: "2018H1"))
    }
}

@Suite struct ISODateTests {
    @Test func readsExactlyTheISOForms() {
        #expect(CalendarDate(iso: "2018-06-30") == CalendarDate(year: 2018, month: 6, day: 30))
        #expect(CalendarDate(iso: "2020-02-29") != nil)
        for bad in ["2019-02-29", "2018-13-01", "2018-00-10", "2018-6-30", "2018-+6-30", "18-06-30", "2018/06/30", "2018-06-30 ", ""] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
        let moment = Timestamp(iso: "2018-06-30T14:05:09Z")
        #expect(moment == Timestamp(CalendarDate(year: 2018, month: 6, day: 30), hour: 14, minute: 5, second: 9))
        #expect(moment?.description == "2018-06-30T14:05:09Z")
        for bad in ["2018-06-30T24:00:00Z", "2018-06-30T14:60:00Z", "2018-06-30 14:05:09Z", "2018-06-30T14:05:09", "2018-06-30T14:05:9Z", "2018-06-31T00:00:00Z"] {
            #expect(Timestamp(iso: bad) == nil, "\(bad)")
        }
    }
}
