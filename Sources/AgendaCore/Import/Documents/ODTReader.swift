import Foundation

/// Reads an OpenDocument text (.odt) into ``DocumentText``.
///
/// styles.xml and the automatic styles in content.xml give paragraph and text styles (bold, outline
/// level), list styles and the outline numbering; content.xml's body is streamed element by element.
/// Heading numbers come from the outline style, list numbers from the list's style, counted as
/// LibreOffice counts them. Headers and footers (in styles.xml's master pages) are never read;
/// footnotes and comments inside the text are left out with a warning.
struct ODTReader {
    static let kind = "OpenDocument-dokumentet (.odt)"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

    struct Level {
        var format = NumberFormat.none
        var prefix = ""
        var suffix = ""
        var displayLevels = 1
        var start = 1
    }

    private struct Style {
        var parent: String?
        var outlineLevel: Int?
        var bold: Bool?
    }

    private var styles: [String: Style] = [:]
    private var listStyles: [String: [Int: Level]] = [:]
    private var outline: [Int: Level] = [:]

    /// Reads the package. Throws ``DocumentError`` for anything that is not a readable OpenDocument text.
    static func read(_ data: Data) throws -> DocumentText {
        let package = try ZipPackage(data, kind: kind)
        if let manifest = try package.part("META-INF/manifest.xml", kind: kind), try isEncrypted(manifest) {
            throw DocumentError.encrypted(kind)
        }
        guard let content = try package.part("content.xml", kind: kind) else {
            throw DocumentError.missingPart(kind, part: "content.xml")
        }
        var reader = ODTReader()
        if let styles = try package.part("styles.xml", kind: kind) {
            let xml = try XMLStreamReader(styles, kind: kind, part: "styles.xml")
            var collector = StyleCollector()
            while let event = try xml.next() { collector.handle(event, xml, into: &reader) }
        }
        return try reader.readContent(content)
    }

    private static func isEncrypted(_ manifest: Data) throws -> Bool {
        let xml = try XMLStreamReader(manifest, kind: kind, part: "META-INF/manifest.xml")
        while let event = try xml.next() {
            if case let .start(ns, name, _) = event, ns == Self.manifest, name == "encryption-data" { return true }
        }
        return false
    }

    // MARK: - Styles

    /// Reads style definitions wherever they appear (styles.xml, content.xml's automatic styles).
    private struct StyleCollector {
        private var current: (name: String, style: Style)?
        private var list: (name: String, levels: [Int: Level])?
        private var inOutline = false

        mutating func handle(_ event: XMLStreamReader.Event, _ xml: XMLStreamReader, into reader: inout ODTReader) {
            switch event {
            case let .start(ns, name, _):
                switch (ns, name) {
                case (ODTReader.style, "style"):
                    guard let styleName = xml.attribute("name", namespace: ODTReader.style) else { return }
                    var style = Style()
                    style.parent = xml.attribute("parent-style-name", namespace: ODTReader.style)
                    style.outlineLevel = xml.attribute("default-outline-level", namespace: ODTReader.style).flatMap(Int.init)
                    current = (styleName, style)
                case (ODTReader.style, "text-properties"):
                    if let weight = xml.attribute("font-weight", namespace: ODTReader.fo) {
                        current?.style.bold = weight == "bold" || (Int(weight) ?? 400) >= 600
                    }
                case (ODTReader.text, "list-style"):
                    list = xml.attribute("name", namespace: ODTReader.style).map { ($0, [:]) }
                case (ODTReader.text, "outline-style"):
                    inOutline = true
                case (ODTReader.text, "list-level-style-number"), (ODTReader.text, "outline-level-style"):
                    guard let level = xml.attribute("level", namespace: ODTReader.text).flatMap(Int.init) else { return }
                    var definition = Level()
                    definition.format = NumberFormat(odf: xml.attribute("num-format", namespace: ODTReader.style))
                    definition.prefix = xml.attribute("num-prefix", namespace: ODTReader.style) ?? ""
                    definition.suffix = xml.attribute("num-suffix", namespace: ODTReader.style) ?? ""
                    definition.displayLevels = xml.attribute("display-levels", namespace: ODTReader.text).flatMap(Int.init) ?? 1
                    definition.start = xml.attribute("start-value", namespace: ODTReader.text).flatMap(Int.init) ?? 1
                    if inOutline { reader.outline[level] = definition } else { list?.levels[level] = definition }
                case (ODTReader.text, "list-level-style-bullet"), (ODTReader.text, "list-level-style-image"):
                    guard let level = xml.attribute("level", namespace: ODTReader.text).flatMap(Int.init) else { return }
                    var definition = Level()
                    definition.format = .bullet
                    list?.levels[level] = definition
                default: break
                }
            case let .end(ns, name):
                switch (ns, name) {
                case (ODTReader.style, "style"):
                    if let done = current { reader.styles[done.name] = done.style }
                    current = nil
                case (ODTReader.text, "list-style"):
                    if let done = list { reader.listStyles[done.name] = done.levels }
                    list = nil
                case (ODTReader.text, "outline-style"):
                    inOutline = false
                default: break
                }
            case .text: break
            }
        }
    }

