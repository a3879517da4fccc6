import AgendaCore

import Foundation

/// File names for reports.
public enum ReportFile {
    /// The base name without extension: "agenda-2018Q2".
    public static func name(for period: Period) -> String {
        "agenda-\(period)"
    }

    /// The base name plus the format's extension: "agenda-2018Q2.odt".
    public static func fileName(for period: Period, format: ReportFormat) -> String {
        "\(name(for: period)).\(format.fileExtension)"
    }
}
