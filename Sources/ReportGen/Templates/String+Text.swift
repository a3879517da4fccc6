/// Where a plain text (a plan's background, a comment) is cut into paragraphs.
public enum ParagraphBreak: Sendable {
    /// Every line its own paragraph.
    case line
    /// Lines between blank lines together: the paragraphs of a text typed as prose.
    case blankLine
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives (tab and Unicode category Zs), without bridging
    /// to NSString, which cost more than the rest of loading the templates together. (With line breaks:
    /// AgendaCore's `trimmingWhitespace()`.)
    func trimmingSpaces() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return String(self) }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The paragraphs of the text, each trimmed of spaces (lines within a paragraph each trimmed and
    /// joined by a newline); none for a text of blank lines only.
    func paragraphs(breakingAt paragraphBreak: ParagraphBreak) -> [String] {
        var paragraphs: [String] = []
        var block: [String] = []
        func flush() {
            if !block.isEmpty { paragraphs.append(block.joined(separator: "\n")) }
            block.removeAll(keepingCapacity: true)
        }
        for line in lines(keepingEmpty: paragraphBreak == .blankLine) {
            let trimmed = line.trimmingSpaces()
            if !trimmed.isEmpty { block.append(trimmed) }
            if paragraphBreak == .line || trimmed.isEmpty { flush() }
        }
        flush()
        return paragraphs
    }

    /// The non-empty lines of the text, split at every character Swift counts as a newline: LF, VT,
    /// FF, CR (so also CR LF), NEL (C2 85 in UTF-8), LS and PS (E2 80 A8/A9). Split by byte:
    /// splitting by Character or Unicode scalar validated every index, a tenth of a national report.
    func nonEmptyLines() -> [String] {
        lines(keepingEmpty: false)
    }

    /// The lines of the text as ``nonEmptyLines()`` cuts them, with `keepingEmpty` also the empty ones
    /// (a blank line between paragraphs is an empty line).
    func lines(keepingEmpty: Bool) -> [String] {
        var text = String(self)
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0, i = 0
            func cut(at end: Int) {
                if end > start {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                } else if keepingEmpty {
                    lines.append("")
                }
            }
            while i < bytes.count {
                let byte = bytes[i]
                var width = 0
                if byte >= 0x0A, byte <= 0x0D {
                    width = 1
                } else if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
                    width = 2
                } else if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    width = 3
                }
                if width == 0 {
                    i += 1
                } else {
                    cut(at: i)
                    i += width
                    start = i
                }
            }
            cut(at: bytes.count)
            return lines
        }
    }
}
