@testable import AgendaCore
import Testing
@testable import ReportGen

@Suite struct ReportBuilderTests {
    @Test func countsEveryActionAsUnreportedBeforeStatusExists() {
        let model = Fixture.model
        #expect(model.entries.count == 12)
        #expect(model.summary.total.count(of: .noReport) == 12)
        #expect(!model.hasAnyStatus)
        #expect(model.summary.perArea.map(\.counts.total) == [5, 2, 3, 2])
        #expect(model.unreported.map(\.department) == ["Stadsledningsförvaltningen", "Vård- och omsorgsförvaltningen", "Utbildningsförvaltningen"])
        #expect(model.changes.isEmpty)
    }

    @Test func splitsScheduleProgressAtThePeriodEnd() {
        let p = Fixture.model.progress
        #expect(p.dueWithoutStatus.map(\.action.code) == ["1.1", "1.3", "3.1"])
        #expect(p.startedWithoutStatus.map(\.action.code) == ["1.2", "1.5", "1.7", "3.2", "5.1", "5.5", "6.2"])
        #expect(p.unscheduled.map(\.action.code) == ["6.5"])
        #expect(p.overdue.isEmpty && p.notStarted.isEmpty)
    }

    @Test func findsItemsAwaitingITCouncil() {
        let decisions = Fixture.model.decisions
        #expect(decisions.map(\.entry.action.code) == ["1.2", "1.3", "1.7"])
        #expect(decisions[1].reasons == [.costDecisionPending])
        #expect(decisions[0].reasons.count == 2)
    }

