import Foundation

/// Imports a .docx or .odt plan: the document is read into plan lines (``DocumentText``) which the
/// text importer (or, for a document whose headings carry no numbers, the Markdown importer) reads
/// as it reads a saved text file. A plan therefore imports to the same agenda from Word, from
/// LibreOffice and from plain text.
///
/// Warnings name lines of that text (the document as "save as text" would give it).
enum DocumentImporter {
    /// .docx or .odt told from the bytes: a zip package with an OpenDocument text mimetype is .odt,
    /// another zip package or Office's encrypted container is .docx; nil for anything else.
    static func detectFormat(data: Data) -> PlanFormat? {
        let head = [UInt8](data.prefix(128))
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .docx }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        let text = String(decoding: head, as: UTF8.self)
        if text.contains("application/vnd.oasis.opendocument.text") { return .odt }
        if text.contains("mimetype") { return .odt }
        return .docx
    }

    /// `allowPartial` as for ``PlanImporter/parse(_:format:labels:register:allowPartial:)``: a document whose
    /// text stops before its table of contents says it ends is refused unless it is set; `answers` as there.
    static func parse(
        _ data: Data, format: PlanFormat, labels: LabelTable, register: OrganisationRegister, allowPartial: Bool = false,
        answers: MaturityWords
    ) throws -> ImportResult {
        let document = format == .odt ? try ODTReader.read(data) : try DocxReader.read(data)
        let (text, textFormat, leftOut) = document.render(labels: labels)
        var result = try PlanImporter.parse(
            Data(text.utf8), format: textFormat, labels: labels, register: register, allowPartial: allowPartial, answers: answers)
        result.warnings = (leftOut + result.warnings).sorted { $0.line < $1.line }
        return result
    }

    /// The plan text a document gives, for a person checking what the importer read.
    static func text(of data: Data, format: PlanFormat, labels: LabelTable) throws -> String {
        let document = format == .odt ? try ODTReader.read(data) : try DocxReader.read(data)
        return document.render(labels: labels).text
    }
}
