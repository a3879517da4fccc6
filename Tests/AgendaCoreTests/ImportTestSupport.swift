import Foundation
@testable import AgendaCore

/// Shared helpers for the importer tests.
enum ImportTestSupport {
    static let molndalURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../templates/sample/molndal-digital-agenda-2017-2019.txt")
        .standardizedFileURL

    static func molndalData() throws -> Data { try Data(contentsOf: molndalURL) }

    static func importText(_ text: String, format: PlanFormat = .text, labels: LabelTable? = nil) throws -> ImportResult {
        try PlanImporter.parse(Data(text.utf8), format: format, labels: labels ?? LabelTable.standard())
    }

    static func importMolndal() throws -> ImportResult {
        try PlanImporter.parse(molndalData(), format: .text, labels: LabelTable.standard())
    }
}
