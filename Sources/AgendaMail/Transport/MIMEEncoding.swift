import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The encodings a message is written in: header folding and RFC 2047 encoded words, quoted-printable
/// bodies (RFC 2045) and the RFC 5322 date. Everything is a pure function of its input, so a message
/// renders to the same bytes every time.
enum MIMEEncoding {
    /// A header line may be 998 octets; one of ours is folded to at most this many.
    static let foldedLineLength = 78

    /// `Name: token token …` with single spaces, folded (CRLF and a space) before a token that would
    /// take the line past 78 octets. A token longer than a line is kept whole (the limit is then 998).
    static func header(_ name: String, _ tokens: [String]) -> String {
        var result = name + ":", lineLength = result.utf8.count
        for token in tokens {
            let length = token.utf8.count
            if lineLength + 1 + length > foldedLineLength && lineLength > name.utf8.count + 1 {
                result += "\r\n " + token
                lineLength = 1 + length
            } else {
                result += " " + token
                lineLength += 1 + length
            }
        }
        return result + "\r\n"
    }

    /// A header value as the words of unstructured text (RFC 5322 §3.2.5): line breaks, tabs, control
    /// characters and runs of spaces become one space, so a value can never start a header of its own
    /// (a no-break space is kept). Text that is not ASCII is written as RFC 2047 encoded words, and so is
    /// text that could be mistaken for them or has a word too long to fold, unless `keepingLongWords`
    /// (for headers such as List-Unsubscribe, whose long URL must stay as it is).
    static func unstructured(_ value: String, headerName: String, keepingLongWords: Bool = false) -> [String] {
        let words = value.split(whereSeparator: { character in
            character == " " || character.isNewline || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }).map(String.init)
        let room = foldedLineLength - headerName.utf8.count - 2
        let plain = words.allSatisfy { word in
            word.utf8.allSatisfy { $0 >= 0x21 && $0 < 0x7F } && (keepingLongWords || !word.contains("=?") && word.utf8.count <= room)
        }
        return plain ? words : encodedWords(words.joined(separator: " "), headerName: headerName)
    }

    /// RFC 2047 "B" encoded words (`=?utf-8?B?…?=`), each at most 75 octets and short enough to follow
    /// `headerName: ` on the first line. The text is cut between Unicode scalars, never inside one
    /// UTF-8 sequence, so every word decodes on its own. White space between encoded words is dropped
    /// by a reader, so the spaces of the text travel inside the words.
    static func encodedWords(_ text: String, headerName: String) -> [String] {
        let room = foldedLineLength - headerName.utf8.count - 2
        let wordLength = room >= 24 ? min(75, room) : 75
        let maxBytes = (wordLength - 12) / 4 * 3  // "=?utf-8?B?" and "?=" take 12; base64 is 4 for 3
        var words: [String] = [], chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=") }
            chunk.removeAll()
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxBytes { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    /// A display name as a phrase: bare when it is plain words of atext, quoted (RFC 5322 §3.2.4) when it
    /// has other ASCII characters such as the comma of "Svensson, Skolförvaltningen", encoded words
    /// when it is not ASCII.
    static func phrase(_ name: String, headerName: String) -> [String] {
        let words = unstructured(name, headerName: headerName)
        let clean = words.joined(separator: " ")
        if words.first?.hasPrefix("=?") == true || clean.isEmpty { return words }
        let bare = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/^_`{|}~ ")
        if clean.allSatisfy(bare.contains) { return words }
        let quoted = clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return ("\"" + quoted + "\"").split(separator: " ").map(String.init)
    }

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text, its lines joined by CRLF whatever the text used
    /// (no line end is added after the last line).
    /// Lines are at most 76 characters (soft breaks: `=` at the end); `=`, non-ASCII and control bytes
    /// are `=XX`, and so is white space at the end of a line. A leading "." is left as it is: the mail command's
    /// `-i` does not end the message there, and its SMTP dot-stuffing protects it on the way on.
    static func quotedPrintable(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var lineLength = 0
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal = (byte >= 0x21 && byte <= 0x7E && byte != 0x3D) || ((byte == 0x20 || byte == 0x09) && !isLast)
                let piece = literal ? [byte] : [0x3D, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                // Room for a soft break "=" after the piece unless the line ends with it.
                if lineLength + piece.count > (isLast ? 76 : 75) {
                    output += Array("=\r\n".utf8)
                    lineLength = 0
                }
                output += piece
                lineLength += piece.count
            }
            output += [0x0D, 0x0A]
        }
        output.removeLast(2)
        return String(decoding: output, as: UTF8.self)
    }

    /// The RFC 5322 date in UTC, e.g. "Sun, 06 Dec 2026 21:05:18 +0000" (whole seconds, rounded down).
    static func date(_ date: Date, utcOffset: Int = 0) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down)) + time_t(utcOffset), parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) \(utcOffset < 0 ? "-" : "+")"
            + "\(two(Int32(abs(utcOffset) / 3600)))\(two(Int32(abs(utcOffset) / 60 % 60)))"
    }
}
