import Foundation
import Testing
@testable import AgendaCore

/// A plan cut off in the middle is refused where the document itself shows it (its table of
/// contents names headings that never come), and imported with a warning when `allowPartial` says so.
struct ImportPartialTests {
    /// The first `count` lines of the Mölndal plan, each ending in a line break.
    private static func molndal(lines count: Int) throws -> Data {
        let text = try String(contentsOf: ImportTestSupport.molndalURL, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return Data((lines.prefix(count).joined(separator: "\n") + "\n").utf8)
    }

    private static func molndalLineCount() throws -> Int {
        try String(contentsOf: ImportTestSupport.molndalURL, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
    }

    private func importing(_ data: Data, allowPartial: Bool = false) throws -> ImportResult {
        try PlanImporter.parse(data, format: .text, labels: LabelTable.standard(), allowPartial: allowPartial)
    }

    private static let areasAfterBredband = ["5. E-hälsa", "6. Utbildning", "7. Grön IT", "8. E-arkiv", "9. Öppna data"]
    private static let subAreasAfterBredband = [
        "5.1 Välfärdstjänster i samverkan", "5.2 Nationell patientöversikt (NPÖ)", "5.3 Mobilitet",
        "5.4 Kompetensutveckling av brukare", "5.5 Datoriserade läkemedelsdispenser", "5.6 Mobila GPS-larm",
        "5.7 Nulägesanalys via LIKA (Ledning Infrastruktur Kompetens Användning)", "5.8 Tidredovisning personlig assistans",
        "5.9 Digitala signeringslistor", "6.1 Utveckling av pedagogiken", "6.2 Ökad datortäthet", "6.3 Google Apps for Education",
        "6.4 Maker och programmering", "6.5 Eduroam", "7.1 Videomöten och meddelandehantering",
        "8.1 Informationssökning i e-arkivet", "8.2 Digitaliseringsprojekt", "8.3 Använda e-arkiv som arkivredovisningssystem",
        "9.1 Nämndhandlingar via hemsidan", "9.2 Öppna geografiska datakällor",
    ]

    @Test func refusesMolndalCutAtHalfNamingWhatIsMissingAndWhereItEnds() throws {
        let half = try Self.molndalLineCount() / 2
        #expect(half == 358)  // line 358 is blank, 357 the last line of text
        let expected = ImportError.incomplete(
            line: 357, lastHeading: "4. Bredband", missingAreas: Self.areasAfterBredband, missingSubAreas: Self.subAreasAfterBredband)
        #expect(throws: expected) { try importing(Self.molndal(lines: half)) }
        #expect(expected.description == "filen slutar på rad 357 i \"4. Bredband\", men dess innehållsförteckning tar upp 5 insatsområden till (5. E-hälsa, 6. Utbildning, 7. Grön IT, …) och 20 delområden till efter det")
    }

    @Test func refusesMolndalCutRightAfterAnAreaHeading() throws {
        // Line 355 is "4. Bredband".
        let expected = ImportError.incomplete(
            line: 355, lastHeading: "4. Bredband", missingAreas: Self.areasAfterBredband, missingSubAreas: Self.subAreasAfterBredband)
        #expect(throws: expected) { try importing(Self.molndal(lines: 355)) }
    }

    @Test func refusesMolndalCutInsideTheLastAreaNamingTheSubAreasToCome() throws {
        // Line 690 is inside 9.1; 9.2 never comes.
        let error = try #require(throws: ImportError.self) { try importing(Self.molndal(lines: 690)) }
        guard case let .incomplete(line, lastHeading, areas, subAreas) = error else {
            Issue.record("expected .incomplete, got \(error)")
            return
        }
        #expect(line <= 690 && lastHeading == "9.1 Nämndhandlingar via hemsidan" && areas.isEmpty)
        #expect(subAreas == ["9.2 Öppna geografiska datakällor"])
        #expect(error.description.contains("1 delområde till (9.2 Öppna geografiska datakällor)"))
    }

    @Test(arguments: [357, 355, 100, 690])
    func importsACutPlanWithAWarningWhenAllowed(_ lines: Int) throws {
        let result = try importing(Self.molndal(lines: lines), allowPartial: true)
        let warning = try #require(result.warnings.first { $0.message.contains("(--allow-partial)") })
        #expect(warning.message.hasPrefix("filen slutar här"))
        #expect(warning.line <= lines)
        #expect(result.agenda.areas.count < 9 || lines == 690)
    }

    @Test func importsTheWholeMolndalPlanWithoutRefusalOrPartialWarning() throws {
        let whole = try importing(ImportTestSupport.molndalData())
        #expect(whole.agenda.areas.count == 9)
        #expect(!whole.warnings.contains { $0.message.contains("--allow-partial") })
        // Its last line has no full stop and no line break; punctuation alone never refuses a plan.
        let text = try String(contentsOf: ImportTestSupport.molndalURL, encoding: .utf8)
        #expect(!text.hasSuffix("\n") && !text.hasSuffix("."))
        #expect(try importing(ImportTestSupport.molndalData(), allowPartial: true).agenda == whole.agenda)
    }

    @Test func aTableOfContentsWithHeadingsTheReaderTakesForTextDoesNotRefuse() throws {
        // "3. Bilagor" is listed, and there as a line the reader takes for a list item (a list follows at once).
        let text = """
            Plan för Exempelby

            Innehåll
            1. Område\t1
            1.1 Delområde\t1
            2. Annat\t2
            3. Bilagor\t3

            1. Område

            1.1 Delområde

            Handlingsplan: Gör något.

            2. Annat

            2.1 Mer

            Handlingsplan: Gör mer.

            3. Bilagor
            - Karta över området
            """
        let result = try importing(Data(text.utf8))
        #expect(result.agenda.areas.map(\.number) == [1, 2])
    }

    private static let markdownPlan = """
        # Plan för Exempelby 2020–2022

        ## Innehåll

        1. Service\t2
        1.1 E-tjänster\t2
        2. Effektivitet\t3
        2.1 Beslutsstöd\t3

        ## 1. Service

        ### 1.1 E-tjänster

        **Handlingsplan:** Inför e-tjänster.

        ## 2. Effektivitet

        ### 2.1 Beslutsstöd

        **Handlingsplan:** Inför beslutsstöd.
        """

    @Test func readsTheTableOfContentsOfAMarkdownPlanToo() throws {
        let whole = try ImportTestSupport.importText(Self.markdownPlan, format: .markdown)
        #expect(whole.agenda.subAreas.map(\.code) == ["1.1", "2.1"])
        let cut = Self.markdownPlan.components(separatedBy: "## 2. Effektivitet")[0]
        #expect(throws: ImportError.incomplete(line: 14, lastHeading: "1.1 E-tjänster", missingAreas: ["2. Effektivitet"], missingSubAreas: ["2.1 Beslutsstöd"])) {
            try ImportTestSupport.importText(cut, format: .markdown)
        }
    }

    @Test func aCutTrailingCharacterIsLeftOutWhenAllowed() throws {
        let data = Data("Plan för Exempelby\n\n1. Område\n\n1.1 Delområde\n\nHandlingsplan: Gör något.\n\nAnsvarig: Skolf".utf8) + Data([0xC3])
        #expect(throws: ImportError.self) { try importing(data) }
        let result = try importing(data, allowPartial: true)
        #expect(result.agenda.actions.first?.responsibility.text == "Skolf")
        #expect(result.warnings.contains { $0.message.contains("ofullständig UTF-8-sekvens") && $0.message.contains("(--allow-partial)") })
    }

    @Test func explainsIncompletenessInOneLine() {
        let error = ImportError.incomplete(line: 12, lastHeading: nil, missingAreas: [], missingSubAreas: ["1.2 Nästa"])
        #expect(error.description == "filen slutar på rad 12, men dess innehållsförteckning tar upp 1 delområde till (1.2 Nästa) efter det")
        #expect(!error.description.contains("\n"))
    }
}
