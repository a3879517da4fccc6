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
}
