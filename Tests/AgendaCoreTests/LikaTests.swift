import AgendaTemplates
import Foundation
import Testing
@testable import AgendaCore

/// Self-assessments against LIKA Socialtjänst: reading SKR's export (the shipped sample), recording,
/// superseding, the access rule, indicator editions, suggestions and links from actions.
@Suite struct LikaTests {
    typealias F = StoreFixtures
    static let at = Timestamp(CalendarDate(year: 2018, month: 7, day: 2), hour: 9)
    static let sample = EmbeddedFiles.sample.text(IndicatorSet.likaSocialtjanstFile)!

    static func sampleInput(unit: String, date: String, department: String? = nil) throws -> AssessmentInput {
        let export = try LikaExportReader.read(sample, source: "sample", answers: .builtIn)
        return AssessmentInput(unit: unit, department: department, date: F.date(date), answers: export.items)
    }

    // MARK: - Reading the export

    @Test func theSampleExportReadsAs41IndicatorsInThreeSteps() throws {
        let export = try LikaExportReader.read(Self.sample, source: "sample", answers: .builtIn)
        #expect(export.rows.count == 41)
        #expect(export.warnings.isEmpty)
        #expect(export.rows.filter { $0.step == 1 }.count == 17)
        #expect(export.rows.filter { $0.step == 2 }.count == 15)
        #expect(export.rows.filter { $0.step == 3 }.count == 9)
        #expect(Set(export.rows.compactMap(\.area)) == ["L", "I", "K", "A"])
        #expect(export.rows.allSatisfy { $0.answer == .started })
        let l9 = try #require(export.rows.first { $0.code == "L9" })
        #expect(l9.indicator == "Det finns etablerat samarbete mellan kommungemensamma IT-funktioner och förvaltningen.")
        #expect(l9.suggestion.hasPrefix("Exempel på aktivitet: upprätta rutiner för regelbundna möten, gemensam långsiktig planering, budgetsamverkan"))
        #expect(l9.line == 27)
        let a4 = try #require(export.rows.first { $0.code == "A4" })
        #expect(a4.area == "A" && a4.areaName == "Användning")
    }

