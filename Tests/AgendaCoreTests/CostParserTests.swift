import Foundation
import Testing
@testable import AgendaCore

/// Lines of Mölndal's digital agenda as shipped in templates/sample.
enum MolndalPlanLines {
    static let all: [String] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates/sample/molndal-digital-agenda-2017-2019.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.components(separatedBy: .newlines)
    }()

    /// The text after `label:` on every line that starts with one of `labels`.
    static func values(of labels: [String]) -> [String] {
        all.compactMap { line in
            labels.lazy.compactMap { label in
                line.hasPrefix(label + ":") ? String(line.dropFirst(label.count + 1)).trimmingCharacters(in: .whitespaces) : nil
            }.first
        }
    }

    /// Each kostnad with the tidsplan of the same action (nil when the action has none).
    static var costsWithSchedules: [(cost: String, schedule: String?)] {
        var schedule: String?
        var pairs: [(String, String?)] = []
        for line in all {
            if line.hasPrefix("Ansvar") { schedule = nil }
            if line.hasPrefix("Tidsplan:") { schedule = String(line.dropFirst("Tidsplan:".count)).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("Kostnader:") { pairs.append((String(line.dropFirst("Kostnader:".count)).trimmingCharacters(in: .whitespaces), schedule)) }
        }
        return pairs
    }
}

