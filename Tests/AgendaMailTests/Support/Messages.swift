import Foundation
@testable import AgendaMail

/// The messages the tests send: a round's reminder, as the outbox will write it.
enum Messages {
    static let subject = "Påminnelse: rapportera för 2018Q4 senast 2019-01-15"
    static let text = """
        Hej!

        Skolförvaltningen har ännu inte rapporterat status för 2018Q4 på åtgärd 1.5,
        "E-tjänst för ansökan om förskoleplats". Sista dag är 2019-01-15.
        .Den här raden börjar med en punkt, och nästa är bara en punkt:
        .
        Rapportera på https://agenda.molndal.example/rapportera?period=2018Q4&atgard=1.5

        Med vänlig hälsning
        Agenda, Mölndals stad
        """
    static let html = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="sv"><head><meta charset="UTF-8"/><title>Påminnelse</title></head>
        <body><p>Skolförvaltningen har ännu inte rapporterat status för 2018Q4 på åtgärd 1.5.</p>
        <p><a href="https://agenda.molndal.example/rapportera?period=2018Q4&amp;atgard=1.5">Rapportera</a></p></body></html>
        """

    static func reminder(to recipients: [MailAddress] = [anna], subject: String = subject, text: String = text,
                         html: String? = html, id: String = "round-2018Q4-12@agenda.molndal.example") -> MailMessage {
        MailMessage(
            messageID: id,
            date: Date(timeIntervalSince1970: 1_796_591_118),  // Sun, 06 Dec 2026 21:05:18 +0000
            from: MailAddress(parsing: "agenda@molndal.example", displayName: "Agenda, Mölndals stad")!,
            to: recipients, subject: subject, text: text, html: html,
            extraHeaders: [MailHeader("Auto-Submitted", "auto-generated")])
    }

    static let anna = MailAddress(parsing: "anna.svensson@molndal.example", displayName: "Anna Svensson, Skolförvaltningen")!
}
