import AgendaTemplates
import Foundation
import Testing
@testable import AgendaCore

/// A LIKA-based action plan laid out as a table (the fixture is modelled on a social-sector plan with
/// every messiness the layout has) imports as an agenda with linked actions and a self-assessment per
/// verksamhet.
@Suite struct ImportLikaPlanTests {
    typealias F = StoreFixtures
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lika-plan/handlingsplan-lika-socialtjanst.txt")

    static func parse(_ text: String? = nil, format: PlanFormat = .text) throws -> ImportResult {
        let data = try text.map { Data($0.utf8) } ?? Data(contentsOf: fixture)
        return try PlanImporter.parse(data, format: format, labels: LabelTable.standard(), register: OrganisationRegister.standard())
    }

    @Test func sectionsBecomeAreasAndAtgarderBecomeActionsWithTheirIndicators() throws {
        let result = try Self.parse()
        let agenda = result.agenda
        #expect(agenda.title == "Handlingsplan för digitalisering inom socialtjänsten 2019–2020, Mölndals stad")
        #expect(agenda.period == YearSpan(start: 2019, end: 2020))
        #expect(agenda.areas.map(\.title) == ["Övergripande", "Äldreomsorg", "IFO", "Funktionshinderområde"])
        #expect(agenda.actions.map(\.code) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "4.1"])
        let strategy = agenda.actions[0]
        #expect(strategy.title == "Ta fram en digitaliseringsstrategi för socialtjänsten och lyft den till nämnden")
        #expect(strategy.responsibility.text == "Socialchef")
        #expect(strategy.schedule.startYear == 2019 && strategy.schedule.text == "2019-06-30")
        #expect(strategy.otherFields.contains(LabeledText(label: "Steg", text: "1")))
        // The continuation row adds a second action to L1.
        #expect(agenda.actions[1].responsibility.text == "IT-strateg" && agenda.actions[1].schedule.text == "2019-09")
        #expect(agenda.actions[2].schedule.text == "Avvaktar" && agenda.actions[2].schedule.startYear == nil)
        #expect(agenda.actions[3].schedule.text == "december 2019" && agenda.actions[3].schedule.startYear == 2019)
        #expect(agenda.actions[7].responsibility.lead?.department == "Vård- och omsorgsförvaltningen")
        let links = result.indicatorLinks.map { "\($0.action) \($0.codes.joined())" }
        #expect(links == ["1.1 L1", "1.2 L1", "1.3 I3", "1.4 L-LOKAL1", "2.1 L4", "2.2 K5", "3.1 A1", "3.2 A1", "4.1 L6"])
    }

    @Test func theSvarColumnIsASelfAssessmentPerSection() throws {
        let result = try Self.parse()
        #expect(result.assessments.map(\.unit) == ["Övergripande", "Äldreomsorg", "IFO", "Funktionshinderområde"])
        #expect(result.assessmentDate == CalendarDate(year: 2019, month: 1, day: 1))
        let overall = result.assessments[0].answers
        #expect(overall.map(\.code) == ["L1", "L12", "I3", "L-LOKAL1"])
        #expect(overall.map(\.answer) == [.started, .planned, .notPlanned, .planned])
        #expect(overall.allSatisfy { $0.step == 1 })
        #expect(result.assessments[1].answers.map(\.code) == ["L4", "A3"], "K5's \"Delvis uppfyllt\" is no answer")
        let a3 = try #require(result.assessments[1].answers.last)
        #expect(a3.suggestion == "Exempel på aktivitet: kartlägg och analysera hur behoven ser ut, bedöm hur en digitalisering kan effektivisera arbetet.")
        #expect(result.assessments[3].answers.map(\.answer) == [.notRelevant, .notPlanned])
    }

