/// Small recognisers for the shapes a line of a plan can take, shared by the text and Markdown readers.
enum LineSyntax {
    /// A label line, "Ansvarig: …", "**Mål:** …", "*Kommunens roll*: …": the label as written and the text after it.
    struct LabelLine: Equatable {
        var label: String
        var value: String
        /// The line as written, for where an unknown label is kept as text.
        var raw: String
    }

    /// "- a", "* a", "• a", "+ a", "1. a", "2) a", " - a. b", at any indentation.
    static func isListItem(_ line: String) -> Bool {
        bulletText(line) != nil || numberedItem(line) != nil
    }

    /// The text of a bullet item ("- Skolmat" → "Skolmat").
    static func bulletText(_ line: String) -> String? {
        let t = line.trimmingWhitespace()
        guard let first = t.first, "-*•+–".contains(first) else { return nil }
        let rest = t.dropFirst()
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        return rest.trimmingWhitespace()
    }

    /// A numbered item ("3. Uppföljning …" → 3, "Uppföljning …"); "1.2 Title" and "2015 beslutade" are not.
    static func numberedItem(_ line: String) -> (number: Int, text: String)? {
        let t = line.trimmingWhitespace()
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        let rest = t.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
        let afterMark = rest.dropFirst()
        guard let space = afterMark.first, space == " " || space == "\t" else { return nil }
        return (number, afterMark.trimmingWhitespace())
    }

    /// Whether the line starts with indentation (a sub-list item such as " - a. Så här jobbar vi idag").
    static func isIndented(_ line: String) -> Bool {
        line.first == " " || line.first == "\t"
    }

    /// Reads "Label: value" where the label is one to four words of letters, may be wrapped in
    /// emphasis, and the colon is followed by whitespace or the end of the line ("EU:s" is no label).
    static func label(_ line: String) -> LabelLine? {
        var rest = Substring(line.trimmingWhitespace())
        let opening = rest.prefix { $0 == "*" || $0 == "_" }
        rest = rest.dropFirst(opening.count)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        var name = String(rest[..<colon])
        while let last = name.last, last == "*" || last == "_" { name.removeLast() }
        name = name.trimmingWhitespace()
        var after = rest[rest.index(after: colon)...]
        var closing = opening.count - (rest[..<colon].reversed().prefix { $0 == "*" || $0 == "_" }.count)
        while closing > 0, let first = after.first, first == "*" || first == "_" {
            after = after.dropFirst()
            closing -= 1
        }
        if let first = after.first, !(first == " " || first == "\t") { return nil }
        guard isLabelName(name) else { return nil }
        return LabelLine(label: name, value: after.trimmingWhitespace(), raw: line.trimmingWhitespace())
    }

    /// One to four words of letters (hyphens and slashes allowed) starting with a capital, at most 40 characters.
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.first, first.isUppercase, name.count <= 40 else { return false }
        let words = name.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        return name.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "/" }
    }

    /// Removes Markdown emphasis around a whole phrase: "**Mål:**" → "Mål:", "*Mål*" → "Mål".
    static func stripEmphasis(_ text: String) -> String {
        var t = Substring(text.trimmingWhitespace())
        while let first = t.first, first == "*" || first == "_" { t = t.dropFirst() }
        while let last = t.last, last == "*" || last == "_" { t = t.dropLast() }
        return t.trimmingWhitespace()
    }

    /// The form labels and repeated lines are compared in: emphasis removed, lower case,
    /// one space between words, every kind of dash written "-".
    static func normalized(_ text: String) -> String {
        let plain = stripEmphasis(text)
            .replacingAll(of: ["–", "—", "‐", "‑"], with: "-")
            .lowercased()
        return plain.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Whether the text ends like a sentence or clause rather than a title.
    static func endsWithPunctuation(_ text: String) -> Bool {
        guard let last = text.trimmingWhitespace().last else { return false }
        return ".:;,!?".contains(last)
    }
}
