import Foundation
import Testing

/// End-to-end: `agenda lika report` and `agenda lika compare` through the built binary.
@Suite struct LikaReportCLITests {
    let folder: TemporaryFolder
    let db: String
    let owner: String

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
        let imported = try AgendaProcess.run(["import", LikaCLITests.plan, "--db", db])
        owner = String(imported.stdout.split(separator: "\n").last ?? "")
    }

    private func agenda(token: String? = nil, _ arguments: String...) throws -> AgendaProcess.Result {
        var environment = ["AGENDA_DB": db]
        if let token { environment["AGENDA_TOKEN"] = token }
        return try AgendaProcess.run(arguments, environment: environment)
    }

    @Test func reportWritesEveryFormatAndRefusesAnUnknownComparison() throws {
        for date in ["2017-03-01", "2018-03-01"] {
            let imported = try agenda(token: owner, "lika", "import", LikaCLITests.sample, "--unit", "Äldreomsorg", "--date", date)
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let out = folder.path("rapporter")
        let report = try agenda("lika", "report", "--unit", "äldreomsorg", "--compare", "2017-03-01", "--out", out)
        #expect(report.status == 0, "\(report.stderr)")
        let names = ["xhtml", "fodt", "fods", "odt", "ods"].map { "lika-aldreomsorg-2018-03-01.\($0)" }
        #expect(report.stdout == names.map { "\(out)/\($0)\n" }.joined())
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == names.sorted())
        let xhtml = try String(contentsOfFile: "\(out)/lika-aldreomsorg-2018-03-01.xhtml", encoding: .utf8)
        #expect(xhtml.contains("Äldreomsorg 2017-03-01") && xhtml.contains("Inget svar har ändrats sedan 2017-03-01."))

        let missing = try agenda("lika", "report", "--unit", "Äldreomsorg", "--compare", "2016-01-01", "--format", "xhtml", "--out", folder.path("x"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Äldreomsorg har ingen självskattning 2016-01-01"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x")))
    }

    @Test func compareNeedsNoDatabaseAndAnonymises() throws {
        let out = folder.path("jamforelse")
        let result = try AgendaProcess.run(
            ["lika", "compare", LikaCLITests.sample, LikaCLITests.sample, "--name", "Mölndal", "--name", "Härryda", "--anonymise",
             "--format", "xhtml,ods", "--out", out],
            environment: ["AGENDA_DB": folder.path("none.sqlite")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(out)/lika-jamforelse.xhtml\n\(out)/lika-jamforelse.ods\n")
        let xhtml = try String(contentsOfFile: "\(out)/lika-jamforelse.xhtml", encoding: .utf8)
        #expect(xhtml.contains("Kommun A") && xhtml.contains("Kommun B"))
        #expect(!xhtml.contains("Mölndal") && !xhtml.contains("Härryda"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
    }
}
