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
