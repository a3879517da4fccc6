import Foundation
import Testing
@testable import AgendaMail

/// Encoded words (RFC 2047) and header folding, checked with the tests' own decoder.
@Suite struct RFC2047Tests {
    static let subject = "Påminnelse: rapportera för 2018Q4 senast 2019-01-15"

    @Test(arguments: [
        subject,
        String(repeating: "Återrapportering för Äldreomsorgen och Överförmyndaren ", count: 4),
        String(repeating: "€🇸🇪ö", count: 30),  // 2-, 3- and 4-byte characters at every cut
        "Ämne med\u{301} kombinerande tecken",
    ])
    func everyWordIsShortAndDecodesOnItsOwn(_ text: String) throws {
        let words = MIMEEncoding.encodedWords(text, headerName: "Subject")
        var joined = ""
        for word in words {
            #expect(word.utf8.count <= 75)
            let bytes = try #require(Decode.encodedWord(word))
            // A word that ended inside a UTF-8 sequence would not be valid UTF-8 on its own.
            joined += try #require(String(validating: bytes, as: UTF8.self))
        }
        #expect(joined == text)
        let header = MIMEEncoding.header("Subject", words)
        #expect(header.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func plainASCIIStaysReadableAndIsFoldedAtSpaces() {
        let text = "Reminder: report for 2018Q4 by 2019-01-15, " + String(repeating: "and again ", count: 10)
        let tokens = MIMEEncoding.unstructured(text, headerName: "Subject")
        #expect(tokens.joined(separator: " ") == text.trimmingCharacters(in: .whitespaces))
        let header = MIMEEncoding.header("Subject", tokens)
        let lines = header.split(separator: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") && !$0.allSatisfy { $0 == " " } })
    }

    @Test func textThatLooksEncodedOrCannotBeFoldedIsEncoded() {
        #expect(MIMEEncoding.unstructured("see =?utf-8?B?w6U=?= here", headerName: "Subject").allSatisfy { $0.hasPrefix("=?utf-8?B?") })
        let long = String(repeating: "x", count: 90)
        let tokens = MIMEEncoding.unstructured(long, headerName: "Subject")
        #expect(tokens.allSatisfy { $0.hasPrefix("=?utf-8?B?") && $0.utf8.count <= 75 })
        #expect(Decode.headerText(tokens.joined(separator: " ")) == long)
    }

    @Test func lineBreaksAndControlCharactersBecomeOneSpace() {
        #expect(MIMEEncoding.unstructured("Rapport\r\nBcc: x@y.example\t\u{0}klar", headerName: "Subject")
            == ["Rapport", "Bcc:", "x@y.example", "klar"])
        let encoded = MIMEEncoding.unstructured("Ämne\r\nBcc: x@y.example", headerName: "Subject")
        #expect(Decode.headerText(encoded.joined(separator: " ")) == "Ämne Bcc: x@y.example")
    }

    @Test func aNoBreakSpaceIsKeptAndAStructuredHeaderKeepsItsLongWords() {
        let amount = MIMEEncoding.unstructured("Kostnad 3\u{A0}000 kr", headerName: "Subject")
        #expect(Decode.headerText(amount.joined(separator: " ")) == "Kostnad 3\u{A0}000 kr")
        let url = "<https://agenda.molndal.example/avregistrera?token=" + String(repeating: "0123456789", count: 8) + ">"
        #expect(MIMEEncoding.unstructured(url, headerName: "List-Unsubscribe", keepingLongWords: true) == [url])
        #expect(MIMEEncoding.unstructured(url, headerName: "Subject").allSatisfy { $0.hasPrefix("=?utf-8?B?") })
    }

    @Test func displayNamesAreBareQuotedOrEncoded() {
        #expect(MIMEEncoding.phrase("Anna Svensson", headerName: "To") == ["Anna", "Svensson"])
        #expect(MIMEEncoding.phrase("Svensson, Anna", headerName: "To") == ["\"Svensson,", "Anna\""])
        #expect(MIMEEncoding.phrase("Bo \"B\" Ek\\", headerName: "To").joined(separator: " ") == #""Bo \"B\" Ek\\""#)
        let encoded = MIMEEncoding.phrase("Anna Svensson, Skolförvaltningen", headerName: "To")
        #expect(Decode.headerText(encoded.joined(separator: " ")) == "Anna Svensson, Skolförvaltningen")
    }

    @Test func aLongHeaderNameStillGetsWordsOfAtMost75() {
        let name = "X-" + String(repeating: "Lang", count: 15)
        let words = MIMEEncoding.encodedWords(Self.subject, headerName: name)
        #expect(words.allSatisfy { $0.utf8.count <= 75 })
        #expect(MIMEEncoding.header(name, words).split(separator: "\r\n").dropFirst().allSatisfy { $0.utf8.count <= 78 })
    }
}