    /// The Svar column is read with the templates' words: a folder whose lika-answers.tsv adds "Delvis
    /// uppfyllt" gives K5 its answer.
    @Test func theSvarColumnIsReadWithTheTemplatesWords() throws {
        let synonyms = try #require(EmbeddedFiles.default.text("lika-answers.tsv")) + "Delvis uppfyllt\talmostThere\n"
        let words = try MaturityWords(labels: [:], synonyms: synonyms, source: "mall/lika-answers.tsv")
        let result = try PlanImporter.parse(
            try Data(contentsOf: Self.fixture), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard(),
            answers: words)
        #expect(result.assessments[1].answers.map(\.code) == ["L4", "A3", "K5"])
        #expect(result.assessments[1].answers.last?.answer == .almostThere)
        #expect(!result.warnings.contains { $0.message.contains("inget steg i skalan") })
    }

    @Test func nothingIsDroppedInSilence() throws {
        let warnings = try Self.parse().warnings
        func warned(_ line: Int, _ text: String) -> Bool { warnings.contains { $0.line == line && $0.message.contains(text) } }
        #expect(warned(5, "instruktionen"))
        #expect(warned(18, "är LIKA:s förslag, inte en beslutad åtgärd, och blir ingen aktivitet"))
        #expect(warned(20, "\"Delvis uppfyllt\" är inget steg i skalan"))
        #expect(warned(28, "hör inte till någon indikator"))
        #expect(warnings.count == 4, "\(warnings)")
    }

    @Test func aMarkdownPipeTableReadsTheSame() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let markdown = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("\t") ? "| " + line.replacingOccurrences(of: "\t", with: " | ") + " |" : String(line)
        }.joined(separator: "\n")
        let result = try Self.parse(markdown, format: .markdown)
        let plain = try Self.parse()
        #expect(result.agenda == plain.agenda)
        #expect(result.assessments == plain.assessments)
    }

    /// The same plan written in Word (one table per section; built by Fixtures/lika-plan/make-docx.py).
    @Test func aWordDocumentWithTablesReadsTheSame() throws {
        let docx = try Data(contentsOf: Self.fixture.deletingPathExtension().appendingPathExtension("docx"))
        let result = try PlanImporter.parse(docx, format: .docx, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        let plain = try Self.parse()
        #expect(result.agenda == plain.agenda)
        #expect(result.assessments == plain.assessments)
        #expect(result.indicatorLinks.map(\.action) == plain.indicatorLinks.map(\.action))
        #expect(result.warnings.count == plain.warnings.count)
    }

    @Test func importingRecordsTheAgendaTheLinksAndTheAssessmentsInOneGo() throws {
        let path = F.temporaryPath()
        let plan = try PlanSource.read(try Data(contentsOf: Self.fixture), filename: "plan.txt", assessmentDate: F.date("2018-11-15"))
        let outcome = try AgendaService.importNew(plan, at: path)
        #expect(outcome.issuedOwner != nil)
        let service = try AgendaService(path: path)
        #expect(try service.assessments().map(\.unit.name) == ["Övergripande", "Äldreomsorg", "IFO", "Funktionshinderområde"])
        #expect(try service.answers().allSatisfy { $0.date == F.date("2018-11-15") })
        #expect(try service.answers(AnswerQuery(unit: "IFO")).map(\.code) == ["A1", "A6"])
        #expect(try service.linkedActions(code: "A1").map(\.action.code) == ["3.1", "3.2"])
        #expect(try service.indicatorLinks(action: "1.4").map(\.indicator.text) == ["Förvaltningen har en gemensam rutin för att ta emot förslag på digitala lösningar från medarbetare."])
        #expect(try service.indicatorLinks(action: "1.1").first?.link.revision == 1, "linked with the adopted plan")
    }

    @Test func withoutAYearInTheTitleTheDateMustBeGiven() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8).replacingOccurrences(of: " 2019–2020", with: "")
        #expect(throws: StoreError.self) { try PlanSource.read(Data(text.utf8), filename: "plan.txt") }
        let plan = try PlanSource.read(Data(text.utf8), filename: "plan.txt", assessmentDate: F.date("2019-02-01"))
        guard case let .parsed(result) = plan else { Issue.record("not parsed"); return }
        #expect(result.assessments.allSatisfy { $0.date == F.date("2019-02-01") })
    }
}
