/// Where in the SMTP dialogue something went wrong.
public enum SMTPStage: String, Sendable, Equatable {
    case connect, greeting, hello, mailFrom, recipient, data, message
}

/// A recipient the server refused at RCPT TO, with its reply.
public struct SMTPRefusal: Sendable, Equatable {
    public let recipient: String
    public let code: Int
    /// The reply's lines as sent, joined by "\n", e.g. "550 5.1.1 <refuse@molndal.example>: …".
    public let reply: String
    public init(recipient: String, code: Int, reply: String) {
        self.recipient = recipient
        self.code = code
        self.reply = reply
    }
}

/// What `SMTPClient.send` reports when the message was not accepted. Typed, never a sentence: the
/// caller words it (in Swedish) and decides with `isPermanent` whether to try again later.
public enum SMTPError: Error, Sendable, Equatable {
    /// An envelope address that `MailAddress` refuses (empty when there are no recipients at all).
    case invalidAddress(String)
    /// A UTF-8 address, or a message with UTF-8 in its headers, to a server that does not offer SMTPUTF8.
    case utf8NotSupported(String)
    /// The host name has no address (getaddrinfo's error code).
    case cannotResolve(host: String, code: Int32)
    /// No connection could be made (the last `errno`, e.g. ECONNREFUSED when no mail system runs).
    case cannotConnect(host: String, port: Int, errno: Int32)
    /// The server did not answer, or take what was sent, within the timeout.
    case timedOut(SMTPStage)
    /// The server closed the connection, or reading or writing failed (`errno`, 0 when it closed).
    case connectionLost(SMTPStage, errno: Int32)
    /// A 4xx reply: the server may accept the message later.
    case temporaryFailure(SMTPStage, code: Int, reply: String)
    /// A 5xx reply: the server will not accept this message.
    case permanentFailure(SMTPStage, code: Int, reply: String)
    /// Every recipient was refused at RCPT TO; nothing was sent.
    case recipientsRefused([SMTPRefusal])
    /// A reply that is not SMTP, or a code that makes no sense at that stage.
    case protocolError(SMTPStage, reply: String)

    /// True when sending the same message again cannot succeed: an address is unusable or the server
    /// refused for good (5xx). False for what may pass (no connection, a timeout, a 4xx reply): try again
    /// with back-off. After a timeout at `.message` the server may have taken the message; sending it
    /// again gives a byte-identical copy with the same Message-ID.
    public var isPermanent: Bool {
        switch self {
        case .invalidAddress, .utf8NotSupported, .permanentFailure: true
        case .recipientsRefused(let refusals): refusals.allSatisfy { $0.code >= 500 }
        case .cannotResolve, .cannotConnect, .timedOut, .connectionLost, .temporaryFailure, .protocolError: false
        }
    }
}

/// What the server accepted: the recipients it took (those refused at RCPT TO are in `refused`, and may
/// be retried when their code is 4xx) and its reply to the message, e.g. "250 OK id=1wKq2x-000Aq4-0b".
public struct SMTPDelivery: Sendable, Equatable {
    public let accepted: [String]
    public let refused: [SMTPRefusal]
    public let reply: String
}
