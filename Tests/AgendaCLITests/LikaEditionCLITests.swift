import Foundation
import Testing

/// End-to-end: a LIKA table plan of an older edition through `agenda import`, `agenda lika sets`,
/// `agenda lika set import` and `agenda lika report`, with the built binary.
@Suite struct LikaEditionCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AgendaCoreTests/Fixtures/lika-plan")
    static let older = fixtures.appendingPathComponent("handlingsplan-lika-socialtjanst-2016.txt").path

    @Test func aPlanOfAnOlderEditionImportsWithAWarningAndReports() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("agenda.sqlite")
        let imported = try AgendaProcess.run(["import", Self.older, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains(
            "varning: rad 8: planen har 5 indikatorer som LIKA Socialtjänst inte har med samma kod och lydelse: L7 (rad 8), I8 (rad 10), L4 (rad 14), A9 (rad 15), A1 (rad 21);"),
            "\(imported.stderr)")
        #expect(imported.stdout.contains("Självskattning 2017-01-01 registrerad för Övergripande, Äldreomsorg, IFO"))

        let sets = try AgendaProcess.run(["lika", "sets", "--db", db])
        #expect(sets.status == 0, "\(sets.stderr)")
        let lines = sets.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Nyckel") == true, "\(sets.stdout)")
        #expect(lines.contains { $0.hasPrefix("lika-socialtjanst-plan ") && $0.contains("LIKA Socialtjänst (planens utgåva)") && $0.hasSuffix("lika-socialtjanst 4") }, "\(sets.stdout)")
        #expect(lines.last == "2 uppsättningar")

        let report = try AgendaProcess.run(["lika", "report", "--db", db, "--unit", "Äldreomsorg", "--format", "xhtml", "--out", folder.path("lika")])
        #expect(report.status == 0, "\(report.stderr)")
        let xhtml = try String(contentsOfFile: folder.path("lika/lika-aldreomsorg-2017-01-01.xhtml"), encoding: .utf8)
        #expect(xhtml.contains("LIKA Socialtjänst (planens utgåva)"))
    }

    /// SKR's export of another edition (the project's fixture: K3 reworded, A10 new) after one of the shipped
    /// edition: imported whole into the export's own edition with one warning, and reported on.
    @Test func anExportOfAnotherEditionImportsWithAWarningAndReports() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("agenda.sqlite")
        let imported = try AgendaProcess.run(["import", LikaCLITests.plan, "--db", db])
        let owner = String(imported.stdout.split(separator: "\n").last ?? "")
        func lika(_ arguments: String...) throws -> AgendaProcess.Result {
            try AgendaProcess.run(["lika"] + arguments + ["--db", db], environment: ["AGENDA_TOKEN": owner])
        }
        let first = try lika("import", LikaCLITests.sample, "--unit", "Äldreomsorg", "--date", "2017-03-01")
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        let export = Self.fixtures.deletingLastPathComponent().appendingPathComponent("lika-export/lika-socialtjanst-annan-utgava.tsv").path
        let other = try lika("import", export, "--unit", "Äldreomsorg", "--date", "2018-03-01")
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stderr == """
            varning: rad 6: exporten har 2 indikatorer som LIKA Socialtjänst inte har med samma kod och lydelse: K3 (rad 6), A10 (rad 9); \
            exportens indikatorer sparas med kod och lydelse som i exporten i en egen utgåva, LIKA Socialtjänst (exportens utgåva) \
            (lika-socialtjanst-export), och jämförs med LIKA Socialtjänst bara där kod och lydelse stämmer (4 av 6 indikatorer)

            """)
        #expect(other.stdout == "Självskattning för Äldreomsorg 2018-03-01 är registrerad: 6 svar.\n")

        let sets = try lika("sets")
        #expect(sets.stdout.split(separator: "\n").contains {
            $0.hasPrefix("lika-socialtjanst-export ") && $0.contains("LIKA Socialtjänst (exportens utgåva)") && $0.hasSuffix("lika-socialtjanst 4")
        }, "\(sets.stdout)")
        let report = try lika("report", "--unit", "Äldreomsorg", "--format", "xhtml", "--out", folder.path("lika"))
        #expect(report.status == 0, "\(report.stderr)")
        let xhtml = try String(contentsOfFile: folder.path("lika/lika-aldreomsorg-2018-03-01.xhtml"), encoding: .utf8)
        #expect(xhtml.contains("Den jämförs bara på de indikatorer som har samma kod och lydelse i båda utgåvorna: 4 av den här självskattningens 6."))
    }

    @Test func aSetIsLoadedFromATableAndATakenKeyIsRefused() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("agenda.sqlite")
        let created = try AgendaProcess.run(["init", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
        let owner = String(created.stdout.split(separator: "\n").last ?? "")
        let table = folder.path("lika-2016.tsv")
        try """
            Område\tKod\tIndikator\tAktivitetsförslag
            Ledning\tL1\tDet finns politiskt antagna mål för digitalisering som innefattar beskrivning av långsiktig nytta.\t
            Styrning\tS1\tNämnden följer upp digitaliseringen varje år.\tExempel på aktivitet: en årlig rapport.
            """.write(toFile: table, atomically: true, encoding: .utf8)
        let loaded = try AgendaProcess.run(["lika", "set", "import", table, "--name", "LIKA Socialtjänst 2016", "--db", db], environment: ["AGENDA_TOKEN": owner])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout == """
            LIKA Socialtjänst 2016 (lika-socialtjanst-2016) är inläst: 2 indikatorer.
              1 av dem har samma kod och lydelse som i LIKA Socialtjänst (lika-socialtjanst).

            """)
        #expect(loaded.stderr.contains("S1: området \"Styrning\""), "\(loaded.stderr)")
        let again = try AgendaProcess.run(["lika", "set", "import", table, "--name", "LIKA Socialtjänst 2016", "--db", db], environment: ["AGENDA_TOKEN": owner])
        #expect(again.status == 1)
        #expect(again.stderr.hasSuffix("fel: det finns redan en indikatoruppsättning \"lika-socialtjanst-2016\"; ge den nya en egen nyckel med --key; `agenda lika sets` visar dem som finns\n"), "\(again.stderr)")
        let sets = try AgendaProcess.run(["lika", "sets", "--db", db])
        #expect(sets.stdout.contains("lika-socialtjanst-2016") && sets.stdout.contains("2 uppsättningar"), "\(sets.stdout)")
    }
}
