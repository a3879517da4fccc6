import Foundation
import Testing
@testable import AgendaCore

/// Effektmål as items of their action: stable ids across revisions, measures under a decision, and
/// assessments per period with the rights, history and audit of status reports.
@Suite struct EffectTests {
    typealias F = StoreFixtures

    static func t(_ text: String) -> Timestamp { Timestamp(iso: text)! }
    static func p(_ text: String) -> Period { try! Period(parsing: text) }
    static func decision(_ date: String) -> Decision { Decision(reference: "IT-rådet \(date) §4", date: F.date(date)) }

    static func assess(
        _ store: AgendaStore, _ code: String, goal: Int, _ period: String, _ outcome: EffectOutcome, value: Double? = nil,
        by actor: Identity? = nil, at: String
    ) throws -> EffectAssessment {
        try store.reportEffect(
            EffectInput(
                action: code, goalNumber: goal, period: p(period),
                content: EffectContent(outcome: outcome, value: value, measuredOn: value == nil ? nil : F.date("2018-06-30"),
                                       source: value == nil ? "" : "Ärendestatistik", comment: "\(outcome.swedish) \(period)")),
            by: try actor ?? store.testOwner(), at: t(at))
    }

    @Test func goalIDsSurviveRevisionsAndAreNeverReused() throws {
        let store = try F.storeWithHistory()
        #expect(try store.effectGoals(code: "1.1").map(\.id) == [1, 2])
        try store.reviseAction(code: "1.1", decision: Self.decision("2018-09-01")) {
            $0.effectGoals = ["Nöjdare invånare", "Kortare väntan"]
        }
        let second = try store.effectGoals(code: "1.1")
        #expect(second.map(\.id) == [2, 3])
        #expect(second.map(\.text) == ["Nöjdare invånare", "Kortare väntan"])
        try store.reviseAction(code: "1.1", decision: Self.decision("2018-09-02")) {
            $0.effectGoals = ["Nöjdare invånare", "Färre samtal"]
        }
        #expect(try store.effectGoals(code: "1.1").map(\.id) == [2, 4], "3 was removed and is not given to another goal")
        #expect(try store.effectGoals(code: "1.1", asOf: F.date("2018-08-01")).map(\.id) == [1, 2], "the plan as it stood then")
        try store.addAction(
            Action(code: "1.4", areaNumber: 1, title: "Ny", effectGoals: ["A", "B"]), decision: Self.decision("2018-09-03"))
        #expect(try store.effectGoals(code: "1.4").map(\.id) == [1, 2])
    }

    @Test func aMeasureIsAPlanChangeUnderADecision() throws {
        let store = try F.storeWithHistory()
        let revisions = try store.revisions().count
        let measure = EffectMeasure(
            indicator: "Andel ärenden som inkommer digitalt", unit: "%", baseline: 12.5, baselineDate: F.date("2017-01-01"),
            target: 80, targetYear: 2019, direction: .higher)
        let action = try store.setEffectMeasure(
            code: "1.1", goalNumber: 1, measure: measure, decision: Self.decision("2018-09-01"), by: try store.testOwner(), at: AgendaStore.testMoment)
        #expect(action.goals[0] == EffectGoal(id: 1, text: "Fler ärenden digitalt", measure: measure))
        #expect(try store.revisions().count == revisions + 1)
        #expect(try store.effectGoals(code: "1.1")[0].measure == measure, "read back through JSONDecoder")
        #expect(try store.effectGoals(code: "1.1", asOf: F.date("2018-08-31"))[0].measure == nil)
        #expect(throws: StoreError.self) {
            try store.setEffectMeasure(
                code: "1.1", goalNumber: 1, measure: measure, decision: Self.decision("2018-09-02"), by: try store.testOwner(), at: AgendaStore.testMoment)
        }
        do {
            try store.setEffectMeasure(
                code: "1.1", goalNumber: 3, measure: measure, decision: Self.decision("2018-09-02"), by: try store.testOwner(), at: AgendaStore.testMoment)
            Issue.record("goal 3 of two was accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("har 2 effektmål; ange ett nummer från 1 till 2"))
        }
        #expect(measure.reaches(81) == true && measure.reaches(79.9) == false)
    }