    /// An action reported Klar or Avbruten (carried over or not), or whose pending decision a later
    /// plan decision settled, no longer waits for IT-rådet.
    @Test func pendingListLeavesOutFinishedAndSettledActions() {
        let on = CalendarDate(year: 2018, month: 6, day: 20)
        let statuses = [
            "1.2": ReportedStatus(label: .done, reporter: "SLF", reportedOn: on),
            "1.7": ReportedStatus(label: .cancelled, reporter: "SLF", reportedOn: on, carriedOver: true),
        ]
        let model = ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, statuses: statuses)
        #expect(model.decisions.map(\.entry.action.code) == ["1.3"])
        let settled = ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, settledDecisions: ["1.3"])
        #expect(settled.decisions.map(\.entry.action.code) == ["1.2", "1.7"])
        let started = ["1.2": ReportedStatus(label: .almostDone, reporter: "SLF", reportedOn: on)]
        #expect(ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, statuses: started).decisions.count == 3)
    }

    /// "Ej rapporterat" is the store's missing list, narrowed to the actions the report shows.
    @Test func unreportedIsTheStoresMissingListWithinTheReport() {
        let missing = [
            MissingReports(department: "Stadsledningsförvaltningen", actions: ["1.2", "3.2"]),
            MissingReports(department: "Vård- och omsorgsförvaltningen", actions: ["5.5"]),
        ]
        let model = ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, missing: missing)
        #expect(model.unreported.map(\.department) == ["Stadsledningsförvaltningen", "Vård- och omsorgsförvaltningen"])
        #expect(model.unreported.map { $0.entries.map(\.action.code) } == [["1.2", "3.2"], ["5.5"]])
        let area = ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, filter: ReportFilter(areaNumber: 5), missing: missing)
        #expect(area.unreported.map(\.department) == ["Vård- och omsorgsförvaltningen"])
        #expect(ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period).unreported.isEmpty)
    }

    @Test func findsApprovalPhrasesInAnyCaseAndOnlyInTheirSentence() {
        #expect(ReportBuilder.holdsApprovalPhrase("Förslaget ska GODKÄNNAS AV IT-RÅDET i maj."))
        #expect(ReportBuilder.holdsApprovalPhrase("Beslut i Centrala IT-rådet."))
        #expect(!ReportBuilder.holdsApprovalPhrase("Godkännas av IT-nämnden."))
        #expect(!ReportBuilder.holdsApprovalPhrase("godkännas av it-"))
        #expect(!ReportBuilder.holdsApprovalPhrase(""))
        #expect(ReportBuilder.holdsApprovalPhrase("ska godka\u{0308}nnas av IT-ra\u{030A}det"),
                "decomposed ä and å (as copied from a PDF) are the same letters")
        // Only the sentence that holds the phrase is quoted; a step number ends no sentence.
        #expect(ReportBuilder.sentences("Inled arbetet. 2. Ta fram ett förslag som ska godkännas av IT-rådet. Klart 2018.\r\nNästa rad")
            == ["Inled arbetet.", "2. Ta fram ett förslag som ska godkännas av IT-rådet.", "Klart 2018.", "Nästa rad"])
    }

    @Test func splitsLinesAtEveryNewlineCharacter() {
        #expect("a\r\nb\n\nc\u{2028}d\u{85}e\r".nonEmptyLines() == ["a", "b", "c", "d", "e"])
        #expect("".nonEmptyLines().isEmpty)
        #expect("Å ä ö\n".nonEmptyLines() == ["Å ä ö"])
    }

    @Test func sumsCostsPerYearKindAreaAndDepartment() {
        let costs = Fixture.model.costs
        let y2018 = costs.perYear.first { $0.year == 2018 }!
        #expect(y2018.recurring.kronor == 200_000 + 30_000 + 2_500_000)
        #expect(y2018.investment.kronor == 150_000 + 300_000)
        #expect(y2018.oneTime == PlannedAmount(kronor: 4_400_000, approximate: true))
        #expect(costs.withinExistingBudget.map(\.action.code) == ["1.1", "1.3", "3.1"])
        #expect(costs.externallyFunded.map(\.action.code) == ["5.1", "5.5"])
        #expect(costs.perArea.first?.planned == PlannedAmount(kronor: 600_000 + 150_000 + 60_000 + 4_400_000, approximate: true))
        #expect(costs.perDepartment.map(\.name) == ["Stadsledningsförvaltningen", "Vård- och omsorgsförvaltningen", "Utbildningsförvaltningen"])
        #expect(costs.actualTotal == nil)
    }

    @Test func filtersByAreaAndDepartment() {
        let area = ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, filter: ReportFilter(areaNumber: 5))
        #expect(area.areas.map(\.area.number) == [5])
        #expect(area.entries.count == 3)
        // The förvaltning's actions come from the store (ReportGeneratorTests); the builder keeps those codes.
        let dept = ReportBuilder.build(
            agenda: Fixture.agenda, period: Fixture.period, filter: ReportFilter(department: "vof"),
            departmentActions: ["3.2", "5.1", "5.5", "5.6"])
        #expect(dept.entries.map(\.action.code) == ["3.2", "5.1", "5.5", "5.6"])
        let none = ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, filter: ReportFilter(department: "vof"))
        #expect(none.entries.isEmpty)
    }

    @Test func placesReportedStatusesWhereTheyBelong() {
        let reported = CalendarDate(year: 2018, month: 6, day: 20)
        let statuses = [
            "1.1": ReportedStatus(label: .started, light: .yellow, comment: "Förslag på remiss", actualCost: 20_000, reporter: "SLF", reportedOn: reported),
            "1.5": ReportedStatus(label: .notStarted, reporter: "SLF", reportedOn: reported),
            "3.1": ReportedStatus(label: .done, reporter: "SLF", reportedOn: reported),
        ]
        let previous = ["1.1": ReportedStatus(label: .planned, reporter: "SLF", reportedOn: CalendarDate(year: 2018, month: 3, day: 20))]
        let model = ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, statuses: statuses, previousStatuses: previous)
        #expect(model.hasAnyStatus)
        #expect(model.progress.overdue.map(\.action.code) == ["1.1"])
        #expect(model.progress.notStarted.map(\.action.code) == ["1.5"])
        #expect(model.changes.map { [$0.previous, $0.current] } == [[.planned, .started]])
        #expect(model.costs.actualTotal == 20_000)
        #expect(model.summary.total.count(of: .noReport) == 9)
    }

    @Test func leavesWithdrawnActionsOut() {
        var agenda = Fixture.agenda
        agenda.actions[0].state = .withdrawn
        #expect(ReportBuilder.build(agenda: agenda, period: Fixture.period).entries.count == 11)
    }
}
