/// Reads a plan saved as plain text (Word or LibreOffice "save as text"): one paragraph a line,
/// headings numbered "1. Extern service" and "1.1 Digitala kanaler" (or "8.1."), fields as "Label: text".
///
/// Headings are told from numbered list items by context, not by shape alone. A focus-area heading
/// "N. Title" needs N to be the next area number (or up to two further when a "N.1" heading follows
/// at once), a title of at most twelve words without closing punctuation, no list item directly
/// above or below it, and, unless a "N.1" heading follows, no item "N-1." as the paragraph before
/// it; so "1. Dokumentera …" under a Handlingsplan, "2. Nyttotransanalys" inside a list, or the
/// "2." of a list with blank lines between its items, stay list items. A sub-area heading "N.M Title" must carry the current area's number. A short
/// unnumbered line standing alone opens an action of its own ("Processverktyg" in 2.3) when it comes
/// first under a sub-area or after an action's fields, and a label line follows before the next heading.
///
/// A file that puts no blank lines between paragraphs is read as if it did (one paragraph a line).
struct PlanTextReader {
    let labels: LabelTable

    func read(_ source: [SourceLine], titleLine: Int?) -> [LocatedToken] {
        let lines = Self.usesBlankLines(source) ? source : Self.separatingParagraphs(source)
        var tokens: [LocatedToken] = []
        var area = 0
        var subArea: String?
        var contentSinceHeading = false
        var labelSinceHeading = false

        for (index, line) in lines.enumerated() {
            let text = line.text.trimmingTrailingWhitespace()
            let trimmed = text.trimmingWhitespace()
            func emit(_ token: PlanToken) { tokens.append(LocatedToken(line: line.number, token: token)) }

            if trimmed.isEmpty { emit(.blank); continue }
            if line.number == titleLine { emit(.title(trimmed)); continue }

            if let heading = areaHeading(at: index, in: lines, current: area) {
                area = heading.number
                subArea = nil
                contentSinceHeading = false
                labelSinceHeading = false
                emit(.area(number: heading.number, title: heading.title))
                continue
            }
            if area == 0, text.contains("\t") {
                for cell in text.split(separator: "\t") where !cell.trimmingWhitespace().isEmpty {
                    emit(.headerCell(cell.trimmingWhitespace()))
                }
                continue
            }
            if area > 0, let heading = subAreaHeading(trimmed, area: area) {
                subArea = heading.code
                contentSinceHeading = false
                labelSinceHeading = false
                emit(.subArea(code: heading.code, areaNumber: area, title: heading.title))
                continue
            }
            if let label = labelLine(trimmed) {
                if labels.actionField(for: label.label) != nil { labelSinceHeading = true }
                contentSinceHeading = true
                emit(.label(label))
                continue
            }
            if area > 0, !contentSinceHeading || labelSinceHeading,
               isActionHeading(at: index, in: lines, area: area, subArea: subArea) {
                contentSinceHeading = true
                labelSinceHeading = false
                emit(.actionHeading(trimmed))
                continue
            }
            contentSinceHeading = true
            emit(.text(LineSyntax.isListItem(text) ? text : trimmed))
        }
        return tokens
    }

    /// Whether blank lines separate paragraphs; Word's "save as text" often writes none.
    static func usesBlankLines(_ lines: [SourceLine]) -> Bool {
        let blank = lines.filter(\.isBlank).count
        return blank * 5 >= lines.count - blank
    }

    /// Puts a blank line after every line that is not followed by another item of the same list,
    /// so each paragraph stands alone as it would with blank lines between.
    static func separatingParagraphs(_ lines: [SourceLine]) -> [SourceLine] {
        var spaced: [SourceLine] = []
        for (index, line) in lines.enumerated() {
            spaced.append(line)
            guard !line.isBlank, index + 1 < lines.count, !lines[index + 1].isBlank else { continue }
            if sameList(line.text, lines[index + 1].text) { continue }
            spaced.append(SourceLine(number: line.number, text: ""))
        }
        return spaced
    }

