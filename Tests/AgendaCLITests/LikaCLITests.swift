import Foundation
import Testing

/// End-to-end: `agenda lika …` with the shipped LIKA Socialtjänst export, through the built binary.
@Suite struct LikaCLITests {
    let folder: TemporaryFolder
    let db: String
    let owner: String
    static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates/sample/lika-socialtjanst-sjalvskattning.tsv").path
    static let plan = URL(fileURLWithPath: sample).deletingLastPathComponent().appendingPathComponent("molndal-digital-agenda-2017-2019.txt").path

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
        let imported = try AgendaProcess.run(["import", Self.plan, "--db", db])
        owner = String(imported.stdout.split(separator: "\n").last ?? "")
    }

    private func agenda(token: String? = nil, _ arguments: String...) throws -> AgendaProcess.Result {
        var environment = ["AGENDA_DB": db]
        if let token { environment["AGENDA_TOKEN"] = token }
        return try AgendaProcess.run(arguments, environment: environment)
    }

    private func expectOneLineRefusal(_ result: AgendaProcess.Result, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func importThenListPrintsOneObjectPerAnswerWithTheDocumentedKeys() throws {
        let imported = try agenda(token: owner, "lika", "import", Self.sample, "--unit", "Äldreomsorg", "--date", "2017-03-01", "--department", "Vård- och omsorgsförvaltningen")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Självskattning för Äldreomsorg 2017-03-01 är registrerad: 41 svar.\n")
        #expect(imported.stderr.isEmpty)
        let list = try agenda("lika", "list", "--json")
        #expect(list.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]])
        #expect(objects.count == 41)
        for object in objects {
            #expect(Set(object.keys) == ["unit", "date", "code", "area", "indicator", "answer", "step", "comment"])
        }
        let l9 = try #require(objects.first { $0["code"] as? String == "L9" })
        #expect(l9["unit"] as? String == "Äldreomsorg" && l9["date"] as? String == "2017-03-01")
        #expect(l9["area"] as? String == "Ledning" && l9["answer"] as? String == "Påbörjad" && l9["step"] as? Int == 2)
        #expect(l9["indicator"] as? String == "Det finns etablerat samarbete mellan kommungemensamma IT-funktioner och förvaltningen.")
        let table = try agenda("lika", "list", "--unit", "äldreomsorg")
        #expect(table.stdout.hasPrefix("Verksamhet   Datum       Kod  Område"), "\(table.stdout)")
        #expect(table.stdout.hasSuffix("41 svar\n"))
        let show = try agenda("lika", "show")
        #expect(show.stdout.contains("Självskattning: Äldreomsorg, 2017-03-01 (LIKA Socialtjänst)"))
        #expect(show.stdout.contains("Användning (A)"))
    }

    @Test func anUnknownAnswerIsRefusedWithItsLineAndNothingIsWritten() throws {
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let bad = folder.path("bad.tsv")
        try text.replacingOccurrences(of: "(2-3 år sikt) för digitalisering.\tPåbörjad", with: "(2-3 år sikt) för digitalisering.\tDelvis")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try agenda(token: owner, "lika", "import", bad, "--unit", "IFO", "--date", "2017-03-01")
        expectOneLineRefusal(result, containing: "rad 7: L3 har svaret \"Delvis\"")
        #expect(result.stderr.contains("Ej planerad, Planerad, Påbörjad, Nästan där, Uppfyllt, Ej relevant"))
        let list = try agenda("lika", "list", "--json")
        #expect(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
        expectOneLineRefusal(try agenda("lika", "import", Self.sample, "--unit", "IFO", "--date", "2017-03-01"), containing: "kräver en token")
    }

    /// `--templates DIR` gives `agenda lika import` and `agenda import` the folder's words for the answers: a
    /// lika-answers.tsv that adds "Klart" (and "Delvis uppfyllt") makes them answers; without it an export
    /// using the word is refused whole, and a plan's answer is left out with a warning.
    @Test func aTemplateFoldersWordsAreReadWithTemplates() throws {
        let templates = folder.path("mall")
        #expect(try agenda("templates", "export", templates).status == 0)
        let words = templates + "/lika-answers.tsv"
        try (try String(contentsOfFile: words, encoding: .utf8) + "Klart\tfulfilled\nDelvis uppfyllt\talmostThere\n")
            .write(toFile: words, atomically: true, encoding: .utf8)
        let export = folder.path("klart.tsv")
        try (try String(contentsOfFile: Self.sample, encoding: .utf8))
            .replacingOccurrences(of: "(2-3 år sikt) för digitalisering.\tPåbörjad", with: "(2-3 år sikt) för digitalisering.\tKlart")
            .write(toFile: export, atomically: true, encoding: .utf8)

        let refused = try agenda(token: owner, "lika", "import", export, "--unit", "IFO", "--date", "2017-03-01")
        expectOneLineRefusal(refused, containing: """
            fel: rad 7: L3 har svaret "Klart", som inte är ett steg i skalan; ange ett av Ej planerad, Planerad, Påbörjad, Nästan där, \
            Uppfyllt, Ej relevant (fler ord för samma steg läggs i lika-answers.tsv); en mallmapp med egna ord anges med --templates DIR \
            (`agenda templates export DIR` skriver ut de inbyggda)
            """)
        #expect(try agenda("lika", "list", "--json").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")

        let imported = try agenda(token: owner, "lika", "import", export, "--unit", "IFO", "--date", "2017-03-01", "--templates", templates)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Självskattning för IFO 2017-03-01 är registrerad: 41 svar.\n")
        let objects = try #require(try JSONSerialization.jsonObject(with: agenda("lika", "list", "--json").stdoutData) as? [[String: Any]])
        #expect(objects.first { $0["code"] as? String == "L3" }?["answer"] as? String == "Uppfyllt")
        let help = try agenda("lika", "import", "--help")
        #expect(help.stdout.contains("--templates <dir>") && help.stdout.contains("lika-answers.tsv"), "\(help.stdout)")

        // A LIKA table plan: Äldreomsorg's K5 answers "Delvis uppfyllt".
        let plan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AgendaCoreTests/Fixtures/lika-plan/handlingsplan-lika-socialtjanst.txt").path
        let without = try AgendaProcess.run(["import", plan, "--db", folder.path("utan.sqlite")])
        #expect(without.status == 0 && without.stderr.contains("K5: svaret \"Delvis uppfyllt\" är inget steg i skalan"), "\(without.stderr)")
        let with = try AgendaProcess.run(["import", plan, "--db", folder.path("med.sqlite"), "--templates", templates])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(!with.stderr.contains("inget steg i skalan"), "\(with.stderr)")
        let k5 = try AgendaProcess.run(["lika", "list", "--unit", "Äldreomsorg", "--json", "--db", folder.path("med.sqlite")])
        let answers = try #require(try JSONSerialization.jsonObject(with: k5.stdoutData) as? [[String: Any]])
        #expect(answers.first { $0["code"] as? String == "K5" }?["answer"] as? String == "Nästan där", "\(k5.stdout)")
    }

    @Test func aForvaltningRecordsOnlyForItsOwnUnits() throws {
        let added = try agenda(token: owner, "identity", "add", "VOF", "--role", "reporter", "--department", "Vård- och omsorgsförvaltningen")
        let vof = String(added.stdout.split(separator: "\n").last ?? "")
        let skfAdded = try agenda(token: owner, "identity", "add", "SKF", "--role", "reporter", "--department", "SKF")
        let skf = String(skfAdded.stdout.split(separator: "\n").last ?? "")
        #expect(try agenda(token: vof, "lika", "import", Self.sample, "--unit", "IFO", "--date", "2017-03-01").status == 0)
        expectOneLineRefusal(
            try agenda(token: skf, "lika", "import", Self.sample, "--unit", "IFO", "--date", "2018-03-01"),
            containing: "Skolförvaltningen får inte registrera en självskattning för IFO: verksamheten hör till Vård- och omsorgsförvaltningen")
    }

    @Test func aSuggestionBecomesALinkedActionAndShowActionNamesItsIndicators() throws {
        #expect(try agenda(token: owner, "lika", "import", Self.sample, "--unit", "IFO", "--date", "2017-03-01").status == 0)
        let adopted = try agenda(token: owner, "lika", "adopt", "L3", "--area", "9", "--responsible", "Stadsledningsförvaltningen", "--decision", "IT-rådet 2018-03-14 §5")
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(adopted.stdout == "Aktivitet 9.3 \"Avsätt tid för diskussion i ledningsgruppen och arbetsgrupper e.dyl\" är tillagd och kopplad till L3.\n")
        let linked = try agenda(token: owner, "lika", "link", "1.1", "L1", "i2", "--decision", "IT-rådet 2018-03-14 §6")
        #expect(linked.status == 0, "\(linked.stderr)")
        let show = try agenda("show", "action", "1.1")
        #expect(show.stdout.contains("Indikatorer:\n  L1 Det finns politiskt antagna mål"), "\(show.stdout)")
        #expect(show.stdout.contains("  I2 Förvaltningen använder säker inloggning"))
        let shownJSON = try #require(try JSONSerialization.jsonObject(with: agenda("show", "action", "1.1", "--json").stdoutData) as? [String: Any])
        #expect(shownJSON["code"] as? String == "1.1" && shownJSON["title"] as? String == "Digitala kanaler")
        let indicators = try #require(shownJSON["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["code"] as? String } == ["L1", "I2"])
        #expect(indicators[0]["set"] as? String == "lika-socialtjanst" && indicators[0]["area"] as? String == "Ledning")
        let suggest = try agenda("lika", "suggest", "--json")
        let objects = try #require(try JSONSerialization.jsonObject(with: suggest.stdoutData) as? [[String: Any]])
        #expect(objects.count == 41)
        #expect(objects.first { $0["code"] as? String == "L3" }?["actions"] as? [String] == ["9.3"])
        #expect(try agenda("lika", "suggest", "--below", "Påbörjad").stdout.hasSuffix("0 indikatorer under Påbörjad\n"))
        expectOneLineRefusal(
            try agenda(token: owner, "lika", "link", "1.1", "L1", "--decision", "IT-rådet 2018-03-14 §7"), containing: "redan kopplad till L1")
        let revisions = try agenda("revisions")
        #expect(revisions.stdout.contains("IT-rådet 2018-03-14 §6"))
    }

    @Test func exportImportExportWithSelfAssessmentsIsByteIdentical() throws {
        #expect(try agenda(token: owner, "lika", "import", Self.sample, "--unit", "IFO", "--date", "2017-03-01").status == 0)
        #expect(try agenda(token: owner, "lika", "link", "1.1", "L1", "--decision", "IT-rådet 2018-03-14 §6").status == 0)
        let first = try agenda("export")
        #expect(first.status == 0)
        let file = folder.path("export.json")
        try first.stdoutData.write(to: URL(fileURLWithPath: file))
        let copy = folder.path("copy.sqlite")
        #expect(try AgendaProcess.run(["import", file, "--db", copy]).status == 0)
        let second = try AgendaProcess.run(["export", "--db", copy])
        #expect(first.stdoutData == second.stdoutData)
        #expect(first.stdout.contains("\"assessments\" : ["))
    }

    @Test func theDemoHasTwoAssessmentsAYearApartForThreeVerksamheterWithLinkedActions() throws {
        let demoFolder = try TemporaryFolder()
        let demo = try AgendaProcess.run(["demo", demoFolder.url.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        let demoDB = demoFolder.path("agenda.sqlite")
        let list = try AgendaProcess.run(["lika", "list", "--json", "--db", demoDB])
        let objects = try #require(try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]])
        #expect(objects.count == 3 * 2 * 41)
        #expect(Set(objects.compactMap { $0["unit"] as? String }) == ["Äldreomsorg", "IFO", "Funktionshinderområde"])
        #expect(Set(objects.compactMap { $0["date"] as? String }) == ["2017-03-01", "2018-03-01"])
        let rank = ["Ej planerad": 0, "Planerad": 1, "Påbörjad": 2, "Nästan där": 3, "Uppfyllt": 4]
        func level(_ unit: String, _ date: String, _ code: String) -> Int? {
            objects.first { $0["unit"] as? String == unit && $0["date"] as? String == date && $0["code"] as? String == code }
                .flatMap { rank[$0["answer"] as? String ?? ""] }
        }
        var improved = 0
        for unit in ["Äldreomsorg", "IFO", "Funktionshinderområde"] {
            for code in Set(objects.compactMap { $0["code"] as? String }) {
                if let before = level(unit, "2017-03-01", code), let after = level(unit, "2018-03-01", code), after > before { improved += 1 }
            }
        }
        #expect(improved > 20, "the second assessment shows progress")
        let show = try AgendaProcess.run(["show", "action", "5.7", "--db", demoDB])
        #expect(show.stdout.contains("Indikatorer:\n  L3 "), "\(show.stdout)")
        let again = try TemporaryFolder()
        #expect(try AgendaProcess.run(["demo", again.url.path]).status == 0)
        let second = try AgendaProcess.run(["lika", "list", "--json", "--db", again.path("agenda.sqlite")])
        #expect(second.stdoutData == list.stdoutData, "deterministic")
    }
}