struct CostParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let schedule: String?
        let expected: Cost
        var testDescription: String { text }

        init(
            _ text: String, schedule: String?, parts: [CostPart] = [], within: Bool = false, pending: Bool = false,
            funding: [String] = [], staff: [StaffResource] = []
        ) {
            self.text = text
            self.schedule = schedule
            expected = Cost(
                text: text, parts: parts, withinExistingBudget: within, decisionPending: pending,
                externalFunding: funding, staff: staff)
        }
    }

    static let investigationThenProposal =
        "Inom befintliga budgetramar för utredningsarbetet. Kostnader för framtaget förslag presenteras för beslut efter utredningen."

    /// Every kostnad text of Mölndal's plan, with the tidsplan of its action.
    static let molndal: [Case] = [
        Case("Inom befintliga budgetramar", schedule: "2017", within: true),
        Case(
            "200 tkr/år", schedule: "2017 - 2019",
            parts: [CostPart(kind: .recurring, amount: 200_000, years: [2017, 2018, 2019], yearsDerived: true, source: "200 tkr/år")]),
        Case(investigationThenProposal, schedule: "2017", within: true, pending: true),
        Case(investigationThenProposal, schedule: "2018", within: true, pending: true),
        Case(investigationThenProposal, schedule: "2017 – 2018", within: true, pending: true),
        Case(
            "Inom befintliga budgetramar för utredningsarbetet. Kostnaden för fri surfzon i Mölndals nya centrum uppskattas till 300 tkr i engångskostnad och därefter 100 tkr/år.",
            schedule: "2017 – utredning, 2018 – inrätta en fri surfzon i Mölndals centrum",
            parts: [
                // The phase the sentence names ("fri surfzon"), and the year after it for what comes "därefter".
                CostPart(kind: .oneTime, amount: 300_000, approximate: true, years: [2018], yearsDerived: true, source: "300 tkr i engångskostnad"),
                CostPart(kind: .recurring, amount: 100_000, approximate: true, years: [2019], yearsDerived: true, source: "100 tkr/år"),
            ],
            within: true),
        Case(
            "Inom befintliga budgetramar under förutsättning att bidrag erhålls från Vinnova.", schedule: "2018",
            within: true, funding: ["Vinnova"]),
        Case("Inom befintliga budgetramar för förstudien", schedule: "2017 (förstudien)", within: true),
        Case(
            "Inom befintliga budgetramar för utredningsarbetet. Kostnader för framtaget förslag, inklusive eventuella förvaltningsspecifika kostnader, presenteras för beslut efter utredningen.",
            schedule: "2018", within: true, pending: true),
        Case("Inom befintliga budgetramar", schedule: "2017-2019", within: true),
        Case(
            "Inom befintliga budgetramar för processkartläggningen. Kostnader för framtagna förslag presenteras för beslut efter kartläggning.",
            schedule: nil, within: true, pending: true),
        Case("100 tkr", schedule: "2017", parts: [CostPart(kind: .oneTime, amount: 100_000, source: "100 tkr")]),
        Case("Inom befintliga budgetramar", schedule: "2017-2018", within: true),
        Case(
            "Inom befintliga budgetramar för framtagning av bredbandsstrategin. Beslut om bredbandsstrategin och eventuella kommunala bidrag för utbyggnaden av bredband lyfts till Kf i särskilt ärende.",
            schedule: "2017", within: true, pending: true),
        Case("Inom befintliga budgetramar för nytt verksamhetssystem.", schedule: "2017 - konsument, 2018 - producent", within: true),
        Case("Inom befintliga budgetramar för nytt verksamhetssystem.", schedule: "2017-2019", within: true),
        Case("Kostnaderna täcks av statsbidrag", schedule: "2017-2019", funding: ["statsbidrag"]),
        Case("Utredningen inom befintliga budgetramar.", schedule: "Utredning 2017. Införande 2018.", within: true),
        Case("Inom befintliga budgetramar.", schedule: "2017", within: true),
        Case("Inom befintliga budgetramar", schedule: "Påbörjat 2016 och kommer att fortgå under 2017", within: true),
        Case("Inom befintliga budgetramar för nytt verksamhetssystem.", schedule: "2017", within: true),
        Case(
            "Redovisas i samband med utredningen och mer specifikt i samband med upphandlingen.", schedule: "2018",
            pending: true),
        Case("Presenteras för beslut när strategihandlingen är klar.", schedule: "2017", pending: true),
        Case(
            "För att uppfylla den nationella IT-strategin ökar skolnämndens kostnader med ca 4,4 mnkr jämfört med idag. Kostnadsökningen behandlas i den ordinarie budgetprocessen för skolförvaltningen.",
            schedule: "2018-2020",
            parts: [
                CostPart(
                    kind: .recurring, amount: 4_400_000, approximate: true, years: [2018, 2019, 2020], yearsDerived: true,
                    source: "ca 4,4 mnkr jämfört med idag")
            ],
            pending: true),
        Case(
            "Inom befintliga budgetramar",
            schedule: "Arbetet startar höstterminen 2016 och målsättningen är att alla enheter skall vara igång efter sommaren 2017.",
            within: true),
        Case(investigationThenProposal, schedule: "2018", within: true, pending: true),
        Case(
            "150 tkr i investering av utrustning för videokonferens", schedule: "2018",
            parts: [CostPart(kind: .investment, amount: 150_000, source: "150 tkr i investering")]),
        Case("200 tkr", schedule: "2018", parts: [CostPart(kind: .oneTime, amount: 200_000, source: "200 tkr")]),
        Case(
            "100 tkr/år (2018-2019)", schedule: "2017-2019",
            parts: [CostPart(kind: .recurring, amount: 100_000, years: [2018, 2019], source: "100 tkr/år (2018-2019)")]),
        Case("Inom befintliga budgetramar", schedule: "2018", within: true),
    ]

    @Test(arguments: molndal)
    func readsEveryMolndalCost(_ c: Case) {
        #expect(CostParser.parse(c.text, schedule: ScheduleParser.parse(c.schedule)) == c.expected)
    }

    @Test func everyCostOfTheMolndalPlanIsATestCase() {
        let pairs = MolndalPlanLines.costsWithSchedules
        #expect(pairs.count == 34)
        for pair in pairs {
            #expect(
                Self.molndal.contains { $0.text == pair.cost && $0.schedule == pair.schedule },
                "no test case for \(pair.cost) with tidsplan \(pair.schedule ?? "none")")
        }
    }

    struct AmountCase: Sendable, CustomTestStringConvertible {
        let text: String
        let part: CostPart
        var testDescription: String { text }
        init(_ text: String, _ kind: CostPart.Kind, _ amount: Int, approximate: Bool = false, years: [Int] = [], derived: Bool = false, source: String? = nil) {
            self.text = text
            part = CostPart(kind: kind, amount: amount, approximate: approximate, years: years, yearsDerived: derived, source: source ?? text)
        }
    }

    /// Amount spellings; the schedule is 2018-2019 throughout.
    static let amounts: [AmountCase] = [
        AmountCase("200 tkr", .oneTime, 200_000),
        AmountCase("300 tkr i engångskostnad", .oneTime, 300_000),
        AmountCase("en engångskostnad på 300 tkr", .oneTime, 300_000, source: "300 tkr"),
        AmountCase("100 tkr/år", .recurring, 100_000, years: [2018, 2019], derived: true),
        AmountCase("100 tkr per år", .recurring, 100_000, years: [2018, 2019], derived: true),
        AmountCase("100 tkr årligen", .recurring, 100_000, years: [2018, 2019], derived: true),
        AmountCase("därefter 100 tkr/år", .recurring, 100_000, years: [2018, 2019], derived: true, source: "100 tkr/år"),
        AmountCase("en årlig kostnad på 50 tkr", .recurring, 50_000, years: [2018, 2019], derived: true, source: "50 tkr"),
        AmountCase("100 tkr/år (2020-2022)", .recurring, 100_000, years: [2020, 2021, 2022]),
        AmountCase("50 tkr per år under 2019", .recurring, 50_000, years: [2019]),
        AmountCase("ca 4,4 mnkr", .oneTime, 4_400_000, approximate: true),
        AmountCase("cirka 2 mkr", .oneTime, 2_000_000, approximate: true),
        AmountCase("ungefär 500 000 kronor", .oneTime, 500_000, approximate: true),
        AmountCase("Kostnaden uppskattas till 80 tkr", .oneTime, 80_000, approximate: true, source: "80 tkr"),
        AmountCase("600 000 kr", .oneTime, 600_000),
        AmountCase("1,2 miljoner kronor", .oneTime, 1_200_000),
        AmountCase("2 mkr", .oneTime, 2_000_000),
        AmountCase("500 000 kronor", .oneTime, 500_000),
        AmountCase("1 234 tkr", .oneTime, 1_234_000),
        AmountCase("1\u{00A0}234 tkr", .oneTime, 1_234_000),
        AmountCase("1\u{202F}234 tkr", .oneTime, 1_234_000),
        AmountCase("75 000:-", .oneTime, 75_000),
        AmountCase("150 tkr i investering", .investment, 150_000),
        AmountCase("Investering 150 tkr", .investment, 150_000, source: "150 tkr"),
        AmountCase("200 tkr under 2019", .oneTime, 200_000, years: [2019]),
        AmountCase("Under 2019 200 tkr", .oneTime, 200_000, years: [2019], source: "200 tkr"),
    ]

    @Test(arguments: amounts)
    func readsAmountKindAndYears(_ c: AmountCase) {
        let schedule = ScheduleParser.parse("2018-2019")
        #expect(CostParser.parse(c.text, schedule: schedule).parts == [c.part])
    }

    struct PhaseCase: Sendable, CustomTestStringConvertible {
        let text: String
        let schedule: String
        let planPeriod: YearSpan?
        let parts: [CostPart]
        let why: String
        var testDescription: String { why }
    }

    static let surfzon = "Kostnaden för fri surfzon i Mölndals nya centrum uppskattas till 300 tkr i engångskostnad och därefter 100 tkr/år."
    static let surfzonSchedule = "2017 – utredning, 2018 – inrätta en fri surfzon i Mölndals centrum"

    /// One-time amounts go to the phase they name (or the last); what comes "därefter" starts the year after.
    static let phases: [PhaseCase] = [
        PhaseCase(
            text: surfzon, schedule: surfzonSchedule, planPeriod: YearSpan(start: 2017, end: 2019),
            parts: [
                CostPart(kind: .oneTime, amount: 300_000, approximate: true, years: [2018], yearsDerived: true, source: "300 tkr i engångskostnad"),
                CostPart(kind: .recurring, amount: 100_000, approximate: true, years: [2019], yearsDerived: true, source: "100 tkr/år"),
            ],
            why: "Mölndal 1.5: the surfzon phase 2018, then 2019 to the plan's end"),
        PhaseCase(
            text: surfzon, schedule: surfzonSchedule, planPeriod: YearSpan(start: 2017, end: 2021),
            parts: [
                CostPart(kind: .oneTime, amount: 300_000, approximate: true, years: [2018], yearsDerived: true, source: "300 tkr i engångskostnad"),
                CostPart(kind: .recurring, amount: 100_000, approximate: true, years: [2019, 2020, 2021], yearsDerived: true, source: "100 tkr/år"),
            ],
            why: "a longer plan: the yearly cost runs to its end"),
        PhaseCase(
            // Neither the tidsplan nor a plan reaches past 2018: the yearly cost is open-ended, given its first year.
            text: surfzon, schedule: surfzonSchedule, planPeriod: nil,
            parts: [
                CostPart(kind: .oneTime, amount: 300_000, approximate: true, years: [2018], yearsDerived: true, source: "300 tkr i engångskostnad"),
                CostPart(kind: .recurring, amount: 100_000, approximate: true, years: [2019], yearsDerived: true, source: "100 tkr/år"),
            ],
            why: "no plan period: the yearly cost starts the year after, open-ended"),
        PhaseCase(
            text: "Utredningen beräknas kosta 200 tkr.", schedule: "Utredning 2017. Införande 2018.", planPeriod: nil,
            parts: [CostPart(kind: .oneTime, amount: 200_000, approximate: true, years: [2017], yearsDerived: true, source: "200 tkr")],
            why: "the cost names the first phase"),
        PhaseCase(
            text: "500 tkr", schedule: "2017 – förstudie, 2018-2019 – införande", planPeriod: nil,
            parts: [CostPart(kind: .oneTime, amount: 500_000, years: [2018], yearsDerived: true, source: "500 tkr")],
            why: "no phase named: the last phase's first year"),
        PhaseCase(
            text: "150 tkr i investering för upphandlingen av utrustning", schedule: "2018 – upphandling, 2019 – drift", planPeriod: nil,
            parts: [CostPart(kind: .investment, amount: 150_000, years: [2018], yearsDerived: true, source: "150 tkr i investering")],
            why: "an investment goes to the phase it names too"),
        PhaseCase(
            text: "300 tkr i engångskostnad för införandet och därefter 100 tkr/år",
            schedule: "2018-2019 – införande, 2020 – förvaltning", planPeriod: YearSpan(start: 2018, end: 2021),
            parts: [
                CostPart(kind: .oneTime, amount: 300_000, years: [2018], yearsDerived: true, source: "300 tkr i engångskostnad"),
                CostPart(kind: .recurring, amount: 100_000, years: [2020, 2021], yearsDerived: true, source: "100 tkr/år"),
            ],
            why: "a phase of two years: därefter starts after its last year"),
        PhaseCase(
            text: "200 tkr under 2018 och därefter 50 tkr/år", schedule: "2018-2020", planPeriod: nil,
            parts: [
                CostPart(kind: .oneTime, amount: 200_000, years: [2018], source: "200 tkr under 2018"),
                CostPart(kind: .recurring, amount: 50_000, years: [2019, 2020], yearsDerived: true, source: "50 tkr/år"),
            ],
            why: "a stated year without phases: därefter starts the year after it"),
        PhaseCase(
            text: "Inrättandet kostar 300 tkr i engångskostnad och 100 tkr/år.", schedule: surfzonSchedule, planPeriod: YearSpan(start: 2017, end: 2019),
            parts: [
                CostPart(kind: .oneTime, amount: 300_000, years: [2018], yearsDerived: true, source: "300 tkr i engångskostnad"),
                CostPart(kind: .recurring, amount: 100_000, years: [2017, 2018], yearsDerived: true, source: "100 tkr/år"),
            ],
            why: "without därefter a yearly cost keeps the tidsplan's years"),
        PhaseCase(
            text: "300 tkr i engångskostnad och därefter 100 tkr/år (2020-2021)", schedule: surfzonSchedule, planPeriod: YearSpan(start: 2017, end: 2019),
            parts: [
                CostPart(kind: .oneTime, amount: 300_000, years: [2018], yearsDerived: true, source: "300 tkr i engångskostnad"),
                CostPart(kind: .recurring, amount: 100_000, years: [2020, 2021], source: "100 tkr/år (2020-2021)"),
            ],
            why: "years stated with the yearly cost are kept"),
        PhaseCase(
            text: "300 tkr i engångskostnad 2017", schedule: surfzonSchedule, planPeriod: nil,
            parts: [CostPart(kind: .oneTime, amount: 300_000, years: [2017], source: "300 tkr i engångskostnad 2017")],
            why: "a stated year beats the phases"),
    ]

    @Test(arguments: phases)
    func placesCostsInTheTidsplansPhases(_ c: PhaseCase) {
        #expect(CostParser.parse(c.text, schedule: ScheduleParser.parse(c.schedule), planPeriod: c.planPeriod).parts == c.parts)
    }

    @Test func recurringAmountWithoutYearsStaysWithoutYearsWhenScheduleIsUnknown() {
        let parts = CostParser.parse("200 tkr/år", schedule: ScheduleParser.parse(nil)).parts
        #expect(parts == [CostPart(kind: .recurring, amount: 200_000, source: "200 tkr/år")])
    }

    @Test func separatesOneTimeAndInvestmentFromLaterRecurringCost() {
        let parts = CostParser.parse("Investering 150 tkr samt driftkostnad 20 tkr per år.", schedule: ScheduleParser.parse("2018"))
            .parts
        #expect(parts.map(\.kind) == [.investment, .recurring])
        #expect(parts.map(\.amount) == [150_000, 20_000])
    }

    @Test(arguments: [
        ("Inom befintliga budgetramar", true),
        ("Ryms inom ordinarie ram.", true),
        ("Inom förvaltningens budget", true),
        ("Finansieras inom ramen för EU-projektet", false),
        ("200 tkr", false),
    ])
    func tellsWhetherCostIsWithinExistingBudget(_ text: String, _ within: Bool) {
        #expect(CostParser.parse(text, schedule: Schedule()).withinExistingBudget == within)
    }

    @Test(arguments: [nil, "", "  "] as [String?])
    func missingCostIsUnknown(_ text: String?) {
        #expect(CostParser.parse(text, schedule: ScheduleParser.parse("2018")) == Cost())
    }

    @Test(arguments: [
        ("Finansieras med EU-medel", ["EU-medel"]),
        ("Projektet delfinansieras av Tillväxtverket och Vinnova", ["Tillväxtverket", "Vinnova"]),
        ("Bidrag söks från Post- och telestyrelsen (PTS)", ["Post- och telestyrelsen"]),
        ("Finansieras med externa medel", ["externa medel"]),
        ("Riktade statsbidrag täcker kostnaden", ["statsbidrag"]),
        ("Bidrag erhålls från Skolverket", ["Skolverket"]),
        ("Eventuella kommunala bidrag beslutas av Kf", []),
    ])
    func namesExternalFunding(_ text: String, _ funding: [String]) {
        #expect(CostParser.parse(text, schedule: Schedule()).externalFunding == funding)
    }

    @Test(arguments: [
        ("eSamordnare motsvarande 30% av helårstjänst", "eSamordnare", 0.3, "eSamordnare motsvarande 30% av helårstjänst"),
        ("Inom befintliga ramar, 0,5 årsarbetare", "", 0.5, "0,5 årsarbetare"),
        ("50 % tjänst", "", 0.5, "50 % tjänst"),
        ("två heltidstjänster som utvecklare", "utvecklare", 2.0, "två heltidstjänster som utvecklare"),
    ])
    func readsStaffResources(_ text: String, _ role: String, _ fte: Double, _ source: String) {
        let staff = CostParser.parse(text, schedule: Schedule()).staff
        #expect(staff == [StaffResource(role: role, fullTimeEquivalent: fte, source: source)])
    }
}
