import AgendaTestSupport
import Foundation

/// A delivered message as Python's `email` package reads it: an independent check of the headers'
/// RFC 2047 words and the bodies' quoted-printable.
struct ParsedMail: Decodable {
    struct Mailbox: Decodable, Equatable {
        let name: String
        let address: String
    }
    struct Part: Decodable {
        let type: String
        let charset: String?
        let content: String
    }
    let subject: String
    let from: [Mailbox]
    let to: [Mailbox]
    let messageID: String
    let contentType: String
    /// Every header's name, in order (Exim's four lines first).
    let headers: [String]
    /// What the parser found wrong, in any part (should be nothing).
    let defects: [String]
    let parts: [Part]

    static let program = """
        import email, email.policy, json, sys
        # Read as UTF-8 text: a header may hold a UTF-8 address (RFC 6532), which the bytes parser would escape.
        message = email.message_from_string(open(sys.argv[1], encoding="utf-8").read(), policy=email.policy.default)
        mailboxes = lambda name: [{"name": a.display_name, "address": a.addr_spec} for a in message[name].addresses]
        print(json.dumps({
            "subject": str(message["subject"]),
            "from": mailboxes("from"),
            "to": mailboxes("to"),
            "messageID": str(message["message-id"]),
            "contentType": message.get_content_type(),
            "headers": list(message.keys()),
            "defects": [repr(d) for part in message.walk() for d in part.defects]
                + [repr(d) for value in message.values() for d in getattr(value, "defects", ())],
            "parts": [{"type": p.get_content_type(), "charset": p.get_content_charset(), "content": p.get_content()}
                      for p in message.walk() if not p.is_multipart()],
        }))
        """

    init(file: URL) throws {
        let result = try Spawn.run("/usr/bin/python3", ["-c", Self.program, file.path])
        guard result.status == 0 else { throw Spawn.Failure("python3 email: \(result.error)") }
        self = try JSONDecoder().decode(ParsedMail.self, from: Data(result.output.utf8))
    }
}
