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
