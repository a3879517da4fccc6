import Foundation

/// One header field the sender adds to a message, such as `Auto-Submitted: auto-generated`.
public struct MailHeader: Sendable, Equatable {
    public let name: String
    public let value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An e-mail message: plain text, optionally with an HTML alternative. `rendered()` writes it as an
/// RFC 5322 / MIME message, the same bytes every time, so a message sent again after a crash is
/// byte-identical, with the same Message-ID, and a reader's mail program can tell it is a duplicate.
public struct MailMessage: Sendable, Equatable {
    /// Without angle brackets, e.g. "round-2018Q4-12@agenda.molndal.example".
    public var messageID: String
    public var date: Date
    /// The Date header's offset from UTC in seconds (Swedish local time: 3600 or 7200); part of the bytes.
    public var utcOffset: Int = 0
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    /// The plain text body; any line ends (LF, CRLF or CR) are sent as CRLF.
    public var text: String
    /// A complete HTML or XHTML document in UTF-8, sent as the alternative to `text`.
    public var html: String?
    /// Written after MIME-Version, in this order, folded at spaces. A value that is not ASCII is written
    /// as RFC 2047 encoded words, so a structured header (List-Unsubscribe) should be ASCII. A header
    /// whose name is not a valid field name, or one the message writes itself (Date, From, To, Subject,
    /// Message-ID, MIME-Version, Content-*), is left out.
    public var extraHeaders: [MailHeader]

    public init(messageID: String, date: Date, from: MailAddress, to: [MailAddress], subject: String,
                text: String, html: String? = nil, extraHeaders: [MailHeader] = []) {
        self.messageID = messageID
        self.date = date
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.extraHeaders = extraHeaders
    }

    /// The message with CRLF line ends (RFC 5322; ``MailCommand`` hands it over with LF). Only the address
    /// headers can hold bytes above 127, and only when an address itself is UTF-8.
    public func rendered() -> [UInt8] {
        var head = MIMEEncoding.header("Date", [MIMEEncoding.date(date, utcOffset: utcOffset)])
        head += MIMEEncoding.header("From", Self.mailbox(from, headerName: "From"))
        if !to.isEmpty {  // no To at all when every recipient is blind (RFC 5322 §3.6.3)
            head += MIMEEncoding.header("To", to.enumerated().flatMap { index, address in
                let tokens = Self.mailbox(address, headerName: "To")
                return index < to.count - 1 ? tokens.dropLast() + [tokens.last! + ","] : tokens
            })
        }
        head += MIMEEncoding.header("Subject", MIMEEncoding.unstructured(subject, headerName: "Subject"))
        // Only the characters an id may have: no brackets, white space or control characters.
        let id = String(messageID.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F && !"<>".unicodeScalars.contains($0) })
        head += MIMEEncoding.header("Message-ID", ["<\(id)>"])
        head += "MIME-Version: 1.0\r\n"
        let reserved: Set = ["date", "from", "to", "subject", "message-id", "mime-version"]
        for header in extraHeaders {
            let name = header.name.lowercased()
            guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x3A }),
                  !reserved.contains(name), !name.hasPrefix("content-") else { continue }
            let tokens = MIMEEncoding.unstructured(header.value, headerName: header.name, keepingLongWords: true)
            head += MIMEEncoding.header(header.name, tokens)
        }

        let plain = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        let textBody = MIMEEncoding.quotedPrintable(text)
        guard let html else {
            let end = textBody.isEmpty || textBody.hasSuffix("\r\n") ? "" : "\r\n"
            return Array((head + plain + "\r\n" + textBody + end).utf8)
        }
        // "=_" never occurs in quoted-printable text ("=" is written "=3D"), so no body holds the boundary.
        let boundary = "=_agenda_" + Self.fnv1a(messageID + "\n" + text + "\n" + html)
        let htmlPart = "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        let body = "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n"
            + "--\(boundary)\r\n" + plain + "\r\n" + textBody + "\r\n"
            + "--\(boundary)\r\n" + htmlPart + "\r\n" + MIMEEncoding.quotedPrintable(html) + "\r\n"
            + "--\(boundary)--\r\n"
        return Array((head + body).utf8)
    }

    /// `name <address>` as header tokens, or just `<address>` without a display name.
    static func mailbox(_ address: MailAddress, headerName: String) -> [String] {
        let name = address.displayName.map { MIMEEncoding.phrase($0, headerName: headerName) } ?? []
        return name + ["<\(address.address)>"]
    }

    /// A 64-bit FNV-1a hash in hex: the part of the boundary that tells messages apart, deterministically.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
