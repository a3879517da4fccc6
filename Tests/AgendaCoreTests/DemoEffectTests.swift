import Foundation
import Testing
@testable import AgendaCore

/// The demo's effektmål give the effect section real content: at least ten goals of several
/// förvaltningar assessed for 2017 and 2018, every word of the scale, measured values, and actions
/// that are Klar while an effect is Ej uppnått. Built twice, it is the same.
@Suite struct DemoEffectTests {
    static func buildDemo() throws -> AgendaStore {
        let store = try AgendaStore(path: StoreFixtures.temporaryPath())
        let plan = try PlanImporter.parse(
            DemoPlan.data(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        _ = try DemoHistory.build(into: store, agenda: plan.agenda)
        return store
    }

    @Test func theDemoAssessesEnoughGoalsOfSeveralFörvaltningar() throws {
        let store = try Self.buildDemo()
        let inForce = try store.effectAssessmentsInForce()
        #expect(Set(inForce.map(\.period)) == ["2017", "2018"])
        let goals = Set(inForce.map { "\($0.action) \($0.goal)" })
        #expect(goals.count >= 10, "\(goals.sorted())")
        #expect(Set(inForce.map(\.reporter)).count >= 4, "several förvaltningar: \(Set(inForce.map(\.reporter)))")
        #expect(Set(inForce.map(\.outcome)) == Set(EffectOutcome.allCases), "every word of the scale")
        #expect(inForce.filter { $0.value != nil }.count >= 4)
        #expect(try store.allEffectAssessments().contains { $0.supersedes != nil }, "one correction")

        let latest = try store.latestStatuses()
        let doneButNotAchieved = Set(inForce.filter { $0.outcome == .notAchieved && latest[$0.action]?.status == .done }.map(\.action))
        #expect(doneButNotAchieved == ["1.4", "5.5"])

        let measured = try store.actions(matching: ActionFilter()).flatMap { action in
            action.goals.compactMap { goal in goal.measure.map { _ in "\(action.code) \(goal.id)" } }
        }
        #expect(measured == ["1.2 1", "1.4 1", "1.6 1", "6.3 5"])
        // Each scripted goal number points at the text the script means (checked by hand against the plan).
        #expect(try store.effectGoals(code: "1.4")[0].text == "minskade materialkostnader för utskick")
        #expect(try store.effectGoals(code: "6.3")[4].text.hasPrefix("Lägre licenskostnader för elever"))
        #expect(try store.effectGoals(code: "6.4")[3].text == "Fler elever som väljer teknikutbildningar")
        #expect(try store.effectGoals(code: "1.8")[3].text == "Snabbare åtkomst till information.")
        #expect(try store.effectGoals(code: "5.2")[1].text == "mindre kostsamt och tidskrävande dubbelarbete")
    }

    @Test func theDemoIsDeterministic() throws {
        let a = try Self.buildDemo().exportDocument()
        let b = try Self.buildDemo().exportDocument()
        #expect(a.effectAssessments == b.effectAssessments)
        #expect(a.actions == b.actions)
        #expect(a.revisions == b.revisions)
    }
}
