import AgendaCore
import Foundation
import AgendaTemplates
import Testing
@testable import ReportGen

@Suite struct TemplateSetTests {
    @Test func loadsTheBundledSet() throws {
        let templates = try TemplateSet.load(from: nil)
        #expect(templates.directory == nil)
        #expect(templates.labels["status.noReport"] == "Ingen rapport")
        #expect(templates.css.contains("@page"))
        #expect(TemplateSet.requiredLabelKeys.count > 50)
    }

    /// The CLI's words come from the same labels file as the report's: the report's keys for the
    /// words both use, `cli.*` keys for the command line's own.
    @Test func theVocabularyIsTheReportsLabels() throws {
        let labels = try TemplateSet.load(from: nil).labels
        for key in ["action.code", "action.title", "action.responsibility", "action.schedule", "action.cost", "action.light", "summary.area"] {
            #expect(Vocabulary.builtIn[key] == labels[key], "\(key)")
        }
        #expect(Vocabulary.builtIn["action.title"] == "Aktivitet")
        #expect(Vocabulary.builtIn["cli.deadline"] == "Sista dag")
        #expect(Vocabulary.builtIn["cost.countActions", "34"] == "34 aktiviteter")
    }

    /// A template folder exported before the CLI had its own words (no `cli.*` keys) still loads:
    /// the CLI reads those from the built-in file, so they are not required.
    @Test func aTemplateFolderNeedNotHaveTheCLIsWords() throws {
        #expect(!TemplateSet.requiredLabelKeys.contains { $0.hasPrefix("cli.") })
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        let labels = dir.appendingPathComponent("labels-sv.tsv")
        let original = try String(contentsOf: labels, encoding: .utf8)
        let withoutCLI = original.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("cli.") }
        #expect(withoutCLI.count < original.split(separator: "\n", omittingEmptySubsequences: false).count)
        try withoutCLI.joined(separator: "\n").write(to: labels, atomically: true, encoding: .utf8)
        #expect(try TemplateSet.load(from: dir).labels["action.title"] == "Aktivitet")
    }

    /// templates/default in the repository.
    static let templatesDefault = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates/default", isDirectory: true)

    /// The set built into the binary is templates/default byte for byte, and export writes exactly its files.
    @Test func builtInSetIsTemplatesDefaultByteForByte() throws {
        let fm = FileManager.default
        let shipped = try fm.contentsOfDirectory(atPath: Self.templatesDefault.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(EmbeddedFiles.default.paths == shipped)
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == shipped)
        for name in shipped {
            let original = try Data(contentsOf: Self.templatesDefault.appendingPathComponent(name))
            #expect(EmbeddedFiles.default[name] == original, "\(name)")
            #expect(try Data(contentsOf: dir.appendingPathComponent(name)) == original, "\(name)")
        }
        #expect(EmbeddedFiles.default["no-such-file.css"] == nil)
    }

    /// A built-in folder that lacks a template file is refused with an error naming the file.
    @Test func builtInFolderWithoutTheFilesIsNamedInTheError() {
        #expect(throws: ReportError.templateMissing(file: "built-in sample/report.css")) {
            try TemplateSet(builtIn: EmbeddedFiles.sample)
        }
    }

    @Test func exportedSetLoadsAndRefusesToOverwrite() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        for file in TemplateFile.allCases {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file.rawValue).path))
        }
        _ = try TemplateSet.load(from: dir)
        let error = #expect(throws: ReportError.self) { try TemplateSet.export(to: dir) }
        guard case .templateExists(let file)? = error else { Issue.record("expected templateExists, got \(String(describing: error))"); return }
        #expect(file.hasPrefix(dir.path))
    }

    @Test func editedLabelsAppearInTheReport() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        let labels = dir.appendingPathComponent("labels-sv.tsv")
        let edited = try String(contentsOf: labels, encoding: .utf8).replacingOccurrences(of: "summary.heading\tSammanfattning", with: "summary.heading\tLäget i korthet")
        try edited.write(to: labels, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r.xhtml")
        try ReportWriter.write(Fixture.model, format: .xhtml, to: out, templates: try TemplateSet.load(from: dir))
        #expect(try String(contentsOf: out, encoding: .utf8).contains("Läget i korthet"))
    }

    /// A label file saved on Windows (CR LF) reads as the same labels.
    @Test func labelsWithWindowsLineEndingsRead() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        let labels = dir.appendingPathComponent("labels-sv.tsv")
        let original = try String(contentsOf: labels, encoding: .utf8)
        try original.replacingOccurrences(of: "\n", with: "\r\n").write(to: labels, atomically: true, encoding: .utf8)
        let crlf = try TemplateSet.load(from: dir)
        let bundled = try TemplateSet.load(from: nil).labels
        let keys = original.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("\t") }.map { String($0.prefix { $0 != "\t" }) }
        #expect(keys.count > 50)
        for key in keys { #expect(crlf.labels[key] == bundled[key], "\(key)") }
    }

    /// The ODF text writer declares the table layouts of ``TableWidths`` before the body; every table
    /// the layout writes must use one of them, with a width per column.
    @Test func everyTableUsesADeclaredLayout() throws {
        let templates = try TemplateSet.load(from: nil)
        var tables = 0
        for model in [Fixture.model, Fixture.modelWithStatus] {
            try ReportLayout(model: model, templates: templates).walk { block in
                guard case .table(let table) = block else { return }
                tables += 1
                #expect(TableWidths.all.contains(table.widths), "\(table.caption): \(table.widths)")
                #expect(table.widths.count == table.header.count, "\(table.caption)")
            }
        }
        #expect(tables > 10)
    }

    @Test(arguments: TemplateFile.allCases.filter { !$0.fallsBackToBuiltIn }.map(\.rawValue))
    func missingFileIsNamedInTheError(_ name: String) throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        try FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        #expect(throws: ReportError.templateMissing(file: dir.appendingPathComponent(name).path)) { try TemplateSet.load(from: dir) }
    }

    @Test(arguments: [
        ("odt-styles.xml", "<office:document-styles"),
        ("ods-styles.xml", "<office:document-styles"),
        ("logo.svg", "<svg"),
        ("labels-sv.tsv", "status.done\t"),
        ("theme.tsv", "chart.done\t"),
        ("lika-answers.tsv", "Klar\t"),
    ])
    func malformedFileIsNamedInTheError(_ name: String, _ breakAt: String) throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        let url = dir.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let broken = name.hasSuffix(".tsv")
            ? text.replacingOccurrences(of: breakAt, with: "x.\(breakAt.dropLast())")
            : text.replacingOccurrences(of: breakAt, with: "<broken")
        try broken.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try TemplateSet.load(from: dir)
            Issue.record("loading a broken \(name) should fail")
        } catch let error as ReportError {
            #expect(error.description.contains(name), "\(error)")
        }
    }
}

