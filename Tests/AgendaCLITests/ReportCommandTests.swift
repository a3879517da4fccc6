import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `agenda report` and `agenda templates`, through the built binary.
@Suite struct ReportCommandTests {
    let folder: TemporaryFolder
    let db: String

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
    }

    private func agenda(_ arguments: String...) throws -> AgendaProcess.Result {
        try AgendaProcess.run(arguments, environment: ["AGENDA_DB": db])
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
    @Test(arguments: [(["--period", "2018Q5"], Int32(64), "2018Q5"), (["--period", "2018Q2", "--format", "pdf"], 1, "pdf")])
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
