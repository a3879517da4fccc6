/// Reads a plan written in Markdown.
///
/// A single `#` heading at the top is the title. The shallowest remaining heading level holds the
/// focus areas, the next level the sub-areas (projects), deeper levels an action's own sub-heading.
/// Numbers written in headings are kept ("## 1. Extern service", "### 1.2 E-tjänster"); where a
/// heading carries none, areas are numbered in document order and a sub-area under area N gets
/// "N.M", M counting the sub-areas of that area. A heading that is a label ("### *Mål:*",
/// "### Mål") is a field of the project above it, not a new project. Labels may be plain,
/// emphasised or bold ("Mål:", "*Mål:*", "**Mål:**", "**Mål**:"). Lines of one paragraph are
/// joined with a space; a list item's indented continuation lines join the item.
struct MarkdownReader {
    let labels: LabelTable

    private struct Heading {
        var level: Int
        var text: String
    }

    func read(_ lines: [SourceLine], titleLine: Int?) -> [LocatedToken] {
        let headings = lines.compactMap { line -> Heading? in
            guard line.number != titleLine, let h = heading(line.text), labelHeading(h.text) == nil else { return nil }
            return h
        }
        let areaLevel = headings.map(\.level).min() ?? 2
        var tokens: [LocatedToken] = []
        var area = 0
        var subCount = 0
        var index = 0

        while index < lines.count {
            let line = lines[index]
            let text = line.text.trimmingTrailingWhitespace()
            let trimmed = text.trimmingWhitespace()
            func emit(_ token: PlanToken) { tokens.append(LocatedToken(line: line.number, token: token)) }
            index += 1

            if trimmed.isEmpty || isRule(trimmed) { emit(.blank); continue }
            if let h = heading(text) {
                if line.number == titleLine { emit(.title(LineSyntax.stripEmphasis(h.text))); continue }
                if let label = labelHeading(h.text) { emit(.label(label)); continue }
                if h.level <= areaLevel {
                    let (number, title) = numbered(h.text)
                    area = number.flatMap { Int($0) } ?? area + 1
                    subCount = 0
                    emit(.area(number: area, title: title))
                } else if h.level == areaLevel + 1 {
                    let (number, title) = numbered(h.text)
                    subCount += 1
                    let code = number.flatMap { $0.contains(".") ? $0 : nil } ?? "\(max(area, 1)).\(subCount)"
                    emit(.subArea(code: code, areaNumber: max(area, 1), title: title))
                } else {
                    emit(.actionHeading(LineSyntax.stripEmphasis(h.text)))
                }
                continue
            }
            if line.number == titleLine { emit(.title(trimmed)); continue }
            if LineSyntax.isListItem(text) {
                var item = text
                while index < lines.count, LineSyntax.isIndented(lines[index].text), !lines[index].isBlank,
                      !LineSyntax.isListItem(lines[index].text) {
                    item += " " + lines[index].trimmed
                    index += 1
                }
                emit(.text(item))
                continue
            }
            if let label = LineSyntax.label(trimmed) {
                var value = label.value
                while index < lines.count, continuesParagraph(lines[index]) {
                    value += (value.isEmpty ? "" : " ") + lines[index].trimmed
                    index += 1
                }
                emit(.label(LineSyntax.LabelLine(label: label.label, value: value, raw: label.raw)))
                continue
            }
            var paragraph = trimmed
            while index < lines.count, continuesParagraph(lines[index]) {
                paragraph += " " + lines[index].trimmed
                index += 1
            }
            emit(.text(paragraph))
        }
        return tokens
    }

    private func continuesParagraph(_ line: SourceLine) -> Bool {
        !line.isBlank && !line.startsPage && heading(line.text) == nil && !LineSyntax.isListItem(line.text)
            && LineSyntax.label(line.trimmed) == nil && !isRule(line.trimmed)
    }

    private func heading(_ text: String) -> Heading? {
        let hashes = text.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = text.dropFirst(hashes.count)
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        var title = rest.trimmingWhitespace()
        while title.hasSuffix("#") { title.removeLast() }
        return Heading(level: hashes.count, text: title.trimmingWhitespace())
    }

    /// A heading that names a field: ends in a colon, or is a known label.
    private func labelHeading(_ text: String) -> LineSyntax.LabelLine? {
        if let label = LineSyntax.label(text) { return label }
        let plain = LineSyntax.stripEmphasis(text)
        if labels.actionField(for: plain) != nil { return LineSyntax.LabelLine(label: plain, value: "", raw: text) }
        return nil
    }

    /// "1. Extern service" → ("1", "Extern service"); "1.2 E-tjänster" → ("1.2", …); "8.1. X" → ("8.1", …).
    private func numbered(_ text: String) -> (number: String?, title: String) {
        let plain = LineSyntax.stripEmphasis(text)
        let number = plain.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        guard number.first?.isNumber == true, plain.dropFirst(number.count).first == " " else { return (nil, plain) }
        var code = String(number)
        while code.hasSuffix(".") { code.removeLast() }
        return (code, plain.dropFirst(number.count).trimmingWhitespace())
    }

    private func isRule(_ trimmed: String) -> Bool {
        trimmed.count >= 3 && (Set(trimmed).isSubset(of: ["-", " "]) || Set(trimmed).isSubset(of: ["*", " "]) || Set(trimmed).isSubset(of: ["_", " "]))
    }
}
