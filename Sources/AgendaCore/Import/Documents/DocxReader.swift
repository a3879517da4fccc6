import Foundation

/// Reads a Word document (.docx, Office Open XML) into ``DocumentText``.
///
/// word/styles.xml gives each paragraph style its heading level (an outline level, or a name like
/// "Heading 2" / "Rubrik 2") and its numbering; word/numbering.xml gives the numbering definitions,
/// from which the numbers Word shows ("1.", "1.2") are computed; word/document.xml is streamed
/// paragraph by paragraph. Headers, footers, footnotes and comments live in parts of their own and
/// never reach the plan; a footnote or comment referenced from the text is reported as left out.
struct DocxReader {
    static let kind = "Word-dokumentet (.docx)"
    private static let namespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    private static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    private struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numId: String?
        var level: Int?
        var bold: Bool?
    }

    private struct Level {
        var start = 1
        var format = NumberFormat.decimal
        var text = ""
        var legal = false
        var style: String?
    }

    private struct Numbering {
        var abstract: String
        var levels: [Int: Level] = [:]
        var startOverrides: [Int: Int] = [:]
    }

    private var styles: [String: Style] = [:]
    private var abstracts: [String: [Int: Level]] = [:]
    private var numberings: [String: Numbering] = [:]
    private var footnotes: [String: String] = [:]
    private var comments: [String: String] = [:]

    /// Reads the package. Throws ``DocumentError`` for anything that is not a readable Word document.
    static func read(_ data: Data) throws -> DocumentText {
        let package = try ZipPackage(data, kind: kind)
        if package.contains("EncryptionInfo") || package.contains("EncryptedPackage") { throw DocumentError.encrypted(kind) }
        guard let document = try package.part("word/document.xml", kind: kind) else {
            throw DocumentError.missingPart(kind, part: "word/document.xml")
        }
        var reader = DocxReader()
        if let styles = try package.part("word/styles.xml", kind: kind) { try reader.readStyles(styles) }
        if let numbering = try package.part("word/numbering.xml", kind: kind) { try reader.readNumbering(numbering) }
        if let notes = try package.part("word/footnotes.xml", kind: kind) {
            reader.footnotes = try reader.readNotes(notes, part: "word/footnotes.xml", element: "footnote")
        }
        if let notes = try package.part("word/comments.xml", kind: kind) {
            reader.comments = try reader.readNotes(notes, part: "word/comments.xml", element: "comment")
        }
        return try reader.readDocument(document)
    }

    // MARK: - styles.xml

    private mutating func readStyles(_ data: Data) throws {
        let xml = try XMLStreamReader(data, kind: Self.kind, part: "word/styles.xml")
        var current: (id: String, style: Style)?
        var inRunProperties = false
        while let event = try xml.next() {
            switch event {
            case let .start(ns, name, _) where Self.namespaces.contains(ns):
                let value = xml.attribute("val", namespace: ns)
                switch name {
                case "style":
                    current = xml.attribute("styleId", namespace: ns).map { ($0, Style()) }
                case "name": current?.style.name = value ?? ""
                case "basedOn": current?.style.basedOn = value
                case "outlineLvl": current?.style.outlineLevel = value.flatMap(Int.init)
                case "numId": current?.style.numId = value
                case "ilvl": current?.style.level = value.flatMap(Int.init)
                case "rPr": inRunProperties = true
                case "b" where inRunProperties: current?.style.bold = Self.isOn(value)
                default: break
                }
            case let .end(ns, name) where Self.namespaces.contains(ns):
                if name == "rPr" { inRunProperties = false }
                if name == "style", let done = current {
                    styles[done.id] = done.style
                    current = nil
                }
            default: break
            }
        }
    }

    /// The heading level (1-based) a paragraph style gives, following `basedOn`.
    private func headingLevel(style id: String?) -> Int? {
        var id = id
        var seen: Set<String> = []
        while let key = id, let style = styles[key], seen.insert(key).inserted {
            if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : nil }
            let name = style.name.lowercased()
            for prefix in ["heading ", "rubrik "] where name.hasPrefix(prefix) {
                if let level = Int(name.dropFirst(prefix.count)), (1...9).contains(level) { return level }
            }
            id = style.basedOn
        }
        return nil
    }

    /// The numbering a paragraph style carries (style-based heading numbering), following `basedOn`.
    private func styleNumbering(style id: String?) -> (numId: String, level: Int?)? {
        var id = id
        var seen: Set<String> = []
        while let key = id, let style = styles[key], seen.insert(key).inserted {
            if let numId = style.numId { return (numId, style.level) }
            id = style.basedOn
        }
        return nil
    }

    private func styleIsBold(_ id: String?) -> Bool {
        var id = id
        var seen: Set<String> = []
        while let key = id, let style = styles[key], seen.insert(key).inserted {
            if let bold = style.bold { return bold }
            id = style.basedOn
        }
        return false
    }

    // MARK: - numbering.xml

    private mutating func readNumbering(_ data: Data) throws {
        let xml = try XMLStreamReader(data, kind: Self.kind, part: "word/numbering.xml")
        var abstractId: String?
        var numId: String?
        var overrideLevel: Int?
        var level: (index: Int, level: Level)?
        while let event = try xml.next() {
            switch event {
            case let .start(ns, name, _) where Self.namespaces.contains(ns):
                let value = xml.attribute("val", namespace: ns)
                switch name {
                case "abstractNum":
                    abstractId = xml.attribute("abstractNumId", namespace: ns)
                    if let abstractId { abstracts[abstractId] = [:] }
                case "num":
                    numId = xml.attribute("numId", namespace: ns)
                case "abstractNumId":
                    if let numId, let value { numberings[numId] = Numbering(abstract: value) }
                case "lvlOverride":
                    overrideLevel = xml.attribute("ilvl", namespace: ns).flatMap(Int.init)
                case "startOverride":
                    if let numId, let overrideLevel, let start = value.flatMap(Int.init) {
                        numberings[numId]?.startOverrides[overrideLevel] = start
                    }
                case "lvl":
                    level = xml.attribute("ilvl", namespace: ns).flatMap(Int.init).map { ($0, Level()) }
                case "start": if let start = value.flatMap(Int.init) { level?.level.start = start }
                case "numFmt": level?.level.format = NumberFormat(word: value ?? "decimal")
                case "lvlText": level?.level.text = value ?? ""
                case "isLgl": level?.level.legal = Self.isOn(value)
                case "pStyle": level?.level.style = value
                default: break
                }
            case let .end(ns, name) where Self.namespaces.contains(ns):
                switch name {
                case "lvl":
                    if let done = level {
                        if let numId, overrideLevel != nil {
                            numberings[numId]?.levels[done.index] = done.level
                        } else if let abstractId {
                            abstracts[abstractId]?[done.index] = done.level
                        }
                    }
                    level = nil
                case "lvlOverride": overrideLevel = nil
                case "abstractNum": abstractId = nil
                case "num": numId = nil
                default: break
                }
            default: break
            }
        }
    }

    private func levelDefinition(numId: String, level: Int) -> Level? {
        guard let numbering = numberings[numId] else { return nil }
        return numbering.levels[level] ?? abstracts[numbering.abstract]?[level]
    }

    // MARK: - footnotes.xml, comments.xml

    /// The text of each footnote or comment by its id, for the warning that it was left out.
    private func readNotes(_ data: Data, part: String, element: String) throws -> [String: String] {
        let xml = try XMLStreamReader(data, kind: Self.kind, part: part)
        var notes: [String: String] = [:]
        var current: String?
        var inText = false
        while let event = try xml.next() {
            switch event {
            case let .start(ns, name, empty) where Self.namespaces.contains(ns):
                if name == element { current = xml.attribute("id", namespace: ns) }
                if name == "t", !empty { inText = true }
                if name == "p", let current, notes[current] != nil { notes[current]! += " " }
            case let .end(ns, name) where Self.namespaces.contains(ns):
                if name == element { current = nil }
                if name == "t" { inText = false }
            case let .text(text) where inText:
                if let current { notes[current, default: ""] += text }
            default: break
            }
        }
        return notes.mapValues { $0.trimmingWhitespace() }
    }

    // MARK: - document.xml

    private struct ParagraphState {
        var style: String?
        var numId: String?
        var level: Int?
        var outlineLevel: Int?
        var text = ""
        var boldLead = ""
        var leadOpen = true
    }

    private func readDocument(_ data: Data) throws -> DocumentText {
        let xml = try XMLStreamReader(data, kind: Self.kind, part: "word/document.xml")
        var output = DocumentText()
        var counters: [String: NumberCounters] = [:]
        var usedNumbers: Set<String> = []
        var skipDepth = 0
        var paragraphs: [ParagraphState] = []  // a stack: a text box may hold paragraphs inside one
        var inParagraphProperties = false
        var inRun = false
        var inRunProperties = false
        var runBold = false
        var runHidden = false
        var inText = false

        func append(_ text: String) {
            guard !paragraphs.isEmpty, !runHidden else { return }
            let last = paragraphs.count - 1
            paragraphs[last].text += text
            if paragraphs[last].leadOpen {
                if runBold, text != "\n" {
                    paragraphs[last].boldLead += text
                } else if !text.trimmingWhitespace().isEmpty {
                    paragraphs[last].leadOpen = false
                }
            }
        }

        func finish(_ state: ParagraphState) {
            var numbering: (numId: String, level: Int)?
            if let numId = state.numId {
                numbering = numId == "0" ? nil : (numId, state.level ?? 0)
            } else if let styled = styleNumbering(style: state.style), styled.numId != "0" {
                let level = styled.level ?? numberings[styled.numId].flatMap { numbering in
                    abstracts[numbering.abstract]?.first { $0.value.style == state.style }?.key
                } ?? 0
                numbering = (styled.numId, level)
            }
            let heading = state.outlineLevel.flatMap { $0 < 9 ? $0 + 1 : nil } ?? headingLevel(style: state.style)
            var marker = ""
            var format = NumberFormat.none
            if let numbering, let definition = levelDefinition(numId: numbering.numId, level: numbering.level),
                let abstract = numberings[numbering.numId]?.abstract
            {
                format = definition.format
                var sequence = counters[abstract] ?? NumberCounters()
                if usedNumbers.insert(numbering.numId).inserted {
                    for (level, start) in numberings[numbering.numId]?.startOverrides ?? [:] {
                        sequence.restart(level: level, at: start)
                    }
                }
                _ = sequence.count(level: numbering.level, start: definition.start)
                counters[abstract] = sequence
                marker = format == .bullet ? "-" : label(definition, numId: numbering.numId, counters: sequence)
            }
            let text = state.text
            if let heading {
                output.add(.init(kind: .heading(level: heading, number: format == .bullet ? "" : marker), text: text, boldLead: ""))
            } else if let numbering {
                output.add(.init(kind: .listItem(level: numbering.level, marker: marker), text: text, boldLead: state.boldLead))
            } else {
                output.add(.init(kind: .body, text: text, boldLead: state.boldLead))
            }
        }

        while let event = try xml.next() {
            if skipDepth > 0 {
                switch event {
                case .start(_, _, false): skipDepth += 1
                case .end: skipDepth -= 1
                default: break
                }
                continue
            }
            switch event {
            case let .start(ns, name, empty) where ns == Self.compatibility:
                // Of markup-compatibility alternatives only the first choice is read.
                if name == "Fallback", !empty { skipDepth = 1 }
            case let .start(ns, name, empty) where Self.namespaces.contains(ns):
                let value = xml.attribute("val", namespace: ns)
                switch name {
                case "txbxContent", "del", "moveFrom", "pPrChange", "rPrChange", "footnotePr", "endnotePr", "sectPr":
                    if !empty { skipDepth = 1 }
                case "p":
                    paragraphs.append(ParagraphState())
                    if empty { finish(paragraphs.removeLast()) }
                case "pPr": inParagraphProperties = !empty
                case "pStyle" where inParagraphProperties: paragraphs.indices.last.map { paragraphs[$0].style = value }
                case "numId" where inParagraphProperties: paragraphs.indices.last.map { paragraphs[$0].numId = value }
                case "ilvl" where inParagraphProperties: paragraphs.indices.last.map { paragraphs[$0].level = value.flatMap(Int.init) }
                case "outlineLvl" where inParagraphProperties:
                    paragraphs.indices.last.map { paragraphs[$0].outlineLevel = value.flatMap(Int.init) }
                case "r":
                    inRun = !empty
                    runBold = false
                    runHidden = false
                case "rPr" where inRun: inRunProperties = !empty
                case "b" where inRunProperties: runBold = Self.isOn(value)
                case "rStyle" where inRunProperties: runBold = styleIsBold(value)
                case "vanish" where inRunProperties: runHidden = Self.isOn(value)  // hidden text is not shown, nor imported
                case "t": inText = !empty
                case "tab" where inRun: append("\t")
                case "br" where inRun:
                    let type = xml.attribute("type", namespace: ns)
                    if type == nil || type == "textWrapping" { append("\n") }
                case "cr" where inRun: append("\n")
                case "noBreakHyphen" where inRun: append("-")
                case "tbl": output.beginTable()
                case "tr": output.beginRow()
                case "tc": output.beginCell()
                case "footnoteReference", "endnoteReference":
                    let id = xml.attribute("id", namespace: ns) ?? "?"
                    let text = footnotes[id].map { ": \"\($0)\"" } ?? ""
                    output.leftOut("\(name == "footnoteReference" ? "en fotnot" : "en slutnot") tas inte med i planen\(text)")
                case "commentReference":
                    let id = xml.attribute("id", namespace: ns) ?? "?"
                    let text = comments[id].map { ": \"\($0)\"" } ?? ""
                    output.leftOut("en kommentar tas inte med i planen\(text)")
                default: break
                }
            case let .end(ns, name) where Self.namespaces.contains(ns):
                switch name {
                case "p": if let state = paragraphs.popLast() { finish(state) }
                case "pPr": inParagraphProperties = false
                case "r":
                    inRun = false
                    runBold = false
                    runHidden = false
                case "rPr": inRunProperties = false
                case "t": inText = false
                case "tbl": output.endTable()
                default: break
                }
            case let .text(text) where inText:
                append(text)
            default: break
            }
        }
        return output
    }

    /// `w:lvlText` with each `%n` replaced by level n's current number in its format.
    private func label(_ definition: Level, numId: String, counters: NumberCounters) -> String {
        var result = ""
        var characters = definition.text.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let digit = characters.next() else { break }
            guard let n = digit.wholeNumberValue, n >= 1 else {
                result.append(character)
                result.append(digit)
                continue
            }
            let level = levelDefinition(numId: numId, level: n - 1) ?? Level()
            let number = counters.current(level: n - 1, start: level.start)
            result += (definition.legal ? NumberFormat.decimal : level.format).format(number)
        }
        return result.trimmingWhitespace()
    }

    private static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return !["0", "false", "off", "none"].contains(value.lowercased())
    }
}
