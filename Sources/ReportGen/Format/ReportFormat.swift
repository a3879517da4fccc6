/// The document formats a report is written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// One self-contained XHTML file (CSS inlined, charts as inline SVG).
    case xhtml
    /// OpenDocument text as one flat XML file.
    case fodt
    /// OpenDocument spreadsheet as one flat XML file, one row per action.
    case fods
    /// OpenDocument text packaged as a zip container (opens in Word too).
    case odt
    /// OpenDocument spreadsheet packaged as a zip container (opens in Excel too).
    case ods

    /// Parses a format name such as "odt" (any case, a leading dot and spaces around allowed).
    public init(parsing text: String) throws {
        let lowered = text.trimmingSpaces().lowercased()
        let name = lowered.hasPrefix(".") ? String(lowered.dropFirst()) : lowered
        guard let format = ReportFormat(rawValue: name) else { throw ReportError.unknownFormat(text) }
        self = format
    }

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The media type a web server should send.
    public var mediaType: String {
        switch self {
        case .xhtml: "application/xhtml+xml"
        case .odt: ODFKind.text.mediaType
        case .ods: ODFKind.spreadsheet.mediaType
        case .fodt: "application/vnd.oasis.opendocument.text-flat-xml"
        case .fods: "application/vnd.oasis.opendocument.spreadsheet-flat-xml"
        }
    }
}
