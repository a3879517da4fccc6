import Foundation

/// Why a self-assessment file could not be read. Nothing is written when one of these is thrown.
public enum AssessmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row's answer is not a word of the scale; `known` are the words the answers are shown with in the
    /// templates read (``MaturityWords/known``).
    case unknownAnswer(line: Int, code: String, word: String, known: [String])
    /// A row that cannot be an indicator (no code, no text, a step outside 1–3).
    case badRow(line: Int, reason: String)
    /// The file holds no indicator row at all.
    case noIndicators(source: String)
    /// The same indicator answered twice in one file.
    case duplicate(line: Int, code: String, firstLine: Int)

    public var description: String {
        switch self {
        case let .unknownAnswer(line, code, word, known):
            "rad \(line): \(code) har svaret \(Quoted.input(word)), som inte är ett steg i skalan; ange ett av \(known.joined(separator: ", ")) (fler ord för samma steg läggs i lika-answers.tsv)"
        case let .badRow(line, reason):
            "rad \(line): \(reason)"
        case let .noIndicators(source):
            "\(source) innehåller ingen indikator (rader med kod, område, indikator, svar och aktivitetsförslag); är det en export av en självskattning?"
        case let .duplicate(line, code, firstLine):
            "rad \(line): \(code) finns redan på rad \(firstLine); en självskattning svarar en gång per indikator"
        }
    }
}

extension AssessmentError: Refusal {
    public var kind: RefusalKind { .invalidInput }
}

/// A self-assessment exported from SKR's LIKA tool (or another indicator set's in the same shape), read
/// without a database: the table copied out of the tool as tab-separated text, with the columns code,
/// Område, Indikator, Svar, Aktivitetsförslag (and Kommentar, when the export has it) under section rows
/// "Steg 1", "Steg 2", "Steg 3".
///
/// A header row ("Område", "Indikator", "Svar", …) places the columns wherever it stands; without one the
/// order above is assumed. A row without a code continues the indicator above it (a cell broken over
/// lines, as Word and the tool's copy give it): its cells are added to that row's. Rows it cannot place
/// are warnings with their line numbers, never dropped in silence.
public enum LikaExportReader {
    /// One indicator row of the export.
    public struct Row: Sendable, Equatable {
        /// The 1-based line the row starts on.
        public var line: Int
        public var code: String
        /// The area's code ("L") when the Område cell names one of LIKA's areas; nil otherwise.
        public var area: String?
        /// The Område cell as written ("Ledning").
        public var areaName: String
        public var indicator: String
        /// The Svar cell as written; empty when unanswered.
        public var answerText: String
        /// The answer; nil when unanswered.
        public var answer: MaturityAnswer?
        public var suggestion: String
        /// The step of the section the row stands in (1–3); nil before any "Steg" row.
        public var step: Int?
        public var comment: String
    }

    /// What was read: the indicator rows in file order, and warnings for what was not placed.
    public struct Export: Sendable, Equatable {
        public var rows: [Row]
        public var warnings: [ImportWarning]

        /// Every indicator row as an indicator written so (answered or not), for placing among the known
        /// editions (``IndicatorEdition/place(_:areaNames:among:source:ownKey:)``). A row whose Område is none of
        /// the set's areas is placed in the area its code's letters name.
        public var indicators: [IndicatorEdition.Written] {
            rows.map { row in
                IndicatorEdition.Written(
                    indicator: Indicator(
                        code: row.code, area: row.area ?? String(row.code.prefix { $0.isLetter }), text: row.indicator,
                        suggestion: row.suggestion),
                    areaName: row.areaName, line: row.line)
            }
        }

        /// The answered rows as answers to record, for ``AssessmentInput``.
        public var items: [AssessmentInput.Item] {
            rows.compactMap { row in
                row.answer.map {
                    AssessmentInput.Item(
                        code: row.code, area: row.area, indicator: row.indicator, suggestion: row.suggestion, answer: $0,
                        step: row.step, comment: row.comment)
                }
            }
        }
    }

    enum Column: CaseIterable { case code, area, indicator, answer, suggestion, comment }

    // Compiled once: a regex literal inside the loop is parsed and compiled again for every line, which
    // made a file of a few thousand lines take seconds (found by the fuzz round, BENCHMARKS.md "Fuzzing").
    // Regex is not Sendable, yet one is never mutated once built (the standard library publishes its
    // lazily compiled program atomically), so shared constants are safe across threads, as in Parse/.
    /// A section row: "Steg 2".
    nonisolated(unsafe) private static let sectionRow = /(?i)steg\s*(\d+).*/
    /// An indicator code: "L1", "I 2", "K3a".
    nonisolated(unsafe) private static let indicatorCode = /[\p{L}]{1,4}\s?\d{1,3}[a-z]?/

