import AgendaTemplates
import Foundation

/// An answer in a self-assessment (självskattning) on LIKA's scale: five steps from *Ej planerad* to
/// *Uppfyllt*, or *Ej relevant*. JSON and the store use the raw values; people read the Swedish words of
/// templates/default/labels-sv.tsv (`lika.answer.*`), and the words of other tool versions map onto the
/// same steps through templates/default/lika-answers.tsv.
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

    /// "Ej planerad", "Planerad", "Påbörjad", "Nästan där", "Uppfyllt", "Ej relevant" (from the labels file).
    public var swedish: String { MaturityWords.builtIn.word(for: self) }

    /// Reads a word of the scale, ignoring case and extra spaces: the labels file's words and the synonyms
    /// of lika-answers.tsv ("Nästan klar" is *Nästan där*). Nil for a word neither knows.
    public init?(swedish text: String) {
        guard let answer = MaturityWords.builtIn.answer(for: text) else { return nil }
        self = answer
    }

    /// The words a person may give, for a refusal: "Ej planerad, Planerad, …, Ej relevant".
    public static var knownWords: String { allCases.map(\.swedish).joined(separator: ", ") }
}

/// The words of the answer scale, read from the built-in templates.
struct MaturityWords: Sendable {
    private var words: [MaturityAnswer: String]
    private var synonyms: [String: MaturityAnswer]

    static let builtIn = MaturityWords(
        labels: EmbeddedFiles.default.text("labels-sv.tsv") ?? "",
        synonyms: EmbeddedFiles.default.text("lika-answers.tsv") ?? "")

    /// The words the labels file lacks fall back to these.
    private static let fallback: [MaturityAnswer: String] = [
        .notPlanned: "Ej planerad", .planned: "Planerad", .started: "Påbörjad", .almostThere: "Nästan där",
        .fulfilled: "Uppfyllt", .notRelevant: "Ej relevant",
    ]

    init(labels: String, synonyms synonymText: String) {
        words = Self.fallback
        synonyms = [:]
        for (key, value) in Self.rows(labels) where key.hasPrefix("lika.answer.") {
            if let answer = MaturityAnswer(rawValue: String(key.dropFirst("lika.answer.".count))) { words[answer] = value }
        }
        for (word, raw) in Self.rows(synonymText) {
            if let answer = MaturityAnswer(rawValue: raw) { synonyms[SwedishText.key(word)] = answer }
        }
        for (answer, word) in words { synonyms[SwedishText.key(word)] = answer }
    }

    func word(for answer: MaturityAnswer) -> String { words[answer] ?? answer.rawValue }

    func answer(for text: String) -> MaturityAnswer? {
        let key = SwedishText.key(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        return synonyms[key] ?? MaturityAnswer(rawValue: text.trimmingCharacters(in: .whitespaces))
    }

    /// The `key<TAB>value` rows of a TSV file, comments and blank lines skipped.
    static func rows(_ text: String) -> [(String, String)] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let cells = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return cells.count == 2 ? (cells[0], cells[1]) : nil
        }
    }
}
