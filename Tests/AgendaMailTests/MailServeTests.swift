import AgendaTestSupport
import AgendaCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import AgendaMail

/// `agenda serve --base-url … --mail-command …`: the outbox goes out on its own schedule while the server
/// runs (a background service), and SIGTERM still ends the server cleanly and at once.
@Suite(.serialized) struct MailServeTests {
    @Test func theServerSendsTheOutboxInTheBackgroundAndStopsCleanlyOnSIGTERM() async throws {
        try await offThePool {
            let clock = MailSenderTests.Clock(Timestamp(CalendarDate(year: 2019, month: 3, day: 1), hour: 8))
            let (service, owner) = try MailSenderTests.demo(clock: clock)
            try service.mailSignInLink(for: "Skolförvaltningen", validFor: 3_600, by: owner)

            try TestMTA.with { mta in
                let port = try freePort()
                let server = Process()
                server.executableURL = MailKillTests.agenda
                server.arguments = [
                    "serve", "--db", service.path, "--port", String(port), "--base-url", "http://127.0.0.1:\(port)",
                    "--mail-from", "agenda@molndal.example", "--mail-command", try mta.msmtp(), "--mail-interval", "1",
                ]
                server.standardInput = FileHandle.nullDevice
                server.standardOutput = FileHandle.nullDevice
                server.standardError = FileHandle.nullDevice
                try server.run()
                defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }

                let delivered = mta.delivered(to: "skola@molndal.example")
                #expect(delivered.count == 1, "the server sent the link it found waiting")
                let deadline = Date().addingTimeInterval(10)
                while try service.outboxState().sent == 0, Date() < deadline { usleep(20_000) }
                #expect(try service.outboxState() == OutboxState(waiting: 0, problem: nil, sent: 1))
                let file = try #require(delivered.first)
                let link = try #require(try ParsedMail(file: file).parts.first?.content)
                #expect(link.contains("http://127.0.0.1:\(port)/logga-in/agenda_"), "links go to --base-url")

                let stopping = ContinuousClock.now
                kill(server.processIdentifier, SIGTERM)
                while server.isRunning && ContinuousClock.now - stopping < .seconds(10) { usleep(10_000) }
                #expect(!server.isRunning && ContinuousClock.now - stopping < .seconds(5), "SIGTERM ends the server and its mail loop")
                #expect(server.terminationStatus == 0)
            }
        }
    }
}
