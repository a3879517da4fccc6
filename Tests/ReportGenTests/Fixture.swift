@testable import AgendaCore
import Foundation
@testable import ReportGen

/// A realistic plan built in code, modelled on Mölndal's digital agenda 2017–2019, with one hostile title.
enum Fixture {
    static let hostileTitle = "</td><script>alert(1)</script> ]]> & \"x\"\u{0001}"
    static let hostileTitleClean = "</td><script>alert(1)</script> ]]> & \"x\""

    static let slfIT = UnitRef(department: "Stadsledningsförvaltningen", unit: "IT-avdelningen")
    static let slfKom = UnitRef(department: "Stadsledningsförvaltningen", unit: "Kommunikations- och kanslienheten")
    static let vof = UnitRef(department: "Vård- och omsorgsförvaltningen")
    static let utb = UnitRef(department: "Utbildningsförvaltningen")
    static let sbf = UnitRef(department: "Stadsbyggnadsförvaltningen")

    static func schedule(_ text: String, _ start: Int, _ end: Int, phases: [SchedulePhase] = []) -> Schedule {
        Schedule(text: text, startYear: start, endYear: end, phases: phases)
    }

    static var agenda: Agenda {
        Agenda(
            title: "Handlingsplan - Digital agenda för Mölndals stad",
            organisation: "Mölndals stad",
            period: YearSpan(start: 2017, end: 2019),
            decidedBy: "Stadsdirektören",
            owner: "IT-chef",
            areas: [
                FocusArea(number: 1, title: "Extern service"),
                FocusArea(number: 3, title: "Informationssäkerhet"),
                FocusArea(number: 5, title: "E-hälsa"),
                FocusArea(number: 6, title: "Utbildning"),
            ],
            subAreas: [],
            actions: [
                Action(code: "1.1", areaNumber: 1, subAreaCode: "1.1", title: "Digitala kanaler",
                       plan: PlanText(text: "Ta fram förslag till vilka digitala kanaler som officiellt ska erbjudas och underhållas för kommunikation med medborgare, besökare och företag i staden."),
                       responsibility: Responsibility(text: "Stadsledningsförvaltningen, kommunikationsenheten", lead: slfKom),
                       schedule: schedule("2017", 2017, 2017),
                       cost: Cost(text: "Inom befintliga budgetramar", withinExistingBudget: true),
                       effectGoals: ["Ökad service genom att möjliggöra för medborgarna att i högre utsträckning använda de digitala kanaler som staden tillhandahåller."]),
                Action(code: "1.2", areaNumber: 1, subAreaCode: "1.2", title: "E-tjänster",
                       plan: PlanText(text: "1. Utred tillsammans med berörda förvaltningar vilka e-tjänster som är lämpliga att utveckla och ta fram ett förslag till plan som ska godkännas av centrala IT-rådet.\n2. När en funktion finns som e-tjänst via hemsidan så ska de digitala blanketterna plockas bort. Undantag ska godkännas av centrala IT-rådet.\n3. Uppföljning om användandet av e-tjänsterna ska ske kontinuerligt av respektive förvaltning.",
                                      steps: [PlanStep(number: 1, text: "Utred …"), PlanStep(number: 2, text: "När …"), PlanStep(number: 3, text: "Uppföljning …")]),
                       responsibility: Responsibility(text: "Stadsledningsförvaltningen, IT-avdelningen tillsammans med kommunikations- och kanslienheten.", lead: slfIT, coResponsible: [slfKom]),
                       schedule: schedule("2017 - 2019", 2017, 2019),
                       cost: Cost(text: "200 tkr/år", parts: [CostPart(kind: .recurring, amount: 200_000, years: [2017, 2018, 2019], yearsDerived: true, source: "200 tkr/år")]),
                       effectGoals: ["Bättre service med kortare handläggningstider mot medborgarna.", "Ökad effektivitet och bättre utnyttjande av stadens resurser."]),
                Action(code: "1.3", areaNumber: 1, subAreaCode: "1.3", title: "Appar",
                       plan: PlanText(text: "Genomför en behovs- och omvärldsanalys samt utred förutsättningarna och ta fram förslag för införande av samlingsapp i Mölndals stad."),
                       responsibility: Responsibility(text: "Stadsledningsförvaltningen, IT-avdelningen tillsammans med kommunikations- och kanslienheten.", lead: slfIT, coResponsible: [slfKom]),
                       schedule: schedule("2017", 2017, 2017),
                       cost: Cost(text: "Inom befintliga budgetramar för utredningsarbetet. Kostnader för framtaget förslag presenteras för beslut efter utredningen.", withinExistingBudget: true, decisionPending: true),
                       effectGoals: ["Bättre service mot medborgarna.", "Möjlighet att förmedla riktad information."]),
                Action(code: "1.5", areaNumber: 1, subAreaCode: "1.5", title: "Fria surfzoner",
                       plan: PlanText(text: "Utred möjligheten att inrätta fria surfzoner i Mölndals centrum."),
                       responsibility: Responsibility(text: "Stadsledningsförvaltningen, IT-avdelningen", lead: slfIT),
                       schedule: schedule("2017 – utredning, 2018 – inrätta en fri surfzon i Mölndals centrum", 2017, 2018,
                                          phases: [SchedulePhase(startYear: 2017, endYear: 2017, label: "utredning"), SchedulePhase(startYear: 2018, endYear: 2018, label: "inrätta en fri surfzon i Mölndals centrum")]),
                       cost: Cost(text: "Investering 150 tkr, därefter 30 tkr/år", parts: [
                           CostPart(kind: .investment, amount: 150_000, years: [2018], source: "Investering 150 tkr"),
                           CostPart(kind: .recurring, amount: 30_000, years: [2018, 2019], source: "30 tkr/år"),
                       ]),
                       effectGoals: ["Fler besökare i centrum."]),
                Action(code: "1.7", areaNumber: 1, subAreaCode: "1.7", title: hostileTitle,
                       plan: PlanText(text: "Utred ett gemensamt kundcenter. Förslaget presenteras för centrala IT-rådet för godkännande."),
                       responsibility: Responsibility(text: "Stadsledningsförvaltningen", lead: UnitRef(department: "Stadsledningsförvaltningen")),
                       schedule: schedule("2018 - 2019", 2018, 2019),
                       cost: Cost(text: "ca 4,4 mnkr", parts: [CostPart(kind: .oneTime, amount: 4_400_000, approximate: true, years: [2018], yearsDerived: true, source: "ca 4,4 mnkr")]),
                       effectGoals: ["En väg in för medborgarna: <enkel> & snabb"]),
                Action(code: "3.1", areaNumber: 3, subAreaCode: "3.1", title: "Styrdokument",
                       plan: PlanText(text: "Revidera stadens styrdokument för informationssäkerhet."),
                       responsibility: Responsibility(text: "Stadsledningsförvaltningen, IT-avdelningen", lead: slfIT),
                       schedule: schedule("2017", 2017, 2017),
                       cost: Cost(text: "Inom befintliga budgetramar", withinExistingBudget: true),
                       effectGoals: ["Ökad informationssäkerhet."]),
                Action(code: "3.2", areaNumber: 3, subAreaCode: "3.2", title: "EU:s dataskyddsförordning",
                       plan: PlanText(text: "Förbered staden för dataskyddsförordningen (GDPR) som gäller från maj 2018."),
                       responsibility: Responsibility(text: "Stadsledningsförvaltningen tillsammans med samtliga förvaltningar", lead: UnitRef(department: "Stadsledningsförvaltningen"), coResponsible: [vof, utb, sbf]),
                       schedule: schedule("2017 - 2018", 2017, 2018),
                       cost: Cost(text: "ca 500 tkr", parts: [CostPart(kind: .oneTime, amount: 500_000, approximate: true, years: [2017], source: "ca 500 tkr")]),
                       effectGoals: ["Staden uppfyller dataskyddsförordningens krav."]),
                Action(code: "5.1", areaNumber: 5, subAreaCode: "5.1", title: "Välfärdstjänster i samverkan",
                       plan: PlanText(text: "Delta i det regionala samarbetet kring välfärdstjänster."),
                       responsibility: Responsibility(text: "Vård- och omsorgsförvaltningen", lead: vof),
                       schedule: schedule("2017 - 2019", 2017, 2019),
                       cost: Cost(text: "Finansieras med statsbidrag", externalFunding: ["statsbidrag"]),
                       effectGoals: ["Trygg och säker vård i hemmet."]),
                Action(code: "5.5", areaNumber: 5, subAreaCode: "5.5", title: "Datoriserade läkemedelsdispenser",
                       plan: PlanText(text: "Inför datoriserade läkemedelsdispenser för brukare med hemtjänst."),
                       responsibility: Responsibility(text: "Vård- och omsorgsförvaltningen", lead: vof),
                       schedule: schedule("2018", 2018, 2018),
                       cost: Cost(text: "Investering 300 tkr. Bidrag från Vinnova söks.", parts: [CostPart(kind: .investment, amount: 300_000, years: [2018], source: "Investering 300 tkr")], externalFunding: ["Vinnova"]),
                       effectGoals: ["Färre felmedicineringar."]),
                Action(code: "5.6", areaNumber: 5, subAreaCode: "5.6", title: "Mobila GPS-larm",
                       plan: PlanText(text: "Erbjud mobila GPS-larm till personer med demenssjukdom."),
                       responsibility: Responsibility(text: "Vård- och omsorgsförvaltningen", lead: vof),
                       schedule: schedule("2019", 2019, 2019),
                       cost: Cost(text: "1 234 tkr", parts: [CostPart(kind: .oneTime, amount: 1_234_000, years: [2019], source: "1 234 tkr")]),
                       effectGoals: ["Ökad självständighet för brukaren."]),
                Action(code: "6.2", areaNumber: 6, subAreaCode: "6.2", title: "Ökad datortäthet",
                       plan: PlanText(text: "En dator per elev i årskurs 7–9 och gymnasiet."),
                       responsibility: Responsibility(text: "Utbildningsförvaltningen", lead: utb),
                       schedule: schedule("höstterminen 2017 – 2019", 2017, 2019),
                       cost: Cost(text: "2,5 mnkr per år", parts: [CostPart(kind: .recurring, amount: 2_500_000, years: [2017, 2018, 2019], source: "2,5 mnkr per år")],
                                  staff: [StaffResource(role: "eSamordnare", fullTimeEquivalent: 0.3, source: "eSamordnare motsvarande 30% av helårstjänst")]),
                       effectGoals: ["Högre måluppfyllelse.", "Likvärdig tillgång till digitala verktyg."]),
                Action(code: "6.5", areaNumber: 6, subAreaCode: "6.5", title: "Eduroam",
                       plan: PlanText(text: "Inför Eduroam på stadens skolor."),
                       responsibility: Responsibility(text: "Utbildningsförvaltningen tillsammans med IT-avdelningen", lead: utb, coResponsible: [slfIT]),
                       schedule: Schedule(text: nil),
                       cost: Cost(text: nil),
                       effectGoals: []),
            ],
            departments: [
                Department(name: "Stadsledningsförvaltningen", aliases: ["SLF"], units: ["IT-avdelningen", "Kommunikations- och kanslienheten"]),
                Department(name: "Vård- och omsorgsförvaltningen", aliases: ["VOF"]),
                Department(name: "Utbildningsförvaltningen"),
                Department(name: "Stadsbyggnadsförvaltningen"),
            ]
        )
    }

