import Foundation
import Testing
@testable import AgendaCore

/// A regional plan in Markdown with other labels and layout (``RegionPlanFixture``).
@Suite struct ImportMarkdownTests {
    let result: ImportResult
    var agenda: Agenda { result.agenda }

    init() throws {
        result = try ImportTestSupport.importText(RegionPlanFixture.markdown, format: .markdown)
    }

    @Test func numbersUnnumberedAreasAndProjectsInOrder() {
        #expect(agenda.areas.map(\.number) == [1, 2, 3])
        #expect(agenda.areas.map(\.title) == ["Digital välfärd", "Skola och lärande", "Infrastruktur"])
        #expect(agenda.subAreas.map(\.code) == ["1.1", "1.2", "2.1", "3.1"])
        #expect(agenda.actions.map(\.code) == ["1.1", "1.2", "2.1", "3.1"])
        #expect(agenda.actions.map(\.title) == [
            "Digitala tillsynsbesök", "Läkemedelsrobotar", "Programmering i grundskolan", "Bredband på landsbygden",
        ])
        #expect(agenda.actions.map(\.subAreaCode) == ["1.1", "1.2", "2.1", "3.1"])
    }

    @Test func readsTitleAndHeaderLabels() {
        #expect(agenda.title == "Digital agenda för Region Exempel 2020–2022")
        #expect(agenda.organisation == "Region Exempel")
        #expect(agenda.period == YearSpan(start: 2020, end: 2022))
        #expect(agenda.decidedBy == "Regionstyrelsen")
        #expect(agenda.owner == "Digitaliseringsstrateg")
        #expect(agenda.description == "Agendan samlar regionens och kommunernas gemensamma digitaliseringsprojekt.")
        #expect(agenda.areas[0].description == "Välfärden ska bli mer tillgänglig med digitala verktyg.")
    }

    @Test func mapsRegionalLabelsToFields() throws {
        let action = try #require(agenda.action(code: "1.1"))
        #expect(action.background == "Hemtjänsten provar tillsyn via kamera nattetid i stället för fysiska besök.")
        #expect(action.plan == PlanText(text: "Upphandla kameratillsyn och inför den i två kommuner."))
        #expect(action.cost.text == "400 000 kr samt eSamordnare motsvarande 30% av helårstjänst")
        #expect(action.otherFields == [LabeledText(label: "Kommunens roll", text: "Kommunerna utser kontaktpersoner.")])
        #expect(action.responsibility.text == "Socialförvaltningen")
        #expect(action.schedule.text == "2020–2021")
    }

    @Test func continuesListAfterRepeatedLetterhead() throws {
        #expect(try #require(agenda.action(code: "1.1")).effectGoals == [
            "Fler brukare får tillsyn utan att väckas", "Personalen sparar restid", "Tryggare nätter för anhöriga",
        ])
    }

    @Test func readsLabelWrittenAsHeadingAsFieldOfProjectAbove() throws {
        let action = try #require(agenda.action(code: "1.2"))
        #expect(action.effectGoals == ["Färre missade doser. Säkrare läkemedelshantering."])
        #expect(action.cost.text == "Inom befintlig budget")
        #expect(action.schedule.text == "2021")
        #expect(agenda.subAreas.count == 4)
    }

    @Test func readsEmphasisedLabelsWithListsAndSteps() throws {
        let action = try #require(agenda.action(code: "2.1"))
        #expect(action.plan == PlanText(
            text: "1. Utbilda lärare i programmering\n2. Köp in material till skolorna",
            steps: [PlanStep(number: 1, text: "Utbilda lärare i programmering"), PlanStep(number: 2, text: "Köp in material till skolorna")]
        ))
        #expect(action.effectGoals == ["Alla elever har programmerat före årskurs 6."])
        #expect(action.cost.text == "- 150 000 kr per år\n- IT-pedagog motsvarande 50% av helårstjänst")
        #expect(action.otherFields == [LabeledText(label: "Kommunens roll", text: "Skolorna avsätter tid för fortbildning.")])
        #expect(action.responsibility.text == "Utbildningsförvaltningen")
        #expect(action.schedule.text == "2020-2022")
    }

    @Test func keepsUnplacedTextInBackground() throws {
        #expect(try #require(agenda.action(code: "1.2")).background == "Robotar delar ut läkemedel i hemmet.\n\nDetta stycke hör inte till något fält.")
        #expect(try #require(agenda.action(code: "2.1")).background == "Programmering ingår i läroplanen.\n\nStatus: pågår")
    }

    @Test func readsPlainLabels() throws {
        let action = try #require(agenda.action(code: "3.1"))
        #expect(action.background == "Alla hushåll ska kunna få snabbt bredband.")
        #expect(action.plan.text == "Ta fram en bredbandsstrategi.")
        #expect(action.effectGoals == ["Fler hushåll på landsbygden når 100 Mbit/s."])
        #expect(action.cost.text == "2 mnkr")
        #expect(action.responsibility.text == "Regionutvecklingsnämnden")
        #expect(action.schedule.text == "2022")
    }

    @Test func warnsForFurnitureUnplacedLinesAndMissingFields() {
        let letterhead = "\"Region Exempel / Regionkansliet, Box 123, 123 45 Exempelstad / www.regionexempel.se\""
        #expect(result.warnings.map(\.description) == [
            "rad 1: upprepat sidhuvud eller sidfot borttaget (3 rader): \(letterhead)",
            "rad 29: upprepat sidhuvud eller sidfot borttaget (3 rader): \(letterhead)",
            "rad 45: aktivitet 1.2 \"Läkemedelsrobotar\" saknar Ansvarig; det som saknas lämnas okänt",
            "rad 57: texten efter fältet \"Tidsplan:\" passar inte i något fält; behållen i bakgrunden till aktivitet 1.2",
            "rad 83: okänd rubrik \"Status:\"; behållen i bakgrunden till aktivitet 2.1",
            "rad 85: upprepat sidhuvud eller sidfot borttaget (3 rader): \(letterhead)",
        ])
    }

    @Test func keepsNumbersWrittenInMarkdownHeadings() throws {
        let markdown = """
            # Handlingsplan för Exempelby kommun

            ## 1. Extern service

            ### 1.2 E-tjänster

            Handlingsplan: Inför e-tjänster.

            ## 2. Intern effektivitet

            ### 2.3. Bättre processtöd

            #### Processverktyg

            Handlingsplan: Inför processverktyg.

            #### Geodataflöden

            Handlingsplan: Kartlägg geodataflöden.

            """
        let agenda = try ImportTestSupport.importText(markdown, format: .markdown).agenda
        #expect(agenda.areas.map(\.number) == [1, 2])
        #expect(agenda.subAreas.map(\.code) == ["1.2", "2.3"])
        #expect(agenda.actions.map(\.code) == ["1.2", "2.3a", "2.3b"])
        #expect(agenda.actions.map(\.title) == ["E-tjänster", "Processverktyg", "Geodataflöden"])
    }
}
