import Foundation

/// The kinds of plan document Agenda reads.
public enum PlanFormat: String, Sendable, CaseIterable {
    /// What Word or LibreOffice "save as text" gives.
    case text
    case markdown
    /// Agenda's own export.
    case json
    /// A Word document (Office Open XML), read by ``DocxReader``.
    case docx
    /// An OpenDocument text, read by ``ODTReader``.
    case odt
}

/// A parsed plan and what the importer has to say about it.
public struct ImportResult: Sendable {
    public var agenda: Agenda
    /// Every line dropped or not placed in a field, in line order. Print them; an import with warnings still succeeded.
    public var warnings: [ImportWarning]
    /// Self-assessments the plan records (a LIKA table plan's Svar column, one per verksamhet), dated
    /// ``assessmentDate`` when imported; empty for other layouts.
    public var assessments: [AssessmentInput] = []
    /// The date of ``assessments``: 1 January of the year the plan's title names; nil when it names none.
    public var assessmentDate: CalendarDate?
    /// Links from the plan's actions to its indicators, made with the adopted plan.
    public var indicatorLinks: [IndicatorLinkDraft] = []
    /// Every indicator a LIKA table plan names with a code (answered or not), as written, in the plan's
    /// order; its local indicators are not among them. On import they are placed in a known edition that
    /// has every one of them, or else in the plan's own edition (``IndicatorEdition/place(_:areaNames:among:source:ownKey:)``),
    /// and the assessments and links are recorded against that set.
    public var indicators: [IndicatorEdition.Written] = []

    /// An action of the plan and the indicators it is to lift.
    public struct IndicatorLinkDraft: Sendable, Equatable {
        public var action: String
        public var codes: [String]
        public var set: String = IndicatorSet.likaSocialtjanstKey
        /// The line of the plan the action comes from.
        public var line: Int = 0
    }

    public init(agenda: Agenda, warnings: [ImportWarning]) {
        self.agenda = agenda
        self.warnings = warnings
    }
}

/// Reads a plan document (plain text or Markdown) into an ``Agenda``.
///
/// ```swift
/// let labels = try LabelTable.standard()            // or LabelTable.load(from: userTSV)
/// let format = PlanImporter.detectFormat(data: data, filename: path)
/// let result = try PlanImporter.parse(data, format: format, labels: labels)
/// result.warnings.forEach { print("warning: \($0)") }   // "warning: line 51: …"
/// ```
///
/// The work is done in passes: ``InputValidation`` decodes the bytes (or throws), the lines are
/// split, ``PageFurniture`` drops the table of contents, repeated titles, letterheads and page
/// numbers, a reader (``PlanTextReader`` or ``MarkdownReader``) classifies each line,
/// ``TableOfContents`` and ``Truncation`` look for evidence that the file was cut off, and
/// ``PlanAssembler`` builds the agenda, calling the tidsplan, kostnad and ansvarig parsers.
public enum PlanImporter {
    /// Tells text, Markdown and JSON apart: by extension (.json, .md/.markdown, .txt) first,
    /// else by content (a leading `{` is JSON, a `#` heading line is Markdown).
    public static func detectFormat(data: Data, filename: String?) -> PlanFormat {
        let ext = filename.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        switch ext {
        case "json": return .json
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "txt", "text": return .text
        case "docx": return .docx
        case "odt": return .odt
        default: break
        }
        if let document = DocumentImporter.detectFormat(data: data) { return document }
        let head = String(decoding: data.prefix(65_536), as: UTF8.self)
        let trimmed = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if trimmed.first == "{" { return .json }
        let lines = head.split(whereSeparator: \.isNewline)
        if lines.contains(where: { $0.hasPrefix("# ") || $0.hasPrefix("## ") || $0.hasPrefix("### ") }) { return .markdown }
        return .text
    }

