import AgendaCore
import Foundation
import ReportGen

/// Where the round's mail goes and how it is signed: the machine's own mail system (SMTP on loopback,
/// which relays onward as the municipality has set it up), the sender's address, and the address of
/// `agenda serve` that links point to.
public struct MailSettings: Sendable {
    public var host: String
    public var port: Int
    public var from: MailAddress
    public var baseURL: String
    public var timeout: Duration

    /// `smtp` is HOST:PORT (PORT defaults to 25); nil when `smtp` or `from` is not usable.
    public init?(smtp: String, from: String, baseURL: String, timeout: Duration = .seconds(10)) {
        let parts = smtp.split(separator: ":", maxSplits: 1).map(String.init)
        guard let host = parts.first, !host.isEmpty, let port = parts.count == 2 ? Int(parts[1]) : 25, (1...65_535).contains(port),
              let from = MailAddress(parsing: from, displayName: "Agenda")
        else { return nil }
        self.host = host
        self.port = port
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
/// system and marks it sent only once the mail system accepted it. A refusal or a time-out leaves it
/// waiting with back-off; a kill at any moment loses nothing, and at worst sends one message twice,
/// byte for byte the same with the same Message-ID.
public struct MailSender: Sendable {
    let service: AgendaService
    let settings: MailSettings

    public init(service: AgendaService, settings: MailSettings) {
        self.service = service
        self.settings = settings
    }

    /// One pass: due reminders, then every message whose attempt is due.
    public func run() throws -> MailRun {
        var run = MailRun()
        run.queued = try service.enqueueDueReminders()
        let organisation = try service.heading()?.organisation ?? ""
        let client = SMTPClient(host: settings.host, port: settings.port, heloName: heloName, timeout: settings.timeout)
        for message in try service.messagesDue() {
            if let problem = try send(message, organisation: organisation, with: client) {
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
        return MailMessage(
            messageID: "\(message.messageID)@\(domain)", date: Date(timeIntervalSince1970: TimeInterval(message.createdAt.secondsSinceEpoch)),
            from: settings.from, to: message.recipients.compactMap { MailAddress(parsing: $0.email, displayName: $0.name) },
            subject: words.subject, text: words.text, html: words.html,
            extraHeaders: [MailHeader("Auto-Submitted", "auto-generated"), MailHeader("Content-Language", "sv")])
    }

    /// Sends `message`; nil when the mail system accepted it, else why it waits.
    private func send(_ message: OutboxMessage, organisation: String, with client: SMTPClient) throws -> MailProblem? {
        var secret: String?
        if message.kind == .signInLink {
            // Minted now, so the outbox never holds a secret; nil when the identity was revoked meanwhile.
            guard let minted = try service.mintSignInLink(for: message) else { return .refused(code: 0) }
            secret = minted
        }
        let mail = try mail(message, organisation: organisation, signInSecret: secret)
        do {
            _ = try client.send(mail, envelopeFrom: settings.from.address, recipients: mail.to.map(\.address))
            return nil
        } catch {
            return Self.problem(error)
        }
    }

    static func problem(_ error: SMTPError) -> MailProblem {
        switch error {
        case .cannotConnect, .cannotResolve: .unreachable
        case .timedOut: .timedOut
        case let .temporaryFailure(_, code, _): .deferred(code: code)
        case let .permanentFailure(_, code, _): .refused(code: code)
        case let .recipientsRefused(refusals): (refusals.first?.code ?? 550) >= 500 ? .refused(code: refusals.first?.code ?? 550) : .deferred(code: refusals.first?.code ?? 450)
        case .invalidAddress, .utf8NotSupported: .refused(code: 0)
        case .connectionLost, .protocolError: .failed
        }
    }

    /// The sender address's domain: the right side of every Message-ID.
    var domain: String { String(settings.from.address.split(separator: "@").last ?? "agenda.invalid") }

    /// What the sender calls itself in EHLO: the sender's domain.
    var heloName: String { domain }
}
