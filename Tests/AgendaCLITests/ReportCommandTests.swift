import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `agenda report` and `agenda templates`, through the built binary.
@Suite struct ReportCommandTests {
    let folder: TemporaryFolder
    let db: String
    let tokens: [String: String]

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
        tokens = DemoTokens.parse(demo.stdout)
    }

    private func agenda(_ arguments: String...) throws -> AgendaProcess.Result {
        try AgendaProcess.run(arguments, environment: ["AGENDA_DB": db])
    }

    private func agenda(token: String?, _ arguments: String...) throws -> AgendaProcess.Result {
        try AgendaProcess.run(arguments, environment: ["AGENDA_DB": db, "AGENDA_TOKEN": token ?? ""])
    }

    private func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    @Test func demoWritesItsReportsAndThePublishedOneRegeneratesByteForByte() throws {
        let demoReports = try files(in: folder.url.appendingPathComponent("reports"))
        #expect(demoReports.count == 10)
        let again = folder.url.appendingPathComponent("igen")
        #expect(try agenda("report", "--period", "2018Q3", "--out", again.path).status == 0)
        for (name, data) in try files(in: again) {
            #expect(demoReports[name] == data, "\(name) differs from the report the demo published")
        }
        let page = try String(decoding: #require(demoReports["agenda-2018Q3.xhtml"]), as: UTF8.self)
        #expect(page.contains("2018-10-25"), "a published report carries its publication date")
    }

    @Test func publishingFreezesThePeriodAndLateReportsShowInTheNextPeriod() throws {
        let owner = try #require(tokens["IT-chef"])
        let reporter = try #require(tokens["Vård- och omsorgsförvaltningen"])

        let refused = try agenda(token: reporter, "report", "--period", "2018Q4", "--publish", "--out", folder.path("nej"))
        #expect(refused.status != 0)
        #expect(refused.stderr.split(separator: "\n").count == 1, "stderr: \(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("nej")))

        let published = folder.url.appendingPathComponent("publicerad")
        let publish = try agenda(token: owner, "report", "--period", "2018Q4", "--publish", "--out", published.path)
        #expect(publish.status == 0, "stderr: \(publish.stderr)")
        let before = try files(in: published)

        let late = try agenda(token: reporter, "status", "set", "5.3", "--period", "2018Q4", "--status", "Klar",
                              "--light", "grön", "--comment", "Sent inrapporterat: mobil dokumentation i drift")
        #expect(late.status == 0, "stderr: \(late.stderr)")
        let regenerated = folder.url.appendingPathComponent("igen")
        #expect(try agenda("report", "--period", "2018Q4", "--out", regenerated.path).status == 0)
        #expect(try files(in: regenerated) == before, "a published report must not change")

        let next = folder.url.appendingPathComponent("2019Q1")
        #expect(try agenda("report", "--period", "2019Q1", "--format", "xhtml", "--out", next.path).status == 0)
        let page = try String(contentsOf: next.appendingPathComponent("agenda-2019Q1.xhtml"), encoding: .utf8)
        #expect(page.contains("Sent inrapporterat: mobil dokumentation i drift"))

        let twice = try agenda(token: owner, "report", "--period", "2018Q4", "--publish", "--out", published.path)
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("publicerades"))
    }

    @Test func aPublishedPeriodsPlanCannotBeChangedAfterwards() throws {
        let owner = try #require(tokens["IT-chef"])
        let backdated = try agenda(token: owner, "edit", "action", "1.4", "--schedule", "2018-2019", "--decision", "IT-rådet 2018-09-20 §2")
        #expect(backdated.status != 0)
        #expect(backdated.stderr.contains("låst"), "stderr: \(backdated.stderr)")
        let later = try agenda(token: owner, "edit", "action", "1.4", "--schedule", "2018-2019", "--decision", "IT-rådet 2018-11-20 §2")
        #expect(later.status == 0, "stderr: \(later.stderr)")
        let out = folder.url.appendingPathComponent("q4")
        #expect(try agenda("report", "--period", "2018Q4", "--format", "xhtml", "--out", out.path).status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("agenda-2018Q4.xhtml"), encoding: .utf8)
        #expect(page.contains("Ändringar i planen sedan kvartal 3 2018"))
        #expect(page.contains("IT-rådet 2018-11-20 §2"))
    }

    @Test func hostileTitleShowsLiterallyAndEveryDocumentStaysValid() throws {
        let owner = try #require(tokens["IT-chef"])
        let hostile = "</td><script>alert(1)</script> ]]> & \"x\""
        let added = try agenda(token: owner, "add", "action", "9.3", "--area", "9", "--title", hostile + "\u{7}",
                               "--responsible", "Stadsbyggnadsförvaltningen", "--schedule", "2018", "--decision", "IT-rådet 2018-11-20 §9")
        #expect(added.status == 0, "stderr: \(added.stderr)")
        let out = folder.url.appendingPathComponent("fientlig")
        #expect(try agenda("report", "--period", "2018Q4", "--out", out.path).status == 0)
        for name in ["agenda-2018Q4.xhtml", "agenda-2018Q4.fodt", "agenda-2018Q4.fods"] {
            let url = out.appendingPathComponent(name)
            #expect(isWellFormed(url), "\(name) is not well-formed")
            let text = try String(contentsOf: url, encoding: .utf8)
            let escaped = "&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; "
            #expect(text.contains(escaped + "\"x\"") || text.contains(escaped + "&quot;x&quot;"), "\(name) lacks the escaped title")
            #expect(!text.contains("<script>"))
            #expect(!text.contains("\u{7}"))
        }
    }

    private func isWellFormed(_ url: URL) -> Bool {
        guard let parser = XMLParser(contentsOf: url) else { return false }
        return parser.parse()
    }

    @Test func writesOneFilePerFormatIntoANewFolder() throws {
        let out = folder.url.appendingPathComponent("rapporter/2018")
        let result = try agenda("report", "--period", "2018Q2", "--out", out.path)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["agenda-2018Q2.fods", "agenda-2018Q2.fodt", "agenda-2018Q2.ods", "agenda-2018Q2.odt", "agenda-2018Q2.xhtml"])
        for name in ["agenda-2018Q2.fods", "agenda-2018Q2.fodt", "agenda-2018Q2.xhtml"] {
            #expect(isWellFormed(out.appendingPathComponent(name)), "\(name) is not well-formed XML")
        }
        let zip = try Data(contentsOf: out.appendingPathComponent("agenda-2018Q2.odt"))
        #expect(zip.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(String(decoding: zip[30..<38], as: UTF8.self) == "mimetype")
    }

    @Test func sameDatabaseAndPeriodGiveTheSameBytes() throws {
        let first = folder.url.appendingPathComponent("a")
        let second = folder.url.appendingPathComponent("b")
        #expect(try agenda("report", "--period", "2018T1", "--out", first.path).status == 0)
        #expect(try agenda("report", "--period", "2018T1", "--out", second.path).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: first.path) {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    @Test func formatAreaAndDepartmentNarrowTheReport() throws {
        let out = folder.url.appendingPathComponent("skola")
        let result = try agenda("report", "--period", "2018", "--format", "xhtml", "--department", "SKF", "--out", out.path)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["agenda-2018.xhtml"])
        let page = try String(contentsOf: out.appendingPathComponent("agenda-2018.xhtml"), encoding: .utf8)
        #expect(page.contains("Google Apps for Education"))
        #expect(!page.contains("Fria surfzoner"))
    }

    /// A malformed option is a usage error (exit 64, the usage line follows); a value the
    /// report cannot use is one line (exit 1). Neither writes anything.
    @Test(arguments: [
        (["--period", "2018Q5"], Int32(64), "2018Q5"), (["--period", "2018Q2", "--format", "pdf"], 64, "pdf"),
        (["--period", "2018Q2", "--department", "Skolförvaltnigen"], 1, "Skolförvaltnigen"),
    ])
    func badReportOptionsAreRefusedAndWriteNothing(options: [String], status: Int32, named: String) throws {
        let result = try AgendaProcess.run(["report"] + options + ["--out", folder.path("x")], environment: ["AGENDA_DB": db])
        #expect(result.status == status)
        #expect(result.stderr.split(separator: "\n").first?.contains(named) == true, "stderr: \(result.stderr)")
        if status == 1 { #expect(result.stderr.split(separator: "\n").count == 1) }
        #expect(!FileManager.default.fileExists(atPath: folder.path("x")))
    }

    @Test func editedTemplatesAreUsedAndABrokenOneIsNamed() throws {
        let templates = folder.url.appendingPathComponent("mallar")
        #expect(try agenda("templates", "export", templates.path).status == 0)
        let css = templates.appendingPathComponent("report.css")
        try (String(contentsOf: css, encoding: .utf8) + "\n/* Mölndals stads profil */\n").write(to: css, atomically: true, encoding: .utf8)
        let out = folder.url.appendingPathComponent("egen")
        #expect(try agenda("report", "--period", "2018Q2", "--format", "xhtml", "--templates", templates.path, "--out", out.path).status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("agenda-2018Q2.xhtml"), encoding: .utf8).contains("Mölndals stads profil"))

        try "<office:document-styles".write(to: templates.appendingPathComponent("odt-styles.xml"), atomically: true, encoding: .utf8)
        let broken = try agenda("report", "--period", "2018Q2", "--format", "odt", "--templates", templates.path, "--out", out.path)
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("odt-styles.xml"))
    }
}
