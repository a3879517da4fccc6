/// Removes what a page layout adds to a document and is not part of the plan, with a warning
/// for each removal:
///
/// - a table of contents: three or more lines ending in a tab or dot leader and a page number
///   (with an "Innehåll" heading above them), reported once as a range;
/// - the document title repeated further down (title pages, running heads);
/// - a letterhead, footer or address block repeated after page breaks, heading included: a block
///   of lines that recurs in the document, one warning per occurrence (labels, list items and
///   numbered headings never count; see ``repeatedBlocks(in:excluding:titleLine:labels:)``);
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

    /// The longest block looked for; a longer letterhead is still found, as overlapping blocks of this length.
    static let longestBlock = 8

    /// Blocks that recur: runs of consecutive lines (blank lines between them allowed, a page break
    /// ends a run), heading included, whose text occurs at two or more places in the document.
    ///
    /// What can be part of a block: a line of at most 100 characters that occurs at least twice,
    /// that is no list item, no label the plan uses ("Ansvarig:", "### Mål") and no numbered heading
    /// ("3. Skola", "1.2 E-tjänster"), and is not the title line. A block is two or more such lines
    /// whose sequence recurs (with a Markdown heading among them: three times, or with furniture-like
    /// lines); a single line only when it looks like furniture (an address, a phone
    /// number, an e-mail or web address, an organisation number) and occurs three times or more.
    /// Each block found is one occurrence, one warning.
    private static func repeatedBlocks(in lines: [SourceLine], excluding drop: Set<Int>, titleLine: Int?, labels: LabelTable) -> [[Int]] {
        func key(_ line: SourceLine) -> String? {
            let t = line.trimmed
            guard !t.isEmpty, t.count <= 100, !LineSyntax.isListItem(t) else { return nil }
            let text = headingText(t).trimmingWhitespace()
            guard !text.isEmpty, !isNumberedHeading(text) else { return nil }
            if let label = LineSyntax.label(text),
               labels.actionField(for: label.label) != nil || labels.headerField(for: label.label) != nil {
                return nil
            }
            let bare = LineSyntax.stripEmphasis(text)
            if labels.actionField(for: bare) != nil || labels.headerField(for: bare) != nil { return nil }
            // A Markdown heading keeps its mark: a block with a heading needs more evidence (below).
            return (t.hasPrefix("#") ? "#" : "") + LineSyntax.normalized(text)
        }
        var keys: [Int: String] = [:]
        var counts: [String: Int] = [:]
        for (index, line) in lines.enumerated() where !drop.contains(index) && line.number != titleLine {
            guard let k = key(line) else { continue }
            keys[index] = k
            counts[k, default: 0] += 1
        }

        // Runs of candidate lines, skipping blank and already removed lines.
        var runs: [[Int]] = []
        var run: [Int] = []
        func close() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        for (index, line) in lines.enumerated() {
            if line.startsPage { close() }
            if drop.contains(index) || line.isBlank { continue }
            if let k = keys[index], counts[k, default: 0] >= 2 {
                run.append(index)
            } else {
                close()
            }
        }
        close()

        // Every window of up to `longestBlock` lines of a run, by its text; a window found at two places
        // that do not overlap is a recurring block.
        struct Place: Hashable { var run: Int; var start: Int }
        var places: [[String]: [Place]] = [:]
        for (r, run) in runs.enumerated() {
            for length in 1...min(longestBlock, run.count) {
                for start in 0...(run.count - length) {
                    let window = run[start..<(start + length)].map { keys[$0]! }
                    places[window, default: []].append(Place(run: r, start: start))
                }
            }
        }
        var covered = runs.map { Array(repeating: false, count: $0.count) }
        for (window, found) in places where found.count >= 2 {
            if window.count == 1 {
                guard found.count >= 3, isFurnitureLike(window[0]) else { continue }
            } else if window.contains(where: { $0.hasPrefix("#") }) {
                // Two projects of the same title may well begin with the same sentence: a heading goes
                // only with lines that look like furniture, or in a block found three times or more.
                guard found.count >= 3 || window.contains(where: isFurnitureLike) else { continue }
            }
            // Places are in document order: the first and the last are the farthest apart.
            guard let first = found.first, let last = found.last,
                  first.run != last.run || last.start - first.start >= window.count else { continue }
            for place in found {
                for offset in 0..<window.count { covered[place.run][place.start + offset] = true }
            }
        }

        var blocks: [[Int]] = []
        for (r, run) in runs.enumerated() {
            var block: [Int] = []
            for (position, index) in run.enumerated() {
                if covered[r][position] {
                    block.append(index)
                } else if !block.isEmpty {
                    blocks.append(block)
                    block = []
                }
            }
            if !block.isEmpty { blocks.append(block) }
        }
        return blocks
    }

    /// "3. Skola", "1.2 E-tjänster", "2.1.3 Appar": a heading with its number, never furniture.
    private static func isNumberedHeading(_ text: String) -> Bool {
        text.firstMatch(of: numberedHeadingDot) != nil || text.firstMatch(of: numberedHeadingSection) != nil
    }

    /// An address, phone number, e-mail or web address, or organisation number: what a letterhead or
    /// footer line holds and a plan's text rarely does.
    static func isFurnitureLike(_ normalized: String) -> Bool {
        if normalized.contains("www.") || normalized.contains("http") || normalized.firstMatch(of: email) != nil { return true }
        if normalized.firstMatch(of: postBox) != nil || normalized.firstMatch(of: postcode) != nil { return true }
        return normalized.firstMatch(of: contactLabel) != nil
    }

    // The patterns above, compiled once: a regex literal in a function is parsed and compiled on every
    // call, and these run for every line of the plan (BENCHMARKS.md "Fuzzing"). A Regex is never mutated
    // once built, so the shared constants are safe across threads (see Parse/SwedishText).
    nonisolated(unsafe) private static let numberedHeadingDot = /^\d{1,3}(\.\d{1,3})*\.(\s|$)/
    nonisolated(unsafe) private static let numberedHeadingSection = /^\d{1,3}(\.\d{1,3})+\s/
    nonisolated(unsafe) private static let email = /\S@\S/
    nonisolated(unsafe) private static let postBox = /(^|\W)box \d/
    nonisolated(unsafe) private static let postcode = /(^|\D)\d{3} ?\d{2} \p{L}/
    nonisolated(unsafe) private static let contactLabel =
        /^(tel|telefon|tfn|fax|e-post|epost|org\.? ?nr|organisationsnummer|besök|besöksadress|postadress|webb|hemsida)\b/

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
