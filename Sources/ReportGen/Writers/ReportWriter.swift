import Foundation

/// Writes a finished ``ReportModel`` as a document file.
public enum ReportWriter {
    /// Writes `model` in `format` to `url` (replacing it), with the look and words of `templates`.
    /// The same model and templates always give the same bytes.
    public static func write(_ model: ReportModel, format: ReportFormat, to url: URL, templates: TemplateSet) throws {
        let layout = ReportLayout(model: model, templates: templates)
        switch format {
        case .xhtml:
            try XHTMLWriter(layout: layout).write(to: url)
        case .fodt:
            try ODFPackager.writeFlat(ODFTextWriter(layout: layout), to: url)
        case .odt:
            try ODFPackager.writePackage(ODFTextWriter(layout: layout), to: url)
        case .fods:
            try ODFPackager.writeFlat(ODFSheetWriter(layout: layout), to: url)
        case .ods:
            try ODFPackager.writePackage(ODFSheetWriter(layout: layout), to: url)
        }
    }

    /// The bytes ``write(_:format:to:templates:)`` writes for `model` in `format`, in memory: the file is
    /// written to a private temporary folder, read and removed, so the bytes are those of the file.
    public static func data(_ model: ReportModel, format: ReportFormat, templates: TemplateSet) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-report-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReportError.output(file: folder.path, reason: "kan inte skapa en tillfällig mapp")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(ReportFile.fileName(for: model.period, format: format))
        try write(model, format: format, to: url, templates: templates)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ReportError.output(file: url.path, reason: "kan inte läsa den skrivna rapporten")
        }
    }
}
