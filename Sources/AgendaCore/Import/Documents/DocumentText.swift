/// A word-processor document turned into the importer's line model: the text a careful
/// "save as text" would give, which the text (or Markdown) importer then reads.
///
/// The readers (``DocxReader``, ``ODTReader``) report paragraphs, headings with their computed
/// numbers, list items with their markers, and tables; this type lays them out as lines:
///
/// - a heading is its number and text ("1.2 E-tjänster"); when no heading in the document has a
///   number the document is written as Markdown instead ("## E-tjänster");
/// - a paragraph is one line followed by a blank line; a line break inside it starts a new line;
/// - list items follow each other without blank lines, indented one space a level, with `-` for a
///   bullet and the computed number ("1.", "a)") for a numbered item;
/// - a table row whose first cell is a field label ("Ansvar", "Tidsplan:") is "Label: value";
///   a table whose first row holds labels gives each later row as such lines; any other row is
///   its cells separated by tabs;
/// - a paragraph that starts with a bold field label without a colon ("**Ansvar** IT-avdelningen")
///   gets the colon the text importer expects.
struct DocumentText {
    enum ParagraphKind: Equatable {
        case body
        case heading(level: Int, number: String)
        /// `marker` is "-" for a bullet, the number for a numbered item, empty for none.
        case listItem(level: Int, marker: String)
    }

    struct Paragraph {
        var kind: ParagraphKind
        var text: String
        /// The text of the bold run(s) the paragraph starts with.
        var boldLead: String
    }

    private enum Block {
        case paragraph(Paragraph)
        case table([[[Paragraph]]])
    }

    private var blocks: [Block] = []
    private var notes: [(block: Int, message: String)] = []
    // The table being read: rows of cells of paragraphs.
    private var tableDepth = 0
    private var rows: [[[Paragraph]]] = []

    // MARK: - Building

    mutating func add(_ paragraph: Paragraph) {
        if tableDepth > 0 {
            if rows.isEmpty { rows.append([]) }
            if rows[rows.count - 1].isEmpty { rows[rows.count - 1].append([]) }
            rows[rows.count - 1][rows[rows.count - 1].count - 1].append(paragraph)
        } else {
            blocks.append(.paragraph(paragraph))
        }
    }

    /// A nested table's cells become paragraphs of the enclosing cell.
    mutating func beginTable() {
        tableDepth += 1
    }

    mutating func endTable() {
        tableDepth -= 1
        if tableDepth == 0 {
            blocks.append(.table(rows))
            rows = []
        }
    }

    mutating func beginRow() {
        if tableDepth == 1 { rows.append([]) }
    }

    mutating func beginCell() {
        if tableDepth == 1 {
            if rows.isEmpty { rows.append([]) }
            rows[rows.count - 1].append([])
        }
    }

    /// Something left out of the plan (a footnote, a comment), reported as a warning at the current place.
    mutating func leftOut(_ message: String) {
        notes.append((blocks.count, message))
    }

    // MARK: - Writing lines

    // Compiled once, not for every paragraph (a regex literal in a function is parsed and compiled each
    // call); a Regex is never mutated once built, so the shared constants are safe across threads.
    /// A heading's own number: "2.1 ", "3. ".
    nonisolated(unsafe) private static let numberedHeading = /^\d+(\.\d+)*\.?\s/
    /// A table-of-contents entry's page number: "…<TAB>3".
    nonisolated(unsafe) private static let contentsPageNumber = /\t\d+$/

    /// The document as plan text, the format to read it in, and the warnings for what was left out.
    func render(labels: LabelTable) -> (text: String, format: PlanFormat, warnings: [ImportWarning]) {
        let markdown = !blocks.contains { block in
            if case let .paragraph(p) = block, case let .heading(_, number) = p.kind {
                return !number.isEmpty || p.text.trimmingWhitespace().firstMatch(of: Self.numberedHeading) != nil
            }
            return false
        } && blocks.contains { block in
            if case let .paragraph(p) = block, case .heading = p.kind { return true }
            return false
        }
        var lines: [String] = []
        var warnings: [ImportWarning] = []
        var noteIndex = 0
        var inList = false
        var afterContentsEntry = false

        func blankLine() {
            if let last = lines.last, !last.isEmpty { lines.append("") }
        }
        func emit(_ paragraph: Paragraph) {
            let text = Self.withLabelColon(paragraph, labels: labels)
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            // An empty paragraph (an empty heading or list item too) says nothing; its number was still counted.
            guard parts.contains(where: { !$0.isEmpty }) else { return }
            switch paragraph.kind {
            case .body:
                if inList { blankLine() }
                inList = false
                // Table-of-contents entries ("1.2 E-tjänster<TAB>3") stay together, as in a saved text file.
                let contentsEntry = parts.count == 1 && parts[0].firstMatch(of: Self.contentsPageNumber) != nil
                if contentsEntry, afterContentsEntry, lines.last == "" { lines.removeLast() }
                afterContentsEntry = contentsEntry
                lines += parts
                lines.append("")
            case let .heading(level, number):
                if inList { blankLine() }
                inList = false
                afterContentsEntry = false
                let title = parts.filter { !$0.isEmpty }.joined(separator: " ")
                if markdown {
                    lines.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + title)
                } else {
                    lines.append(number.isEmpty ? title : number + " " + title)
                }
                lines.append("")
            case let .listItem(level, marker):
                if !inList { blankLine() }
                inList = true
                afterContentsEntry = false
                let indent = String(repeating: " ", count: level)
                lines.append(indent + (marker.isEmpty ? "" : marker + " ") + parts.joined(separator: " "))
            }
        }

