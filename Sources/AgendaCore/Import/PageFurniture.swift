/// Removes what a page layout adds to a document and is not part of the plan, with a warning
/// for each removal:
///
/// - a table of contents: three or more lines ending in a tab or dot leader and a page number
///   (with an "Innehåll" heading above them), reported once as a range;
/// - the document title repeated further down (title pages, running heads);
/// - a letterhead or address block repeated after page breaks: a run of two or more lines
///   each of which occurs at least twice in the document (labels and list items never count);
/// - page numbers alone on a line ("12", "Sida 3 av 19").
///
/// Where a removal splits a list or a sentence, the blank lines around it go too, so the list continues.
enum PageFurniture {
    /// The lines kept, a warning for each removal, and the lines of the tables of contents removed
    /// (read by ``TableOfContents`` for what the plan promises).
    static func remove(
        from lines: [SourceLine], titleLine: Int?, labels: LabelTable
    ) -> (lines: [SourceLine], warnings: [ImportWarning], contents: [SourceLine]) {
        var warnings: [ImportWarning] = []
        var drop = Set<Int>()
        var contents: [SourceLine] = []

        for range in tableOfContents(in: lines) {
            range.forEach { drop.insert($0) }
            contents += lines[range]
            let first = lines[range.lowerBound].number, last = lines[range.upperBound - 1].number
            warnings.append(ImportWarning(line: first, message: "innehållsförteckningen hoppades över (rad \(first)–\(last))"))
        }

        let title = titleLine.flatMap { n in lines.first { $0.number == n } }.map { LineSyntax.normalized(headingText($0.text)) }
        for (index, line) in lines.enumerated() where !drop.contains(index) && line.number != titleLine {
            if let title, !title.isEmpty, LineSyntax.normalized(headingText(line.text)) == title {
                drop.insert(index)
                warnings.append(ImportWarning(line: line.number, message: "upprepad dokumenttitel borttagen som sidhuvud eller sidfot: \(Quoted.input(line.trimmed))"))
            } else if isPageNumber(line.trimmed) {
                drop.insert(index)
                warnings.append(ImportWarning(line: line.number, message: "sidnummer borttaget som sidhuvud eller sidfot: \(Quoted.input(line.trimmed))"))
            }
        }

        for run in repeatedBlocks(in: lines, excluding: drop, titleLine: titleLine, labels: labels) {
            run.forEach { drop.insert($0) }
            let text = run.map { lines[$0].trimmed }.joined(separator: " / ")
            warnings.append(ImportWarning(line: lines[run[0]].number, message: "upprepat sidhuvud eller sidfot borttaget (\(run.count) rader): \(Quoted.input(text))"))
        }

        return (joinAcrossRemovals(lines, dropping: drop), warnings, contents)
    }

    private static func headingText(_ text: String) -> String {
        String(text.trimmingWhitespace().drop { $0 == "#" })
    }

    static func isTOCEntry(_ text: String) -> Bool {
        let t = text.trimmingTrailingWhitespace()
        let page = t.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !page.isEmpty, page.count <= 3 else { return false }
        let before = t.dropLast(page.count)
        guard before.trimmingWhitespace().count > 1 else { return false }
        return before.hasSuffix("\t") || before.trimmingTrailingWhitespace().hasSuffix("...") || before.hasSuffix("…")
    }

    private static func tableOfContents(in lines: [SourceLine]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard isTOCEntry(lines[index].text) else { index += 1; continue }
            var end = index, count = 0, probe = index
            while probe < lines.count, lines[probe].isBlank || isTOCEntry(lines[probe].text) {
                if !lines[probe].isBlank { count += 1; end = probe }
                probe += 1
            }
            if count >= 3 {
                var start = index
                if let heading = (0..<index).last(where: { !lines[$0].isBlank }),
                   ["innehåll", "innehållsförteckning", "innehåll:"].contains(LineSyntax.normalized(headingText(lines[heading].text))) {
                    start = heading
                }
                ranges.append(start..<(end + 1))
            }
            index = probe
        }
        return ranges
    }

    private static func isPageNumber(_ text: String) -> Bool {
        let words = LineSyntax.normalized(text).split(separator: " ").map(String.init)
        func isNumber(_ w: String) -> Bool { !w.isEmpty && w.count <= 3 && w.allSatisfy { $0.isASCII && $0.isNumber } }
        switch words.count {
        case 1: return isNumber(words[0])
        case 2: return ["sida", "page", "s."].contains(words[0]) && isNumber(words[1])
        case 3: return isNumber(words[0]) && ["av", "of", "/"].contains(words[1]) && isNumber(words[2])
        case 4: return ["sida", "page"].contains(words[0]) && isNumber(words[1]) && ["av", "of"].contains(words[2]) && isNumber(words[3])
        default: return false
        }
    }

    private static func repeatedBlocks(in lines: [SourceLine], excluding drop: Set<Int>, titleLine: Int?, labels: LabelTable) -> [[Int]] {
        func candidate(_ line: SourceLine) -> Bool {
            let t = line.trimmed
            guard !t.isEmpty, t.count <= 100, !t.hasPrefix("#"), !LineSyntax.isListItem(t) else { return false }
            if let label = LineSyntax.label(t),
               labels.actionField(for: label.label) != nil || labels.headerField(for: label.label) != nil {
                return false
            }
            return true
        }
        var counts: [String: Int] = [:]
        for (index, line) in lines.enumerated() where !drop.contains(index) && candidate(line) {
            counts[LineSyntax.normalized(line.text), default: 0] += 1
        }
        var runs: [[Int]] = []
        var run: [Int] = []
        func close() {
            if run.count >= 2 { runs.append(run) }
            run = []
        }
        for (index, line) in lines.enumerated() {
            if !drop.contains(index), line.number != titleLine, candidate(line), counts[LineSyntax.normalized(line.text), default: 0] >= 2 {
                if line.startsPage { close() }
                run.append(index)
            } else {
                close()
            }
        }
        close()
        return runs
    }

    /// Drops the marked lines; where a removal sat inside a list or a sentence, drops the blank lines around it too.
    private static func joinAcrossRemovals(_ lines: [SourceLine], dropping drop: Set<Int>) -> [SourceLine] {
        var kept: [SourceLine] = []
        var index = 0
        while index < lines.count {
            guard drop.contains(index) else { kept.append(lines[index]); index += 1; continue }
            var next = index
            while next < lines.count, drop.contains(next) || lines[next].isBlank { next += 1 }
            let before = kept.last { !$0.isBlank }
            let after = next < lines.count ? lines[next] : nil
            let continues: Bool
            if let before, let after {
                let bothList = LineSyntax.isListItem(before.text) && LineSyntax.isListItem(after.text)
                continues = bothList || !LineSyntax.endsWithPunctuation(before.text) && after.trimmed.first?.isLowercase == true
            } else {
                continues = false
            }
            if continues {
                while kept.last?.isBlank == true { kept.removeLast() }
            } else if kept.last?.isBlank == false, after != nil {
                kept.append(SourceLine(number: lines[next - 1].number, text: ""))
            }
            index = next
        }
        return kept
    }
}
