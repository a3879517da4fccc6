import Foundation

/// The kinds of plan document Agenda reads.
public enum PlanFormat: String, Sendable, CaseIterable {
    /// What Word or LibreOffice "save as text" gives.
    case text
    case markdown
    /// Agenda's own export.
    case json
}

/// A parsed plan and what the importer has to say about it.
public struct ImportResult: Sendable {
    public var agenda: Agenda
    public var warnings: [ImportWarning]

    public init(agenda: Agenda, warnings: [ImportWarning]) {
        self.agenda = agenda
        self.warnings = warnings
    }
}

/// Reads a plan document (plain text or Markdown) into an ``Agenda``.
public enum PlanImporter {
    /// Tells text, Markdown and JSON apart by file extension and content.
    public static func detectFormat(data: Data, filename: String?) -> PlanFormat {
        // STUB: to be implemented.
        .text
    }

    /// Parses plain text or Markdown. Throws ``ImportError`` for input that is not a plan.
    public static func parse(_ data: Data, format: PlanFormat, labels: LabelTable = .standard) throws -> ImportResult {
        // STUB: to be implemented.
        throw ImportError.noHeadings
    }
}
