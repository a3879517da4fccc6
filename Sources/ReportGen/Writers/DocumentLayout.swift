import AgendaCore

/// A document the block writers lay out: ``XHTMLWriter`` and ``ODFTextWriter`` take any layout that
/// walks its ``ReportBlock``s in reading order (a title page first), and give it a title and a footer.
/// The period report (``ReportLayout``) and the LIKA summary (``LikaLayout``) are two such layouts.
protocol DocumentLayout {
    var templates: TemplateSet { get }
    var labels: Labels { get }
    /// The document's title (XHTML `<title>`, ODF `dc:title`).
    var documentTitle: String { get }
    /// What the document is about (ODF `dc:subject`).
    var documentSubject: String { get }
    /// The document's date in its metadata; nil: none (no clock in the output).
    var documentDate: CalendarDate? { get }
    /// The line at the foot of the XHTML page.
    var footerText: String { get }
    /// Every relative column-width profile the layout's tables use, each once: the ODF text writer
    /// declares a column style per profile before the body.
    var tableProfiles: [[Int]] { get }
    /// Whether table cells may carry a ``CellTone`` (the ODF text declares the tone cell styles only then).
    var usesCellTones: Bool { get }
    /// Calls `emit` with every block of the document in order.
    func walk(_ emit: (ReportBlock) throws -> Void) throws
}

extension ReportLayout: DocumentLayout {
    var documentTitle: String { "\(labels["report.kind"]) \(model.period.swedishLabel) – \(model.agendaTitle)" }
    var documentSubject: String { model.period.description }
    var documentDate: CalendarDate? { model.generatedAt }
    var footerText: String { labels["footer.generated", model.asOf.description] }
    var tableProfiles: [[Int]] { model.lika.isEmpty ? TableWidths.all : TableWidths.all + [TableWidths.likaSection] }
    var usesCellTones: Bool { false }
}
