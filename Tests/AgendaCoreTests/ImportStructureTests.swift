import Foundation
import Testing
@testable import AgendaCore

/// How the text reader tells headings from list items and skips what a page layout adds.
struct ImportStructureTests {
    @Test func keepsLooseNumberedStepsOutOfAreaHeadings() throws {
        let text = """
            Plan för Exempelby

            1. Service

            1.1 E-tjänster

            Handlingsplan:

            1. Utred behovet

            2. Inför e-tjänst

            Ansvarig: IT-avdelningen

            2. Effektivitet

            Intro till området.

            Handlingsplan: Gör mer.

            """
        let agenda = try ImportTestSupport.importText(text).agenda
        #expect(agenda.areas.map(\.title) == ["Service", "Effektivitet"])
        #expect(agenda.actions.map(\.code) == ["1.1", "2"])
        #expect(agenda.actions[0].plan.steps == [PlanStep(number: 1, text: "Utred behovet"), PlanStep(number: 2, text: "Inför e-tjänst")])
        #expect(agenda.actions[0].plan.text == "1. Utred behovet\n\n2. Inför e-tjänst")
        #expect(agenda.actions[1].background == "Intro till området.")
    }

    @Test func skipsTableOfContentsWithDotLeaders() throws {
        let text = """
            Plan för Exempelby

            Innehåll
            1. Service ........ 2
            1.1 E-tjänster ........ 2
            2. Effektivitet ........ 3

            Inledande text.

            1. Service

            1.1 E-tjänster

            Handlingsplan: Inför e-tjänster.

            2. Effektivitet

            2.1 Beslutsstöd

            Handlingsplan: Inför beslutsstöd.

            """
        let result = try ImportTestSupport.importText(text)
        #expect(result.agenda.subAreas.map(\.code) == ["1.1", "2.1"])
        #expect(result.agenda.description == "Inledande text.")
        #expect(result.warnings.first?.description == "rad 3: innehållsförteckningen hoppades över (rad 3–6)")
    }

    @Test func dropsRepeatedLetterheadAndPageNumbersAndContinuesList() throws {
        let text = "Plan för Exempelby\n\n1. Service\n\n1.1 E-tjänster\n\nHandlingsplan: Inför.\n\nEffektmål:\n\n- Snabbare svar\n\n"
            + "Sida 1 av 2\n\u{0C}Exempelby kommun\nBox 1, 111 11 Exempelby\n\n- Färre samtal\n\nFotnot: slut\n\n"
            + "Exempelby kommun\nBox 1, 111 11 Exempelby\n"
        let result = try ImportTestSupport.importText(text)
        #expect(result.agenda.actions.first?.effectGoals == ["Snabbare svar", "Färre samtal"])
        #expect(result.agenda.actions.first?.otherFields == [LabeledText(label: "Fotnot", text: "slut")])
        #expect(result.warnings.map(\.description) == [
            "rad 7: aktivitet 1.1 \"E-tjänster\" saknar Ansvarig, Tidsplan eller Kostnad; det som saknas lämnas okänt",
            "rad 13: sidnummer borttaget som sidhuvud eller sidfot: \"Sida 1 av 2\"",
            "rad 14: upprepat sidhuvud eller sidfot borttaget (2 rader): \"Exempelby kommun / Box 1, 111 11 Exempelby\"",
            "rad 21: upprepat sidhuvud eller sidfot borttaget (2 rader): \"Exempelby kommun / Box 1, 111 11 Exempelby\"",
        ])
    }

    @Test func doesNotTakeHeaderOwnerForActionResponsibility() throws {
        let text = "Plan för Exempelby\n\nBeslutat av Kommunstyrelsen\tAnsvarig Kommundirektören\tGäller från och med 2020-01-01\n\n1. Service\n\nHandlingsplan: Inför.\n\nAnsvarig: IT-avdelningen\n"
        let agenda = try ImportTestSupport.importText(text).agenda
        #expect(agenda.decidedBy == "Kommunstyrelsen")
        #expect(agenda.owner == "Kommundirektören")
        #expect(agenda.effectiveDate == CalendarDate(year: 2020, month: 1, day: 1))
        #expect(agenda.organisation == "Exempelby")
        #expect(agenda.actions.map(\.responsibility.text) == ["IT-avdelningen"])
    }
}

extension ImportStructureTests {
    @Test func importsPlanWithoutBlankLinesBetweenParagraphs() throws {
        let text = try String(contentsOf: ImportTestSupport.molndalURL, encoding: .utf8)
        let dense = text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
        let result = try ImportTestSupport.importText(dense)
        #expect(try result.agenda == ImportTestSupport.importMolndal().agenda)
        #expect(result.warnings.count == 4)
    }
}
