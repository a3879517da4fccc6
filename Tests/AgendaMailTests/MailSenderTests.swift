import AgendaTestSupport
import AgendaCore
import Foundation
import Synchronization
import Testing
@testable import AgendaMail

/// The outbox's sender through a real mail path: Debian's msmtp as the sendmail command, relaying to a real
/// Exim on loopback (scripts/mta) that files what arrives. The round's reminders arrive in Swedish, once,
/// marked sent only when the command took them; a mail system that is down or refuses, a command that is
/// missing, hangs or fails, leave them waiting with the reason, and they go when it is back.
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
        try service.setEmail("bygg@molndal.example", of: "Stadsbyggnadsförvaltningen", by: owner)
        try service.setEmail("it-chef@molndal.example", of: owner.name, by: owner)
        return (service, owner)
    }

    static func settings(_ command: String, timeout: Duration = .seconds(10)) throws -> MailSettings {
        let command = try #require(MailCommand(command))
        return try #require(MailSettings(
            command: command, from: "agenda@molndal.example", baseURL: "https://agenda.molndal.example/", timeout: timeout))
    }

    @Test func remindersArriveOnceInSwedishAndWaitWhileTheMailSystemIsDown() async throws {
        try await offThePool {
            let clock = Clock(Timestamp(CalendarDate(year: 2019, month: 1, day: 14), hour: 8))
            let (service, owner) = try Self.demo(clock: clock)
            let period = try Period(parsing: "2018Q4")
            let missing = try service.missing(period: period, department: "Stadsbyggnadsförvaltningen").missing.flatMap(\.actions)
            #expect(!missing.isEmpty, "the demo leaves Stadsbyggnadsförvaltningen's 2018Q4 reports missing")
            #expect(try service.missing(period: period, department: "Skolförvaltningen").missing.isEmpty, "and Skolförvaltningen's done")

            try TestMTA.with { mta in
                let sender = MailSender(service: service, settings: try Self.settings(try mta.msmtp()))
                let first = try sender.run()
                #expect(first.queued == 1 && first.sent == 1 && first.failed == 0, "\(first): one förvaltning with an address misses reports")
                #expect(mta.delivered(to: "skola@molndal.example", count: 0).isEmpty, "a förvaltning that has reported everything gets no reminder")
                let files = mta.delivered(to: "bygg@molndal.example")
                try #require(files.count == 1)
                // Read back with Python's email package: an independent MIME parser.
                let parsed = try ParsedMail(file: files[0])
                #expect(parsed.subject == "Påminnelse: rapportera för kvartal 4 2018 senast 2019-01-15")
                #expect(parsed.defects.isEmpty, "\(parsed.defects)")
                #expect(parsed.to == [.init(name: "Stadsbyggnadsförvaltningen", address: "bygg@molndal.example")])
                #expect(parsed.from == [.init(name: "Agenda", address: "agenda@molndal.example")])
                #expect(parsed.messageID.hasPrefix("<agenda.reminder.") && parsed.messageID.hasSuffix("@molndal.example>"))
                let raw = String(decoding: try Data(contentsOf: files[0]), as: UTF8.self)
                #expect(raw.contains("\nAuto-Submitted: auto-generated\n"))
                #expect(raw.contains("\nDate: Mon, 14 Jan 2019 09:00:00 +0100\n"), "the Date in Swedish local time, when it was written")
                #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
                let body = try #require(parsed.parts.first?.content)
                for code in missing { #expect(body.contains("  \(code)  "), "\(code) is listed") }
                #expect(body.contains("https://agenda.molndal.example/aktiviteter"))
                #expect(!body.contains("agenda_"), "a reminder holds no secret")
                #expect(parsed.parts.last?.content.contains("<a href=\"https://agenda.molndal.example/aktiviteter\">") == true)

                #expect(try sender.run() == MailRun(), "nothing new, nothing twice")
                #expect(mta.delivered(to: "bygg@molndal.example").count == 1)
                #expect(try service.outboxState() == OutboxState(waiting: 0, problem: nil, sent: 1))
            }

            // The mail system is down: a link asked for now waits, with the reason.
            try service.mailSignInLink(for: "Skolförvaltningen", validFor: 3_600, by: owner)
            let stopped = try TestMTA.start()
            stopped.stop(removing: false)
            defer { try? FileManager.default.removeItem(at: stopped.directory) }
            let down = try MailSender(service: service, settings: try Self.settings(try stopped.msmtp())).run()
            #expect(down.failed == 1 && down.sent == 0)
            #expect(try service.outboxState().problem == .unreachable, "msmtp: connection refused, EX_TEMPFAIL")

            // Back again: after the back-off, the link goes, and it signs in once.
            try TestMTA.with { mta in
                let sender = MailSender(service: service, settings: try Self.settings(try mta.msmtp()))
                #expect(try sender.run().sent == 0, "not before the back-off")
                clock.advance(by: 61)
                #expect(try sender.run().sent == 1)
                let file = try #require(mta.delivered(to: "skola@molndal.example").first)
                let text = try #require(try ParsedMail(file: file).parts.first?.content)
                let secret = try #require(text.firstMatch(of: /\/logga-in\/(agenda_[0-9a-f]{64})/)).output.1
                #expect(try service.redeemSignInLink(String(secret)).name == "Skolförvaltningen")
                #expect(try service.outboxState() == OutboxState(waiting: 0, problem: nil, sent: 2))
            }
        }
    }

    @Test func aRefusedRecipientWaitsWithTheMailSystemsAnswer() async throws {
        try await offThePool {
            let clock = Clock(Timestamp(CalendarDate(year: 2019, month: 1, day: 16), hour: 8))
            let (service, owner) = try Self.demo(clock: clock)
            try service.setEmail("refuse@molndal.example", of: "IT-rådet", by: owner)
            try TestMTA.with { mta in
                let sender = MailSender(service: service, settings: try Self.settings(try mta.msmtp()))
                try service.mailSignInLink(for: "IT-rådet", validFor: 3_600, by: owner)
                let run = try sender.run()
                #expect(run.failed == 1, "\(run)")
                #expect(try service.outboxState().problem == .refused(status: 65), "msmtp: recipient refused (550), EX_DATAERR")
                #expect(mta.delivered(to: "refuse@molndal.example", count: 0).isEmpty)
                #expect(!mta.delivered(to: "it-chef@molndal.example").isEmpty, "the day after the deadline the IT-chef gets the late summary")
            }
        }
    }

    @Test func aMessageRendersToTheSameBytesEveryTime() async throws {
        try await offThePool {
            let clock = Clock(Timestamp(CalendarDate(year: 2019, month: 1, day: 14), hour: 8))
            let (service, _) = try Self.demo(clock: clock)
            try service.enqueueDueReminders()
            let message = try #require(try service.messagesDue().first)
            let sender = MailSender(service: service, settings: try Self.settings("/usr/sbin/sendmail -t -i"))
            let once = try sender.mail(message, organisation: "Mölndals stad").rendered()
            clock.advance(by: 3_600)
            #expect(try sender.mail(message, organisation: "Mölndals stad").rendered() == once, "a message sent again after a crash is byte-identical")
            let html = try #require(try sender.mail(message, organisation: "Mölndals stad").html)
            #expect(html.contains("lang=\"sv\""))
        }
    }

    /// A command that is missing, hangs or fails: the message waits with the reason, nothing is lost, and
    /// `agenda mail run`'s way (every waiting message once, no back-off) tries it again at once.
    @Test(arguments: [
        ("/usr/sbin/ingen-sendmail -t -i", MailProblem.commandMissing),
        ("/bin/sleep 30", MailProblem.timedOut),
        ("/bin/false", MailProblem.refused(status: 1)),
    ])
    func aCommandThatIsMissingHangsOrFailsLeavesTheMessageWaiting(_ command: String, _ problem: MailProblem) async throws {
        try await offThePool {
            // March 2019: the demo's 2018Q4 round is past being chased, so the link is the one message.
            let clock = Clock(Timestamp(CalendarDate(year: 2019, month: 3, day: 1), hour: 8))
            let (service, owner) = try Self.demo(clock: clock)
            try service.mailSignInLink(for: "Skolförvaltningen", validFor: 3_600, by: owner)
            let sender = MailSender(service: service, settings: try Self.settings(command, timeout: .seconds(1)))
            let started = ContinuousClock.now
            #expect(try sender.run(ignoringBackOff: true).failed == 1)
            #expect(ContinuousClock.now - started < .seconds(5), "a hanging command is stopped after the timeout")
            #expect(try service.outboxState() == OutboxState(waiting: 1, problem: problem, sent: 0))
            #expect(try sender.run(ignoringBackOff: true).failed == 1, "tried again at once, as cron would")
        }
    }

    @Test func headerInjectionThroughANameOrSubjectNeverAddsAHeader() async throws {
        try await offThePool {
            let message = MailMessage(
                messageID: "x@molndal.example", date: Date(timeIntervalSince1970: 0),
                from: try #require(MailAddress(parsing: "agenda@molndal.example", displayName: "Agenda\r\nBcc: ond@example.org")),
                to: [try #require(MailAddress(parsing: "anna@molndal.example", displayName: "Anna\nBcc: ond@example.org"))],
                subject: "Ämne\r\nBcc: ond@example.org", text: "Hej")
            let fields = Decode.headerFields(message.rendered())
            #expect(!fields.contains { $0.lowercased().hasPrefix("bcc:") }, "\(fields)")
        }
    }
}
