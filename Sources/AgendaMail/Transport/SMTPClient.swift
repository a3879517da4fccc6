/// Hands messages to a mail system over plain ESMTP (RFC 5321): no TLS and no AUTH, since it speaks
/// to the machine's own MTA on loopback, which sends the mail on. Blocking: each `send` opens one
/// connection, delivers one message and closes it; every step waits at most `timeout`.
public struct SMTPClient: Sendable {
    public let host: String
    public let port: Int
    /// The name given in EHLO/HELO; anything but visible ASCII is left out of it.
    public let heloName: String
    public let timeout: Duration

    public init(host: String, port: Int, heloName: String, timeout: Duration = .seconds(10)) {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.timeout = timeout
    }

    /// Sends `message` to `recipients` (the envelope: To and blind recipients alike) from `envelopeFrom`,
    /// where bounces go. Recipients refused at RCPT TO are reported in the delivery while the others get
    /// the message; when all are refused it throws `.recipientsRefused`.
    @discardableResult
    public func send(_ message: MailMessage, envelopeFrom: String, recipients: [String]) throws(SMTPError) -> SMTPDelivery {
        guard !recipients.isEmpty else { throw .invalidAddress("") }
        for address in [envelopeFrom] + recipients where MailAddress(parsing: address) == nil {
            throw .invalidAddress(address)
        }
        let content = message.rendered()
        let connection = try SMTPConnection(host: host, port: port, timeout: timeout)
        do {
            let delivery = try dialogue(connection, content, envelopeFrom, recipients)
            quitQuietly(connection)
            return delivery
        } catch {
            switch error {  // say goodbye when the server is still listening
            case .temporaryFailure, .permanentFailure, .recipientsRefused, .utf8NotSupported: quitQuietly(connection)
            default: break
            }
            throw error
        }
    }

    private func dialogue(_ connection: SMTPConnection, _ content: [UInt8], _ from: String,
                          _ recipients: [String]) throws(SMTPError) -> SMTPDelivery {
        connection.stage = .greeting
        try expect(220, connection.readReply(), connection)

        connection.stage = .hello
        let name = String(heloName.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F })
        try connection.write("EHLO \(name.isEmpty ? "localhost" : name)\r\n")
        var reply = try connection.readReply()
        var extensions: Set<String> = []
        if reply.code == 250 {
            // "250-SMTPUTF8", "250 PIPELINING": the keyword after each line's code.
            for line in reply.text.split(separator: "\n").dropFirst() {
                extensions.insert(line.dropFirst(4).prefix { $0 != " " }.uppercased())
            }
        } else if reply.code >= 500 {  // a server from before ESMTP
            try connection.write("HELO \(name.isEmpty ? "localhost" : name)\r\n")
            try expect(250, connection.readReply(), connection)
        } else {
            try expect(250, reply, connection)
        }

        // UTF-8 in an address or a header needs SMTPUTF8 (RFC 6531); bodies are quoted-printable, so ASCII.
        let utf8Address = ([from] + recipients).first { !$0.utf8.allSatisfy { $0 < 0x80 } }
        let needsUTF8 = utf8Address != nil || content.contains { $0 >= 0x80 }
        if needsUTF8 && !extensions.contains("SMTPUTF8") { throw .utf8NotSupported(utf8Address ?? "") }

        connection.stage = .mailFrom
        try connection.write("MAIL FROM:<\(from)>\(needsUTF8 ? " SMTPUTF8" : "")\r\n")
        try expect(250, connection.readReply(), connection)

        connection.stage = .recipient
        var accepted: [String] = [], refused: [SMTPRefusal] = []
        for recipient in recipients {
            try connection.write("RCPT TO:<\(recipient)>\r\n")
            reply = try connection.readReply()
            switch reply.code {
            case 250, 251: accepted.append(recipient)
            case 421: try expect(250, reply, connection)  // the server is closing: stop here
            case 400...599: refused.append(SMTPRefusal(recipient: recipient, code: reply.code, reply: reply.text))
            default: throw .protocolError(.recipient, reply: reply.text)
            }
        }
        guard !accepted.isEmpty else { throw .recipientsRefused(refused) }

        connection.stage = .data
        try connection.write("DATA\r\n")
        try expect(354, connection.readReply(), connection)
        connection.stage = .message
        try connection.write(Self.dotStuffed(content))
        reply = try connection.readReply()
        try expect(250, reply, connection)
        return SMTPDelivery(accepted: accepted, refused: refused, reply: reply.text)
    }

    /// Throws unless the reply has the code that lets the dialogue go on.
    private func expect(_ code: Int, _ reply: SMTPReply, _ connection: SMTPConnection) throws(SMTPError) {
        switch reply.code {
        case code: return
        case 400..<500: throw .temporaryFailure(connection.stage, code: reply.code, reply: reply.text)
        case 500..<600: throw .permanentFailure(connection.stage, code: reply.code, reply: reply.text)
        default: throw .protocolError(connection.stage, reply: reply.text)
        }
    }

    /// QUIT, ignoring what comes back: the outcome is settled by then.
    private func quitQuietly(_ connection: SMTPConnection) {
        _ = try? connection.write("QUIT\r\n")
        _ = try? connection.readReply()
    }

    /// The message as DATA carries it (RFC 5321 §4.5.2): a "." is added before every line that starts
    /// with ".", so that no line of the message can end it early, then the closing CRLF "." CRLF.
    static func dotStuffed(_ content: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(content.count + 64)
        var atLineStart = true
        for byte in content {
            if atLineStart && byte == 0x2E { output.append(0x2E) }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
        if !output.isEmpty && output.suffix(2) != [0x0D, 0x0A] { output += [0x0D, 0x0A] }
        return output + [0x2E, 0x0D, 0x0A]
    }
}
