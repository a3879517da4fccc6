import Foundation
import Testing
@testable import AgendaCore

/// Editions of an indicator set side by side: a LIKA table plan made with an older edition of SKR's tool
/// (Fixtures/lika-plan/handlingsplan-lika-socialtjanst-2016.txt: L7, L4 and A1 reworded or renumbered, A9
/// and I8 unknown to the shipped edition, I8 unanswered but with an åtgärd) imports whole, into an edition
/// of its own, with a warning naming those indicators.
@Suite struct LikaEditionTests {
    typealias F = StoreFixtures
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/lika-plan")
    static let older = fixtures.appendingPathComponent("handlingsplan-lika-socialtjanst-2016.txt")
    static let current = fixtures.appendingPathComponent("handlingsplan-lika-socialtjanst.txt")
    static let planKey = "lika-socialtjanst-plan"

    static func importPlan(_ url: URL, at path: String = F.temporaryPath()) throws -> (AgendaService, ImportOutcome) {
        let outcome = try AgendaService.importNew(try PlanSource.read(try Data(contentsOf: url), filename: url.lastPathComponent), at: path)
        return (try AgendaService(path: path), outcome)
    }

    @Test(arguments: [
        ("Förvaltningen har en strategi för informationssäkerhet.", "förvaltningen  har en strategi för informationssäkerhet", true),
        ("Förvaltningen använder digitala ytor för samarbete och reflektion kollegor emellan.",
         "Förvaltningen använder digitala ytor för samarbete och reflektion kollegor emellan (delar dokument, skapar material).", true),
        ("Förvaltningen arbetar med verksamhetsutveckling med stöd av IT i samverkan med annan extern part.",
         "Förvaltningen arbetar med verksamhetsutveckling med stöd av IT i samverkan med annan extern part - regionalt eller nationellt.", true),
        ("Förvaltningen erbjuder e-tjänster till medborgarna.", "Förvaltningen arbetar aktivt med att skapa e-tjänster för medborgarna.", false),
        ("Förvaltningen har en strategi.", "Förvaltningen har en strategi för informationssäkerhet.", false),
        ("", "", false),
    ])
    func textsAgreeOnlyWhenTheySayTheSame(_ a: String, _ b: String, _ agree: Bool) {
        #expect(IndicatorEdition.textsAgree(a, b) == agree)
        #expect(IndicatorEdition.textsAgree(b, a) == agree)
    }

    @Test func anIndicatorMatchesOnlyWhereCodeAndTextAgree() {
        let set = IndicatorSet.likaSocialtjanst
        let l12 = Indicator(code: "l12", area: "L", text: "Förvaltningen har en strategi för informationssäkerhet.")
        #expect(IndicatorEdition.match(l12, in: set)?.code == "L12")
        #expect(IndicatorEdition.match(Indicator(code: "L13", area: "L", text: l12.text), in: set) == nil, "renumbered")
        #expect(IndicatorEdition.match(Indicator(code: "L12", area: "L", text: "Förvaltningen har en IT-strategi."), in: set) == nil, "reworded")
    }