    /// Reads `text`; `source` names it in errors. The Svar column is read with `words` (the templates' words
    /// of the scale); with nil it is not read (an indicator set's table: every row an indicator, answered or
    /// not). `set` gives the areas the Område column names (LIKA's four without one). Throws
    /// ``AssessmentError`` for an answer that is not a word of the scale, a row that cannot be read, a
    /// repeated indicator, or a file without indicators.
    public static func read(_ text: String, source: String, set: IndicatorSet? = nil, answers words: MaturityWords?) throws -> Export {
        let readsAnswers = words != nil
        let areas = set?.areas ?? IndicatorSet.likaAreas
        let areaSet = IndicatorSet(key: "", name: "", areas: areas)
        var columns: [Column: Int] = [.code: 0, .area: 1, .indicator: 2, .answer: 3, .suggestion: 4]
        var rows: [Row] = []
        var warnings: [ImportWarning] = []
        var step: Int?
        var seen: [String: Int] = [:]
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let cells = rawLine.split(separator: "\t", omittingEmptySubsequences: false)
                .map { TextCleaner.clean(String($0)).trimmingCharacters(in: .whitespaces) }
            let filled = cells.filter { !$0.isEmpty }
            if filled.isEmpty { continue }
            func cell(_ column: Column) -> String {
                guard let i = columns[column], i < cells.count else { return "" }
                return cells[i]
            }
            // A header row: take the columns from it.
            let keys = cells.map { SwedishText.key($0) }
            if keys.contains(where: { ["indikator", "lydelse"].contains($0) }) && (keys.contains("svar") || keys.contains("område")) {
                var found: [Column: Int] = [:]
                for (i, key) in keys.enumerated() {
                    switch key {
                    case "område": found[.area] = i
                    case "indikator", "lydelse": found[.indicator] = i
                    case "svar": found[.answer] = i
                    case "aktivitetsförslag", "förslag": found[.suggestion] = i
                    case "kommentar", "kommentarer": found[.comment] = i
                    case "kod", "id", "nr": found[.code] = i
                    default: break
                    }
                }
                if found[.code] == nil, let area = found[.area], area > 0 { found[.code] = area - 1 }
                columns = found
                continue
            }
            // A section row: "Steg 2".
            if filled.count == 1, let match = filled[0].wholeMatch(of: sectionRow) {
                guard let value = Int(match.output.1), (1...3).contains(value) else {
                    throw AssessmentError.badRow(line: number, reason: "\(Quoted.input(filled[0])) är inget steg; LIKA:s steg är 1, 2 och 3")
                }
                step = value
                continue
            }
            let code = cell(.code)
            if code.isEmpty {
                // A continuation: cells broken over lines belong to the indicator above.
                guard !rows.isEmpty else {
                    warnings.append(ImportWarning(line: number, message: "raden saknar indikatorkod och står före första indikatorn; den hoppas över: \(Quoted.excerpt(filled.joined(separator: " ")))"))
                    continue
                }
                func join(_ a: String, _ b: String) -> String {
                    guard !b.isEmpty else { return a }
                    guard !a.isEmpty else { return b }
                    if a.hasSuffix("-"), let first = b.first, first.isLowercase { return a + b }
                    return a + " " + b
                }
                var row = rows.removeLast()
                row.indicator = join(row.indicator, cell(.indicator))
                row.suggestion = join(row.suggestion, cell(.suggestion))
                row.comment = join(row.comment, cell(.comment))
                if readsAnswers, row.answerText.isEmpty, !cell(.answer).isEmpty {
                    row.answerText = cell(.answer)
                    row.answer = try answer(row.answerText, line: number, code: row.code, words: words)
                }
                if row.areaName.isEmpty { row.areaName = cell(.area) }
                rows.append(row)
                continue
            }
            guard code.wholeMatch(of: indicatorCode) != nil else {
                warnings.append(ImportWarning(line: number, message: "\"\(Quoted.excerpt(code))\" är ingen indikatorkod (som L1, I2, K3, A5); raden hoppas över"))
                continue
            }
            let normalisedCode = code.replacingOccurrences(of: " ", with: "").uppercased()
            if let first = seen[normalisedCode] {
                throw AssessmentError.duplicate(line: number, code: normalisedCode, firstLine: first)
            }
            seen[normalisedCode] = number
            let areaName = cell(.area)
            let answerText = readsAnswers ? cell(.answer) : ""
            let area = areaSet.areaCode(forName: areaName) ?? areaSet.areaCode(forCode: normalisedCode)
            guard !cell(.indicator).isEmpty else {
                throw AssessmentError.badRow(line: number, reason: "\(normalisedCode) saknar indikatorns text")
            }
            rows.append(Row(
                line: number, code: normalisedCode, area: area, areaName: areaName, indicator: cell(.indicator),
                answerText: answerText, answer: answerText.isEmpty ? nil : try answer(answerText, line: number, code: normalisedCode, words: words),
                suggestion: cell(.suggestion), step: step, comment: cell(.comment)))
        }
        guard !rows.isEmpty else { throw AssessmentError.noIndicators(source: source) }
        for row in rows where row.answer == nil && readsAnswers {
            warnings.append(ImportWarning(line: row.line, message: "\(row.code) är inte besvarad; indikatorn tas med i indikatoruppsättningen men får inget svar"))
        }
        for row in rows where row.area == nil {
            warnings.append(ImportWarning(line: row.line, message: "\(row.code): området \(Quoted.input(row.areaName)) är inget av \(areas.map(\.name).joined(separator: ", ")); indikatorn får ett eget område"))
        }
        return Export(rows: rows, warnings: warnings.sorted { $0.line < $1.line })
    }

    static func answer(_ text: String, line: Int, code: String, words: MaturityWords?) throws -> MaturityAnswer? {
        guard let words else { return nil }
        guard let answer = words.answer(for: text) else {
            throw AssessmentError.unknownAnswer(line: line, code: code, word: text, known: words.known)
        }
        return answer
    }
}
