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

    @Test func aSetIsReadFromSKRsExportWithoutItsAnswers() throws {
        let text = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/sample/lika-socialtjanst-sjalvskattning.tsv")), encoding: .utf8))
        let read = try IndicatorSetReader.read(text.replacingOccurrences(of: "\tPåbörjad\t", with: "\tHalvvägs\t"), source: "export.tsv", key: "x", name: "X")
        #expect(read.set.indicators.map(\.code) == IndicatorSet.likaSocialtjanst.indicators.map(\.code))
        #expect(read.set.indicators.map(\.text) == IndicatorSet.likaSocialtjanst.indicators.map(\.text))
        #expect(IndicatorSetReader.key(fromName: "LIKA Socialtjänst 2016") == "lika-socialtjanst-2016")
    }
}
