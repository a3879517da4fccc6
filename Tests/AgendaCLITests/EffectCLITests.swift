import Foundation
import Testing

/// `agenda effect …` and the goals in `show action`, through the built binary on the demo database.
@Suite struct EffectCLITests {
    let folder: TemporaryFolder
    let db: String

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
    }

    private func agenda(token: String? = nil, _ arguments: String...) throws -> AgendaProcess.Result {
        var environment = ["AGENDA_DB": db]
        if let token { environment["AGENDA_TOKEN"] = token }
        return try AgendaProcess.run(arguments, environment: environment)
    }

    private func demoTokens() throws -> [String: String] {
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
        return DemoTokens.parse(demo.stdout)
    }

    private func expectRefusal(_ result: AgendaProcess.Result, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aFörvaltningAssessesItsGoalsAndTheListShowsWhatIsInForce() throws {
        let tokens = try demoTokens()
        let slf = try #require(tokens["Stadsledningsförvaltningen"])
        let school = try #require(tokens["Skolförvaltningen"])
        expectRefusal(
            try agenda(token: school, "effect", "set", "1.2", "1", "--period", "2019", "--assessment", "Uppnått", "--comment", "x"),
            containing: "ansvaret ligger hos Stadsledningsförvaltningen")
        expectRefusal(
            try agenda(token: slf, "effect", "set", "1.2", "3", "--period", "2019", "--assessment", "Uppnått", "--comment", "x"),
            containing: "aktiviteten 1.2 har bara ett effektmål, nummer 1")
        let first = try agenda(
            token: slf, "effect", "set", "1.2", "1", "--period", "2019", "--assessment", "delvis uppnått", "--value", "12,5",
            "--measured-on", "2019-12-31", "--source", "Ärendestatistik", "--comment", "Halvvägs.")
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("Effektmål 1 i 1.2 för 2019 är bedömt: Delvis uppnått, uppmätt 12,5"))
        let second = try agenda(token: slf, "effect", "set", "1.2", "1", "--period", "2019", "--assessment", "Uppnått", "--comment", "Klart.")
        #expect(second.stdout.contains("(rättar bedömning"), "stdout: \(second.stdout)")

        let listed = try agenda("effect", "list", "--action", "1.2", "--period", "2019", "--json")
        #expect(listed.status == 0, "stderr: \(listed.stderr)")
        let objects = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
        #expect(objects.count == 1, "the correction is in force, the first assessment superseded")
        let object = try #require(objects.first)
        #expect(Set(object.keys) == ["action", "goal", "text", "period", "assessment", "value", "comment"])
        #expect(object["action"] as? String == "1.2")
        #expect(object["goal"] as? Int == 1)
        #expect(object["assessment"] as? String == "Uppnått")
        #expect(object["value"] is NSNull, "the correction gave no value")
        #expect(object["comment"] as? String == "Klart.")
        #expect((object["text"] as? String)?.hasPrefix("Bättre service") == true)

        let history = try agenda("effect", "history", "1.2")
        #expect(history.stdout.contains("Delvis uppnått [ersatt]"), "stdout: \(history.stdout)")
        #expect(history.stdout.contains("Uppmätt värde: 12,5\u{00A0}st (2019-12-31, Ärendestatistik)"), "stdout: \(history.stdout)")
        let all = try agenda("effect", "list", "--json")
        let everything = try #require(try JSONSerialization.jsonObject(with: all.stdoutData) as? [[String: Any]])
        #expect(everything.contains { $0["period"] as? String == "2019" && $0["action"] as? String == "1.2" })
    }

    @Test func theOwnerSetsAMeasureUnderADecisionAndShowActionListsIt() throws {
        let tokens = try demoTokens()
        let owner = try #require(tokens["IT-chef"])
        let slf = try #require(tokens["Stadsledningsförvaltningen"])
        expectRefusal(
            try agenda(token: slf, "effect", "measure", "1.2", "1", "--indicator", "Andel", "--decision", "IT-rådet 2019-02-01 §2"),
            containing: "får inte ändra planen")
        let set = try agenda(
            token: owner, "effect", "measure", "1.2", "1", "--indicator", "Andel ärenden som inkommer digitalt", "--unit", "%",
            "--baseline", "12", "--baseline-date", "2017-01-01", "--target", "30", "--target-year", "2019", "--direction", "higher",
            "--decision", "IT-rådet 2019-02-01 §2")
        #expect(set.status == 0, "stderr: \(set.stderr)")
        #expect(set.stdout.contains("Andel ärenden som inkommer digitalt: 12\u{00A0}% (2017-01-01) → 30\u{00A0}% till 2019, högre är bättre"), "stdout: \(set.stdout)")
        let shown = try agenda("show", "action", "1.2")
        #expect(shown.stdout.contains("Effektmål:\n  1. Bättre service"), "stdout: \(shown.stdout)")
        #expect(shown.stdout.contains("     mått: Andel ärenden som inkommer digitalt"), "stdout: \(shown.stdout)")
        let revisions = try agenda("revisions")
        #expect(revisions.stdout.contains("IT-rådet 2019-02-01 §2"), "a revision like any plan change")
        let both = try agenda(token: owner, "effect", "measure", "1.2", "1", "--remove", "--target", "3")
        #expect(both.status == 64 && both.stderr.contains("--remove tar bort måttet"), "a usage error: \(both.stderr)")
    }

    /// The import lists its proposals as suggestions and stores none; the printed command confirms one.
    @Test func importListsProposedMeasuresAndStoresNothingUntilConfirmed() throws {
        let imported = try agenda("import", ImportDocumentCLITests.molndalText.path)
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        let lines = imported.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("Förslag på mått för 3 effektmål — inget är sparat; bekräfta, gärna med ändringar, med kommandot under varje förslag:"))
        #expect(lines.filter { $0.hasPrefix("  ") && $0.contains(" effektmål ") }.map { String($0.prefix(18)) }
                == ["  5.9 effektmål 1:", "  6.3 effektmål 5:", "  8.3 effektmål 1:"])
        let owner = try #require(lines.last)
        let before = try agenda("list", "actions", "--json")
        let actions = try #require(try JSONSerialization.jsonObject(with: before.stdoutData) as? [[String: Any]])
        let measured = actions.flatMap { ($0["goals"] as? [[String: Any]]) ?? [] }.filter { !($0["measure"] is NSNull) }
        #expect(measured.isEmpty, "nothing is stored for a proposal")
        let confirmed = try agenda(
            token: owner, "effect", "measure", "8.3", "1", "--indicator", "Kostnadsbesparing för avslut av Visual Arkiv", "--unit", "tkr per år",
            "--baseline", "0", "--target", "10", "--target-year", "2018", "--direction", "higher", "--decision", "IT-rådet 2017-02-08 §3")
        #expect(confirmed.status == 0, "stderr: \(confirmed.stderr)")
        #expect(try agenda("show", "action", "8.3").stdout.contains("mått: Kostnadsbesparing för avslut av Visual Arkiv: 0\u{00A0}tkr per år → 10\u{00A0}tkr per år till 2018, högre är bättre"))
    }
}
