import Foundation

/// Small decoders written for the tests, independent of AgendaMail's encoders.
enum Decode {
    /// The UTF-8 bytes of one `=?utf-8?B?…?=` or `=?utf-8?Q?…?=` word, nil if it is not one.
    static func encodedWord(_ word: String) -> [UInt8]? {
        let pieces = word.split(separator: "?", omittingEmptySubsequences: false)
        guard pieces.count == 5, pieces[0] == "=", pieces[4] == "=", pieces[1].lowercased() == "utf-8" else { return nil }
        switch pieces[2].uppercased() {
        case "B": return Data(base64Encoded: String(pieces[3])).map { Array($0) }
        case "Q": return quotedPrintable(pieces[3].replacingOccurrences(of: "_", with: " "))
        default: return nil
        }
    }

    /// An unfolded header value of encoded words (white space between them dropped) or plain text.
    static func headerText(_ value: String) -> String? {
        let words = value.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.allSatisfy({ $0.hasPrefix("=?") }) else { return value }
        var bytes: [UInt8] = []
        for word in words {
            guard let decoded = encodedWord(word) else { return nil }
            bytes += decoded
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Quoted-printable to bytes: "=XX" is a byte, "=" before a line end joins the lines.
    static func quotedPrintable(_ text: String) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = [], index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "=") {
                if input[(index + 1)...].starts(with: [0x0D, 0x0A]) { index += 3; continue }
                if index + 2 < input.count,
                   let byte = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                    output.append(byte)
                    index += 3
                    continue
                }
            }
            output.append(input[index])
            index += 1
        }
        return output
    }

    /// The header block (up to the blank line), unfolded: one string per field.
    static func headerFields(_ message: [UInt8]) -> [String] {
        let text = String(decoding: message, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        return head.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
    }

    /// The message's lines, split at CRLF.
    static func lines(_ message: [UInt8]) -> [String] {
        String(decoding: message, as: UTF8.self).components(separatedBy: "\r\n")
    }
}
