import Foundation
import Hummingbird

/// A submitted form (`application/x-www-form-urlencoded`): every field as the person typed it, so a
/// page with an error can show it all again.
struct Form: Sendable {
    var fields: [String: String]

    subscript(_ name: String) -> String? { fields[name] }

    /// The value of `name`, trimmed; empty when not sent.
    func text(_ name: String) -> String {
        (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads the request's body; a body over ``WebSettings/maxBodySize`` is refused (413).
    static func read(_ request: Request) async throws -> Form {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: WebSettings.maxBodySize)
        } catch {
            throw WebError.tooLarge
        }
        return Form(encoded: String(buffer: buffer))
    }

    init(fields: [String: String]) {
        self.fields = fields
    }

    /// The names of the fields whose percent escapes were not UTF-8 (their value holds U+FFFD in place of
    /// the bytes); a browser never sends such a form, so it is refused as a whole (400), nothing stored.
    var unreadable: [String] = []

    /// Parses `a=1&b=x+y`: `+` is a space, percent escapes are UTF-8; a repeated name keeps the first.
    init(encoded: String) {
        var fields: [String: String] = [:]
        var unreadable: [String] = []
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let (name, nameRead) = Self.decode(parts[0])
            let (value, valueRead) = parts.count > 1 ? Self.decode(parts[1]) : ("", true)
            if fields[name] == nil {
                fields[name] = value
                if !nameRead || !valueRead { unreadable.append(name) }
            }
        }
        self.fields = fields
        self.unreadable = unreadable
    }

    /// `+` as a space and `%XX` as a byte; the bytes read as UTF-8. False when they are not UTF-8 (the text
    /// then has U+FFFD in their place) — a malformed escape (`%G1`, a lone `%`) stays as it was.
    static func decode(_ text: Substring) -> (String, Bool) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var input = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? input.next() : pending.removeFirst() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = input.next(), low = high == nil ? nil : input.next()
                if let high, let low, let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                } else {
                    bytes.append(byte)
                    pending = [high, low].compactMap { $0 }
                }
            default: bytes.append(byte)
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
        return (String(decoding: bytes, as: UTF8.self), false)
    }
}