        for (index, block) in blocks.enumerated() {
            while noteIndex < notes.count, notes[noteIndex].block <= index {
                warnings.append(ImportWarning(line: lines.count + 1, message: notes[noteIndex].message))
                noteIndex += 1
            }
            switch block {
            case let .paragraph(paragraph):
                emit(paragraph)
            case let .table(rows):
                if inList { blankLine() }
                inList = false
                afterContentsEntry = false
                for line in Self.tableLines(rows, labels: labels) {
                    if line.isEmpty { blankLine() } else { lines.append(line) }
                }
                blankLine()
            }
        }
        while noteIndex < notes.count {
            warnings.append(ImportWarning(line: max(lines.count, 1), message: notes[noteIndex].message))
            noteIndex += 1
        }
        return (lines.joined(separator: "\n") + "\n", markdown ? .markdown : .text, warnings)
    }

    /// "Ansvar" in bold followed by text becomes "Ansvar: text".
    private static func withLabelColon(_ paragraph: Paragraph, labels: LabelTable) -> String {
        let lead = paragraph.boldLead.trimmingWhitespace()
        guard !lead.isEmpty, !lead.hasSuffix(":"), paragraph.text.hasPrefix(paragraph.boldLead),
            isLabel(lead, labels: labels)
        else { return paragraph.text }
        let rest = paragraph.text.dropFirst(paragraph.boldLead.count).trimmingWhitespace()
        guard !rest.hasPrefix(":") else { return paragraph.text }
        return lead + ": " + rest
    }

    private static func isLabel(_ text: String, labels: LabelTable) -> Bool {
        let label = text.trimmingWhitespace()
        guard !label.isEmpty, label.count <= 60 else { return false }
        return labels.actionField(for: label) != nil || labels.headerField(for: label) != nil
    }

    private static func cellText(_ cell: [Paragraph]) -> String {
        cell.map { $0.text.replacingOccurrences(of: "\n", with: " ").trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A table's lines; an empty string stands for a blank line.
    private static func tableLines(_ rows: [[[Paragraph]]], labels: LabelTable) -> [String] {
        let rows = rows.filter { row in row.contains { !cellText($0).isEmpty } }
        guard let first = rows.first else { return [] }
        var lines: [String] = []
        // A plan table: the first row names the fields, each later row is one action.
        let headers = first.map(cellText)
        // A LIKA table plan (an Indikator column) keeps its rows as tab-separated cells for LikaPlanReader.
        let isIndicatorTable = headers.contains { SwedishText.key($0) == "indikator" }
        if first.count >= 3, !isIndicatorTable, headers.filter({ isLabel($0, labels: labels) }).count >= 2 {
            let leading = headers.prefix { !isLabel($0, labels: labels) }.count
            for row in rows.dropFirst() {
                // The columns before the first label name the action ("2.1", "Digital dokumentation").
                let name = row.prefix(leading).map(cellText).filter { !$0.isEmpty }.joined(separator: " ")
                if !name.isEmpty { lines += [name, ""] }
                for (column, cell) in row.enumerated().dropFirst(leading) where !cellText(cell).isEmpty {
                    let header = column < headers.count ? headers[column] : ""
                    lines += header.isEmpty ? [cellText(cell), ""] : labelled(label: header, cell)
                }
            }
            return lines
        }
        for row in rows {
            let label = row.first.map(cellText) ?? ""
            if row.count == 2, isLabel(label, labels: labels) {
                lines += labelled(label: label, row[1])
            } else {
                lines.append(row.map(cellText).joined(separator: "\t"))
            }
        }
        return lines
    }

    /// "Label: text" for a cell of one paragraph (or one paragraph and a list after it); a cell of
    /// several paragraphs is "Label:" followed by a list of them, the way a plan writes several effektmål.
    private static func labelled(label: String, _ cell: [Paragraph]) -> [String] {
        let name = label.hasSuffix(":") ? String(label.dropLast()).trimmingWhitespace() : label
        let paragraphs = cell.filter { !$0.text.trimmingWhitespace().isEmpty }
        func flat(_ paragraph: Paragraph) -> String {
            paragraph.text.replacingOccurrences(of: "\n", with: " ").trimmingWhitespace()
        }
        func item(_ paragraph: Paragraph) -> String {
            guard case let .listItem(level, marker) = paragraph.kind else { return "- " + flat(paragraph) }
            return String(repeating: " ", count: level) + (marker.isEmpty ? "" : marker + " ") + flat(paragraph)
        }
        guard let first = paragraphs.first else { return [name + ":", ""] }
        let rest = paragraphs.dropFirst()
        if first.kind == .body, rest.allSatisfy({ $0.kind != .body }) {
            return [name + ": " + flat(first)] + (rest.isEmpty ? [] : [""] + rest.map(item)) + [""]
        }
        return [name + ":", ""] + paragraphs.map(item) + [""]
    }
}
