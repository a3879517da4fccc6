import Foundation
import Testing
@testable import AgendaCore

@Suite struct StoreTests {
    typealias F = StoreFixtures

    @Test func importedAgendaReadsBackEqual() throws {
        let store = try F.newStore()
        #expect(try !store.hasAgenda())
        try store.importAgenda(F.agenda)
        #expect(try store.hasAgenda())
        #expect(try store.agenda() == F.agenda)
    }

    @Test func actionsComeBackGroupedByAreaInImportOrder() throws {
        var agenda = F.agenda
        agenda.actions = [agenda.actions[2], agenda.actions[1], agenda.actions[0]]
        let store = try F.newStore()
        try store.importAgenda(agenda)
        #expect(try store.agenda().actions.map(\.code) == ["1.2", "1.1", "2"])
    }

    @Test(arguments: [0.3, 0.1 + 0.2, 1.0 / 3.0, 0.000_000_1, 12.5])
    func fullTimeEquivalentsSurviveStoreAndJSONExactly(fte: Double) throws {
        var agenda = F.agenda
        agenda.actions[0].cost.staff = [StaffResource(role: "Samordnare", fullTimeEquivalent: fte, source: "del av tjänst")]
        let store = try F.newStore()
        try store.importAgenda(agenda)
        #expect(try store.action(code: "1.1")?.cost.staff.first?.fullTimeEquivalent == fte)
        let decoded = try AgendaJSON.decode(try AgendaJSON.encode(try store.exportDocument()))
        #expect(decoded.actions[0].current.action.cost.staff.first?.fullTimeEquivalent == fte)
    }