    private func isBold(_ name: String?) -> Bool {
        var name = name
        var seen: Set<String> = []
        while let key = name, let style = styles[key], seen.insert(key).inserted {
            if let bold = style.bold { return bold }
            name = style.parent
        }
        return false
    }

    private func outlineLevel(_ name: String?) -> Int? {
        var name = name
        var seen: Set<String> = []
        while let key = name, let style = styles[key], seen.insert(key).inserted {
            if let level = style.outlineLevel { return level }
            name = style.parent
        }
        return nil
    }

    // MARK: - content.xml

    private struct ListState {
        var style: String?
        var counters: NumberCounters
        var id: String?
    }

    private struct ItemState {
        var numbered = false
        var startValue: Int?
        var isHeader = false
    }

    private struct ParagraphState {
        var heading: Int?
        var kind = DocumentText.ParagraphKind.body
        var text = ""
        var boldLead = ""
        var leadOpen = true
        var spans: [Bool] = []
    }

    /// The label an item at `depth` (0-based) gets from `levels`: prefix, the shown levels' numbers, suffix.
    private static func label(_ levels: [Int: Level], depth: Int, counters: NumberCounters) -> String {
        let definition = levels[depth + 1] ?? Level()
        switch definition.format {
        case .bullet: return "-"
        case .none: return (definition.prefix + definition.suffix).trimmingWhitespace()
        default: break
        }
        let first = max(0, depth - max(definition.displayLevels, 1) + 1)
        let numbers = (first...depth).map { level -> String in
            let own = levels[level + 1] ?? Level()
            let format = own.format == .none || own.format == .bullet ? NumberFormat.decimal : own.format
            return format.format(counters.current(level: level, start: own.start))
        }
        return (definition.prefix + numbers.joined(separator: ".") + definition.suffix).trimmingWhitespace()
    }

    private mutating func readContent(_ data: Data) throws -> DocumentText {
        let xml = try XMLStreamReader(data, kind: Self.kind, part: "content.xml")
        var output = DocumentText()
        var collector = StyleCollector()
        var inBody = false
        var outlineCounters = NumberCounters()
        var lists: [ListState] = []
        var items: [ItemState] = []
        var savedLists: [String: NumberCounters] = [:]
        var lastListOfStyle: [String: NumberCounters] = [:]
        var paragraphs: [ParagraphState] = []
        // A left-out subtree: its depth, what it is, the elements open in it and the text it holds.
        var skip: (depth: Int, what: String?, open: [String], text: String)?

        func append(_ raw: String, verbatim: Bool = false) {
            guard let last = paragraphs.indices.last else { return }
            var text = raw
            if !verbatim {
                // ODF: runs of white space are one space; tabs and newlines in the XML are spaces.
                text = String(raw.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 })
                var collapsed = ""
                var previousSpace = paragraphs[last].text.last.map { $0 == " " } ?? true
                for character in text {
                    if character == " " {
                        if previousSpace { continue }
                        previousSpace = true
                    } else {
                        previousSpace = false
                    }
                    collapsed.append(character)
                }
                text = collapsed
            }
            paragraphs[last].text += text
            if paragraphs[last].leadOpen {
                if paragraphs[last].spans.contains(true), text != "\n" {
                    paragraphs[last].boldLead += text
                } else if !text.trimmingWhitespace().isEmpty {
                    paragraphs[last].leadOpen = false
                }
            }
        }