    /// The fuzz round's finding (BENCHMARKS.md "Fuzzing"): a file of a few thousand lines that are not an
    /// export (there an `agenda export` JSON of 5 717 lines) took 1.6 s in the fuzz build, as the reader
    /// compiled its two regular expressions again for every line (≈ 0.25 ms a line: ≈ 4 s for these 15 000
    /// lines). Now ≈ 0.05 ms a line in a debug build (0.8 s); the bound leaves room for a busy machine.
    @Test func aLongFileThatIsNoExportIsRefusedQuickly() throws {
        let text = (1...15_000).map { "    \"area\" : { \"code\" : \"\($0)\", \"name\" : \"Område \($0)\" }," }.joined(separator: "\n")
        // The CPU time of this thread (the read runs on it whole), not the wall clock: the other tests
        // running beside it on a busy machine do not count.
        func threadSeconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
        let start = threadSeconds()
        #expect(throws: AssessmentError.noIndicators(source: "export.json")) {
            try LikaExportReader.read(text, source: "export.json", answers: .builtIn)
        }
        let elapsed = threadSeconds() - start
        #expect(elapsed < 3, "läsningen tog \(elapsed) s")
    }

    @Test func aLongTablePlanOfSectionRowsAndIndicatorsReadsEveryRow() throws {
        // The compiled-once patterns still read what the literals did: section rows, codes with a space.
        let rows = (1...400).map { "I \($0)\tInfrastruktur\tIndikator \($0)\tPåbörjad\tFörslag \($0)" }
        let text = (["Steg 2"] + rows).joined(separator: "\n")
        let export = try LikaExportReader.read(text, source: "lang.tsv", answers: .builtIn)
        #expect(export.rows.count == 400)
        #expect(export.rows.allSatisfy { $0.step == 2 && $0.area == "I" && $0.answer == .started })
        #expect(export.rows.last?.code == "I400")
    }

    @Test func anUnknownAnswerWordIsRefusedWithItsLineAndTheKnownWords() throws {
        let text = Self.sample.replacingOccurrences(of: "tillsammans för att ta fram tydliga och utvärderingsbara mål (2-3 år sikt) för digitalisering.\tPåbörjad", with: "tillsammans för att ta fram tydliga och utvärderingsbara mål (2-3 år sikt) för digitalisering.\tDelvis")
        #expect(throws: AssessmentError.unknownAnswer(line: 7, code: "L3", word: "Delvis", known: MaturityWords.builtIn.known)) {
            try LikaExportReader.read(text, source: "x.tsv", answers: .builtIn)
        }
        let message = AssessmentError.unknownAnswer(line: 7, code: "L3", word: "Delvis", known: MaturityWords.builtIn.known).description
        #expect(message.contains("rad 7") && message.contains("Ej planerad, Planerad, Påbörjad, Nästan där, Uppfyllt, Ej relevant"))
    }

    @Test func otherToolVersionsWordsMapOntoTheScale() {
        #expect(MaturityWords.builtIn.answer(for: "nästan klar") == .almostThere)
        #expect(MaturityWords.builtIn.answer(for: "  Nästan   där ") == .almostThere)
        #expect(MaturityWords.builtIn.answer(for: "UPPFYLLT") == .fulfilled)
        #expect(MaturityWords.builtIn.answer(for: "Ej aktuell") == .notRelevant)
        #expect(MaturityWords.builtIn.answer(for: "Kanske") == nil)
        #expect(MaturityAnswer.almostThere.swedish == "Nästan där")
        #expect(MaturityAnswer.planned.isBelow(.started) && !MaturityAnswer.notRelevant.isBelow(.fulfilled))
    }

    /// A municipality's templates (a folder's labels-sv.tsv and lika-answers.tsv, as ReportGen's TemplateSet
    /// reads them) add words for the scale; a refusal names the words of the templates read.
    @Test func theTemplatesWordsAreReadAndNamedInARefusal() throws {
        let l3 = "tillsammans för att ta fram tydliga och utvärderingsbara mål (2-3 år sikt) för digitalisering.\t"
        let text = Self.sample.replacingOccurrences(of: l3 + "Påbörjad", with: l3 + "Klart")
        #expect(throws: AssessmentError.unknownAnswer(line: 7, code: "L3", word: "Klart", known: MaturityWords.builtIn.known)) {
            try LikaExportReader.read(text, source: "x.tsv", answers: .builtIn)
        }
        let words = try MaturityWords(
            labels: ["lika.answer.fulfilled": "Helt uppfyllt"], synonyms: "# Egna ord\nKlart\tfulfilled\n\nPå gång\tstarted\n", source: "mall/lika-answers.tsv")
        let export = try LikaExportReader.read(text, source: "x.tsv", answers: words)
        #expect(export.rows.first { $0.code == "L3" }?.answer == .fulfilled)
        #expect(export.rows.filter { $0.answer == .started }.count == 40)
        #expect(words.known == ["Ej planerad", "Planerad", "Påbörjad", "Nästan där", "Helt uppfyllt", "Ej relevant"])
        #expect(words.answer(for: " helt  UPPFYLLT") == .fulfilled && words.answer(for: "på gång") == .started)
        #expect(words.word(for: .fulfilled) == "Helt uppfyllt" && MaturityAnswer.fulfilled.swedish == "Uppfyllt")
        #expect(words.answer(for: "Nästan klar") == nil, "the folder's lika-answers.tsv replaces the built-in one")

        let refused = text.replacingOccurrences(of: l3 + "Klart", with: l3 + "Delvis")
        let error = AssessmentError.unknownAnswer(line: 7, code: "L3", word: "Delvis", known: words.known)
        #expect(throws: error) { try LikaExportReader.read(refused, source: "x.tsv", answers: words) }
        #expect(error.description.contains("ange ett av Ej planerad, Planerad, Påbörjad, Nästan där, Helt uppfyllt, Ej relevant"))

        for (synonyms, reason) in [
            ("Klart\tdone", "rad 1: okänt steg \"done\" (kända: notPlanned, planned, started, almostThere, fulfilled, notRelevant)"),
            ("# ord\nKlart fulfilled", "rad 2: väntade \"ord<TAB>steg\""),
            ("Klart\tfulfilled\nklart \tplanned", "rad 2: \"klart\" står redan på rad 1"),
        ] {
            #expect(throws: ImportError.unreadable(path: "mall/lika-answers.tsv", reason: reason)) {
                try MaturityWords(labels: [:], synonyms: synonyms, source: "mall/lika-answers.tsv")
            }
        }
    }

    @Test func theBuiltInSetIsLikaSocialtjanstInAreaAndCodeOrder() {
        let set = IndicatorSet.likaSocialtjanst
        #expect(set.name == "LIKA Socialtjänst")
        #expect(set.areas.map(\.name) == ["Ledning", "Infrastruktur", "Kompetens", "Användning"])
        #expect(set.indicators.count == 41)
        #expect(set.indicators.prefix(4).map(\.code) == ["L1", "L2", "L3", "L4"])
        #expect(set.indicators.firstIndex { $0.code == "L10" }! > set.indicators.firstIndex { $0.code == "L9" }!)
        #expect(set.indicator("i3")?.suggestion == "Exempel på aktivitet: använd SKL:s verktyg KLASSA.")
    }

    // MARK: - Recording

    @Test func aCorrectionSupersedesAndBothStayOnRecord() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let first = try store.recordAssessment(try Self.sampleInput(unit: "Äldreomsorg", date: "2017-03-01"), by: owner, at: Self.at)
        #expect(first.answers.count == 41 && first.corrected == 0 && first.newIndicators.isEmpty)
        let correction = AssessmentInput(unit: "äldreomsorg", date: F.date("2017-03-01"), answers: [
            AssessmentInput.Item(code: "l1", answer: .almostThere, step: 1, comment: "Beslutad i nämnden."),
        ])
        let filing = try store.recordAssessment(correction, by: owner, at: Self.at)
        #expect(filing.corrected == 1)
        #expect(filing.answers[0].supersedes == first.answers.first { $0.code == "L1" }?.number)
        let inForce = try store.answers(AnswerQuery(unit: "Äldreomsorg"))
        #expect(inForce.count == 41)
        let l1 = try #require(inForce.first)
        #expect(l1.code == "L1" && l1.answer == .almostThere && l1.comment == "Beslutad i nämnden." && l1.area.name == "Ledning")
        #expect(l1.indicator.hasPrefix("Det finns politiskt antagna mål"))
        #expect(try store.allAssessmentAnswers().count == 42)
        #expect(throws: StoreError.self) { try store.db.run("UPDATE assessment_answer SET answer = 'fulfilled'") }
        #expect(throws: StoreError.self) { try store.db.run("DELETE FROM assessment_answer") }
        let audit = try store.auditLog().filter { $0.operation == "record assessment" }
        #expect(audit.map(\.target) == ["Äldreomsorg 2017-03-01", "Äldreomsorg 2017-03-01"])
    }

    @Test func asOfAndLatestPickEachUnitsAssessment() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        try store.recordAssessment(try Self.sampleInput(unit: "IFO", date: "2017-03-01"), by: owner, at: Self.at)
        var later = try Self.sampleInput(unit: "IFO", date: "2018-03-01")
        later.answers[0].answer = .fulfilled
        try store.recordAssessment(later, by: owner, at: Self.at)
        #expect(try store.answers().count == 82)
        #expect(try store.answers(AnswerQuery(asOf: F.date("2017-12-31"))).allSatisfy { $0.date == F.date("2017-03-01") })
        #expect(try store.answers(AnswerQuery(latestOnly: true)).count == 41)
        #expect(try store.answers(AnswerQuery(date: F.date("2018-03-01"))).filter { $0.answer == .fulfilled }.count == 1)
        let summaries = try store.assessments()
        #expect(summaries.map(\.date) == [F.date("2017-03-01"), F.date("2018-03-01")])
        #expect(summaries[1].counts == [.started: 40, .fulfilled: 1])
        #expect(throws: StoreError.self) { try store.answers(AnswerQuery(unit: "Skolan")) }
    }

    @Test func aNewIndicatorExtendsTheSetAndAChangedTextKeepsItsHistory() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        try store.recordAssessment(try Self.sampleInput(unit: "IFO", date: "2017-03-01"), by: owner, at: Self.at)
        let filing = try store.recordAssessment(AssessmentInput(unit: "IFO", date: F.date("2018-03-01"), answers: [
            AssessmentInput.Item(code: "L21", indicator: "Förvaltningen har en AI-policy.", answer: .planned),
            AssessmentInput.Item(code: "L1", indicator: "Det finns politiskt antagna mål för digitalisering.", answer: .fulfilled),
        ]), by: owner, at: Self.at)
        #expect(filing.newIndicators == ["L21"] && filing.changedIndicators == ["L1"])
        let set = try store.indicatorSet(key: IndicatorSet.likaSocialtjanstKey)
        #expect(set.indicators.count == 42)
        #expect(set.indicator("L1")?.text == "Det finns politiskt antagna mål för digitalisering.")
        #expect(set.indicator("L1")?.suggestion.hasPrefix("Exempel på aktivitet: handlingsplan") == true)
        let old = try store.answers(AnswerQuery(date: F.date("2017-03-01"))).first { $0.code == "L1" }
        #expect(old?.indicator.hasPrefix("Det finns politiskt antagna mål för digitalisering som innefattar") == true)
        #expect(throws: StoreError.self) {
            try store.recordAssessment(AssessmentInput(unit: "IFO", date: F.date("2018-03-01"), answers: [
                AssessmentInput.Item(code: "X1", indicator: "Okänt område.", answer: .planned),
            ]), by: owner, at: Self.at)
        }
    }

    @Test func aForvaltningRecordsOnlyForItsOwnUnitsAndAReaderNotAtAll() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        let slf = try store.addIdentity(name: "SLF-rapportör", role: .reporter, department: "SLF", by: owner, at: Self.at).identity
        let reader = try store.addIdentity(name: "IT-rådet", role: .reader, by: owner, at: Self.at).identity
        try store.recordAssessment(try Self.sampleInput(unit: "Äldreomsorg", date: "2017-03-01", department: F.skf), by: owner, at: Self.at)
        let before = try store.allAssessmentAnswers().count
        #expect(throws: AccessError.self) {
            try store.recordAssessment(try Self.sampleInput(unit: "Äldreomsorg", date: "2018-03-01"), by: slf, at: Self.at)
        }
        #expect(throws: AccessError.self) {
            try store.recordAssessment(try Self.sampleInput(unit: "Kansliet", date: "2018-03-01"), by: reader, at: Self.at)
        }
        #expect(try store.allAssessmentAnswers().count == before)
        #expect(try store.assessedUnits() == [AssessedUnit(name: "Äldreomsorg", department: F.skf)])
        // A unit a förvaltning names first becomes its own.
        try store.recordAssessment(try Self.sampleInput(unit: "Kansliet", date: "2018-03-01"), by: slf, at: Self.at)
        #expect(try store.assessedUnits().last == AssessedUnit(name: "Kansliet", department: F.slf))
    }

    // MARK: - Suggestions and links

    @Test func suggestionsBelowALevelNameTheLinkedActionsWithTheirStatus() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        var input = try Self.sampleInput(unit: "Äldreomsorg", date: "2018-03-01")
        input.answers[0].answer = .fulfilled   // L1
        input.answers[1].answer = .notRelevant // L2
        input.answers[2].answer = .planned     // L3
        try store.recordAssessment(input, by: owner, at: Self.at)
        #expect(try store.suggestions().count == 39)
        let belowStarted = try store.suggestions(unit: "Äldreomsorg", below: .started)
        #expect(belowStarted.map(\.answer.code) == ["L3"])
        #expect(belowStarted[0].suggestion.hasPrefix("Exempel på aktivitet: avsätt tid"))

        let decision = Decision(reference: "IT-rådet 2018-09-10 §2", date: F.date("2018-09-10"))
        let revision = try store.linkIndicators(action: "1.1", set: IndicatorSet.likaSocialtjanstKey, codes: ["L3", "i2"], decision: decision, by: owner, at: Self.at)
        try store.reportStatus(
            StatusInput(action: "1.1", period: try Period(parsing: "2018Q2"), status: .started, light: .green, comment: "Pågår."),
            by: owner, at: Self.at)
        #expect(try store.suggestions(unit: "Äldreomsorg", below: .started)[0].linkedActions == ["1.1"])
        let linked = try store.linkedActions(set: IndicatorSet.likaSocialtjanstKey, code: "L3")
        #expect(linked.map(\.action.code) == ["1.1"] && linked[0].latest?.status == .started && linked[0].revision == revision.number)
        #expect(try store.indicatorLinks(action: "1.1").map(\.indicator.code) == ["L3", "I2"])
        #expect(try store.revisions().last?.reference == "IT-rådet 2018-09-10 §2")
        #expect(throws: StoreError.self) {
            try store.linkIndicators(action: "1.1", set: IndicatorSet.likaSocialtjanstKey, codes: ["L3"], decision: decision, by: owner, at: Self.at)
        }
        #expect(throws: StoreError.self) {
            try store.linkIndicators(action: "1.1", set: IndicatorSet.likaSocialtjanstKey, codes: ["L99"], decision: decision, by: owner, at: Self.at)
        }
        let reader = try store.addIdentity(name: "IT-rådet", role: .reader, by: owner, at: Self.at).identity
        #expect(throws: AccessError.self) {
            try store.linkIndicators(action: "1.3", set: IndicatorSet.likaSocialtjanstKey, codes: ["L1"], decision: decision, by: reader, at: Self.at)
        }
    }
}
