import AgendaCore
import Foundation
import Synchronization
import Testing
@testable import AgendaMail

/// The outbox's sender against a real Exim (scripts/mta): the round's reminders arrive in Swedish, once,
/// marked sent only when the mail system took them; a mail system that is down or refuses leaves them
/// waiting with the reason, and they go when it is back.
@Suite(.serialized) struct MailSenderTests {
    final class Clock: Sendable {
        let current: Mutex<Timestamp>
        init(_ start: Timestamp) { current = Mutex(start) }
        var now: Timestamp { current.withLock { $0 } }
        func advance(by seconds: Int64) { current.withLock { $0 = $0.adding(seconds: seconds) } }
    }

    /// The demo (2018Q4's round open, deadline 2019-01-15) on the day before the deadline, with addresses.
    static func demo(clock: Clock) throws -> (service: AgendaService, owner: Identity) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-mail-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("agenda.sqlite").path
        let plan = try PlanImporter.parse(DemoPlan.data(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        let demo = try AgendaService.createDemo(at: path, agenda: plan.agenda)
        let service = try AgendaService(path: path, access: .write, clock: { clock.now })
        let token = try #require(demo.tokens.first { $0.identity.role == .owner }?.token)
        let owner = try service.authenticate(token: token)
        try service.setEmail("skola@molndal.example", of: "Skolförvaltningen", by: owner)
        try service.setEmail("it-chef@molndal.example", of: owner.name, by: owner)
        return (service, owner)
    }

    static func settings(_ mta: TestMTA) throws -> MailSettings {
        try #require(MailSettings(
            smtp: "127.0.0.1:\(mta.port)", from: "agenda@molndal.example", baseURL: "https://agenda.molndal.example/", timeout: .seconds(5)))
    }

    static func header(_ name: String, in file: URL) throws -> String? {
        let fields = Decode.headerFields(Array(try Data(contentsOf: file)))
        return fields.first { $0.lowercased().hasPrefix(name.lowercased() + ":") }.map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func remindersArriveOnceInSwedishAndWaitWhileTheMailSystemIsDown() throws {
        let clock = Clock(Timestamp(CalendarDate(year: 2019, month: 1, day: 14), hour: 8))
        let (service, owner) = try Self.demo(clock: clock)
        let missing = try service.missing(period: try Period(parsing: "2018Q4"), department: "Skolförvaltningen").missing.flatMap(\.actions)
        #expect(!missing.isEmpty, "the demo leaves Skolförvaltningen's 2018Q4 reports missing")

        try TestMTA.with { mta in
            let sender = MailSender(service: service, settings: try Self.settings(mta))
            let first = try sender.run()
            #expect(first.queued == 1 && first.sent == 1 && first.failed == 0, "\(first): only Skolförvaltningen has an address")
            let files = mta.delivered(to: "skola@molndal.example")
            try #require(files.count == 1)
            let subject = try #require(try Self.header("Subject", in: files[0]).flatMap(Decode.headerText))
            #expect(subject == "Påminnelse: rapportera för kvartal 4 2018 senast 2019-01-15")
            #expect(try Self.header("Auto-Submitted", in: files[0]) == "auto-generated")
            let id = try #require(try Self.header("Message-ID", in: files[0]))
            #expect(id.hasPrefix("<agenda.reminder.") && id.hasSuffix("@molndal.example>"))
            let body = String(decoding: Decode.quotedPrintable(String(decoding: try Data(contentsOf: files[0]), as: UTF8.self)), as: UTF8.self)
            for code in missing { #expect(body.contains("  \(code)  "), "\(code) is listed") }
            #expect(body.contains("https://agenda.molndal.example/aktiviteter"))

            #expect(try sender.run() == MailRun(), "nothing new, nothing twice")
            #expect(mta.delivered(to: "skola@molndal.example").count == 1)
            #expect(try service.outboxState() == OutboxState(waiting: 0, problem: nil, sent: 1))
        }

        // The mail system is down: a link asked for now waits, with the reason.
        try service.mailSignInLink(for: "Skolförvaltningen", validFor: 3_600, by: owner)
        let stopped = try TestMTA.start()
        stopped.stop()
        let down = try MailSender(service: service, settings: try Self.settings(stopped)).run()
        #expect(down.failed == 1 && down.sent == 0)
        #expect(try service.outboxState().problem == .unreachable)

        // Back again: after the back-off, the link goes, and it signs in once.
        try TestMTA.with { mta in
            let sender = MailSender(service: service, settings: try Self.settings(mta))
            #expect(try sender.run().sent == 0, "not before the back-off")
            clock.advance(by: 61)
            #expect(try sender.run().sent == 1)
            let file = try #require(mta.delivered(to: "skola@molndal.example").first)
            let text = String(decoding: Decode.quotedPrintable(String(decoding: try Data(contentsOf: file), as: UTF8.self)), as: UTF8.self)
            let secret = try #require(text.firstMatch(of: /\/logga-in\/(agenda_[0-9a-f]{64})/)).output.1
            #expect(try service.redeemSignInLink(String(secret)).name == "Skolförvaltningen")
            #expect(try service.outboxState() == OutboxState(waiting: 0, problem: nil, sent: 2))
        }
    }

    @Test func aRefusedRecipientWaitsWithTheMailSystemsAnswer() throws {
        let clock = Clock(Timestamp(CalendarDate(year: 2019, month: 1, day: 16), hour: 8))
        let (service, owner) = try Self.demo(clock: clock)
        try service.setEmail("refuse@molndal.example", of: "IT-rådet", by: owner)
        try TestMTA.with { mta in
            let sender = MailSender(service: service, settings: try Self.settings(mta))
            try service.mailSignInLink(for: "IT-rådet", validFor: 3_600, by: owner)
            let run = try sender.run()
            #expect(run.failed == 1, "\(run)")
            #expect(try service.outboxState().problem == .refused(code: 550))
            #expect(mta.delivered(to: "refuse@molndal.example", count: 0).isEmpty)
            #expect(!mta.delivered(to: "it-chef@molndal.example").isEmpty, "the day after the deadline the IT-chef gets the late summary")
        }
    }

    @Test func aMessageRendersToTheSameBytesEveryTime() throws {
        let clock = Clock(Timestamp(CalendarDate(year: 2019, month: 1, day: 14), hour: 8))
        let (service, _) = try Self.demo(clock: clock)
        try service.enqueueDueReminders()
        let message = try #require(try service.messagesDue().first)
        let sender = MailSender(service: service, settings: try #require(MailSettings(
            smtp: "127.0.0.1:25", from: "agenda@molndal.example", baseURL: "https://agenda.molndal.example")))
        let once = try sender.mail(message, organisation: "Mölndals stad").rendered()
        clock.advance(by: 3_600)
        #expect(try sender.mail(message, organisation: "Mölndals stad").rendered() == once, "a message sent again after a crash is byte-identical")
        let html = try #require(try sender.mail(message, organisation: "Mölndals stad").html)
        #expect(html.contains("lang=\"sv\""))
    }
}
