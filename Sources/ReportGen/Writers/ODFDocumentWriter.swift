/// What an OpenDocument writer provides: the parts of one document, each written as children
/// into an element ``ODFPackager`` has opened. The packager puts the parts together either as one
/// flat `office:document` or as the files of a zip package, so both variants come from the same code.
protocol ODFDocumentWriter {
    var kind: ODFKind { get }
    /// The document's words and metadata.
    var document: any DocumentLayout { get }
    /// The styles template (`odt-styles.xml` / `ods-styles.xml`) of the template set.
    func styleTemplate() throws -> ODFStyleTemplate
    /// Children of `office:settings` (config item sets); nothing when the document has no settings.
    func writeSettings(_ w: XMLWriter) throws
    /// Automatic styles the writer generates for its content (column widths …), inside `office:automatic-styles`.
    func writeContentAutomaticStyles(_ w: XMLWriter) throws
    /// The child of `office:body` (`office:text`, `office:spreadsheet`).
    func writeBody(_ w: XMLWriter) throws
}

extension ODFDocumentWriter {
    /// Children of `office:meta`: generator, title, language, and the publication date when one is given.
    func writeMeta(_ w: XMLWriter) throws {
        try w.element("meta:generator", text: "Agenda")
        try w.element("dc:title", text: document.documentTitle)
        try w.element("dc:subject", text: document.documentSubject)
        if let date = document.documentDate {
            try w.element("meta:creation-date", text: "\(date)T00:00:00")
            try w.element("dc:date", text: "\(date)T00:00:00")
        }
        try w.element("dc:language", text: "sv-SE")
    }
}
