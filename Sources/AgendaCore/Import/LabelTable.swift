import AgendaTemplates
import Foundation

/// Which written labels mean which field ("Ansvar:" and "Ansvarig:" both mean responsibility).
///
/// The table is a TSV file, one `label<TAB>field` row a line, `#` starting a comment.
/// The standard table ships as templates/default/import-labels.tsv (``standard()``);
/// a municipality adds its own synonyms in a file of the same form (``load(from:)``),
/// whose rows win over the standard ones. Labels are compared without case, emphasis
/// or a trailing colon, with runs of spaces as one.
public struct LabelTable: Sendable, Equatable {
    /// What a label stands for. Action fields apply inside the plan; `header.*` fields only
    /// in the header block before the first focus area, so the header's "Ansvarig IT-chef"
    /// names the plan's owner while an action's "Ansvarig:" names its responsible unit.
    public enum Field: String, Sendable, CaseIterable {
        /// Bakgrund / Beskrivning: joins the action's background.
        case background
        /// Handlingsplan / Uppgift.
        case plan
        /// Ansvarig / Ansvar.
        case responsibility
        /// Tidsplan.
        case schedule
        /// Kostnad(er) / Resurser: money and staff time, read by ``CostParser``.
        case cost
        /// Effektmål / Mål.
        case effectGoals
        /// A field kept under its own label in ``Action/otherFields`` ("Kommunens roll", "Fotnot").
        case other
        case headerDecidedBy = "header.decidedBy"
        case headerOwner = "header.owner"
        case headerOrganisation = "header.organisation"
        case headerEffectiveDate = "header.effectiveDate"
        /// A header cell known to carry nothing the model keeps ("Senast uppdaterat").
        case headerIgnore = "header.ignore"

        var isHeader: Bool { rawValue.hasPrefix("header.") }
    }

    private var actionLabels: [String: Field]
    private var headerLabels: [String: Field]

    /// An empty table; use ``standard()`` for the shipped synonyms.
    public init() {
        actionLabels = [:]
        headerLabels = [:]
    }

    /// Reads rows `label<TAB>field`; `source` names the file in errors.
    public init(tsv: String, source: String) throws {
        self.init()
        for (index, rawLine) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingTrailingWhitespace()
            if line.trimmingWhitespace().isEmpty || line.trimmingWhitespace().hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: true).map { $0.trimmingWhitespace() }
            guard columns.count == 2 else {
                throw ImportError.unreadable(path: source, reason: "rad \(index + 1): väntade \"rubrik<TAB>fält\"")
            }
            guard let field = Field(rawValue: columns[1]) else {
                let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw ImportError.unreadable(path: source, reason: "rad \(index + 1): okänt fält \(Quoted.input(columns[1])) (kända: \(known))")
            }
            set(label: columns[0], field: field)
        }
    }

    /// The synonyms of templates/default/import-labels.tsv, built into the executable.
    public static func standard() throws -> LabelTable {
        try builtIn.get()
    }

    /// The built-in table, read once per process: it is compiled into the binary and never changes.
    private static let builtIn = Result<LabelTable, any Error> {
        let name = "import-labels.tsv"
        guard let text = EmbeddedFiles.default.text(name) else {
            throw ImportError.unreadable(path: name, reason: "den inbyggda rubriktabellen saknas eller är inte UTF-8-text")
        }
        return try LabelTable(tsv: text, source: name)
    }

    /// The standard table extended by a user's TSV file; the user's rows win.
    public static func load(from url: URL) throws -> LabelTable {
        try standard().merging(file(url))
    }

    private static func file(_ url: URL) throws -> LabelTable {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ImportError.unreadable(path: url.path, reason: "kan inte läsa rubriktabellen som UTF-8-text")
        }
        return try LabelTable(tsv: text, source: url.path)
    }

    /// This table with `other`'s rows added, `other` winning where both name a label.
    public func merging(_ other: LabelTable) -> LabelTable {
        var merged = self
        merged.actionLabels.merge(other.actionLabels) { _, new in new }
        merged.headerLabels.merge(other.headerLabels) { _, new in new }
        return merged
    }

    /// Adds or replaces one synonym.
    public mutating func set(label: String, field: Field) {
        let key = Self.key(label)
        if field.isHeader { headerLabels[key] = field } else { actionLabels[key] = field }
    }

    func actionField(for label: String) -> Field? { actionLabels[Self.key(label)] }

    func headerField(for label: String) -> Field? { headerLabels[Self.key(label)] }

    /// Reads a header cell written with or without a colon ("Beslutat av Stadsdirektören",
    /// "Beslutad av: KF"), longest label first.
    func headerCell(_ cell: String) -> (field: Field, label: String, value: String)? {
        if let line = LineSyntax.label(cell), let field = headerField(for: line.label) {
            return (field, line.label, line.value)
        }
        let normalized = LineSyntax.normalized(cell)
        let plain = LineSyntax.stripEmphasis(cell)
        for (key, field) in headerLabels.sorted(by: { $0.key.count > $1.key.count }) {
            if normalized == key { return (field, plain, "") }
            if normalized.hasPrefix(key + " ") {
                let words = key.split(separator: " ").count
                let valueWords = plain.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst(words)
                let label = plain.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(words).joined(separator: " ")
                return (field, label, valueWords.joined(separator: " "))
            }
        }
        return nil
    }

    private static func key(_ label: String) -> String {
        var text = LineSyntax.normalized(label)
        while text.hasSuffix(":") { text.removeLast() }
        return LineSyntax.normalized(text)
    }
}
