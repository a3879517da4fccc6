import AgendaTestSupport
import AgendaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import AgendaMail

/// `agenda mail run` killed (SIGKILL) in the middle of sending: the next run sends what is left, so no
/// message is lost; at most the one in flight goes twice, with the same Message-ID. Runs the built binary
/// through msmtp to a real Exim.
@Suite(.serialized) struct MailKillTests {
    /// The built `agenda` beside the test runner in the build folder.
    static let agenda: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("agenda").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("agenda")
    }()

    static func agendaProcess(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = agenda
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aRunKilledWhileSendingLosesNothingAndSendsAtMostOneTwice() async throws {
        try await offThePool {
            let clock = MailSenderTests.Clock(Timestamp(CalendarDate(year: 2019, month: 1, day: 14), hour: 8))
            let (service, owner) = try MailSenderTests.demo(clock: clock)
            for (name, address) in [("Stadsledningsförvaltningen", "slf@molndal.example"), ("Vård- och omsorgsförvaltningen", "vof@molndal.example"),
                                    ("Kultur- och fritidsförvaltningen", "kof@molndal.example")] {
                try service.setEmail(address, of: name, by: owner)
            }
            try service.enqueueDueReminders()
            try service.openRound(period: try Period(parsing: "2019Q1"), deadline: CalendarDate(year: 2019, month: 4, day: 15), by: owner)
            let queued = try service.messagesDue(ignoringBackOff: true)
            try #require(queued.count >= 5, "\(queued.count) messages")

            try TestMTA.with { mta in
                // The machine's mail command, slowed down so that the kill falls in the middle of the run.
                let slow = mta.directory.appendingPathComponent("slow-sendmail")
                try "#!/bin/sh\nsleep 0.4\nexec \(try mta.msmtp())\n".write(to: slow, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)
                let database = service.path
                let arguments = ["mail", "run", "--db", database, "--base-url", "https://agenda.molndal.example", "--mail-from", "agenda@molndal.example"]

                let killed = try Self.agendaProcess(arguments + ["--mail-command", slow.path])
                // Killed as soon as the first message is marked sent: the next one is then in the slow command.
                let deadline = Date().addingTimeInterval(60)
                while try service.outboxState().sent == 0, killed.isRunning, Date() < deadline { usleep(10_000) }
                kill(killed.processIdentifier, SIGKILL)
                killed.waitUntilExit()
                let left = try service.messagesDue(ignoringBackOff: true).count
                #expect(left > 0 && left < queued.count, "killed in the middle: \(queued.count - left) of \(queued.count) marked sent")

                let again = try Self.agendaProcess(arguments + ["--mail-command", try mta.msmtp()])
                again.waitUntilExit()
                #expect(again.terminationStatus == 0)
                #expect(try service.messagesDue(ignoringBackOff: true).isEmpty, "the next run sent what was left")

                Thread.sleep(forTimeInterval: 1)  // an orphaned msmtp of the killed run may still be delivering
                let folders = try FileManager.default.contentsOfDirectory(at: mta.directory.appendingPathComponent("mail"), includingPropertiesForKeys: nil)
                let files = try folders.flatMap { try FileManager.default.contentsOfDirectory(at: $0.appendingPathComponent("new"), includingPropertiesForKeys: nil) }
                let ids = try files.map { try ParsedMail(file: $0).messageID }
                let expected = Set(queued.map { "<\($0.messageID)@molndal.example>" })
                #expect(Set(ids) == expected, "every queued message arrived")
                #expect(ids.count <= expected.count + 1, "at most the one in flight twice: \(ids.count) deliveries of \(expected.count)")
            }
        }
    }
}
