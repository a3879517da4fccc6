import Foundation

/// One line of the imported file with its 1-based line number, line ending removed.
struct SourceLine: Sendable, Equatable {
    var number: Int
    var text: String
    /// The line began a new page (a form feed, removed from ``text``).
    var startsPage: Bool = false

    var trimmed: String { text.trimmingWhitespace() }
    var isBlank: Bool { trimmed.isEmpty }

    /// Splits text on LF, CRLF or CR, numbering lines from 1; form feeds mark page starts.
    static func split(_ text: String) -> [SourceLine] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, raw in
            let hasFormFeed = raw.contains("\u{0C}")
            return SourceLine(number: index + 1, text: String(raw).replacingOccurrences(of: "\u{0C}", with: ""), startsPage: hasFormFeed)
        }
        if lines.count > 1, lines.last?.text.isEmpty == true, normalized.hasSuffix("\n") {
            lines.removeLast()
        }
        return lines
    }
}
