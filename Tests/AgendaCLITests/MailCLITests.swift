import Foundation
import Testing

/// The round's e-mail from the command line: addresses, a link by mail into the outbox, `agenda mail status`,
/// and a refused address that changes nothing. (Sending through a real mail system: AgendaMailTests.)
@Suite struct MailCLITests {
    @Test func addressesAndTheOutboxFromTheCommandLine() throws {
        let folder = try TemporaryFolder()
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
        let tokens = DemoTokens.parse(demo.stdout)
        let owner = try #require(tokens["IT-chef"])
        func agenda(_ arguments: String...) throws -> AgendaProcess.Result {
            try AgendaProcess.run(arguments, environment: ["AGENDA_DB": folder.path("agenda.sqlite"), "AGENDA_TOKEN": owner])
        }

        let bad = try agenda("identity", "email", "Skolförvaltningen", "skola at molndal")
        #expect(bad.status == 1 && bad.stderr.contains("är ingen e-postadress"), "stderr: \(bad.stderr)")
        let noAddress = try agenda("identity", "link", "Skolförvaltningen", "--mail")
        #expect(noAddress.status == 1 && noAddress.stderr.contains("agenda identity email"), "stderr: \(noAddress.stderr)")

        let set = try agenda("identity", "email", "Skolförvaltningen", "skola@molndal.example")
        #expect(set.status == 0 && set.stdout.contains("Skolförvaltningen har e-postadressen skola@molndal.example."), "\(set.stderr)")
        let added = try agenda("identity", "add", "Anna Svensson", "--role", "reader", "--email", "anna.svensson@molndal.example")
        #expect(added.status == 0, "stderr: \(added.stderr)")
        #expect(try agenda("identity", "list").stdout.contains("anna.svensson@molndal.example"))

        let link = try agenda("identity", "link", "Skolförvaltningen", "--mail")
        #expect(link.status == 0 && link.stdout.contains("ligger i utkorgen"), "stderr: \(link.stderr)")
        #expect(!link.stdout.contains("logga-in"), "the link is made when it is sent, never printed")
        let status = try agenda("mail", "status")
        #expect(status.stdout.contains("1 meddelande väntar"), "\(status.stdout)")
        #expect(status.stdout.contains("Inloggningslänk") && status.stdout.contains("skola@molndal.example"))
        #expect(try agenda("audit").stdout.contains("Skickade en inloggningslänk med e-post"))

        let noBase = try agenda("mail", "run")
        #expect(noBase.status == 64 && noBase.stderr.contains("--base-url"), "stderr: \(noBase.stderr)")
        // A mail command that is not there: the message waits, and says why.
        let missing = try agenda("mail", "run", "--base-url", "https://agenda.molndal.example", "--mail-command", "/usr/sbin/ingen-sendmail -t")
        #expect(missing.status == 0, "stderr: \(missing.stderr)")
        #expect(missing.stdout.contains("0 meddelanden skickade, 1 väntar: e-postkommandot finns inte på servern"), "\(missing.stdout)")
        #expect(try agenda("mail", "status").stdout.contains("1 meddelande väntar: e-postkommandot finns inte på servern"))
        let badDays = try agenda("status", "round", "open", "2019Q1", "--deadline", "2019-04-15", "--reminders", "fem")
        #expect(badDays.status == 64, "stderr: \(badDays.stderr)")
    }
}
