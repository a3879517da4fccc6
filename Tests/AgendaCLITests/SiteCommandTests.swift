import Foundation
import Testing

/// `agenda site`, through the built binary.
@Suite struct SiteCommandTests {
    let folder: TemporaryFolder
    let db: String

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
    }

    private func agenda(_ arguments: String...) throws -> AgendaProcess.Result {
        try AgendaProcess.run(arguments, environment: ["AGENDA_DB": db, "AGENDA_TOKEN": ""])
    }

    /// No token is needed, the database is not changed, and two runs give the same bytes.
    @Test func writesTheSiteWithoutATokenAndTheSameBytesTwice() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let first = folder.url.appendingPathComponent("webb1")
        let run = try agenda("site", "--out", first.path)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Webbplatsen är skriven"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let second = folder.url.appendingPathComponent("webb2")
        #expect(try agenda("site", "--out", second.path, "--base-url", "/digital-agenda").status == 0)
        for path in ["index.html", "aktiviteter/1.2.html", "perioder/2018Q3.html", "oppna-data/aktiviteter.csv",
                     "oppna-data/aktiviteter.json", "oppna-data/dcat.rdf", "flode.atom", "stil.css"] {
            #expect(FileManager.default.fileExists(atPath: first.appendingPathComponent(path).path), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: first.appendingPathComponent("perioder/2018Q4.html").path),
                "2018Q4 is not published in the demo")
        let page = try String(contentsOf: second.appendingPathComponent("aktiviteter/1.2.html"), encoding: .utf8)
        #expect(page.contains("href=\"/digital-agenda/index.html\""))
        let third = folder.url.appendingPathComponent("webb3")
        #expect(try agenda("site", "--out", third.path).status == 0)
        let enumerator = FileManager.default.enumerator(atPath: first.path)!
        for case let path as String in enumerator where path.contains(".") {
            #expect(try Data(contentsOf: first.appendingPathComponent(path)) == Data(contentsOf: third.appendingPathComponent(path)), "\(path)")
        }
    }

    @Test func aMissingDatabaseIsOneLineOnStderr() throws {
        let run = try AgendaProcess.run(["site", "--db", folder.path("finns-inte.sqlite"), "--out", folder.path("ut")])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "stderr: \(run.stderr)")
    }
}