    @Test func anAssessmentIsAppendOnlySupersededAndAudited() throws {
        let store = try F.storeWithHistory()
        let first = try Self.assess(store, "1.1", goal: 2, "2018", .tooEarly, at: "2018-07-02T09:00:00Z")
        let second = try Self.assess(store, "1.1", goal: 2, "2018", .partlyAchieved, value: 12.5, at: "2018-07-03T09:00:00Z")
        let other = try Self.assess(store, "1.1", goal: 1, "2018", .achieved, at: "2018-07-03T09:00:00Z")
        #expect(first.goal == 2 && first.supersedes == nil)
        #expect(second.supersedes == first.number)
        #expect(other.supersedes == nil)
        #expect(try store.effectHistory(code: "1.1") == [first, second, other])
        #expect(try store.effectAssessmentsInForce(code: "1.1") == [other, second], "in goal order, the superseded left out")
        #expect(try store.effectAssessmentsInForce(knownAt: Self.t("2018-07-02T12:00:00Z")) == [first])
        #expect(try store.effectAssessmentsInForce(period: Self.p("2017")).isEmpty)
        #expect(throws: StoreError.self) { try store.db.run("UPDATE effect_assessment SET comment = 'x'") }
        #expect(throws: StoreError.self) { try store.db.run("DELETE FROM effect_assessment") }
        let audit = try store.auditLog().filter { $0.operation == "report effect" }
        #expect(audit.map(\.target) == ["1.1 effektmål 2", "1.1 effektmål 2", "1.1 effektmål 1"])
        #expect(audit.last?.after?.contains("\"outcome\":\"achieved\"") == true)
    }

    @Test func theAssessmentKeepsItsGoalWhenTheListChanges() throws {
        let store = try F.storeWithHistory()
        let assessed = try Self.assess(store, "1.1", goal: 2, "2018Q2", .achieved, at: "2018-07-02T09:00:00Z")
        try store.reviseAction(code: "1.1", decision: Self.decision("2018-09-01")) { $0.effectGoals = ["Nöjdare invånare"] }
        let latest = try store.latestEffectAssessments(code: "1.1")
        #expect(latest[2] == assessed)
        #expect(try store.effectGoals(code: "1.1").first?.id == 2, "now goal number 1, still id 2")
    }

