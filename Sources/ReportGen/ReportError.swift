import Foundation

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
    /// The report's förvaltning filter names no förvaltning, alias or enhet in the organisation
    /// register; `near` holds the known names close to it (possibly none).
    case unknownDepartment(String, near: [String])

    public var description: String {
        switch self {
        case .unknownFormat(let text):
            return "unknown report format \"\(text)\": expected one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        case .templateMissing(let file):
            return "template file missing: \(file)"
        case .templateMalformed(let file, let reason):
            return "template file \(file) cannot be used: \(reason)"
        case .templateExists(let file):
            return "will not overwrite existing file \(file)"
        case .xmlWrite(let context, let operation, let detail):
            return "could not write \(context): \(operation) failed\(detail.isEmpty ? "" : ": \(detail)")"
        case .output(let file, let reason):
            return "could not write \(file): \(reason)"
        case .unknownDepartment(let name, let near):
            let hint = near.isEmpty ? "" : "did you mean \(near.map { "\"\($0)\"" }.joined(separator: " or "))? "
            return "no förvaltning, enhet or alias \"\(name)\" in the organisation register; \(hint)`agenda list units` shows them"
        }
    }
}
