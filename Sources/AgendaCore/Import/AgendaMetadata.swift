import Foundation

/// Reads plan-level facts out of free text: the years a plan covers and the organisation in its title.
enum AgendaMetadata {
    /// The first "2017-2019" / "2017 – 2019" in the text (years 1900–2099, start not after end).
    static func yearSpan(in text: String) -> YearSpan? {
        let chars = Array(text)
        func year(at i: Int) -> Int? {
            guard i >= 0, i + 4 <= chars.count else { return nil }
            if i > 0, chars[i - 1].isNumber { return nil }
            if i + 4 < chars.count, chars[i + 4].isNumber { return nil }
            let digits = chars[i..<(i + 4)]
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(String(digits)), (1900...2099).contains(y) else { return nil }
            return y
        }
        var i = 0
        while i < chars.count {
            if let start = year(at: i) {
                var j = i + 4
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, "-–—".contains(chars[j]) {
                    j += 1
                    while j < chars.count, chars[j] == " " { j += 1 }
                    if let end = year(at: j), end >= start, !(j + 4 < chars.count && "-".contains(chars[j + 4]) && j + 5 < chars.count && chars[j + 5].isNumber) {
                        return YearSpan(start: start, end: end)
                    }
                }
                i += 4
            } else {
                i += 1
            }
        }
        return nil
    }

    /// The organisation that lines of a plan's preamble name: who adopted it ("Antagen av kommunfullmäktige
    /// i Lerums kommun 2016-05-26" → "Lerums kommun"), else the first line that is an organisation's name
    /// alone (a letterhead's or title page's "Region Halland").
    static func organisation(in lines: [String]) -> String? {
        for line in lines {
            if let match = line.firstMatch(of: adoptedIn), let name = organisation(namedBy: String(match.output.1)) { return name }
        }
        return lines.lazy.compactMap { organisation(namedBy: $0) }.first
    }

    /// "antagen av kommunfullmäktige i Lerums kommun", "antaget av regionfullmäktige i Region Halland".
    nonisolated(unsafe) private static let adoptedIn = /(?i)\bantag(?:en|et|na|its?) (?:av|i) [^\n]*? i ([A-ZÅÄÖ][^,.;:()\d§\n]+)/

    /// An organisation's name alone on a line: "Lerums kommun", "Mölndals stad", "Region Halland",
    /// "Västra Götalandsregionen", "Landstinget Dalarna", "Göteborgsregionens kommunalförbund".
    static func organisation(namedBy line: String) -> String? {
        let text = line.trimmingWhitespace().trimmingCharacters(in: .init(charactersIn: ",.:;–-"))
        guard (5...80).contains(text.count), text.first?.isUppercase == true,
              !text.contains(where: { $0.isNumber || $0 == "@" || $0 == "/" }), text.split(separator: " ").count <= 5 else { return nil }
        let lower = text.lowercased()
        let named = [" kommun", " stad", "regionen", " landsting", "kommunalförbund", "kommunförbund"].contains { lower.hasSuffix($0) }
            || lower.hasPrefix("region ") || lower.hasPrefix("landstinget ")
        return named ? text : nil
    }

    /// "Handlingsplan - Digital agenda för Mölndals stad" → "Mölndals stad"; years and
    /// punctuation after the name are left out.
    static func organisation(fromTitle title: String) -> String? {
        guard let range = title.range(of: " för ", options: .backwards) else { return nil }
        var name = String(title[range.upperBound...])
        if let span = yearSpan(in: name), let yearStart = name.range(of: String(span.start)) {
            name = String(name[..<yearStart.lowerBound])
        }
        let trimmed = name.trimmingWhitespace().trimmingCharacters(in: .init(charactersIn: ",.:;–-"))
        return trimmed.trimmingWhitespace().isEmpty ? nil : trimmed.trimmingWhitespace()
    }
}
