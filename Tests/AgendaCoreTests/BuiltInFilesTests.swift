import AgendaTemplates
import Foundation
import Testing
@testable import AgendaCore

/// What AgendaCore reads from the files built into the binary is the repository's templates/ folders.
@Suite struct BuiltInFilesTests {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates", isDirectory: true)

    @Test func samplePlanIsTemplatesSampleByteForByte() throws {
        #expect(EmbeddedFiles.sample.paths == [IndicatorSet.likaSocialtjanstFile, DemoPlan.fileName])
        let file = try Data(contentsOf: Self.templates.appendingPathComponent("sample/\(DemoPlan.fileName)"))
        #expect(file.count > 40_000)
        #expect(try DemoPlan.data() == file)
    }

    /// The LIKA Socialtjänst set ships from the sample export in templates/sample, byte for byte.
    @Test func likaSampleIsTemplatesSampleByteForByte() throws {
        let file = try Data(contentsOf: Self.templates.appendingPathComponent("sample/\(IndicatorSet.likaSocialtjanstFile)"))
        #expect(EmbeddedFiles.sample[IndicatorSet.likaSocialtjanstFile] == file)
        #expect(IndicatorSet.likaSocialtjanst.indicators.count == 41)
    }

    /// Every built-in file, read as bytes and as text, is its file in templates/ byte for byte (text files
    /// are built in as string literals, escaped by the EmbedResources plugin: a tab, a CR, a quote or a
    /// backslash must come back as it was).
    @Test(arguments: ["default", "sample"])
    func everyBuiltInFileIsItsTemplateFile(name: String) throws {
        let folder = name == "default" ? EmbeddedFiles.default : EmbeddedFiles.sample
        #expect(folder.name == name)
        #expect(folder.paths.count >= 2)
        for path in folder.paths {
            let file = try Data(contentsOf: Self.templates.appendingPathComponent("\(folder.name)/\(path)"))
            #expect(folder[path] == file, "\(folder.name)/\(path)")
            #expect(folder.text(path).map { Data($0.utf8) } == file, "\(folder.name)/\(path)")
        }
        #expect(folder["no-such-file.txt"] == nil)
        #expect(folder.text("no-such-file.txt") == nil)
    }

    /// The standard alias table is the one in templates/default, read from the built-in copy.
    @Test func standardRegisterIsTheShippedAliasTable() throws {
        let shipped = try OrganisationRegister.load(from: Self.templates.appendingPathComponent("default/organisation-aliases.tsv"))
        let standard = try OrganisationRegister.standard()
        for alias in ["SLF", "SKF"] {
            #expect(standard.resolve(alias) != nil, "\(alias)")
            #expect(standard.resolve(alias)?.department == shipped.resolve(alias)?.department, "\(alias)")
        }
    }

    /// The standard import labels are the built-in copy of templates/default/import-labels.tsv.
    @Test func standardLabelsAreTheShippedTable() throws {
        let text = try String(contentsOf: Self.templates.appendingPathComponent("default/import-labels.tsv"), encoding: .utf8)
        #expect(EmbeddedFiles.default.text("import-labels.tsv") == text)
        _ = try LabelTable.standard()
    }
}