        while let event = try xml.next() {
            if var open = skip {
                switch event {
                case let .start(ns, name, empty):
                    if !empty {
                        open.depth += 1
                        open.open.append(ns == Self.text ? name : "")
                    }
                case .end:
                    open.depth -= 1
                    open.open.removeLast()
                case let .text(text):
                    if let innermost = open.open.last, !innermost.isEmpty, innermost != "note-citation" { open.text += text }
                }
                if open.depth == 0 {
                    if let what = open.what {
                        let text = open.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                        output.leftOut("\(what) tas inte med i planen" + (text.isEmpty ? "" : ": \"\(text)\""))
                    }
                    skip = nil
                } else {
                    skip = open
                }
                continue
            }
            guard inBody else {
                collector.handle(event, xml, into: &self)
                if case let .start(ns, name, _) = event, ns == Self.office, name == "body" { inBody = true }
                continue
            }
            switch event {
            case let .start(ns, name, empty):
                switch (ns, name) {
                case (Self.text, "note"), (Self.office, "annotation"):
                    let what = name == "note" ? (xml.attribute("note-class", namespace: Self.text) == "endnote" ? "en slutnot" : "en fotnot") : "en kommentar"
                    if empty { output.leftOut("\(what) tas inte med i planen") } else { skip = (1, what, [""], "") }
                case (Self.text, "number"), (Self.text, "tracked-changes"), (Self.text, "table-of-content-source"),
                    (Self.text, "index-title-template"), (Self.draw, "frame"), (Self.draw, "custom-shape"), (Self.office, "forms"),
                    (Self.text, "sequence-decls"), (Self.text, "variable-decls"), (Self.text, "user-field-decls"):
                    if !empty { skip = (1, nil, [""], "") }
                case (Self.text, "list"):
                    let style = xml.attribute("style-name", namespace: Self.text) ?? lists.last?.style
                    var counters = NumberCounters()
                    if let parent = lists.last {
                        counters = parent.counters
                    } else if let id = xml.attribute("continue-list", namespace: Self.text), let saved = savedLists[id] {
                        counters = saved
                    } else if xml.attribute("continue-numbering", namespace: Self.text) == "true", let style,
                        let saved = lastListOfStyle[style]
                    {
                        counters = saved
                    }
                    lists.append(ListState(style: style, counters: counters, id: xml.attribute("id", namespace: Self.xmlNamespace)))
                    if empty { lists.removeLast() }
                case (Self.text, "list-item"), (Self.text, "list-header"):
                    items.append(ItemState(
                        startValue: xml.attribute("start-value", namespace: Self.text).flatMap(Int.init), isHeader: name == "list-header"))
                    if empty { items.removeLast() }
                case (Self.text, "p"), (Self.text, "h"):
                    var state = ParagraphState()
                    let styleName = xml.attribute("style-name", namespace: Self.text)
                    if name == "h" {
                        state.heading = xml.attribute("outline-level", namespace: Self.text).flatMap(Int.init) ?? outlineLevel(styleName) ?? 1
                    }
                    let depth = lists.count - 1
                    if depth >= 0, var item = items.last, !item.numbered, !item.isHeader {
                        item.numbered = true
                        items[items.count - 1] = item
                        let levels = lists[depth].style.flatMap { listStyles[$0] } ?? [:]
                        let start = levels[depth + 1]?.start ?? 1
                        if let value = item.startValue { lists[depth].counters.restart(level: depth, at: value) }
                        _ = lists[depth].counters.count(level: depth, start: start)
                        let marker = Self.label(levels, depth: depth, counters: lists[depth].counters)
                        state.kind = state.heading.map { .heading(level: $0, number: marker == "-" ? "" : marker) }
                            ?? .listItem(level: depth, marker: marker)
                    } else if depth >= 0 {
                        state.kind = state.heading.map { .heading(level: $0, number: "") } ?? .listItem(level: depth, marker: "")
                    } else if let level = state.heading {
                        var number = ""
                        if xml.attribute("is-list-header", namespace: Self.text) != "true" {
                            let definition = outline[level] ?? Level()
                            if xml.attribute("restart-numbering", namespace: Self.text) == "true" {
                                let start = xml.attribute("start-value", namespace: Self.text).flatMap(Int.init) ?? definition.start
                                outlineCounters.restart(level: level - 1, at: start)
                            }
                            _ = outlineCounters.count(level: level - 1, start: definition.start)
                            number = Self.label(outline, depth: level - 1, counters: outlineCounters)
                        }
                        state.kind = .heading(level: level, number: number)
                    }
                    state.spans = [false]
                    paragraphs.append(state)
                    if empty, let done = paragraphs.popLast() { output.add(.init(kind: done.kind, text: "", boldLead: "")) }
                case (Self.text, "span"):
                    if !empty, let last = paragraphs.indices.last {
                        paragraphs[last].spans.append(isBold(xml.attribute("style-name", namespace: Self.text)))
                    }
                case (Self.text, "s"):
                    let count = xml.attribute("c", namespace: Self.text).flatMap(Int.init) ?? 1
                    append(String(repeating: " ", count: max(1, min(count, 1000))), verbatim: true)
                case (Self.text, "tab"): append("\t", verbatim: true)
                case (Self.text, "line-break"): append("\n", verbatim: true)
                case (Self.table, "table"): output.beginTable()
                case (Self.table, "table-row"): output.beginRow()
                case (Self.table, "table-cell"): output.beginCell()
                default: break
                }
            case let .end(ns, name):
                switch (ns, name) {
                case (Self.text, "p"), (Self.text, "h"):
                    if let done = paragraphs.popLast() {
                        output.add(.init(kind: done.kind, text: done.text.trimmingWhitespace(), boldLead: done.boldLead.trimmingLeadingSpaces()))
                    }
                case (Self.text, "span"):
                    if let last = paragraphs.indices.last, paragraphs[last].spans.count > 1 { paragraphs[last].spans.removeLast() }
                case (Self.text, "list"):
                    if let done = lists.popLast() {
                        if let parent = lists.indices.last {
                            lists[parent].counters = done.counters
                        } else {
                            if let id = done.id { savedLists[id] = done.counters }
                            if let style = done.style { lastListOfStyle[style] = done.counters }
                        }
                    }
                case (Self.text, "list-item"), (Self.text, "list-header"):
                    _ = items.popLast()
                case (Self.table, "table"): output.endTable()
                case (Self.office, "body"): inBody = false
                default: break
                }
            case let .text(text):
                append(text)
            }
        }
        return output
    }
}

extension String {
    fileprivate func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
