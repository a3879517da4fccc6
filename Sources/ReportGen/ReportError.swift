import Foundation
import AgendaCore

/// What can go wrong while building or writing a report, with what a person needs to fix it.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The format name is none of xhtml, fodt, fods, odt, ods.
    case unknownFormat(String)
    /// A template file is missing from the template folder.
    case templateMissing(file: String)
    /// A template file exists but cannot be used; `reason` says why.
    case templateMalformed(file: String, reason: String)
    /// Exporting the templates would overwrite a file that is already there.
    case templateExists(file: String)
    /// libxml2 reported an error while writing `context` (a file path or document part).
    case xmlWrite(context: String, operation: String, detail: String)
    /// Writing or packaging the output file failed.
    case output(file: String, reason: String)

    public var description: String {
        switch self {
        case .unknownFormat(let text):
            return "okänt rapportformat \"\(text)\": ange ett av \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        case .templateMissing(let file):
            return "mallfilen saknas: \(file)"
        case .templateMalformed(let file, let reason):
            return "mallfilen \(file) kan inte användas: \(reason)"
        case .templateExists(let file):
            return "skriver inte över den befintliga filen \(file)"
        case .xmlWrite(let context, let operation, let detail):
            return "kunde inte skriva \(context): \(operation) misslyckades\(detail.isEmpty ? "" : ": \(detail)")"
        case .output(let file, let reason):
            return "kunde inte skriva \(file): \(reason)"
        }
    }
}

extension ReportError: Refusal {
    public var kind: RefusalKind {
        switch self {
        case .unknownFormat: .invalidInput
        case .templateExists: .alreadyExists
        // A template folder that does not work, or an output that cannot be written: nothing the
        // reader of a page can mend, so the web answers it as the server's trouble.
        case .templateMissing, .templateMalformed, .xmlWrite, .output: .unavailable
        }
    }
}
