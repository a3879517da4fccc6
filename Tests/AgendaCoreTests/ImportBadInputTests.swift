import Foundation
import Testing
@testable import AgendaCore

/// Input that is not a plan gives one clear error and no agenda.
struct ImportBadInputTests {
    private func importing(_ data: Data, format: PlanFormat = .text) throws -> ImportResult {
        try PlanImporter.parse(data, format: format, labels: LabelTable.standard())
    }

    private static let minimalPlan = "Plan för Exempelby\n\n1. Område\n\n1.1 Delområde\n\nHandlingsplan: Gör något.\n"

    @Test(arguments: ["", "   \n\n\t \r\n", "\u{FEFF}\n"])
    func rejectsEmptyInput(_ text: String) {
        #expect(throws: ImportError.empty) { try importing(Data(text.utf8)) }
    }

    @Test func rejectsLatin1WithOffsetOfFirstBadByte() {
        let bytes = Array("Plan f".utf8) + [0xF6, 0x72, 0x0A]
        #expect(throws: ImportError.notUTF8(byteOffset: 6)) { try importing(Data(bytes)) }
    }

    @Test func rejectsUTF16() {
        let data = Data([0xFF, 0xFE]) + Self.minimalPlan.data(using: .utf16LittleEndian)!
        #expect(throws: ImportError.notUTF8(byteOffset: 0)) { try importing(data) }
    }

    @Test(arguments: [
        Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
        Data("1. Område\n\u{0}\u{0}text".utf8),
        Data((0..<200).map { UInt8($0 % 9) } + Array("1. Område\n".utf8)),
    ])
    func rejectsBinaryInput(_ data: Data) {
        #expect(throws: ImportError.binary) { try importing(data) }
    }

    @Test(arguments: [PlanFormat.text, .markdown])
    func rejectsTextWithoutHeadings(_ format: PlanFormat) {
        let text = "Inköpslista\n\nMjölk, bröd och smör.\n\n1. Ägg\n2. Ost\n"
        #expect(throws: ImportError.noHeadings) { try importing(Data(text.utf8), format: format) }
    }

    @Test func rejectsFileEndingAtLabelWithoutText() {
        let text = Self.minimalPlan + "\nAnsvarig: IT-avdelningen\n\nEffektmål:\n\n"
        #expect(throws: ImportError.truncated(line: 11, detail: "filen slutar vid rubriken \"Effektmål:\" utan någon text efter den")) {
            try importing(Data(text.utf8))
        }
    }

    @Test func rejectsFileEndingAtHeading() {
        let text = Self.minimalPlan + "\n1.2 Nästa delområde\n"
        #expect(throws: ImportError.truncated(line: 9, detail: "filen slutar vid rubriken \"1.2 Nästa delområde\" utan något under den")) {
            try importing(Data(text.utf8))
        }
    }

    @Test func rejectsLastLineCutMidSentence() {
        let text = Self.minimalPlan + "\nKostnader: 200 tkr (inom befintliga bud"
        #expect(throws: ImportError.truncated(line: 9, detail: "sista raden slutar mitt i en mening: \"…Kostnader: 200 tkr (inom befintliga bud\"")) {
            try importing(Data(text.utf8))
        }
    }

    @Test func rejectsCharacterCutOffAtEnd() {
        let data = Data((Self.minimalPlan + "\nAnsvarig: Skolförvaltningen").utf8.dropLast("ningen".utf8.count + 1))
            + Data([0xC3])
        #expect(throws: ImportError.truncated(line: 9, detail: "sista tecknet är avkapat (ofullständig UTF-8-sekvens)")) {
            try importing(data)
        }
    }

    @Test func acceptsLastLineWithoutLineBreak() throws {
        let result = try importing(Data((Self.minimalPlan + "\nAnsvarig: IT-avdelningen").utf8))
        #expect(result.agenda.actions.first?.responsibility.text == "IT-avdelningen")
    }

    @Test func explainsErrorsInOneLine() {
        let errors: [ImportError] = [.empty, .notUTF8(byteOffset: 6), .binary, .noHeadings, .truncated(line: 3, detail: "x")]
        for error in errors {
            #expect(!error.description.isEmpty)
            #expect(!error.description.contains("\n"))
        }
    }
}
