import Foundation
import Testing
@testable import AgendaCore

/// A warning or error quotes at most the first 200 characters of the plan's text.
struct ImportQuoteTests {
    @Test(arguments: [
        (String(repeating: "a", count: 200), String(repeating: "a", count: 200)),
        (String(repeating: "ö", count: 201), String(repeating: "ö", count: 200) + "…"),
        ("kort", "kort"),
        ("", ""),
    ])
    func quotesAtMostTwoHundredCharacters(_ text: String, _ quoted: String) {
        #expect(Quoted.excerpt(text) == quoted)
        #expect(Quoted.input(text) == "\"\(quoted)\"")
    }

    @Test(arguments: ["\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\r", "\n", "\u{07}", "\t"])
    func aControlCharacterInQuotedTextBecomesASpace(_ character: String) {
        #expect(Quoted.input("1. Omr\(character)de") == "\"1. Omr de\"")
    }

    /// Found by the fuzzer (Markdown, 582 626 inputs in): a vertical tab inside the last heading made the
    /// refusal two lines. Every importer quotes through ``Quoted``; both formats that split lines are checked.
    @Test(arguments: [PlanFormat.text, .markdown])
    func aRefusalQuotingAHeadingWithAVerticalTabIsOneLine(_ format: PlanFormat) throws {
        let text = format == .text ? "1. Extern service\n\n1.1 E-tj\u{0B}nster\n" : "# Plan\n\n## 1. Omr\u{0B}de\n"
        let error = try #require(throws: ImportError.self) { try ImportTestSupport.importText(text, format: format) }
        let message = error.description
        #expect(!message.contains { $0.isNewline }, "\(message.debugDescription)")
        #expect(message.contains("utan något under den"))
    }

    /// Found by the fuzzer (LIKA export, 951 366 inputs in, 2026-12-07): an answer cell holding carriage
    /// returns was quoted as it was, so the refusal was several lines. The reader quotes through ``Quoted``.
    @Test func aLikaAnswerWithCarriageReturnsIsRefusedInOneLine() throws {
        // The fuzzer's input as it was (389 bytes: the answer cell ends "So … M\r\u{0325}\r\u{0325}\u{0325}").
        let data = try #require(Data(base64Encoded: "DWVyYSBpIGxlZG5pbmdzZ3J1cHAgdmlsa2V0IGhldGxpZyBiZWdyZXBwc2FudsOkbmRuaW5nLgpLNglzYmFyYSBtw6VsICgyLTMgw6VyIHNpa3QpIGbDtnIgZGlnaXRhbGlzZXJpbmcuCVDDpWLDtnJqYWQJRXhlbXBlbCBww6UgYWt0aXZpdGV0OiBhdnPDpHR0IHRpZCBmw7ZyIGRpc2t1c3Npb24gaSBsZWRuaW5nc2dydXBwZW4gb2NoIGFyYmV0c2dydXBwHwAAAAAAAABlciBlLmR5bC4gRGlza3V0ZXJhIHZhZCBkaWdpdGFsIGtvbXBldGVucyDDpHIgb2NoIGh1ciBuaSBrYW4gYXJiZXRhIFNvICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgzKVNDcylDcylzKU="))
        let text = try #require(String(data: data, encoding: .utf8))
        let error = try #require(throws: AssessmentError.self) {
            try LikaExportReader.read(text, source: "export.tsv", set: IndicatorSet.likaSocialtjanst, answers: .builtIn)
        }
        #expect(error.description.hasPrefix("rad 3: K6 har svaret \"Exempel på aktivitet"), "\(error.description.debugDescription)")
        #expect(!error.description.contains { $0.isNewline }, "\(error.description.debugDescription)")
    }

    @Test func aMegabyteLineThatFitsNowhereGivesAShortWarning() throws {
        let long = String(repeating: "Okänd uppgift i sidhuvudet ", count: 40_000)  // 1.08 MB, one line
        #expect(long.utf8.count > 1_000_000)
        let text = "Plan för Exempelby\n\nStyrdokument\t\(long)\n\n1. Område\n\n1.1 Delområde\n\nHandlingsplan: Gör något.\n"
        let result = try ImportTestSupport.importText(text)
        let warning = try #require(result.warnings.first { $0.line == 3 })
        #expect(warning.description.count < 300)
        #expect(warning.description == "rad 3: sidhuvudets cell \"\(long.prefix(200))…\" förstods inte; behållen i planens beskrivning")
    }

    @Test func aMegabyteHeadingAtTheEndGivesAShortError() throws {
        let title = String(repeating: "Lång rubrik ", count: 90_000)
        let text = "# Plan för Exempelby\n\n## Område\n\n### Delområde\n\n**Handlingsplan:** Gör något.\n\n## \(title)\n"
        let error = try #require(throws: ImportError.self) { try ImportTestSupport.importText(text, format: .markdown) }
        #expect(error.description.count < 400)
        #expect(error.description.contains("…\" utan något under den"))
    }
}