    static var period: Period { try! Period(parsing: "2018Q2") }

    /// Nothing reported yet: every action is missing for its lead förvaltning, as the store answers.
    static var missing: [MissingReports] {
        [
            MissingReports(department: "Stadsledningsförvaltningen", actions: ["1.1", "1.2", "1.3", "1.5", "1.7", "3.1", "3.2"]),
            MissingReports(department: "Vård- och omsorgsförvaltningen", actions: ["5.1", "5.5", "5.6"]),
            MissingReports(department: "Utbildningsförvaltningen", actions: ["6.2", "6.5"]),
        ]
    }

    static var model: ReportModel { ReportBuilder.build(agenda: agenda, period: period, missing: missing) }

    static var laterPeriod: Period { try! Period(parsing: "2018T3") }

    /// Statuses as förvaltningar might report them for 2018T3, and the previous tertial's.
    static var modelWithStatus: ReportModel {
        let on = CalendarDate(year: 2018, month: 12, day: 14)
        let before = CalendarDate(year: 2018, month: 8, day: 20)
        let statuses: [String: ReportedStatus] = [
            "1.1": ReportedStatus(label: .done, light: .green, comment: "Beslut om kanaler fattat i IT-rådet 2018-03-14 §5.", reporter: "Kommunikationsenheten, Eva Lind", reportedOn: on),
            "1.2": ReportedStatus(label: .started, light: .yellow, comment: "Sju e-tjänster i drift.\nPlan för 2019 klar.", obstacles: "Brist på resurser hos förvaltningarna.", nextSteps: "Prioritera bygglovstjänsten.", actualCost: 180_000, reporter: "IT-avdelningen, Per Ek", reportedOn: on),
            "1.3": ReportedStatus(label: .almostDone, light: .yellow, comment: "Förslag lämnas till IT-rådet i januari.", reporter: "IT-avdelningen, Per Ek", reportedOn: on),
            "1.5": ReportedStatus(label: .notStarted, light: .red, comment: "Upphandlingen överprövad.", obstacles: "Överprövning i förvaltningsrätten.", reporter: "IT-avdelningen, Per Ek", reportedOn: on),
            hostileCode: ReportedStatus(label: .planned, comment: hostileTitle, reporter: "<b>SLF</b>", reportedOn: on),
            "3.1": ReportedStatus(label: .done, reporter: "IT-avdelningen, Per Ek", reportedOn: before, carriedOver: true),
            "5.1": ReportedStatus(label: .dormant, light: .yellow, comment: "Väntar på regionens beslut.", reporter: "Vård- och omsorgsförvaltningen", reportedOn: on),
            "5.6": ReportedStatus(label: .cancelled, comment: "Ersätts av regional lösning.", reporter: "Vård- och omsorgsförvaltningen", reportedOn: on),
            "6.2": ReportedStatus(label: .started, light: .green, actualCost: 2_350_000, reporter: "Utbildningsförvaltningen", reportedOn: on),
        ]
        let previous: [String: ReportedStatus] = [
            "1.1": ReportedStatus(label: .almostDone, reporter: "Kommunikationsenheten", reportedOn: before),
            "1.2": ReportedStatus(label: .started, reporter: "IT-avdelningen", reportedOn: before),
            "1.3": ReportedStatus(label: .started, reporter: "IT-avdelningen", reportedOn: before),
        ]
        // What the store would answer: no report for 3.2, 5.5 and 6.5 (3.1's carried-over Klar needs none).
        let missing = [
            MissingReports(department: "Stadsledningsförvaltningen", actions: ["3.2"]),
            MissingReports(department: "Vård- och omsorgsförvaltningen", actions: ["5.5"]),
            MissingReports(department: "Utbildningsförvaltningen", actions: ["6.5"]),
        ]
        return ReportBuilder.build(
            agenda: agenda, period: laterPeriod, statuses: statuses, previousStatuses: previous, missing: missing,
            generatedAt: CalendarDate(year: 2019, month: 1, day: 10))
    }

    static let hostileCode = "1.7"
}
