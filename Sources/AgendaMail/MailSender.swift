import AgendaCore
import Foundation
import ReportGen

/// How the round's mail leaves: the machine's own mail system (a sendmail-compatible command, which relays
/// onward as the municipality has set it up), the sender's address, and the address of `agenda serve` that
/// links point to.
public struct MailSettings: Sendable {
    public var command: MailCommand
    public var from: MailAddress
    public var baseURL: String
    /// How long the mail command may take with one message before it is stopped.
    public var timeout: Duration

    /// `from` defaults to agenda@ the base URL's host. Nil when `baseURL` is not an http(s) address or
    /// `from` not an e-mail address.
    public init?(command: MailCommand = .standard, from: String? = nil, baseURL: String, timeout: Duration = .seconds(30)) {
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), let host = url.host, !host.isEmpty,
              let from = MailAddress(parsing: from ?? "agenda@\(host)", displayName: "Agenda")
        else { return nil }
        self.command = command
        self.from = from
        self.baseURL = baseURL
        self.timeout = timeout
    }
}

/// What one run of the sender did.
public struct MailRun: Sendable, Equatable {
    /// Reminders written because they fell due.
    public var queued = 0
    /// Messages the mail system accepted.
    public var sent = 0
    /// Messages that still wait (each with its problem in the outbox).
    public var failed = 0
}

/// The outbox's sender: writes the reminders that fell due, then hands each waiting message to the mail
/// command and marks it sent only once the command accepted it (exit 0). A refusal, a failure or a
/// time-out leaves it waiting with its reason and back-off. It holds no claim or lock, so a kill at any
/// moment loses nothing and delays no later run; at worst one message goes twice, byte for byte the same
/// with the same Message-ID.
public struct MailSender: Sendable {
    let service: AgendaService
    let settings: MailSettings

    public init(service: AgendaService, settings: MailSettings) {
        self.service = service
        self.settings = settings
    }

    /// One pass: due reminders, then every message whose attempt is due — or, `ignoringBackOff`, every
    /// message that waits, each tried once (`agenda mail run`, for which cron is the back-off).
    public func run(ignoringBackOff: Bool = false) throws -> MailRun {
        var run = MailRun()
        run.queued = try service.enqueueDueReminders()
        let organisation = try service.heading()?.organisation ?? ""
        for message in try service.messagesDue(ignoringBackOff: ignoringBackOff) {
            if let problem = try send(message, organisation: organisation) {
                try service.markFailed(message.number, problem: problem)
                run.failed += 1
            } else {
                try service.markSent(message.number)
                run.sent += 1
            }
        }
        return run
    }

    /// The message as it goes out: the same bytes however often it is sent (its Date is when it was written).
    public func mail(_ message: OutboxMessage, organisation: String, signInSecret: String? = nil) throws -> MailMessage {
        let words = try MailComposer.compose(
            message, baseURL: settings.baseURL, organisation: organisation, signInSecret: signInSecret)
        var mail = MailMessage(
            messageID: "\(message.messageID)@\(domain)", date: Date(timeIntervalSince1970: TimeInterval(message.createdAt.secondsSinceEpoch)),
            from: settings.from, to: message.recipients.compactMap { MailAddress(parsing: $0.email, displayName: $0.name) },
            subject: words.subject, text: words.text, html: words.html,
            extraHeaders: [MailHeader("Auto-Submitted", "auto-generated")])
        mail.utcOffset = Int(message.createdAt.swedishOffset)  // the Date in Swedish local time
        return mail
    }

    /// Hands `message` to the mail command; nil when it accepted it, else why it waits.
    private func send(_ message: OutboxMessage, organisation: String) throws -> MailProblem? {
        // An address that is not one (none gets in through the core's entry check) is never sent to, and no
        // link is minted for it.
        guard message.recipients.contains(where: { EmailAddress.isValid($0.email) }) else { return .failed }
        var secret: String?
        if message.kind == .signInLink {
            // Minted now, so the outbox never holds a secret; nil when the identity was revoked meanwhile.
            guard let minted = try service.mintSignInLink(for: message) else { return .failed }
            secret = minted
        }
        let mail = try mail(message, organisation: organisation, signInSecret: secret)
        switch settings.command.send(mail.rendered(), timeout: settings.timeout) {
        case .accepted: return nil
        case .missing: return .commandMissing
        case .timedOut: return .timedOut
        case .exited(69), .exited(75): return .unreachable  // EX_UNAVAILABLE, EX_TEMPFAIL: no mail system now
        case let .exited(status): return .refused(status: Int(status))
        }
    }

    /// The sender address's domain: the right side of every Message-ID.
    var domain: String { String(settings.from.address.split(separator: "@").last ?? "agenda.invalid") }
}
