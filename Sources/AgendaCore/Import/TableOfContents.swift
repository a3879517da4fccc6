/// What a plan's table of contents promises: its numbered entries in order, focus areas
/// ("1. Extern service	3") and sub-areas ("1.1 Digitala kanaler	3", "8.1. Informationssökning i e-arkivet	18").
/// Entries without a number ("Bilaga	20", the "Innehåll" heading) promise nothing and are left out.
///
/// ``incompleteness(tokens:lines:)`` compares the promise with the headings the reader found, so a
/// plan cut off in the middle is told from a complete one by the document itself, not by guessing
/// from punctuation.
struct TableOfContents: Equatable {
    struct Entry: Equatable {
        /// "4" for a focus area, "3.2" for a sub-area.
        var code: String
        var title: String
        var isArea: Bool
        /// "4. Bredband", "3.2 EU:s dataskyddsförordning": as a message names it.
        var display: String { isArea ? "\(code). \(title)" : "\(code) \(title)" }
    }

    var entries: [Entry]

    /// Reads the entries of table-of-contents lines (as ``PageFurniture`` removed them).
    init(_ lines: [SourceLine]) {
        entries = lines.compactMap { line in PageFurniture.isTOCEntry(line.text) ? Self.entry(line.text) : nil }
    }

    /// "8.1. Informationssökning i e-arkivet\t18" → ("8.1", "Informationssökning i e-arkivet", sub-area).
    private static func entry(_ text: String) -> Entry? {
        var t = Substring(text.trimmingTrailingWhitespace())
        while let last = t.last, last.isASCII, last.isNumber { t.removeLast() }
        while let last = t.last, last == "." || last == "…" || last == "\t" || last == " " { t.removeLast() }
        t = t.drop { $0 == "#" || $0 == " " || $0 == "\t" }
        let major = t.prefix { $0.isASCII && $0.isNumber }
        guard !major.isEmpty, major.count <= 3 else { return nil }
        var rest = t.dropFirst(major.count)
        guard rest.first == "." else { return nil }
        rest = rest.dropFirst()
        let minor = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(minor.count)
        if !minor.isEmpty, rest.first == "." { rest = rest.dropFirst() }
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        let title = rest.trimmingWhitespace()
        guard !title.isEmpty, minor.count <= 2 else { return nil }
        return minor.isEmpty
            ? Entry(code: String(Int(major) ?? 0), title: title, isArea: true)
            : Entry(code: "\(Int(major) ?? 0).\(Int(minor) ?? 0)", title: title, isArea: false)
    }

    /// The plan stops before the table of contents says it ends: entries after the last one that
    /// came (as a heading, by number or else by title, or as a line of its own that no reader took for a
    /// heading) never came. Nil when the plan is complete, when there is no numbered table of
    /// contents, or when none of its entries matches a heading (a table of some other numbering).
    func incompleteness(tokens: [LocatedToken], lines: [SourceLine]) -> ImportError? {
        guard !entries.isEmpty else { return nil }
        var areaNumbers = Set<String>(), subAreaCodes = Set<String>(), titles = Set<String>()
        var lastHeading: String?
        for located in tokens {
            switch located.token {
            case let .area(number, title):
                areaNumbers.insert(String(number))
                titles.insert(LineSyntax.normalized(title))
                lastHeading = "\(number). \(title)"
            case let .subArea(code, _, title):
                subAreaCodes.insert(code)
                titles.insert(LineSyntax.normalized(title))
                lastHeading = "\(code) \(title)"
            case let .actionHeading(title):
                lastHeading = title
            default:
                break
            }
        }
        // By number; by title only where the body numbers its headings otherwise (Markdown without numbers),
        // since two sub-areas may share a title ("1.2 E-tjänster", "2.1 E-tjänster").
        func cameByCode(_ entry: Entry) -> Bool { (entry.isArea ? areaNumbers : subAreaCodes).contains(entry.code) }
        func cameByTitle(_ entry: Entry) -> Bool { titles.contains(LineSyntax.normalized(entry.title)) }
        guard let lastCame = entries.lastIndex(where: cameByCode) ?? entries.lastIndex(where: cameByTitle) else { return nil }
        var missing = Array(entries[(lastCame + 1)...])
        guard !missing.isEmpty else { return nil }
        // An entry whose title stands as a line of the text came, even if no reader took it for a heading.
        let lineTexts = Set(lines.map { LineSyntax.normalized(Self.withoutNumber($0.text)) })
        missing.removeAll { lineTexts.contains(LineSyntax.normalized($0.title)) }
        guard !missing.isEmpty else { return nil }
        let lastLine = lines.last { !$0.isBlank }?.number ?? tokens.last?.line ?? 1
        return .incomplete(
            line: lastLine, lastHeading: lastHeading,
            missingAreas: missing.filter(\.isArea).map(\.display), missingSubAreas: missing.filter { !$0.isArea }.map(\.display))
    }

    /// "## 4. Bredband" → "Bredband", "8.1. Titel" → "Titel".
    private static func withoutNumber(_ text: String) -> String {
        let t = text.trimmingWhitespace().drop { $0 == "#" || $0 == " " }
        let rest = t.drop { ($0.isASCII && $0.isNumber) || $0 == "." }
        return rest.count < t.count ? String(rest) : String(t)
    }
}
