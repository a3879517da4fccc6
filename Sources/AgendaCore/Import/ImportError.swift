/// Why a plan file could not be imported. Nothing is written when one of these is thrown.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case notUTF8(byteOffset: Int)
    case binary
    case noHeadings
    case truncated(line: Int, detail: String)
    /// The plan stops before its own table of contents says it ends: `line` is the last line of
    /// the file, `lastHeading` the last heading read, the others the entries ("4. Bredband",
    /// "3.2 EU:s dataskyddsförordning") of the table of contents that never came, in its order.
    case incomplete(line: Int, lastHeading: String?, missingAreas: [String], missingSubAreas: [String])
    case invalidJSON(String)
    case unsupportedFormatVersion(Int)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case let .notUTF8(offset): return "the file is not UTF-8 text (invalid byte at offset \(offset)); save it as UTF-8 text and import again"
        case .binary: return "the file is binary, not text; save the plan as plain text (.txt) or Markdown (.md)"
        case .noHeadings: return "no numbered headings (\"1. Extern service\", \"1.1 …\") or Markdown headings found; is this a plan?"
        case let .truncated(line, detail): return "the file ends abruptly at line \(line): \(detail); \(Self.allowPartialHint)"
        case let .incomplete(line, _, _, _): return "the file stops at line \(line)\(incompleteDetail); \(Self.allowPartialHint)"
        case let .invalidJSON(detail): return "not a valid Agenda JSON export: \(detail)"
        case let .unsupportedFormatVersion(version): return "Agenda JSON format version \(version) is newer than this build understands"
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        }
    }

    private static let allowPartialHint = "if the plan is meant to end there, import it with --allow-partial"

    /// " in "3.2 …", but its table of contents lists 6 more areas (4. Bredband, 5. E-hälsa, 6. Utbildning, …) and 21 more sub-areas".
    private var incompleteDetail: String {
        guard case let .incomplete(_, lastHeading, areas, subAreas) = self else { return "" }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) more \(n == 1 ? one : many)" }
        func names(_ list: [String]) -> String {
            list.prefix(3).map(Quoted.excerpt).joined(separator: ", ") + (list.count > 3 ? ", …" : "")
        }
        var listed: String
        if areas.isEmpty {
            listed = "\(count(subAreas.count, "sub-area", "sub-areas")) (\(names(subAreas)))"
        } else {
            listed = "\(count(areas.count, "area", "areas")) (\(names(areas)))"
            if !subAreas.isEmpty { listed += " and \(count(subAreas.count, "sub-area", "sub-areas"))" }
        }
        let place = lastHeading.map { " in \(Quoted.input($0))" } ?? ""
        return "\(place), but its table of contents lists \(listed) after that"
    }

    /// What `--allow-partial` prints instead of refusing a plan that was cut off; nil for errors
    /// that are not about where the plan ends.
    var partialImportWarning: ImportWarning? {
        switch self {
        case let .truncated(line, detail):
            return ImportWarning(line: line, message: "the file ends abruptly: \(detail); imported as far as it goes (--allow-partial)")
        case let .incomplete(line, _, _, _):
            return ImportWarning(line: line, message: "the file stops here\(incompleteDetail); imported as far as it goes (--allow-partial)")
        default:
            return nil
        }
    }
}
