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

    /// Parses `a=1&b=x+y`: `+` is a space, percent escapes are UTF-8; a repeated name keeps the first.
    init(encoded: String) {
        var fields: [String: String] = [:]
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        self.fields = fields
    }
}
