import Testing
@testable import AgendaCore

struct ScheduleParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: Schedule
        var testDescription: String { text }

        init(_ text: String, _ start: Int?, _ end: Int?, phases: [SchedulePhase] = [], terms: [SchoolTerm] = []) {
            self.text = text
            expected = Schedule(text: text, startYear: start, endYear: end, phases: phases, terms: terms)
        }
    }

    /// Every tidsplan variant in Mölndal's digital agenda 2017–2019.
    static let molndal: [Case] = [
        Case("2017", 2017, 2017),
        Case("2018", 2018, 2018),
        Case("2017 - 2019", 2017, 2019),
        Case("2017 – 2018", 2017, 2018),
        Case("2017-2018", 2017, 2018),
        Case("2017-2019", 2017, 2019),
        Case("2018-2020", 2018, 2020),
        Case(
            "2017 – utredning, 2018 – inrätta en fri surfzon i Mölndals centrum", 2017, 2018,
            phases: [
                SchedulePhase(startYear: 2017, endYear: 2017, label: "utredning"),
                SchedulePhase(startYear: 2018, endYear: 2018, label: "inrätta en fri surfzon i Mölndals centrum"),
            ]),
        Case("2017 (förstudien)", 2017, 2017, phases: [SchedulePhase(startYear: 2017, endYear: 2017, label: "förstudien")]),
        Case(
            "Utredning 2017. Införande 2018.", 2017, 2018,
            phases: [
                SchedulePhase(startYear: 2017, endYear: 2017, label: "Utredning"),
                SchedulePhase(startYear: 2018, endYear: 2018, label: "Införande"),
            ]),
        Case(
            "2017 - konsument, 2018 - producent", 2017, 2018,
            phases: [
                SchedulePhase(startYear: 2017, endYear: 2017, label: "konsument"),
                SchedulePhase(startYear: 2018, endYear: 2018, label: "producent"),
            ]),
        Case("Påbörjat 2016 och kommer att fortgå under 2017", 2016, 2017),
        Case(
            "Arbetet startar höstterminen 2016 och målsättningen är att alla enheter skall vara igång efter sommaren 2017.",
            2016, 2017, terms: [SchoolTerm(season: .autumn, year: 2016)]),
    ]

    /// What other municipalities write.
    static let generalisations: [Case] = [
        Case("2019–2021", 2019, 2021),
        Case("2019—2021", 2019, 2021),
        Case("2017-19", 2017, 2019),
        Case("vt 2018", 2018, 2018, terms: [SchoolTerm(season: .spring, year: 2018)]),
        Case("HT 2017 – VT 2018", 2017, 2018, terms: [SchoolTerm(season: .autumn, year: 2017), SchoolTerm(season: .spring, year: 2018)]),
        Case("vårterminen 2019", 2019, 2019, terms: [SchoolTerm(season: .spring, year: 2019)]),
        Case("Q3 2018", 2018, 2018),
        Case("kvartal 3 2018", 2018, 2018),
        Case("under 2017", 2017, 2017),
        Case(
            "2017–2018: förstudie; 2019 – genomförande", 2017, 2019,
            phases: [
                SchedulePhase(startYear: 2017, endYear: 2018, label: "förstudie"),
                SchedulePhase(startYear: 2019, endYear: 2019, label: "genomförande"),
            ]),
        Case("Löpande", nil, nil),
        Case("Pågående", nil, nil),
        Case("Klart", nil, nil),
    ]

    @Test(arguments: molndal + generalisations)
    func readsYearsPhasesAndTerms(_ c: Case) {
        #expect(ScheduleParser.parse(c.text) == c.expected)
    }

    @Test(arguments: [nil, "", "   ", "\n\t"] as [String?])
    func missingOrBlankTidsplanIsUnknown(_ text: String?) {
        let schedule = ScheduleParser.parse(text)
        #expect(schedule == Schedule())
        #expect(schedule.years.isEmpty)
    }

    @Test func keepsTextWithoutSurroundingWhiteSpace() {
        #expect(ScheduleParser.parse("  2017 - 2019 \n").text == "2017 - 2019")
    }

    @Test func yearsRunFromStartThroughEnd() {
        #expect(ScheduleParser.parse("2017 – utredning, 2019 – införande").years == [2017, 2018, 2019])
    }
}