    @Test func anEarlierPeriodsAssessmentIsCarriedOver() throws {
        let store = try F.storeWithHistory()
        let y2017 = try Self.assess(store, "1.1", goal: 1, "2017", .tooEarly, at: "2018-01-10T09:00:00Z")
        let q2 = try Self.assess(store, "1.1", goal: 1, "2018Q2", .partlyAchieved, at: "2018-07-02T09:00:00Z")
        #expect(try store.effectEntries(for: Self.p("2018Q1"))["1.1"]?[1] == EffectEntry(assessment: y2017, carriedOver: true))
        #expect(try store.effectEntries(for: Self.p("2018Q2"))["1.1"]?[1] == EffectEntry(assessment: q2, carriedOver: false))
        #expect(try store.effectEntry(of: "1.1", goal: 1, for: Self.p("2018Q2"), knownAt: Self.t("2018-07-01T00:00:00Z"))
            == EffectEntry(assessment: y2017, carriedOver: true))
        #expect(try store.effectEntries(for: Self.p("2016")).isEmpty)
    }

    @Test func theRightsAreThoseOfStatusReports() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let at = Self.t("2018-07-02T09:00:00Z")
        let slf = try store.addIdentity(name: "SLF-rapportör", role: .reporter, department: "SLF", by: owner, at: at).identity
        let skf = try store.addIdentity(name: "SKF-rapportör", role: .reporter, department: "SKF", by: owner, at: at).identity
        let reader = try store.addIdentity(name: "IT-rådet", role: .reader, by: owner, at: at).identity
        let filed = try Self.assess(store, "1.1", goal: 1, "2018Q2", .achieved, by: slf, at: "2018-07-02T10:00:00Z")
        #expect(filed.reporter == "SLF-rapportör, \(F.slf)", "the person and förvaltning are named")
        let count = try F.count("effect_assessment", in: store)
        do {
            _ = try Self.assess(store, "1.1", goal: 1, "2018Q2", .achieved, by: skf, at: "2018-07-02T10:00:00Z")
            Issue.record("a förvaltning assessed another's goal")
        } catch let error as AccessError {
            #expect(error.description.contains("Stadsledningsförvaltningen (IT-avdelningen)"), "names who is responsible")
        }
        #expect(throws: AccessError.self) { _ = try Self.assess(store, "1.1", goal: 1, "2018Q2", .achieved, by: reader, at: "2018-07-02T10:00:00Z") }
        #expect(throws: StoreError.self) { _ = try Self.assess(store, "1.2", goal: 1, "2018Q2", .achieved, at: "2018-07-02T10:00:00Z") }
        #expect(throws: StoreError.self, "a period not begun") { _ = try Self.assess(store, "1.1", goal: 1, "2018Q4", .achieved, at: "2018-07-02T10:00:00Z") }
        #expect(try F.count("effect_assessment", in: store) == count, "a refused assessment changes nothing")
        #expect(throws: AccessError.self, "a förvaltning does not change the plan's measures") {
            try store.setEffectMeasure(
                code: "1.1", goalNumber: 1, measure: EffectMeasure(indicator: "x"), decision: Self.decision("2018-09-01"), by: slf, at: at)
        }
    }

    @Test func theScaleReadsItsSwedishWords() {
        #expect(EffectOutcome(swedish: "delvis UPPNÅTT") == .partlyAchieved)
        #expect(EffectOutcome(swedish: "För tidigt att bedöma") == .tooEarly)
        #expect(EffectOutcome(swedish: "Klar") == nil)
        #expect(EffectOutcome.allCases.map(\.swedish) == ["Uppnått", "Delvis uppnått", "Ej uppnått", "För tidigt att bedöma", "Går ej att bedöma"])
    }

    @Test func goalsStoredBeforeTheyHadIDsReadAsNumberedByPosition() throws {
        #expect(StoredList.parse(#"["A","B"]"#, as: EffectGoal.self).map(EffectGoal.numbered) == [EffectGoal(id: 1, text: "A"), EffectGoal(id: 2, text: "B")])
        let action = try JSONDecoder().decode(Action.self, from: Data(#"""
            {"areaNumber":1,"background":"","code":"9","cost":{"decisionPending":false,"externalFunding":[],"parts":[],"staff":[],"withinExistingBudget":false},
             "effectGoals":["A","B"],"otherFields":[],"plan":{"steps":[],"text":""},"responsibility":{"coResponsible":[],"notes":[],"text":"","unsure":[]},
             "schedule":{"phases":[],"terms":[]},"state":"active","title":"T"}
            """#.utf8))
        #expect(action.goals.map(\.id) == [1, 2])
    }

    /// A listing names the goal by its number now; a goal a later revision removed keeps the text it
    /// had and no number.
    @Test func listingsNameGoalsByTheirNumberNowAndKeepRemovedGoalsText() throws {
        let store = try F.storeWithHistory()
        let removed = try Self.assess(store, "1.1", goal: 1, "2018Q2", .notAchieved, at: "2018-07-02T09:00:00Z")
        let kept = try Self.assess(store, "1.1", goal: 2, "2018Q2", .achieved, at: "2018-07-02T09:05:00Z")
        try store.reviseAction(code: "1.1", decision: Self.decision("2018-09-01")) { $0.effectGoals = ["Nöjdare invånare"] }
        let listings = try AgendaService.listings(try store.effectAssessmentsInForce(code: "1.1"), store: store)
        #expect(listings == [
            EffectListing(assessment: removed, goalNumber: nil, goal: EffectGoal(id: 1, text: "Fler ärenden digitalt")),
            EffectListing(assessment: kept, goalNumber: 1, goal: EffectGoal(id: 2, text: "Nöjdare invånare")),
        ])
        do {
            _ = try Self.assess(store, "1.1", goal: 2, "2018Q2", .achieved, at: "2018-09-02T09:00:00Z")
            Issue.record("goal 2 of one was accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("har bara ett effektmål, nummer 1"))
        }
    }
}
