import Foundation
import Testing

/// End-to-end: `agenda import plan.docx` and `plan.odt` with the built binary.
@Suite struct ImportDocumentCLITests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    static let documents = root.appendingPathComponent("Tests/AgendaCoreTests/Fixtures/documents")
    static let molndalText = root.appendingPathComponent("templates/sample/molndal-digital-agenda-2017-2019.txt")

    /// The export without its identities (a new owner token each import): the plan, its history and the register.
    private func exportedPlan(_ db: String) throws -> Data {
        let export = try AgendaProcess.run(["export", "--db", db])
        #expect(export.status == 0, "stderr: \(export.stderr)")
        var document = try #require(try JSONSerialization.jsonObject(with: export.stdoutData) as? [String: Any])
        #expect((document["identities"] as? [Any])?.count == 1)
        document["identities"] = nil
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
    }

    @Test(arguments: ["molndal-auto.docx", "molndal-typed.docx", "molndal-auto.odt", "molndal-typed.odt"])
    func aDocumentImportsToTheSameExportAsTheText(name: String) throws {
        let fromText = folder.path("text.sqlite")
        let text = try AgendaProcess.run(["import", Self.molndalText.path, "--db", fromText])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        let fromDocument = folder.path("document.sqlite")
        let document = try AgendaProcess.run(["import", Self.documents.appendingPathComponent(name).path, "--db", fromDocument])
        #expect(document.status == 0, "stderr: \(document.stderr)")
        #expect(document.stdout.contains("\"Handlingsplan - Digital agenda för Mölndals stad\" är importerad"))
        #expect(document.stdout.contains("9 insatsområden"))
        let expected = try exportedPlan(fromText)
        let actual = try exportedPlan(fromDocument)
        #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func formatOptionReadsADocumentWithoutItsExtension() throws {
        let file = folder.path("plan.bin")
        try FileManager.default.copyItem(atPath: Self.documents.appendingPathComponent("table-plan.odt").path, toPath: file)
        let db = folder.path("agenda.sqlite")
        let result = try AgendaProcess.run(["import", file, "--format", "odt", "--db", db])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Tabellby kommun"))
        #expect(result.stderr.contains("en fotnot tas inte med i planen"))
        #expect(result.stderr.contains("en kommentar tas inte med i planen"))
    }

    @Test(arguments: [
        ("plan.docx", "molndal-auto.txt", [String]()),
        ("plan.odt", "molndal-auto.docx", ["--format", "odt"]),
        ("plan.docx", "cut.docx", [String]()),
    ])
    func aDocumentThatCannotBeReadGivesOneLineAndCreatesNoDatabase(name: String, source: String, options: [String]) throws {
        let file = folder.path(name)
        switch source {
        case "molndal-auto.txt": try FileManager.default.copyItem(atPath: Self.molndalText.path, toPath: file)
        case "cut.docx":
            let data = try Data(contentsOf: Self.documents.appendingPathComponent("molndal-auto.docx"))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: file))
        default: try FileManager.default.copyItem(atPath: Self.documents.appendingPathComponent(source).path, toPath: file)
        }
        let db = folder.path("agenda.sqlite")
        let result = try AgendaProcess.run(["import", file, "--db", db] + options)
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