    /// Parses plain text or Markdown. Throws ``ImportError`` for input that is not a plan;
    /// nothing is returned in that case. JSON is not read here.
    ///
    /// `register` holds förvaltningar known beforehand with their aliases (``OrganisationRegister/standard()``);
    /// those the plan names are linked through it, the others are left out of the agenda.
    ///
    /// A plan the document itself shows to be cut off is refused (``ImportError/incomplete(line:lastHeading:missingAreas:missingSubAreas:)``
    /// when it stops before its table of contents says it ends, ``ImportError/truncated(line:detail:)``
    /// when it ends at a heading or a label with nothing after it). `allowPartial` imports it as far as
    /// it goes instead, with a warning saying where it stops and what is missing.
    ///
    /// A LIKA table plan's Svar column is read with `answers`, the templates' words of the scale.
    public static func parse(
        _ data: Data, format: PlanFormat, labels: LabelTable, register: OrganisationRegister = OrganisationRegister(),
        allowPartial: Bool = false, answers: MaturityWords = .builtIn
    ) throws -> ImportResult {
        if format == .docx || format == .odt {
            return try DocumentImporter.parse(
                data, format: format, labels: labels, register: register, allowPartial: allowPartial, answers: answers)
        }
        guard format != .json else {
            throw ImportError.invalidJSON("JSON-planer läses av JSON-importen, inte av textimporten")
        }
        var partialWarnings: [ImportWarning] = []
        let text = try InputValidation.decode(data, allowPartial: allowPartial, warnings: &partialWarnings)
        let lines = SourceLine.split(text)
        if LikaPlanReader.isTablePlan(lines) {
            var result = LikaPlanReader.parse(lines, register: register, answers: answers)
            guard !result.agenda.actions.isEmpty || !result.assessments.isEmpty else { throw ImportError.noHeadings }
            result.warnings = (partialWarnings + result.warnings).sorted { $0.line < $1.line }
            return result
        }
        let titleLine = titleLineNumber(in: lines, format: format)
        let (kept, furnitureWarnings, contents) = PageFurniture.remove(from: lines, titleLine: titleLine, labels: labels)

        let tokens: [LocatedToken]
        switch format {
        case .markdown: tokens = MarkdownReader(labels: labels).read(kept, titleLine: titleLine)
        case .text, .json, .docx, .odt: tokens = PlanTextReader(labels: labels).read(kept, titleLine: titleLine)
        }
        guard tokens.contains(where: { if case .area = $0.token { return true } else { return false } }) else {
            throw ImportError.noHeadings
        }
        let evidence = [
            TableOfContents(contents).incompleteness(tokens: tokens, lines: kept),
            Truncation.check(tokens: tokens, text: text, labels: labels),
        ].compactMap { $0 }
        if let first = evidence.first, !allowPartial { throw first }
        partialWarnings += evidence.compactMap(\.partialImportWarning)

        // Who adopted the plan, when neither a header cell nor the title says: the text before the first
        // focus area (a title page, "Antagen av …", the first page's letterhead, kept or removed as furniture).
        let firstArea = tokens.first { if case .area = $0.token { true } else { false } }?.line ?? Int.max
        let named = AgendaMetadata.organisation(in: lines.prefix { $0.number < firstArea }.map(\.text))
        let (agenda, warnings) = PlanAssembler.assemble(tokens, labels: labels, register: register, namedOrganisation: named)
        return ImportResult(agenda: agenda, warnings: (furnitureWarnings + warnings + partialWarnings).sorted { $0.line < $1.line })
    }

    /// The first non-empty line, after a letterhead above it (a paragraph of only an organisation's name,
    /// addresses and web addresses); in Markdown the first heading when it is a single `#`.
    private static func titleLineNumber(in lines: [SourceLine], format: PlanFormat) -> Int? {
        var rest = lines.drop(while: \.isBlank)
        let head = rest.prefix { !$0.isBlank }
        if head.count < rest.count, head.allSatisfy({
            AgendaMetadata.organisation(namedBy: $0.text) != nil || PageFurniture.isFurnitureLike(LineSyntax.normalized($0.text))
        }) {
            rest = rest.dropFirst(head.count).drop(while: \.isBlank)
        }
        guard let first = rest.first, LineSyntax.numberedItem(first.text) == nil else { return nil }
        if format == .markdown {
            let h1 = lines.filter { $0.text.hasPrefix("# ") }
            if h1.count == 1 { return h1[0].number }
            if first.text.hasPrefix("#") { return nil }
        }
        return first.number
    }
}