/// The words of the self-assessment scale are read from a template folder like every other template: its
/// labels' `lika.answer.*` and its lika-answers.tsv, or the built-in file when the folder has none.
@Suite struct AnswerWordsTemplateTests {
    @Test func aFoldersWordsAreRead() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        let answers = dir.appendingPathComponent("lika-answers.tsv")
        try (try String(contentsOf: answers, encoding: .utf8) + "Klart\tfulfilled\n").write(to: answers, atomically: true, encoding: .utf8)
        let labels = dir.appendingPathComponent("labels-sv.tsv")
        try (try String(contentsOf: labels, encoding: .utf8)).replacingOccurrences(of: "lika.answer.notRelevant\tEj relevant", with: "lika.answer.notRelevant\tInte aktuellt")
            .write(to: labels, atomically: true, encoding: .utf8)
        let words = try TemplateSet.answerWords(in: dir)
        #expect(words.answer(for: "klart") == .fulfilled && words.answer(for: "Inte aktuellt") == .notRelevant)
        #expect(words.known.last == "Inte aktuellt")
        #expect(try TemplateSet.load(from: dir).answerWords == words)
        #expect(MaturityWords.builtIn.answer(for: "Klart") == nil)
        #expect(try TemplateSet.answerWords(in: nil) == .builtIn)
        #expect(try TemplateSet.load(from: nil).answerWords == .builtIn)
    }

    /// A folder exported before lika-answers.tsv was read from it gets the built-in file, as TemplateSet does
    /// for every file added since (``TemplateFile/fallsBackToBuiltIn``); its labels are still its own.
    @Test func aFolderWithoutTheFileGetsTheBuiltInSynonyms() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("lika-answers.tsv"))
        let labels = dir.appendingPathComponent("labels-sv.tsv")
        try (try String(contentsOf: labels, encoding: .utf8)).replacingOccurrences(of: "lika.answer.fulfilled\tUppfyllt", with: "lika.answer.fulfilled\tKlart")
            .write(to: labels, atomically: true, encoding: .utf8)
        let words = try TemplateSet.answerWords(in: dir)
        #expect(words.answer(for: "Nästan klar") == .almostThere && words.answer(for: "Klart") == .fulfilled)
        #expect(words.word(for: .fulfilled) == "Klart")
    }
}

@Suite struct LabelsTests {
    @Test func substitutesArgumentsInOnePass() {
        let labels = Labels(values: ["k": "%1 och %2 (%3)"], file: "x")
        #expect(labels["k", "a%2", "b"] == "a%2 och b (%3)")
    }
}

@Suite struct ScaleTests {
    /// A plan ten times Mölndal's size still writes every format quickly and stays well-formed.
    @Test func writesALargePlan() throws {
        var agenda = Fixture.agenda
        let base = agenda.actions
        agenda.actions = (0..<30).flatMap { copy in
            base.map { action in
                var a = action
                a.code = "\(action.code).\(copy)"
                return a
            }
        }
        let model = ReportBuilder.build(agenda: agenda, period: Fixture.period)
        #expect(model.entries.count == 360)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for (format, url) in try Support.writeAll(model) where format == .xhtml || format == .fods {
                _ = try ParsedXML(try Data(contentsOf: url), name: url.lastPathComponent)
            }
        }
        #expect(elapsed < .seconds(20))
    }
}

@Suite struct LogoSafetyTests {
    @Test func scriptsInALogoAreNotCopied() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        let logo = """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" onclick="alert(3)"/></svg>
            """
        try logo.write(to: dir.appendingPathComponent("logo.svg"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r.xhtml")
        try ReportWriter.write(Fixture.model, format: .xhtml, to: out, templates: try TemplateSet.load(from: dir))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(!text.contains("alert(2)") && !text.contains("alert(3)") && !text.contains("onload") && !text.contains("onclick"))
        #expect(text.contains("<rect"))
    }
}
