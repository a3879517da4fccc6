import Foundation
import Testing
@testable import AgendaCore

/// The real Mölndal plan, imported whole.
@Suite struct ImportMolndalTests {
    let result: ImportResult
    var agenda: Agenda { result.agenda }

    init() throws {
        result = try ImportTestSupport.importMolndal()
    }

    @Test func importsNineAreasThirtyThreeSubAreasThirtyFourActions() {
        #expect(agenda.areas.count == 9)
        #expect(agenda.subAreas.count == 33)
        #expect(agenda.actions.count == 34)
        #expect(agenda.areas.map(\.number) == Array(1...9))
        #expect(agenda.areas.map(\.title) == [
            "Extern service", "Intern effektivitet", "Informationssäkerhet", "Bredband", "E-hälsa",
            "Utbildning", "Grön IT", "E-arkiv", "Öppna data",
        ])
    }

    @Test func codesActionsBySubAreaWithLettersAndAreaNumber() {
        #expect(agenda.actions.map(\.code) == [
            "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "2.2", "2.3a", "2.3b", "3.1", "3.2", "4",
            "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9", "6.1", "6.2", "6.3", "6.4", "6.5",
            "7.1", "8.1", "8.2", "8.3", "9.1", "9.2",
        ])
    }

    @Test func readsPlanMetadataFromTitleAndHeaderBlock() {
        #expect(agenda.title == "Handlingsplan - Digital agenda för Mölndals stad")
        #expect(agenda.organisation == "Mölndals stad")
        #expect(agenda.decidedBy == "Stadsdirektören")
        #expect(agenda.owner == "IT-chef")
        #expect(agenda.period == YearSpan(start: 2017, end: 2019))
        #expect(agenda.effectiveDate == nil)
        #expect(agenda.description == """
            Genom utveckling inom de nio insatsområdena med handlingsplaner och aktiviteter kan vi bidra till en bättre samhällsservice, skapa en kostnadseffektivare verksamhet samt förstärka stadens varumärke.

            Denna handlingsplan beskriver ett antal aktiviteter inom de nio insatsområdena som bör genomföras under åren 2017-2019. Handlingsplanen kan komma att revideras under periodens gång efter beslut i centrala IT-rådet.
            """)
    }

    @Test(arguments: molndalExpectedActions)
    func importsActionFieldsVerbatim(_ expected: ExpectedAction) throws {
        let action = try #require(agenda.action(code: expected.code))
        #expect(action.areaNumber == expected.areaNumber)
        #expect(action.subAreaCode == expected.subAreaCode)
        #expect(action.title == expected.title)
        #expect(action.background == expected.background)
        #expect(action.plan.text == expected.planText)
        #expect(action.plan.steps == expected.steps)
        #expect(action.responsibility.text == expected.responsibility)
        #expect(action.schedule.text == expected.schedule)
        #expect(action.cost.text == expected.cost)
        #expect(action.cost.parts == expected.costParts)
        #expect(action.effectGoals == expected.effectGoals)
    }

    @Test func keepsSubAreaWithoutActionAndItsReference() throws {
        let sub = try #require(agenda.subAreas.first { $0.code == "2.1" })
        #expect(sub.title == "E-tjänster")
        #expect(sub.reference == "1.2")
        #expect(sub.description == """
            Genom att erbjuda medborgare och företag kommunala tjänster digitalt så möjliggörs interna effektiviseringsvinster inom den kommunala administrationen. För att uppnå dessa vinster krävs en anpassning till nya arbetssätt.

            Se vidare under punkten 1.2 ovan.
            """)
        #expect(!agenda.actions.contains { $0.subAreaCode == "2.1" })
        #expect(agenda.subAreas.filter { $0.reference != nil }.map(\.code) == ["2.1"])
    }

    @Test func splitsSubAreaWithTwoSubHeadingsIntoTwoActions() throws {
        let sub = try #require(agenda.subAreas.first { $0.code == "2.3" })
        #expect(sub.title == "Bättre processtöd")
        #expect(sub.description == "")
        #expect(agenda.actions.filter { $0.subAreaCode == "2.3" }.map(\.title) == [
            "Processverktyg", "Processkartläggning för digitala geodataflöden",
        ])
    }

    @Test func importsAreaWithoutSubAreas() throws {
        #expect(agenda.subAreas(inArea: 4).isEmpty)
        let action = try #require(agenda.action(code: "4"))
        #expect(action.subAreaCode == nil)
        #expect(action.title == "Bredband")
        #expect(agenda.areas[3].description == "")
    }

    @Test func leavesMissingTidsplanUnknown() throws {
        let action = try #require(agenda.action(code: "2.3b"))
        #expect(action.schedule.text == nil)
        #expect(agenda.actions.filter { $0.schedule.text == nil }.map(\.code) == ["2.3b"])
    }

    @Test func keepsAreaIntroductionsAsAreaDescriptions() {
        let described = agenda.areas.filter { !$0.description.isEmpty }
        #expect(described.map(\.number) == [5, 8, 9])
        #expect(agenda.areas[4].description == "Arbetet med e-hälsa ska syfta till att förbättra människors hälsa, delaktighet och självständighet samt bidra till goda arbetsförhållanden för personal i vård och omsorg.")
        #expect(agenda.areas[7].description == "Mölndals stad införde under 2015 ett system för e-arkiv med ambitionen att ansluta alla verksamhetssystem, som levererar allmän handling som ska bevaras, till e-arkivet senast 2018-12-31.")
        #expect(agenda.areas[8].description == "Mölnadal stad ska verka för att publicera relevanta datakällor och offentliga handlingar externt som webbtjänster via stadens hemsida.")
    }

    @Test func readsHeadingsWrittenWithTrailingDot() {
        #expect(agenda.subAreas(inArea: 8).map(\.code) == ["8.1", "8.2", "8.3"])
        #expect(agenda.subAreas(inArea: 8).map(\.title) == [
            "Informationssökning i e-arkivet", "Digitaliseringsprojekt", "Använda e-arkiv som arkivredovisningssystem",
        ])
    }

    @Test func keepsNumberedListsInsideActionsAsText() throws {
        #expect(try #require(agenda.action(code: "2.2")).plan.steps.map(\.number) == [1, 2, 3, 4])
        #expect(try #require(agenda.action(code: "2.2")).plan.steps[0].text == "Dokumentera behovsanalys som beaktar förvaltningarnas önskemål.")
        #expect(try #require(agenda.action(code: "3.2")).background.contains("\n\n1. Strängare krav på företag och myndigheter"))
        #expect(try #require(agenda.action(code: "5.2")).background.contains("1. *Konsument:* Vårdpersonal"))
        #expect(try #require(agenda.action(code: "3.2")).plan.steps.count == 2)
    }

    @Test func readsLabelVariantsOfTheMolndalText() throws {
        #expect(try #require(agenda.action(code: "4")).responsibility.text == "Stadsledningsförvaltningen, IT-avdelningen")
        #expect(try #require(agenda.action(code: "2.2")).effectGoals == ["Snabbare och bättre beslutsunderlag i realtid som kan bidra till att verksamheten kan uppfylla de kvalitativa målsättningarna."])
        #expect(try #require(agenda.action(code: "3.1")).effectGoals == ["Bättre kontroll över säkerheten kring stadens lagrade information. Tydligare regel- efterlevnad."])
        #expect(agenda.actions.allSatisfy { $0.cost.text != nil && !$0.responsibility.text.isEmpty && !$0.plan.text.isEmpty && !$0.effectGoals.isEmpty })
    }

    @Test func keepsFootnoteAndMarkupVerbatim() throws {
        let action = try #require(agenda.action(code: "9.2"))
        #expect(action.otherFields == [LabeledText(label: "Fotnot", text: "*1 API= Application Programming Interface, Programmerbar utvecklingsmiljö för appar och informations- och kommunikationstjänster")])
        #expect(action.plan.text.contains("öppna API:er^{*1} där staden"))
        #expect(agenda.actions.filter { !$0.otherFields.isEmpty }.map(\.code) == ["9.2"])
    }

    @Test func reportsSkippedAndDroppedLinesWithLineNumbers() {
        #expect(result.warnings.map(\.description) == [
            "rad 5: sidhuvudet \"Styrdokument\" (\"Handlingsplan\") har ingen plats i planen och importeras inte",
            "rad 8: innehållsförteckningen hoppades över (rad 8–49)",
            "rad 51: upprepad dokumenttitel borttagen som sidhuvud eller sidfot: \"Handlingsplan – Digital agenda för Mölndals stad\"",
            "rad 293: aktivitet 2.3b \"Processkartläggning för digitala geodataflöden\" saknar Tidsplan; det som saknas lämnas okänt",
        ])
    }

    @Test func importsTheSameWithBOMAndCRLF() throws {
        let text = try String(contentsOf: ImportTestSupport.molndalURL, encoding: .utf8)
        let windows = Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
        let again = try PlanImporter.parse(windows, format: .text, labels: LabelTable.standard())
        #expect(again.agenda == agenda)
        #expect(again.warnings == result.warnings)
    }
}
