import Foundation
import Testing
@testable import AgendaMail

@Suite struct MailMessageTests {
    @Test func renderingIsDeterministic() {
        let message = Messages.reminder()
        #expect(message.rendered() == message.rendered())
        #expect(Messages.reminder().rendered() == message.rendered(), "the same fields give the same bytes")
        #expect(Messages.reminder(id: "round-2018Q4-13@agenda.molndal.example").rendered() != message.rendered())
    }

    @Test(arguments: [true, false])
    func linesEndInCRLFAndKeepTheirLengths(withHTML: Bool) {
        let long = String(repeating: "Lång rad utan radbrytning, ", count: 80)
        let bytes = Messages.reminder(text: Messages.text + "\n" + long, html: withHTML ? Messages.html + long : nil).rendered()
        // Every CR is followed by LF and every LF preceded by CR.
        for (index, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D {
            #expect(byte == 0x0D ? bytes[index + 1] == 0x0A : bytes[index - 1] == 0x0D)
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        #expect(bytes.allSatisfy { $0 < 0x80 }, "ASCII addresses give a 7-bit message")
        let lines = Decode.lines(bytes)
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        let headerLines = lines.prefix { !$0.isEmpty }
        #expect(headerLines.allSatisfy { $0.utf8.count <= 78 }, "\(headerLines.filter { $0.utf8.count > 78 })")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "quoted-printable lines are at most 76")
    }

    @Test func headersInOrderWithTheDateTheSubjectAndTheID() throws {
        let fields = Decode.headerFields(Messages.reminder().rendered())
        #expect(fields.map { $0.prefix { $0 != ":" } } == [
            "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Auto-Submitted", "Content-Type",
        ])
        #expect(fields[0] == "Date: Sun, 06 Dec 2026 21:05:18 +0000")
        #expect(Decode.headerText(String(fields[3].dropFirst("Subject: ".count))) == Messages.subject)
        #expect(fields[4] == "Message-ID: <round-2018Q4-12@agenda.molndal.example>")
        #expect(fields[7].hasPrefix("Content-Type: multipart/alternative; boundary=\"=_"))
        #expect(MIMEEncoding.date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test func headerInjectionAddsNoHeader() {
        let evil = MailAddress(parsing: "anna.svensson@molndal.example", displayName: "Anna\r\nBcc: x@y.example")!
        var message = Messages.reminder(to: [evil], subject: "Ämne\r\nBcc: x@y.example")
        message.messageID = "id@agenda.example>\r\nBcc: <x@y.example"
        message.extraHeaders += [MailHeader("X-Runda", "2018Q4\r\nBcc: x@y.example"), MailHeader("Bcc: x@y.example\r\nX", "1"),
                                 MailHeader("Subject", "andra ämnet"), MailHeader("Content-Type", "text/html")]
        for ascii in [true, false] {
            if ascii { message.subject = "Subject\nBcc: x@y.example" }
            let fields = Decode.headerFields(message.rendered())
            #expect(!fields.contains { $0.lowercased().hasPrefix("bcc") })
            #expect(fields.filter { $0.hasPrefix("Subject:") || $0.hasPrefix("Content-Type:") }.count == 2)
            #expect(fields.contains("X-Runda: 2018Q4 Bcc: x@y.example"))
            #expect(fields.contains("Message-ID: <id@agenda.exampleBcc:x@y.example>"))
        }
    }

    @Test func bodiesAreQuotedPrintableAndDecodeBack() throws {
        let text = "Rad med = och \t tab \nslutar med mellanslag \r\n.punkt\r" + String(repeating: "å", count: 100) + "\n"
        let encoded = MIMEEncoding.quotedPrintable(text)
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 76 && !$0.hasSuffix(" ") })
        let decoded = try #require(String(validating: Decode.quotedPrintable(encoded), as: UTF8.self))
        #expect(decoded == text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func aSinglePartMessageHasNoBoundary() {
        let rendered = String(decoding: Messages.reminder(html: nil).rendered(), as: UTF8.self)
        #expect(rendered.contains("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHej!\r\n"))
        #expect(!rendered.contains("multipart"))
    }

    @Test func theBoundaryOccursOnlyAsTheDelimiters() throws {
        // Text that tries to contain the delimiter itself: "=" is written "=3D", so it cannot.
        let bytes = Messages.reminder(text: "--=_agenda_0123456789abcdef\n--=_agenda_", html: "<p>--=_agenda_</p>").rendered()
        let body = Decode.lines(bytes).drop { !$0.isEmpty }
        let contentType = try #require(Decode.headerFields(bytes).first { $0.hasPrefix("Content-Type:") })
        let boundary = try #require(contentType.split(separator: "\"").dropFirst().first)
        #expect(body.filter { $0.contains(boundary) }.count == 3)
        #expect(body.filter { $0 == "--\(boundary)" }.count == 2 && body.contains("--\(boundary)--"))
    }
}
