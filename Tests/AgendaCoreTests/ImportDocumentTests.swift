import Foundation
import Testing

@testable import AgendaCore

/// .docx and .odt plans: the Mölndal plan made into Word and OpenDocument files by
/// Fixtures/documents/make-documents.sh (LibreOffice), with numbers typed and automatic.
@Suite struct ImportDocumentTests {
    static let documents = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/documents")

    static func document(_ name: String) throws -> Data {
        try Data(contentsOf: documents.appendingPathComponent(name))
    }

    static func importDocument(_ name: String) throws -> ImportResult {
        let data = try document(name)
        let format = PlanImporter.detectFormat(data: data, filename: name)
        return try PlanImporter.parse(data, format: format, labels: LabelTable.standard(), register: OrganisationRegister.standard())
    }

    @Test(arguments: ["molndal-typed.docx", "molndal-auto.docx", "molndal-typed.odt", "molndal-auto.odt"])
    func molndalDocumentImportsToTheSameAgendaAsTheText(name: String) throws {
        let text = try PlanImporter.parse(
            ImportTestSupport.molndalData(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        let document = try Self.importDocument(name)
        // Each agenda as sorted JSON: identical bytes, and a difference shows where it is.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let expected = try encoder.encode(text.agenda)
        let actual = try encoder.encode(document.agenda)
        #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(document.agenda == text.agenda)
        #expect(document.agenda.actions.count == text.agenda.actions.count)
    }
}

extension ImportDocumentTests {
    @Test(arguments: ["table-plan.docx", "table-plan.odt"])
    func labelValueTablesGiveTheActionsFields(name: String) throws {
        let result = try Self.importDocument(name)
        let rendered = try DocumentImporter.text(
            of: Self.document(name), format: PlanImporter.detectFormat(data: Self.document(name), filename: name),
            labels: LabelTable.standard())
        let agenda = result.agenda
        #expect(agenda.title == "Handlingsplan - Digital agenda för Tabellby kommun", "\(rendered)")
        #expect(agenda.actions.map(\.code) == ["1.1", "1.2", "1.3", "2.1", "2.2"], "\(rendered)")
        guard agenda.actions.count == 5 else { return }
        let first = agenda.actions[0]
        #expect(first.plan.text == "Inför en e-tjänst för bygglov.")
        #expect(first.responsibility.text == "Stadsbyggnadsförvaltningen")
        #expect(first.schedule.text == "2018")
        #expect(first.cost.text == "200 tkr")
        #expect(first.effectGoals == ["Kortare handläggningstid.", "Färre samtal till kundcenter."])
        let second = agenda.actions[1]
        #expect(second.plan.text == "Utred en samlingsapp.")
        #expect(second.responsibility.text == "Stadsledningsförvaltningen, IT-avdelningen")
        #expect(second.schedule.text == "2019")
        #expect(second.cost.text == "Inom befintliga budgetramar")
    }

    @Test(arguments: ["table-plan.docx", "table-plan.odt"])
    func boldLabelsWithoutAColonNameTheirFields(name: String) throws {
        let action = try #require(try Self.importDocument(name).agenda.actions.first { $0.code == "1.3" })
        #expect(action.plan.text == "Utred fria surfzoner i stadens lokaler.")
        #expect(action.responsibility.text == "Stadsledningsförvaltningen, IT-avdelningen")
        #expect(action.schedule.text == "2018")
    }

    /// A table whose first row names the fields and whose rows are actions, as LIKA's plan template has it.
    @Test(arguments: ["table-plan.docx", "table-plan.odt"])
    func planTableRowsAreActions(name: String) throws {
        let agenda = try Self.importDocument(name).agenda
        let first = try #require(agenda.actions.first { $0.code == "2.1" })
        #expect(first.title == "Digital dokumentation")
        #expect(first.plan.text == "Inför mobil dokumentation i hemtjänsten.")
        #expect(first.responsibility.text == "Vård- och omsorgsförvaltningen")
        #expect(first.schedule.text == "2018")
        let second = try #require(agenda.actions.first { $0.code == "2.2" })
        #expect(second.title == "Nattkamera")
        #expect(second.cost.text == "300 tkr")
        #expect(second.schedule.text == "2019")
    }

    @Test(arguments: ["table-plan.docx", "table-plan.odt"])
    func footnotesAndCommentsAreLeftOutWithAWarning(name: String) throws {
        let result = try Self.importDocument(name)
        let messages = result.warnings.map(\.message)
        #expect(messages.contains { $0.hasPrefix("en fotnot tas inte med i planen") && $0.contains("Fotnotstext") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("en kommentar tas inte med i planen") && $0.contains("Kommentar som inte") }, "\(messages)")
        let json = String(decoding: try JSONEncoder().encode(result.agenda), as: UTF8.self)
        #expect(!json.contains("Fotnotstext"))
        #expect(!json.contains("Kommentar som inte"))
    }

    @Test(arguments: ["molndal-typed.docx", "molndal-auto.odt", "table-plan.docx", "table-plan.odt"])
    func headersAndFootersDoNotReachThePlan(name: String) throws {
        let data = try Self.document(name)
        let text = try DocumentImporter.text(
            of: data, format: PlanImporter.detectFormat(data: data, filename: name), labels: LabelTable.standard())
        #expect(!text.contains("sidhuvud"))
        #expect(!text.contains("Sidfot"))
        #expect(!text.isEmpty)
    }

    @Test func formatIsToldFromTheBytesWithoutAnExtension() throws {
        #expect(PlanImporter.detectFormat(data: try Self.document("molndal-auto.docx"), filename: "plan") == .docx)
        #expect(PlanImporter.detectFormat(data: try Self.document("molndal-auto.odt"), filename: nil) == .odt)
        #expect(PlanImporter.detectFormat(data: try Self.document("molndal-auto.odt"), filename: "plan.docx") == .docx)
        #expect(PlanFormat(rawValue: "docx") == .docx && PlanFormat(rawValue: "odt") == .odt)
    }
}

extension ImportDocumentTests {
    /// A document that stops before its table of contents says it ends is refused, as a text file is;
    /// `allowPartial` imports what is there.
    @Test func aCutOffDocumentIsRefusedByItsTableOfContents() throws {
        let data = try Self.document("molndal-cut.docx")
        #expect {
            try PlanImporter.parse(data, format: .docx, labels: LabelTable.standard())
        } throws: { error in
            guard case let ImportError.incomplete(_, _, missingAreas, _) = error else { return false }
            return missingAreas.count == 5
        }
        let partial = try PlanImporter.parse(data, format: .docx, labels: LabelTable.standard(), allowPartial: true)
        #expect(partial.agenda.areas.count == 4)
        #expect(!partial.warnings.isEmpty)
    }
}
