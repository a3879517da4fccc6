import Foundation
import Testing
@testable import AgendaCore

/// Label synonyms, as written in many ways, and the table a user extends.
struct ImportLabelTests {
    enum Probe: String, Sendable {
        case background, plan, responsibility, schedule, cost, effectGoals

        func read(_ action: Action) -> String? {
            switch self {
            case .background: action.background
            case .plan: action.plan.text
            case .responsibility: action.responsibility.text
            case .schedule: action.schedule.text
            case .cost: action.cost.text
            case .effectGoals: action.effectGoals.joined(separator: "|")
            }
        }
    }

    private func plan(fieldLine: String, format: PlanFormat = .text) -> String {
        let heading = format == .markdown ? "# Plan för Exempelby\n\n## 1. Område\n\n### 1.1 Delområde" : "Plan för Exempelby\n\n1. Område\n\n1.1 Delområde"
        return "\(heading)\n\n\(fieldLine)\n\nFotnot: Slut.\n"
    }

    @Test(arguments: [
        ("Ansvar: Skolförvaltningen", Probe.responsibility, "Skolförvaltningen"),
        ("Ansvarig: Skolförvaltningen", .responsibility, "Skolförvaltningen"),
        ("Effektmål: Bättre service.", .effectGoals, "Bättre service."),
        ("Effekt mål: Bättre service.", .effectGoals, "Bättre service."),
        ("Effektivitet: Bättre service.", .effectGoals, "Bättre service."),
        ("Mål: Bättre service. Kortare väntan.", .effectGoals, "Bättre service. Kortare väntan."),
        ("Effektmål:\n\n- Bättre service\n- Kortare väntan", .effectGoals, "Bättre service|Kortare väntan"),
        ("Kostnader: 200 tkr/år", .cost, "200 tkr/år"),
        ("Kostnad: 200 tkr/år", .cost, "200 tkr/år"),
        ("Resurser: 200 000 kr och eSamordnare motsvarande 30% av helårstjänst", .cost, "200 000 kr och eSamordnare motsvarande 30% av helårstjänst"),
        ("**Kostnader:** 100 tkr", .cost, "100 tkr"),
        ("*Kostnader:* 100 tkr", .cost, "100 tkr"),
        ("**Kostnader**: 100 tkr", .cost, "100 tkr"),
        ("Handlingsplan: Utred.", .plan, "Utred."),
        ("Uppgift: Utred.", .plan, "Utred."),
        ("Handlingsplan:\n\n1. Utred\n2. Inför", .plan, "1. Utred\n2. Inför"),
        ("Beskrivning: Så här är det.", .background, "Så här är det."),
        ("Tidplan: 2021", .schedule, "2021"),
    ])
    func mapsLabelVariantToField(fieldLine: String, probe: Probe, expected: String) throws {
        let action = try #require(try ImportTestSupport.importText(plan(fieldLine: fieldLine)).agenda.actions.first)
        #expect(probe.read(action) == expected)
    }

    @Test(arguments: ["### *Mål:*\n\nFärre fel.", "### Mål\n\nFärre fel.", "**Mål:**\n\nFärre fel.", "_Mål:_ Färre fel."])
    func readsMarkdownLabelForms(fieldLine: String) throws {
        let agenda = try ImportTestSupport.importText(plan(fieldLine: fieldLine, format: .markdown), format: .markdown).agenda
        #expect(agenda.actions.count == 1)
        #expect(agenda.subAreas.count == 1)
        #expect(agenda.actions.first?.effectGoals == ["Färre fel."])
    }

    @Test func loadsStandardTableFromTemplates() throws {
        let table = try LabelTable.standard()
        #expect(table.actionField(for: "Ansvar") == .responsibility)
        #expect(table.actionField(for: "**Effekt  mål:**") == .effectGoals)
        #expect(table.actionField(for: "RESURSER") == .cost)
        #expect(table.actionField(for: "Kommunens roll") == .other)
        #expect(table.headerField(for: "Ansvarig") == .headerOwner)
        #expect(table.actionField(for: "Status") == nil)
    }

    @Test func userTableAddsSynonymsOverStandard() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("labels.tsv")
        try "# our labels\nGenomförande\tplan\nStatus\tother\nMål\tother\n".write(to: file, atomically: true, encoding: .utf8)

        let text = "Plan för Exempelby\n\n1. Område\n\n1.1 Delområde\n\nGenomförande: Utred.\n\nStatus: Pågår\n\nMål: Färre fel.\n\nEffektmål: Bättre service.\n"
        let standard = try ImportTestSupport.importText(text)
        let extended = try ImportTestSupport.importText(text, labels: LabelTable.load(from: file))

        let before = try #require(standard.agenda.actions.first)
        #expect(before.plan.text == "")
        #expect(before.background == "Genomförande: Utred.\n\nStatus: Pågår")
        #expect(before.effectGoals == ["Färre fel.", "Bättre service."])

        let after = try #require(extended.agenda.actions.first)
        #expect(after.plan.text == "Utred.")
        #expect(after.otherFields == [LabeledText(label: "Status", text: "Pågår"), LabeledText(label: "Mål", text: "Färre fel.")])
        #expect(after.effectGoals == ["Bättre service."])
        #expect(after.background == "")
    }

    @Test func rejectsMalformedLabelFile() {
        #expect(throws: ImportError.unreadable(path: "labels.tsv", reason: "rad 2: väntade \"rubrik<TAB>fält\"")) {
            try LabelTable(tsv: "Mål\teffectGoals\nMål effectGoals\n", source: "labels.tsv")
        }
        #expect(throws: ImportError.self) { try LabelTable(tsv: "Mål\tgoals\n", source: "labels.tsv") }
    }

    @Test func warnsForUnknownLabelAmongFields() throws {
        let text = "Plan för Exempelby\n\n1. Område\n\n1.1 Delområde\n\nHandlingsplan: Utred.\n\nObservera: Gäller bara 2020.\n\nTidsplan: 2020\n"
        let result = try ImportTestSupport.importText(text)
        let action = try #require(result.agenda.actions.first)
        #expect(action.background == "Observera: Gäller bara 2020.")
        #expect(action.schedule.text == "2020")
        #expect(result.warnings.map(\.description).contains("rad 9: okänd rubrik \"Observera:\"; behållen i bakgrunden till aktivitet 1.1"))
    }

    @Test func keepsColonEndedSentenceInsidePlan() throws {
        let text = "Plan för Exempelby\n\n1. Område\n\n1.1 Delområde\n\nHandlingsplan:\n\nVi gör så här:\n\n1. Utred\n2. Inför\n\nTidsplan: 2020\n"
        let result = try ImportTestSupport.importText(text)
        let action = try #require(result.agenda.actions.first)
        #expect(action.plan.text == "Vi gör så här:\n\n1. Utred\n2. Inför")
        #expect(action.plan.steps.map(\.number) == [1, 2])
        #expect(action.background == "")
    }
}