    @Test func importRecordsRevisionOneDatedWhenThePlanTakesEffect() throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda, decision: Decision(reference: "KS 2016-12-01 §7"))
        #expect(try store.revisions() == [Revision(number: 1, date: F.date("2017-01-01"), reference: "KS 2016-12-01 §7")])
    }

    @Test func planWithoutDateIsValidFromTheStart() throws {
        var agenda = F.agenda
        agenda.period = nil
        let store = try F.newStore()
        try store.importAgenda(agenda)
        #expect(try store.revisions().first?.date == nil)
        #expect(try store.agenda(asOf: F.date("1999-01-01")).actions.count == 3)
    }

    @Test func secondImportIsRefusedAndChangesNothing() throws {
        let store = try F.storeWithHistory()
        let before = try store.exportDocument()
        var other = F.agenda
        other.title = "En annan plan"
        #expect(throws: StoreError.alreadyExists(.agenda(title: "Handlingsplan - Digital agenda för Mölndals stad"))) { try store.importAgenda(other) }
        #expect(try store.exportDocument() == before)
    }

    @Test func failureInTheMiddleOfAnImportLeavesNoRows() throws {
        let store = try F.newStore()
        // Fails the third version insert, after the agenda, areas, register and two actions are written.
        try store.db.execute("""
            CREATE TEMP TRIGGER fail_third_version BEFORE INSERT ON main.action_version
            WHEN (SELECT count(*) FROM main.action_version) >= 2
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END
            """)
        #expect(throws: StoreError.self) { try store.importAgenda(F.agenda) }
        for table in F.tables {
            #expect(try F.count(table, in: store) == 0, "table \(table)")
        }
        try store.db.execute("DROP TRIGGER temp.fail_third_version")
        try store.importAgenda(F.agenda)
        #expect(try store.agenda() == F.agenda)
    }

    @Test func inconsistentPlanIsRefusedWithAClearMessage() throws {
        var agenda = F.agenda
        agenda.actions[2].areaNumber = 7
        let store = try F.newStore()
        #expect(throws: StoreError.invalidInput(.area, .actionWithoutArea(action: "2", area: 7))) {
            try store.importAgenda(agenda)
        }
        #expect(try !store.hasAgenda())
    }

    @Test func importRegistersUnitsTheRegisterLacks() throws {
        var agenda = F.agenda
        agenda.actions[2].responsibility.coResponsible = [UnitRef(department: "Miljöförvaltningen", unit: "Miljöenheten")]
        let store = try F.newStore()
        try store.importAgenda(agenda)
        #expect(try store.departments().last == Department(name: "Miljöförvaltningen", units: ["Miljöenheten"]))
        #expect(try store.action(code: "2") == agenda.actions[2])
    }

    @Test func revisingAppendsAVersionAndKeepsTheOld() throws {
        let store = try F.storeWithHistory()
        let current = try #require(try store.action(code: "1.1"))
        #expect(current.schedule.endYear == 2019)
        #expect(current.responsibility.coResponsible.isEmpty)
        let history = try store.history(code: "1.1")
        #expect(history.map(\.revision) == [1, 2])
        #expect(history[0].action == F.agenda.actions[0])
        #expect(history[1].validFrom == F.date("2018-03-14"))
        #expect(try store.revisions().map(\.reference) == [
            "Stadsdirektören 2016-12-01", "IT-rådet 2018-03-14 §5", "IT-rådet 2018-06-01 §2", "IT-rådet 2018-06-01 §3",
        ])
    }

    @Test func planAsOfADateBeforeAnEditShowsTheOldVersion() throws {
        let store = try F.storeWithHistory()
        let before = try store.agenda(asOf: F.date("2018-03-13"))
        #expect(before == F.agenda)
        let onTheDay = try store.agenda(asOf: F.date("2018-03-14"))
        #expect(onTheDay.action(code: "1.1")?.schedule.endYear == 2019)
        #expect(onTheDay.action(code: "1.2")?.state == .active)
        #expect(onTheDay.action(code: "1.3") == nil)
        #expect(try store.agenda(asOf: F.date("2016-12-31")).actions.isEmpty)
    }

    @Test func sameDayRevisionsAreOrderedByRevisionNumber() throws {
        let store = try F.storeWithHistory()
        try store.reviseAction(code: "1.1", decision: Decision(date: F.date("2018-03-14"))) { $0.title = "Mina sidor 2.0" }
        #expect(try store.action(code: "1.1", asOf: F.date("2018-03-14"))?.title == "Mina sidor 2.0")
    }

    @Test func withdrawnActionStaysInThePlanMarkedWithdrawn() throws {
        let store = try F.storeWithHistory()
        let agenda = try store.agenda()
        #expect(agenda.actions.map(\.code) == ["1.1", "1.2", "1.3", "2"])
        #expect(agenda.action(code: "1.2")?.state == .withdrawn)
        #expect(try store.actions(matching: ActionFilter()).map(\.code) == ["1.1", "1.3", "2"])
        #expect(try store.actions(matching: ActionFilter(includeWithdrawn: true)).count == 4)
    }

    @Test func withdrawingTwiceIsRefused() throws {
        let store = try F.storeWithHistory()
        #expect(throws: StoreError.withdrawn(code: "1.2", .withdrawal(revision: 3))) {
            try store.withdrawAction(code: "1.2", decision: Decision(date: F.date("2018-07-01")))
        }
        #expect(try store.revisions().count == 4)
    }

    @Test func closingKeepsTheActionAndRefusesASecondClose() throws {
        let store = try F.storeWithHistory()
        try store.closeAction(code: "2", decision: Decision(date: F.date("2019-12-31")))
        #expect(try store.action(code: "2")?.state == .closed)
        #expect(throws: StoreError.self) { try store.closeAction(code: "2", decision: Decision(date: F.date("2020-01-01"))) }
    }

    @Test func revisingAnUnknownCodeIsRefused() throws {
        let store = try F.storeWithHistory()
        #expect(throws: StoreError.notFound(.action("9.9"))) {
            try store.reviseAction(code: "9.9", decision: Decision(date: F.date("2018-01-01"))) { $0.title = "x" }
        }
    }

    @Test func refusedRevisionsRecordNothing() throws {
        let store = try F.storeWithHistory()
        let before = try store.exportDocument()
        let decision = Decision(date: F.date("2018-09-01"))
        #expect(throws: StoreError.self) { try store.reviseAction(code: "1.1", decision: decision) { $0.code = "1.9" } }
        #expect(throws: StoreError.self) { try store.reviseAction(code: "1.1", decision: decision) { _ in } }
        #expect(throws: StoreError.self) { try store.reviseAction(code: "1.1", decision: Decision()) { $0.title = "x" } }
        #expect(throws: StoreError.self) {
            try store.reviseAction(code: "1.1", decision: decision) { $0.responsibility.lead = UnitRef(department: "Okänd") }
        }
        #expect(throws: StoreError.self) {
            try store.addAction(Action(code: "1.1", areaNumber: 1, title: "Dubblett"), decision: decision)
        }
        #expect(throws: StoreError.self) {
            try store.addAction(Action(code: "3.1", areaNumber: 3, title: "Utan område"), decision: decision)
        }
        #expect(try store.exportDocument() == before)
    }

    @Test func changeDatedBeforeTheCurrentVersionIsRefused() throws {
        let store = try F.storeWithHistory()
        #expect(throws: StoreError.invalidInput(.date, .dateBeforeVersion(action: "1.1", since: F.date("2018-03-14"), revision: 2))) {
            try store.reviseAction(code: "1.1", decision: Decision(date: F.date("2018-03-13"))) { $0.title = "För tidigt" }
        }
        #expect(try store.revisions().count == 4)
    }

    @Test func decisionWithoutDateTakesTheDateTheCallerGives() {
        let decision = Decision(reference: "IT-rådet §5").dated(defaultingTo: F.date("2026-11-23"))
        #expect(decision.date == F.date("2026-11-23"))
        #expect(Decision(date: F.date("2018-01-01")).dated(defaultingTo: F.date("2026-11-23")).date == F.date("2018-01-01"))
    }

    @Test func departmentFilterMatchesAliasesLeadAndCoResponsible() throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda)
        #expect(try store.actions(matching: ActionFilter(department: "skf")).map(\.code) == ["1.1", "1.2"])
        #expect(try store.actions(matching: ActionFilter(department: "SLF")).map(\.code) == ["1.1", "2"])
        #expect(try store.actions(matching: ActionFilter(department: "STADSLEDNINGSFÖRVALTNINGEN")).map(\.code) == ["1.1", "2"])
    }

    @Test func departmentFilterMatchesAUnitByName() throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda)
        #expect(try store.actions(matching: ActionFilter(department: "it-avdelningen")).map(\.code) == ["1.1"])
        #expect(try store.actions(matching: ActionFilter(department: "Kommunikationsenheten")).isEmpty)
    }

    @Test func unknownDepartmentInAFilterIsReported() throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda)
        #expect(throws: StoreError.self) { try store.actions(matching: ActionFilter(department: "Okänd")) }
        #expect(throws: StoreError.notFound(.focusArea(9))) { try store.actions(matching: ActionFilter(area: 9)) }
    }

    @Test(arguments: [
        (ActionFilter(area: 1), ["1.1", "1.2"]),
        (ActionFilter(area: 2), ["2"]),
        (ActionFilter(year: 2016), ["1.2"]),
        (ActionFilter(year: 2018), ["1.1"]),
        (ActionFilter(year: 2019), ["2"]),
        (ActionFilter(department: "SLF", year: 2019), ["2"]),
        (ActionFilter(department: "SKF", area: 2), []),
    ])
    func filtersByAreaAndYear(filter: ActionFilter, codes: [String]) throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda)
        #expect(try store.actions(matching: filter).map(\.code) == codes)
    }

    @Test func filtersSeeThePlanAsOfADate() throws {
        let store = try F.storeWithHistory()
        #expect(try store.actions(matching: ActionFilter(year: 2019)).map(\.code) == ["1.1", "1.3", "2"])
        #expect(try store.actions(matching: ActionFilter(year: 2019, asOf: F.date("2018-01-01"))).map(\.code) == ["2"])
        #expect(try store.actions(matching: ActionFilter(department: "SKF")).map(\.code) == ["1.3"])
        #expect(try store.actions(matching: ActionFilter(department: "SKF", asOf: F.date("2018-01-01"))).map(\.code) == ["1.1", "1.2"])
    }

    @Test func organisationRegisterGrowsAndLooksUpIgnoringCase() throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda)
        try store.addDepartment(name: "Miljöförvaltningen")
        try store.addUnit("Miljöenheten", to: "MILJÖFÖRVALTNINGEN")
        try store.addAlias("MF", for: "miljöförvaltningen")
        #expect(try store.departments().last == Department(name: "Miljöförvaltningen", aliases: ["MF"], units: ["Miljöenheten"]))
        #expect(throws: StoreError.self) { try store.addAlias("mf", for: slfName) }
        #expect(throws: StoreError.self) { try store.addAlias("skf", for: slfName) }
        #expect(throws: StoreError.self) { try store.addDepartment(name: "slf") }
        #expect(throws: StoreError.self) { try store.addUnit("it-avdelningen", to: "SLF") }
        #expect(throws: StoreError.self) { try store.addUnit("Enhet", to: "Okänd") }
        try store.addAction(
            Action(code: "2.2", areaNumber: 2, title: "Miljödata",
                   responsibility: Responsibility(text: "MF", lead: UnitRef(department: "mf", unit: "miljöenheten"))),
            decision: Decision(date: F.date("2018-05-01")))
        #expect(try store.action(code: "2.2")?.responsibility.lead == UnitRef(department: "Miljöförvaltningen", unit: "Miljöenheten"))
        #expect(try store.actions(matching: ActionFilter(department: "MF")).map(\.code) == ["2.2"])
    }

    private var slfName: String { F.slf }

    @Test func addUnitAddsWhatIsNewAndNamesTheDepartment() throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda)
        #expect(try store.addUnit(department: "slf", unit: "Stadsarkivet") == F.slf)
        #expect(try store.addUnit(department: "Miljöförvaltningen", aliases: ["MF", "Miljöförvaltning"]) == "Miljöförvaltningen")
        #expect(try store.addUnit(department: "MF", aliases: ["MF", "Miljö"]) == "Miljöförvaltningen")
        #expect(throws: StoreError.self) { try store.addUnit(department: "SLF") }
        #expect(throws: StoreError.self) { try store.addUnit(department: "SLF", unit: "stadsarkivet") }
        #expect(throws: StoreError.self) { try store.addUnit(department: "Miljöförvaltningen", aliases: ["SKF"]) }
        let departments = try store.departments()
        #expect(departments[0].units == [F.itAvdelningen, "Kommunikationsenheten", "Stadsarkivet"])
        #expect(departments[2] == Department(name: "Miljöförvaltningen", aliases: ["MF", "Miljöförvaltning", "Miljö"]))
    }

    @Test func addActionAddsWhatTheParsedRegisterLearned() throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda)
        var register = OrganisationRegister(departments: try store.departments())
        register.departments.append(Department(name: "Miljöförvaltningen", aliases: ["Miljöförvaltning"], units: ["Miljöenheten"]))
        let action = Action(
            code: "2.2", areaNumber: 2, title: "Miljödata",
            responsibility: Responsibility(text: "Miljöförvaltning, Miljöenheten", lead: UnitRef(department: "Miljöförvaltningen", unit: "Miljöenheten")))
        try store.addAction(action, decision: Decision(date: F.date("2018-05-01")), register: register)
        #expect(try store.action(code: "2.2") == action)
        #expect(try store.departments() == register.departments)
    }

    @Test func revisionThatParsesAnAnsvarigMayExtendTheRegister() throws {
        let store = try F.newStore()
        try store.importAgenda(F.agenda)
        let revised = try store.reviseAction(code: "2", decision: Decision(date: F.date("2018-05-01"))) { action, register in
            register.departments.append(Department(name: "Miljöförvaltningen"))
            action.responsibility.coResponsible = [UnitRef(department: "Miljöförvaltningen")]
        }
        #expect(try store.action(code: "2") == revised)
        #expect(try store.departments().map(\.name) == [F.slf, F.skf, "Miljöförvaltningen"])
        #expect(throws: StoreError.self) {
            try store.reviseAction(code: "2", decision: Decision(date: F.date("2018-06-01"))) { action, register in
                register.departments.append(Department(name: "Byggförvaltningen"))
            }
        }
        #expect(try store.departments().count == 3)
    }

    @Test func historyCannotBeRewrittenEvenBySQL() throws {
        let store = try F.storeWithHistory()
        #expect(throws: StoreError.self) { try store.db.run("UPDATE action_version SET title = 'x'") }
        #expect(throws: StoreError.self) { try store.db.run("DELETE FROM revision") }
    }
}
