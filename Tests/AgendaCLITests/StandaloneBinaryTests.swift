import Foundation
import Testing

/// Installing `agenda` is copying one file (and `agenda-serve` beside it for the web): the binary carries
/// its templates and sample plan.
@Suite struct StandaloneBinaryTests {
    /// templates/default in the repository.
    static let templatesDefault = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates/default", isDirectory: true)

    /// Copied alone into an empty folder (no resource folder beside it), the binary builds the demo,
    /// exports the built-in templates as they are in templates/default, and writes a report with an
    /// edited copy of them.
    @Test func theBinaryAloneRunsDemoExportsTemplatesAndUsesEditedOnes() throws {
        let fm = FileManager.default
        let folder = try TemporaryFolder()
        let bin = folder.url.appendingPathComponent("bin", isDirectory: true)
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        let alone = bin.appendingPathComponent("agenda")
        try fm.copyItem(at: AgendaProcess.executable, to: alone)
        #expect(try fm.contentsOfDirectory(atPath: bin.path) == ["agenda"])
        // A debug build would still find SwiftPM's resource bundles by the absolute build path compiled
        // into it, so running it here alone proves little by itself: the binary must not name one at all.
        // (A resource bundle's accessor names `<package>_<target>.resources`, beside the binary and in .build.)
        let bytes = try Data(contentsOf: alone, options: .alwaysMapped)
        #expect(bytes.range(of: Data(".resources".utf8)) == nil, "the binary names a resource bundle folder")

        let demo = try AgendaProcess.run(["demo", folder.path("demo")], in: bin, binary: alone)
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
        #expect(demo.stdout.contains("9 insatsområden, 33 delområden, 34 aktiviteter"), "\(demo.stdout)")
        #expect(try fm.contentsOfDirectory(atPath: folder.path("demo/reports")).count == 10)

        let export = try AgendaProcess.run(["templates", "export", folder.path("mall")], in: bin, binary: alone)
        #expect(export.status == 0, "stderr: \(export.stderr)")
        let shipped = try fm.contentsOfDirectory(atPath: Self.templatesDefault.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(shipped.count >= 10)
        #expect(try fm.contentsOfDirectory(atPath: folder.path("mall")).sorted() == shipped)
        for name in shipped {
            let exported = try Data(contentsOf: folder.url.appendingPathComponent("mall/\(name)"))
            #expect(exported == (try Data(contentsOf: Self.templatesDefault.appendingPathComponent(name))), "\(name)")
        }

        let labels = folder.url.appendingPathComponent("mall/labels-sv.tsv")
        let edited = try String(contentsOf: labels, encoding: .utf8)
            .replacingOccurrences(of: "summary.heading\tSammanfattning", with: "summary.heading\tLäget i korthet")
        try edited.write(to: labels, atomically: true, encoding: .utf8)
        let report = try AgendaProcess.run(
            ["report", "--period", "2018Q4", "--format", "xhtml", "--out", folder.path("ut"), "--templates", folder.path("mall")],
            environment: ["AGENDA_DB": folder.path("demo/agenda.sqlite")], in: bin, binary: alone
        )
        #expect(report.status == 0, "stderr: \(report.stderr)")
        let xhtml = try String(contentsOf: folder.url.appendingPathComponent("ut/agenda-2018Q4.xhtml"), encoding: .utf8)
        #expect(xhtml.contains("Läget i korthet"))
        #expect(!xhtml.contains(">Sammanfattning<"))
    }

    /// `agenda serve` is the program `agenda-serve` beside `agenda`: its flags and help come through, and
    /// without it beside `agenda` the user is told what to install, in Swedish, exit 1.
    @Test func serveRunsTheServerProgramBesideIt() throws {
        let help = try AgendaProcess.run(["serve", "--help"])
        #expect(help.status == 0, "stderr: \(help.stderr)")
        #expect(help.stdout.contains("ANVÄNDNING: agenda serve"), "\(help.stdout)")
        #expect(help.stdout.contains("--oidc-issuer"), "\(help.stdout)")
        let helpServe = try AgendaProcess.run(["help", "serve"])
        #expect(helpServe.status == 0 && helpServe.stdout == help.stdout, "`agenda help serve` is `agenda serve --help`: \(helpServe.stdout)")
        let usage = try AgendaProcess.run(["serve", "--port", "x"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("fel: Värdet 'x' går inte att använda för '--port <port>'"), "\(usage.stderr)")
        // Out of range: refused before the server starts, as a usage error naming the range.
        for (flag, value, range) in [("--port", "70000", "0–65535"), ("--port", "-1", "0–65535"),
                                     ("--session-minutes", "0", "1–10080"), ("--session-minutes", "20000", "1–10080")] {
            let refused = try AgendaProcess.run(["serve", flag, value])
            #expect(refused.status == 64, "\(flag) \(value): \(refused.stderr)")
            #expect(refused.stderr.hasPrefix("fel: \(flag) är \(range)"), "\(flag) \(value): \(refused.stderr)")
        }

        let folder = try TemporaryFolder()
        let alone = folder.url.appendingPathComponent("agenda")
        try FileManager.default.copyItem(at: AgendaProcess.executable, to: alone)
        let missing = try AgendaProcess.run(["serve", "--port", "1"], binary: alone)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("fel: webbgränssnittet körs av programmet agenda-serve, som inte går att starta (\(folder.path("agenda-serve")): "), "\(missing.stderr)")
        #expect(missing.stderr.contains("installera det i samma mapp som agenda"))
    }
}