    @Test func aPlanOfAnOlderEditionImportsWithAWarningNamingItsUnknownIndicators() throws {
        let (service, outcome) = try Self.importPlan(Self.older)
        let edition = outcome.warnings.filter { $0.contains("egen utgåva") }
        #expect(edition.count == 1, "\(outcome.warnings)")
        let warning = try #require(edition.first)
        #expect(warning.hasPrefix("rad 8: planen har 5 indikatorer som LIKA Socialtjänst inte har med samma kod och lydelse: L7 (rad 8), I8 (rad 10), L4 (rad 14), A9 (rad 15), A1 (rad 21);"), "\(warning)")
        #expect(warning.contains("(\(Self.planKey))") && warning.contains("(4 av 9 indikatorer)"))

        // The plan's own edition holds every indicator as written; the shipped edition is untouched.
        let sets = try service.knownIndicatorSets()
        #expect(sets.map(\.key) == [Self.planKey, IndicatorSet.likaSocialtjanstKey])
        let own = sets[0]
        #expect(own.name == "LIKA Socialtjänst (planens utgåva)")
        #expect(own.indicators.map(\.code) == ["L1", "L4", "L7", "I3", "I8", "K5", "A1", "A6", "A9"])
        #expect(own.indicator("L4")?.text == "IT-frågor är en stående punkt på ledningsgruppens möten.")
        #expect(own.indicator("A9")?.suggestion == "Exempel på aktivitet: pröva kameror för nattillsyn i en hemtjänstgrupp.")
        #expect(sets[1] == IndicatorSet.likaSocialtjanst)

        // Self-assessments per verksamhet, with the plan's codes and texts.
        #expect(try service.assessments().map { "\($0.unit.name) \($0.set) \($0.total)" } == [
            "Övergripande \(Self.planKey) 3", "Äldreomsorg \(Self.planKey) 3", "IFO \(Self.planKey) 2",
        ])
        let aldreomsorg = try service.answers(AnswerQuery(unit: "Äldreomsorg"))
        #expect(aldreomsorg.map(\.code) == ["L4", "K5", "A9"])
        #expect(aldreomsorg.map(\.answer) == [.started, .almostThere, .planned])
        #expect(aldreomsorg.allSatisfy { $0.step == 2 && $0.date == F.date("2017-01-01") })
        #expect(aldreomsorg[0].indicator == "IT-frågor är en stående punkt på ledningsgruppens möten.")

        // Åtgärder with their ansvarig, linked to the plan's indicators — I8 too, which has no answer.
        let agenda = try service.agenda()
        #expect(agenda.actions.map(\.code) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2"])
        #expect(agenda.actions.map(\.responsibility.text) == [
            "Socialchef", "IT-strateg", "Informationssäkerhetssamordnare", "IT-strateg", "Verksamhetschef äldreomsorg",
            "Enhetschef hemtjänst", "Enhetschef försörjningsstöd", "Vård- och omsorgsförvaltningen, IT-avdelningen",
        ])
        #expect(try service.linkedActions(code: "I8", set: Self.planKey).map(\.action.code) == ["1.4"])
        #expect(try service.linkedActions(code: "A1", set: Self.planKey).map(\.action.code) == ["3.1", "3.2"])
        #expect(try service.indicatorLinks(action: "2.2").map { "\($0.link.set) \($0.indicator.code)" } == ["\(Self.planKey) A9"])
    }

    @Test func aPlanOfTheShippedEditionStaysInIt() throws {
        let (service, outcome) = try Self.importPlan(Self.current)
        #expect(!outcome.warnings.contains { $0.contains("egen utgåva") })
        #expect(try service.knownIndicatorSets().map(\.key) == [IndicatorSet.likaSocialtjanstKey])
        #expect(try service.assessments().allSatisfy { $0.set == IndicatorSet.likaSocialtjanstKey })
    }

    /// The older edition loaded first (as a table of area, code, text and suggestion): the plan agrees
    /// with it throughout, so it is recorded in it and nothing is warned of.
    @Test func aLoadedEditionTakesThePlanThatAgreesWithIt() throws {
        let path = F.temporaryPath()
        let owner = try AgendaService.createDatabase(at: path).identity
        let service = try AgendaService(path: path, access: .write)
        let table = """
            Område\tKod\tIndikator\tAktivitetsförslag
            Ledning\tL1\tDet finns politiskt antagna mål för digitalisering som innefattar beskrivning av långsiktig nytta.\tExempel på aktivitet: en strategi.
            Ledning\tL4\tIT-frågor är en stående punkt på ledningsgruppens möten.\t
            Ledning\tL7\tFörvaltningen har en IT-strategi som är förankrad i ledningsgruppen.\t
            Infrastruktur\tI3\tFörvaltningens IT-system är informationssäkerhetsklassade.\t
            Infrastruktur\tI8\tFörvaltningen har en reservrutin för när verksamhetssystemen inte fungerar.\t
            Kompetens\tK5\tDet finns en strategi för att ge brukare kompetens att använda digitala lösningar.\t
            Användning\tA1\tFörvaltningen erbjuder e-tjänster till medborgarna.\t
            Användning\tA6\tFörvaltningen har en tjänst för informationsinhämtande för ekonomiskt bistånd.\t
            Användning\tA9\tFörvaltningen använder digital nattillsyn i hemtjänsten.\t
            """
        let read = try IndicatorSetReader.read(table, source: "lika-2016.tsv", key: "lika-socialtjanst-2016", name: "LIKA Socialtjänst 2016")
        #expect(read.set.indicators.count == 9 && read.warnings.isEmpty)
        #expect(read.set.areas == IndicatorSet.likaAreas)
        let matches = try service.loadIndicatorSet(read.set, by: owner)
        #expect(matches.map { "\($0.set.key) \($0.matched)" } == ["lika-socialtjanst 4"])
        #expect(throws: StoreError.alreadyExists(.indicatorSet("lika-socialtjanst-2016"))) {
            try service.loadIndicatorSet(read.set, by: owner)
        }
        var shipped = read.set
        shipped.key = IndicatorSet.likaSocialtjanstKey
        #expect(throws: StoreError.alreadyExists(.indicatorSet(IndicatorSet.likaSocialtjanstKey))) {
            try service.loadIndicatorSet(shipped, by: owner)
        }

        let outcome = try service.importPlan(try PlanSource.read(try Data(contentsOf: Self.older), filename: "plan.txt"), by: owner)
        #expect(!outcome.warnings.contains { $0.contains("egen utgåva") })
        #expect(try service.assessments().allSatisfy { $0.set == "lika-socialtjanst-2016" })
        #expect(try service.knownIndicatorSets().map(\.key) == ["lika-socialtjanst-2016", IndicatorSet.likaSocialtjanstKey])
    }

    /// The project's own export of another edition (Fixtures/lika-export/lika-socialtjanst-annan-utgava.tsv,
    /// in the shipped export's format: L1, L12, I3 and A5 as shipped, K3 reworded, A10 unknown to the shipped
    /// edition) after an assessment of the shipped edition: it imports whole, into the export's own edition.
    static let otherExport = fixtures.deletingLastPathComponent().appendingPathComponent("lika-export/lika-socialtjanst-annan-utgava.tsv")
    static let exportKey = "lika-socialtjanst-export"

    static func readExport(_ url: URL) throws -> LikaExportReader.Export {
        try LikaExportReader.read(try String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent, answers: .builtIn)
    }

    @Test func anExportOfAnotherEditionImportsWholeIntoAnEditionOfItsOwn() throws {
        let path = F.temporaryPath()
        let owner = try AgendaService.createDatabase(at: path).identity
        let service = try AgendaService(path: path, access: .write)
        let shipped = try LikaExportReader.read(LikaTests.sample, source: "sample", answers: .builtIn)
        let first = try service.importAssessment(shipped, unit: "Äldreomsorg", date: F.date("2017-03-01"), by: owner)
        #expect(first.warnings.isEmpty && first.filing.answers.count == 41)
        #expect(try service.knownIndicatorSets().map(\.key) == [IndicatorSet.likaSocialtjanstKey])

        // A refused import changes nothing, its own edition neither.
        let export = try Self.readExport(Self.otherExport)
        #expect(throws: StoreError.self) { try service.importAssessment(export, unit: "Äldreomsorg", date: F.date("2099-01-01"), by: owner) }
        #expect(try service.knownIndicatorSets().map(\.key) == [IndicatorSet.likaSocialtjanstKey])

        let imported = try service.importAssessment(export, unit: "Äldreomsorg", date: F.date("2018-03-01"), by: owner)
        #expect(imported.warnings.map(\.description) == [
            "rad 6: exporten har 2 indikatorer som LIKA Socialtjänst inte har med samma kod och lydelse: K3 (rad 6), A10 (rad 9); "
                + "exportens indikatorer sparas med kod och lydelse som i exporten i en egen utgåva, LIKA Socialtjänst (exportens utgåva) "
                + "(\(Self.exportKey)), och jämförs med LIKA Socialtjänst bara där kod och lydelse stämmer (4 av 6 indikatorer)",
        ])
        let sets = try service.knownIndicatorSets()
        #expect(sets.map(\.key) == [IndicatorSet.likaSocialtjanstKey, Self.exportKey])
        #expect(sets[0] == IndicatorSet.likaSocialtjanst, "the shipped edition is untouched")
        let own = sets[1]
        #expect(own.name == "LIKA Socialtjänst (exportens utgåva)")
        #expect(own.indicators.map(\.code) == ["L1", "L12", "I3", "K3", "A5", "A10"])
        #expect(own.indicator("K3")?.text == "Förvaltningen har en plan för hur medarbetarnas digitala kompetens ska utvecklas.")
        #expect(own.indicator("A10")?.suggestion == "Exempel på aktivitet: pröva videomöten i försörjningsstödet.")

        // Another verksamhet's export of that edition goes into it, without a warning.
        let ifo = try service.importAssessment(export, unit: "IFO", date: F.date("2018-03-01"), by: owner)
        #expect(ifo.warnings.isEmpty)
        #expect(try service.knownIndicatorSets().count == 2)

        // The answers per verksamhet, with the export's codes and texts.
        #expect(try service.assessments().map { "\($0.unit.name) \($0.date) \($0.set) \($0.total)" } == [
            "Äldreomsorg 2017-03-01 \(IndicatorSet.likaSocialtjanstKey) 41", "Äldreomsorg 2018-03-01 \(Self.exportKey) 6",
            "IFO 2018-03-01 \(Self.exportKey) 6",
        ])
        for unit in ["Äldreomsorg", "IFO"] {
            let answers = try service.answers(AnswerQuery(unit: unit, date: F.date("2018-03-01")))
            #expect(answers.map(\.code) == ["L1", "L12", "I3", "K3", "A5", "A10"])
            #expect(answers.map(\.answer) == [.fulfilled, .almostThere, .started, .planned, .fulfilled, .notPlanned])
            #expect(answers.map(\.step) == [1, 1, 1, 1, 2, 2])
            #expect(answers.first { $0.code == "K3" }?.indicator == own.indicator("K3")?.text)
        }
        // The earlier assessment keeps the shipped edition's K3.
        let before = try service.answers(AnswerQuery(unit: "Äldreomsorg", date: F.date("2017-03-01")))
        #expect(before.first { $0.code == "K3" }?.indicator == IndicatorSet.likaSocialtjanst.indicator("K3")?.text)
    }

    /// `--set` names the one edition to place the export in: one that lacks an indicator gives the export an
    /// edition of its own based on it, never a refusal.
    @Test func anExportPlacedInANamedEditionThatLacksItsIndicatorsGetsItsOwn() throws {
        let path = F.temporaryPath()
        let owner = try AgendaService.createDatabase(at: path).identity
        let service = try AgendaService(path: path, access: .write)
        let shipped = try LikaExportReader.read(LikaTests.sample, source: "sample", answers: .builtIn)
        let own = try service.importAssessment(
            shipped, unit: "IFO", date: F.date("2018-03-01"), set: IndicatorSet.likaSocialtjanstKey, by: owner)
        #expect(own.warnings.isEmpty && own.filing.answers.allSatisfy { $0.set == IndicatorSet.likaSocialtjanstKey })
        let loaded = try IndicatorSetReader.read(
            "Område\tKod\tIndikator\tAktivitetsförslag\nLedning\tL1\tEtt annat L1.\t\n", source: "x.tsv", key: "annan", name: "Annan")
        try service.loadIndicatorSet(loaded.set, by: owner)
        let placed = try service.importAssessment(shipped, unit: "IFO", date: F.date("2018-04-01"), set: "annan", by: owner)
        #expect(placed.warnings.count == 1)
        #expect(placed.warnings[0].description.hasPrefix("rad 5: exporten har 41 indikatorer som Annan inte har med samma kod och lydelse: L1 (rad 5), L2 (rad 6),"))
        #expect(placed.warnings[0].description.hasSuffix("i en egen utgåva, Annan (exportens utgåva) (annan-export), och jämförs med Annan bara där kod och lydelse stämmer (0 av 41 indikatorer)"))
        #expect(placed.filing.answers.allSatisfy { $0.set == "annan-export" })
        #expect(throws: StoreError.self) { try service.importAssessment(shipped, unit: "IFO", date: F.date("2018-05-01"), set: "okänd", by: owner) }
    }

    @Test func aSetIsReadFromSKRsExportWithoutItsAnswers() throws {
        let text = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/sample/lika-socialtjanst-sjalvskattning.tsv")), encoding: .utf8))
        let read = try IndicatorSetReader.read(text.replacingOccurrences(of: "\tPåbörjad\t", with: "\tHalvvägs\t"), source: "export.tsv", key: "x", name: "X")
        #expect(read.set.indicators.map(\.code) == IndicatorSet.likaSocialtjanst.indicators.map(\.code))
        #expect(read.set.indicators.map(\.text) == IndicatorSet.likaSocialtjanst.indicators.map(\.text))
        #expect(IndicatorSetReader.key(fromName: "LIKA Socialtjänst 2016") == "lika-socialtjanst-2016")
    }
}
