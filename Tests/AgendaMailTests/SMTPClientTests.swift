import Foundation
import Testing
@testable import AgendaMail

/// Sends to a real Exim (scripts/mta, one private instance per test) and reads what it delivered.
@Suite struct SMTPClientTests {
    static let sender = "agenda@molndal.example"
    static let anna = "anna.svensson@molndal.example"

    static func client(_ port: Int, timeout: Duration = .seconds(10)) -> SMTPClient {
        SMTPClient(host: "127.0.0.1", port: port, heloName: "agenda.molndal.example", timeout: timeout)
    }

    @Test func theReminderArrivesAsSentAndParsesBack() throws {
        let message = Messages.reminder()
        try TestMTA.with { mta in
            let delivery = try Self.client(mta.port).send(message, envelopeFrom: Self.sender, recipients: [Self.anna])
            #expect(delivery.accepted == [Self.anna] && delivery.refused.isEmpty)
            #expect(delivery.reply.hasPrefix("250 OK id="))
            let file = try #require(mta.delivered(to: Self.anna).first, "nothing in \(Self.anna)'s Maildir")

            // Exim adds its four lines above and keeps the rest byte for byte (with LF line ends).
            let delivered = try String(contentsOf: file, encoding: .utf8)
            let start = try #require(delivered.range(of: "\nDate: ")).lowerBound
            let sent = String(decoding: message.rendered(), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            #expect(String(delivered[start...].dropFirst()) == sent)

            let parsed = try ParsedMail(file: file)
            #expect(parsed.defects.isEmpty, "\(parsed.defects)")
            #expect(parsed.subject == Messages.subject)
            #expect(parsed.messageID == "<round-2018Q4-12@agenda.molndal.example>")
            #expect(parsed.from == [.init(name: "Agenda, Mölndals stad", address: Self.sender)])
            #expect(parsed.to == [.init(name: "Anna Svensson, Skolförvaltningen", address: Self.anna)])
            #expect(parsed.contentType == "multipart/alternative")
            #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
            #expect(parsed.parts.allSatisfy { $0.charset == "utf-8" })
            #expect(parsed.parts.first?.content == Messages.text)
            #expect(parsed.parts.last?.content == Messages.html)
            #expect(Array(parsed.headers.prefix(4)) == ["Return-path", "Envelope-to", "Delivery-date", "Received"])
            #expect(parsed.headers.contains("Auto-Submitted"))
        }
    }

    @Test func linesThatStartWithADotSurviveDotStuffing() throws {
        let text = ".\n..\n.Hej\nmitt i.\n."
        let message = Messages.reminder(text: text, html: nil)
        #expect(String(decoding: message.rendered(), as: UTF8.self).contains("\r\n.\r\n..\r\n.Hej\r\n"))
        try TestMTA.with { mta in
            try Self.client(mta.port).send(message, envelopeFrom: Self.sender, recipients: [Self.anna])
            let file = try #require(mta.delivered(to: Self.anna).first)
            let parsed = try ParsedMail(file: file)
            #expect(parsed.contentType == "text/plain")
            #expect(parsed.parts.map(\.content) == [text + "\n"], "a single part ends with its line end")
        }
    }

    @Test func aRefusedRecipientDoesNotStopTheOthers() throws {
        try TestMTA.with { mta in
            let refused = "refuse@molndal.example"
            let delivery = try Self.client(mta.port).send(Messages.reminder(), envelopeFrom: Self.sender, recipients: [refused, Self.anna])
            #expect(delivery.accepted == [Self.anna])
            #expect(delivery.refused.map(\.recipient) == [refused])
            #expect(delivery.refused.first?.code == 550)
            #expect(delivery.refused.first?.reply.hasPrefix("550 5.1.1 <refuse@molndal.example>") == true)
            #expect(mta.delivered(to: Self.anna).count == 1)
            #expect(!FileManager.default.fileExists(atPath: mta.directory.appendingPathComponent("mail/\(refused)").path))
        }
    }

    @Test func onlyRefusedRecipientsIsAPermanentError() throws {
        try TestMTA.with { mta in
            let error = #expect(throws: SMTPError.self) {
                try Self.client(mta.port).send(Messages.reminder(), envelopeFrom: Self.sender,
                                               recipients: ["refuse@molndal.example", "REFUSE@skola.molndal.example"])
            }
            guard case .recipientsRefused(let refusals)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(refusals.map(\.recipient) == ["refuse@molndal.example", "REFUSE@skola.molndal.example"])
            #expect(refusals.allSatisfy { $0.code == 550 })
            #expect(error?.isPermanent == true)
        }
    }

    @Test func aStoppedMailSystemCannotBeReachedForNow() throws {
        let mta = try TestMTA.start()
        mta.stop()
        let error = #expect(throws: SMTPError.self) {
            try Self.client(mta.port).send(Messages.reminder(), envelopeFrom: Self.sender, recipients: [Self.anna])
        }
        #expect(error == .cannotConnect(host: "127.0.0.1", port: mta.port, errno: ECONNREFUSED))
        #expect(error?.isPermanent == false)
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let silent = try SilentListener()
        let started = ContinuousClock.now
        let error = #expect(throws: SMTPError.self) {
            try Self.client(silent.port, timeout: .seconds(1)).send(Messages.reminder(), envelopeFrom: Self.sender, recipients: [Self.anna])
        }
        let elapsed = ContinuousClock.now - started
        #expect(error == .timedOut(.greeting))
        #expect(error?.isPermanent == false)
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(3), "\(elapsed)")
    }

    @Test func aUTF8AddressGoesWithSMTPUTF8() throws {
        let address = "åsa.öberg@molndal.example"
        let message = Messages.reminder(to: [MailAddress(parsing: address, displayName: "Åsa Öberg")!])
        try TestMTA.with { mta in
            try Self.client(mta.port).send(message, envelopeFrom: Self.sender, recipients: [address])
            let file = try #require(mta.delivered(to: address).first)
            let parsed = try ParsedMail(file: file)
            #expect(parsed.to == [.init(name: "Åsa Öberg", address: address)])
        }
    }

    @Test func unusableAddressesAreRefusedBeforeConnecting() {
        let client = Self.client(1)  // nothing listens on port 1: the addresses are checked first
        for (from, to) in [("agenda@molndal.example", ["anna@molndal.example>\r\nDATA"]), ("agenda", [Self.anna]), (Self.sender, [])] {
            let error = #expect(throws: SMTPError.self) { try client.send(Messages.reminder(), envelopeFrom: from, recipients: to) }
            #expect(error?.isPermanent == true)
            guard case .invalidAddress? = error else { Issue.record("got \(String(describing: error))"); continue }
        }
    }
}
