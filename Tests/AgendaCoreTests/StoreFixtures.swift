import Foundation
@testable import AgendaCore

/// A small plan built in code: two focus areas, a sub-area that only refers to another, actions with
/// steps, co-responsible units, phases, cost parts (approximate, derived years), staff and other fields.
enum StoreFixtures {
    static let slf = "Stadsledningsförvaltningen"
    static let skf = "Social- och kulturförvaltningen"
    static let itAvdelningen = "IT-avdelningen"

    static var agenda: Agenda {
        Agenda(
            title: "Handlingsplan - Digital agenda för Mölndals stad",
            organisation: "Mölndals stad",
            period: YearSpan(start: 2017, end: 2019),
            decidedBy: "Stadsdirektören",
            owner: "IT-chef",
            description: "Den digitala agendan beskriver …\n\nAndra stycket.",
            areas: [
                FocusArea(number: 1, title: "Extern service", description: "Invånare och företag."),
                FocusArea(number: 2, title: "Intern effektivitet"),
            ],
            subAreas: [
                SubArea(code: "1.1", areaNumber: 1, title: "Mina sidor"),
                SubArea(code: "1.2", areaNumber: 1, title: "E-tjänster", description: "Fler e-tjänster."),
                SubArea(code: "2.1", areaNumber: 2, title: "E-tjänster internt", reference: "1.2"),
            ],
            actions: [
                Action(
                    code: "1.1", areaNumber: 1, subAreaCode: "1.1", title: "Mina sidor",
                    background: "Invånare vill se sina ärenden.",
                    plan: PlanText(
                        text: "1. Utred behovet.\n2. Inför Mina sidor.",
                        steps: [PlanStep(number: 1, text: "Utred behovet."), PlanStep(number: 2, text: "Inför Mina sidor.")]),
                    responsibility: Responsibility(
                        text: "Stadsledningsförvaltningen, IT-avdelningen tillsammans med Social- och kulturförvaltningen.",
                        lead: UnitRef(department: slf, unit: itAvdelningen),
                        coResponsible: [UnitRef(department: skf)]),
                    schedule: Schedule(
                        text: "2017 – utredning, 2018 – införande", startYear: 2017, endYear: 2018,
                        phases: [
                            SchedulePhase(startYear: 2017, endYear: 2017, label: "utredning"),
                            SchedulePhase(startYear: 2018, endYear: 2018, label: "införande"),
                        ]),
                    cost: Cost(
                        text: "Ca 4,4 mnkr i investering samt 300 tkr/år. eSamordnare motsvarande 30% av helårstjänst.",
                        parts: [
                            CostPart(kind: .investment, amount: 4_400_000, approximate: true, source: "Ca 4,4 mnkr i investering"),
                            CostPart(kind: .recurring, amount: 300_000, years: [2018, 2019], yearsDerived: true, source: "300 tkr/år"),
                        ],
                        externalFunding: ["Vinnova"],
                        staff: [StaffResource(role: "eSamordnare", fullTimeEquivalent: 0.3, source: "eSamordnare motsvarande 30% av helårstjänst")]),
                    effectGoals: ["Fler ärenden digitalt", "Nöjdare invånare"],
                    otherFields: [LabeledText(label: "Kommunens roll", text: "Utförare")]),
                Action(
                    code: "1.2", areaNumber: 1, subAreaCode: "1.2", title: "E-tjänster",
                    plan: PlanText(text: "Inför e-tjänster."),
                    responsibility: Responsibility(
                        text: "Social- och kulturförvaltningen samt eventuella berörda verksamheter",
                        lead: UnitRef(department: skf), notes: ["samt eventuella berörda verksamheter"], unsure: ["berörda"]),
                    schedule: Schedule(
                        text: "Från höstterminen 2016", startYear: 2016, endYear: 2017,
                        terms: [SchoolTerm(season: .autumn, year: 2016)]),
                    cost: Cost(text: "Inom befintliga budgetramar.", withinExistingBudget: true, decisionPending: true)),
                Action(
                    code: "2", areaNumber: 2, title: "Intern effektivitet",
                    responsibility: Responsibility(text: "SLF", lead: UnitRef(department: slf)),
                    schedule: Schedule(text: "2019", startYear: 2019)),
            ],
            departments: [
                Department(name: slf, aliases: ["SLF", "Stadsledningsförvaltning"], units: [itAvdelningen, "Kommunikationsenheten"]),
                Department(name: skf, aliases: ["SKF"]),
            ])
    }

    /// A fresh database file in the temporary directory.
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("agenda-\(UUID().uuidString).sqlite").path
    }

    static func newStore() throws -> AgendaStore {
        try AgendaStore(path: temporaryPath())
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// The fixture imported, then 1.1 revised, 1.2 withdrawn, 1.3 added.
    static func storeWithHistory(at path: String = temporaryPath()) throws -> AgendaStore {
        let store = try AgendaStore(path: path)
        try store.importAgenda(agenda, decision: Decision(reference: "Stadsdirektören 2016-12-01"))
        try store.reviseAction(code: "1.1", decision: Decision(reference: "IT-rådet 2018-03-14 §5", date: date("2018-03-14"))) {
            $0.schedule = Schedule(text: "2017 – 2019", startYear: 2017, endYear: 2019)
            $0.responsibility.coResponsible = []
        }
        try store.withdrawAction(code: "1.2", decision: Decision(reference: "IT-rådet 2018-06-01 §2", date: date("2018-06-01"), note: "Ersätts av 1.3"))
        try store.addAction(
            Action(code: "1.3", areaNumber: 1, subAreaCode: "1.2", title: "Nya e-tjänster",
                   responsibility: Responsibility(text: "SKF", lead: UnitRef(department: skf)),
                   schedule: Schedule(text: "2019", startYear: 2019)),
            decision: Decision(reference: "IT-rådet 2018-06-01 §3", date: date("2018-06-01")))
        return store
    }

    static func count(_ table: String, in store: AgendaStore) throws -> Int {
        // Table names come from the tests themselves, never from user input.
        try store.db.first("SELECT count(*) FROM \(table)", []) { $0.int(0) } ?? -1
    }

    static let tables = ["agenda", "focus_area", "sub_area", "department", "unit", "department_alias",
                         "revision", "action", "action_version", "action_version_unit"]
}
