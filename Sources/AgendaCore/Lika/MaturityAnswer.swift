import AgendaTemplates
import Foundation

/// An answer in a self-assessment (självskattning) on LIKA's scale: five steps from *Ej planerad* to
/// *Uppfyllt*, or *Ej relevant*. JSON and the store use the raw values; people read the Swedish words of
/// the templates (``MaturityWords``).
public enum MaturityAnswer: String, Sendable, Codable, CaseIterable {
    case notPlanned, planned, started, almostThere, fulfilled, notRelevant

    /// The five steps of the scale, lowest first (without *Ej relevant*).
    public static let scale: [MaturityAnswer] = [.notPlanned, .planned, .started, .almostThere, .fulfilled]

    /// The step's place on the scale, 0 (*Ej planerad*) to 4 (*Uppfyllt*); nil for *Ej relevant*.
    public var rank: Int? { Self.scale.firstIndex(of: self) }

    /// Whether this answer lies on the scale below `level` (*Ej relevant* never does).
    public func isBelow(_ level: MaturityAnswer) -> Bool {
        guard let rank, let limit = level.rank else { return false }
        return rank < limit
    }

    /// The labels file's key for the Swedish word: "lika.answer.almostThere".
    public var labelKey: String { "lika.answer.\(rawValue)" }

    /// The built-in templates' word: "Ej planerad", "Planerad", "Påbörjad", "Nästan där", "Uppfyllt",
    /// "Ej relevant" — what the command line and its JSON print, as they print the built-in labels.
    /// Words read from a person or a file go through the templates' ``MaturityWords``.
    public var swedish: String { MaturityWords.builtIn.word(for: self) }
}

/// The words of the answer scale in a set of templates: the word each step is shown with (`lika.answer.*`
/// of labels-sv.tsv) and the words read as each step — those, and the synonyms of lika-answers.tsv, the
/// words other versions of SKR's tool (or another indicator set) use ("Nästan klar" is *Nästan där*).
///
/// A value, passed to whatever reads answers (``LikaExportReader``, ``PlanImporter``, the web's forms):
/// ``builtIn`` for the templates built into Agenda, or those of a template folder (ReportGen's
/// `TemplateSet` reads them with the rest of the folder).
public struct MaturityWords: Sendable, Equatable {
    private var words: [MaturityAnswer: String]
    private var synonyms: [String: MaturityAnswer]

    /// The words of the built-in templates (templates/default).
    public static let builtIn: MaturityWords = {
        let labels = Dictionary(
            rows(EmbeddedFiles.default.text("labels-sv.tsv") ?? "").map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let name = "built-in default/lika-answers.tsv"
        return (try? MaturityWords(labels: labels, synonyms: EmbeddedFiles.default.text("lika-answers.tsv") ?? "", source: name))
            ?? MaturityWords(labels: labels)
    }()

    /// The words the labels file lacks fall back to these.
    private static let fallback: [MaturityAnswer: String] = [
        .notPlanned: "Ej planerad", .planned: "Planerad", .started: "Påbörjad", .almostThere: "Nästan där",
        .fulfilled: "Uppfyllt", .notRelevant: "Ej relevant",
    ]

    /// The words of `labels` (a labels file's keys and texts; the `lika.answer.*` keys are read, a missing one
    /// keeps the built-in word) without synonyms.
    init(labels: [String: String]) {
        words = Self.fallback
        for answer in MaturityAnswer.allCases {
            if let word = labels[answer.labelKey], !word.isEmpty { words[answer] = word }
        }
        synonyms = [:]
        for (answer, word) in words { synonyms[SwedishText.key(word)] = answer }
    }

    /// The words of `labels` and the synonyms of `synonymText`, a lika-answers.tsv file (`word<TAB>step` rows,
    /// `#` comments) that `source` names in errors. A labels word wins over a synonym spelt the same.
    /// Throws ``ImportError/unreadable(path:reason:)`` for a row without a tab, a step the scale lacks, or a
    /// word given twice.
    public init(labels: [String: String], synonyms synonymText: String, source: String) throws {
        self.init(labels: labels)
        var lines: [String: Int] = [:]
        for row in Self.rows(synonymText) {
            guard !row.key.isEmpty, !row.value.isEmpty else {
                throw ImportError.unreadable(path: source, reason: "rad \(row.line): väntade \"ord<TAB>steg\"")
            }
            guard let answer = MaturityAnswer(rawValue: row.value) else {
                let steps = MaturityAnswer.allCases.map(\.rawValue).joined(separator: ", ")
                throw ImportError.unreadable(path: source, reason: "rad \(row.line): okänt steg \(Quoted.input(row.value)) (kända: \(steps))")
            }
            let key = SwedishText.key(Self.spaced(row.key))
            if let first = lines[key] {
                throw ImportError.unreadable(path: source, reason: "rad \(row.line): \(Quoted.input(row.key)) står redan på rad \(first)")
            }
            lines[key] = row.line
            if synonyms[key] == nil { synonyms[key] = answer }
        }
    }

    /// The word `answer` is shown with: "Nästan där".
    public func word(for answer: MaturityAnswer) -> String { words[answer] ?? answer.rawValue }

    /// The answer `text` is a word of, ignoring case and extra spaces (a labels word or a synonym), or
    /// the answer's raw value ("almostThere"); nil for a word neither knows.
    public func answer(for text: String) -> MaturityAnswer? {
        synonyms[SwedishText.key(Self.spaced(text))] ?? MaturityAnswer(rawValue: text.trimmingCharacters(in: .whitespaces))
    }

    /// The words the answers are shown with, in the scale's order and *Ej relevant* last: what a person is
    /// told to give.
    public var known: [String] { MaturityAnswer.allCases.map(word(for:)) }

    /// `text` with each run of white space one space, and none at the ends.
    private static func spaced(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The `key<TAB>value` rows of a TSV file with their 1-based lines, comments and blank lines skipped; a
    /// row without a tab has an empty value.
    private static func rows(_ text: String) -> [(line: Int, key: String, value: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let cells = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return (index + 1, cells[0], cells.count == 2 ? cells[1] : "")
        }
    }
}
