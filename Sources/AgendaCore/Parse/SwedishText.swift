import Foundation

/// Small text helpers shared by the tidsplan, kostnad and ansvarig parsers.
enum SwedishText {
    // Regex is not Sendable, yet a Regex is never mutated once built (the standard library publishes its
    // lazily compiled program atomically), so these shared constants are safe across threads. Building a
    // regex on every call (a literal in a function body, a computed property) parsed and compiled it
    // anew each time, which was most of the importer's time.
    nonisolated(unsafe) private static let yearPattern = /\b((?:19|20)\d\d)\b/.wordBoundaryKind(.simple)
    nonisolated(unsafe) private static let shortRangePattern = /\b((?:19|20)\d\d)\s*[-–—\/]\s*(\d\d)\b/.wordBoundaryKind(.simple)

    /// Every year named in `text`, in order of appearance, with short range ends expanded
    /// ("2017-19" gives 2017 and 2019). Only 1900–2099 count as years.
    static func years(in text: String) -> [Int] {
        var found: [(position: String.Index, year: Int)] = []
        for match in text.matches(of: yearPattern) {
            if let year = Int(match.output.1) { found.append((match.range.lowerBound, year)) }
        }
        for match in text.matches(of: shortRangePattern) {
            guard let first = Int(match.output.1), let short = Int(match.output.2) else { continue }
            let second = first / 100 * 100 + short
            if second > first { found.append((match.output.2.startIndex, second)) }
        }
        return found.sorted { $0.position < $1.position }.map(\.year)
    }

    /// A year range "2018-2019", "2018 – 2019" or a single year read from `text`, as the list of
    /// years it spans.
    static func yearSpan(in text: String) -> [Int] {
        let years = years(in: text)
        guard let first = years.min(), let last = years.max() else { return [] }
        return Array(first...last)
    }

    /// `text` without surrounding whitespace and without trailing punctuation (". , ; :").
    /// The one form in which names and words are compared everywhere (the register's names in the
    /// store, identities, status words): trimmed, NFC-normalised (so "ö" typed decomposed finds "ö"),
    /// lower-cased (also å, ä and ö, which SQLite's NOCASE does not fold), single spaces.
    static func key(_ text: some StringProtocol) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        var result = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = result.last, ".,;:".contains(last) {
            result.removeLast()
            result = result.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return result
    }

    /// `text` with its first letter in upper case and the rest as written.
    static func initialCapital(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Splits `text` into sentences at a full stop followed by white space and a capital letter,
    /// or at the end; "ca. 4" and "milj. kr" stay inside their sentence.
    static func sentences(in text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "." {
                let rest = text[next...].drop { $0.isWhitespace }
                let startsSentence = rest.first.map { $0.isUppercase && rest.startIndex > next } ?? true
                if startsSentence {
                    result.append(text[start..<next])
                    start = rest.startIndex
                    index = start
                    continue
                }
            }
            index = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

}

extension String {
    /// Lower-case ASCII letters and digits with single dashes between words: å ä → a, ö → o, other letters
    /// folded to ASCII, anything else a dash ("LIKA Socialtjänst 2016" → "lika-socialtjanst-2016"); for keys
    /// and file names. Empty when nothing is left.
    public var asciiSlug: String {
        let folded = lowercased().applyingTransform(.stripDiacritics, reverse: false) ?? lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) { slug.unicodeScalars.append(scalar) }
            else if !slug.isEmpty, !slug.hasSuffix("-") { slug += "-" }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }
}