    /// Whether `next` continues the list `line` belongs to: a sub-item, a return from one, or an item of the same kind.
    private static func sameList(_ line: String, _ next: String) -> Bool {
        guard LineSyntax.isListItem(line), LineSyntax.isListItem(next) else { return false }
        if LineSyntax.isIndented(line) || LineSyntax.isIndented(next) { return true }
        return (LineSyntax.numberedItem(line) != nil) == (LineSyntax.numberedItem(next) != nil)
    }

    /// A label with a colon, or a known label standing alone as a line ("Bakgrund").
    private func labelLine(_ trimmed: String) -> LineSyntax.LabelLine? {
        if LineSyntax.isListItem(trimmed) { return nil }
        if let label = LineSyntax.label(trimmed) { return label }
        let plain = LineSyntax.stripEmphasis(trimmed)
        if labels.actionField(for: plain) != nil { return LineSyntax.LabelLine(label: plain, value: "", raw: trimmed) }
        return nil
    }

    private func areaHeading(at index: Int, in lines: [SourceLine], current: Int) -> (number: Int, title: String)? {
        let text = lines[index].text
        guard !LineSyntax.isIndented(text), let item = LineSyntax.numberedItem(text),
              text.drop(while: { $0.isNumber }).first == ".", isHeadingTitle(item.text, maxWords: 12)
        else { return nil }
        let next = lines[(index + 1)...].first { !$0.isBlank }
        if let next, item.number > current, item.number <= current + 3, subAreaHeading(next.trimmed, area: item.number) != nil {
            return (item.number, item.text)
        }
        if index > 0, !lines[index - 1].isBlank, LineSyntax.isListItem(lines[index - 1].text) || lines[index - 1].trimmed.hasSuffix(":") {
            return nil
        }
        if index + 1 < lines.count, !lines[index + 1].isBlank, LineSyntax.isListItem(lines[index + 1].text) { return nil }
        guard item.number == current + 1 else { return nil }
        if let previous = lines[..<index].last(where: { !$0.isBlank }), !LineSyntax.isIndented(previous.text),
           LineSyntax.numberedItem(previous.text)?.number == item.number - 1 {
            return nil
        }
        return (item.number, item.text)
    }

    /// "2.3 Bättre processtöd" or "8.1. Informationssökning i e-arkivet" in area `area`.
    func subAreaHeading(_ trimmed: String, area: Int) -> (code: String, title: String)? {
        let majorDigits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let major = Int(majorDigits), major == area else { return nil }
        var rest = trimmed.dropFirst(majorDigits.count)
        guard rest.first == "." else { return nil }
        rest = rest.dropFirst()
        let minorDigits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let minor = Int(minorDigits), minorDigits.count <= 2 else { return nil }
        rest = rest.dropFirst(minorDigits.count)
        if rest.first == "." { rest = rest.dropFirst() }
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        let title = rest.trimmingWhitespace()
        guard isHeadingTitle(title, maxWords: 16) else { return nil }
        return ("\(major).\(minor)", title)
    }

    private func isHeadingTitle(_ title: String, maxWords: Int) -> Bool {
        guard let first = title.first, first.isLetter, !title.contains("\t"), title.count <= 120 else { return false }
        guard !LineSyntax.endsWithPunctuation(title) else { return false }
        return title.split(separator: " ").count <= maxWords
    }

    private func isActionHeading(at index: Int, in lines: [SourceLine], area: Int, subArea: String?) -> Bool {
        let trimmed = lines[index].trimmed
        guard let first = trimmed.first, first.isUppercase, trimmed.count <= 70,
              trimmed.split(separator: " ").count <= 8, !LineSyntax.endsWithPunctuation(trimmed),
              !LineSyntax.isListItem(trimmed), !trimmed.contains("\t")
        else { return false }
        if index > 0, !lines[index - 1].isBlank { return false }
        if index + 1 < lines.count, !lines[index + 1].isBlank { return false }
        for next in lines[(index + 1)...] where !next.isBlank {
            let t = next.trimmed
            if subAreaHeading(t, area: area) != nil { return false }
            if let item = LineSyntax.numberedItem(t), item.number == area + 1, !LineSyntax.isIndented(next.text),
               isHeadingTitle(item.text, maxWords: 12) {
                return false
            }
            if let label = labelLine(t), labels.actionField(for: label.label) != nil { return true }
        }
        return false
    }
}
