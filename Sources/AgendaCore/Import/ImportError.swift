/// Why a plan file could not be imported. Nothing is written when one of these is thrown.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case notUTF8(byteOffset: Int)
    case binary
    case noHeadings
    case truncated(line: Int, detail: String)
    case invalidJSON(String)
    case unsupportedFormatVersion(Int)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case let .notUTF8(offset): return "the file is not UTF-8 text (invalid byte at offset \(offset)); save it as UTF-8 text and import again"
        case .binary: return "the file is binary, not text; save the plan as plain text (.txt) or Markdown (.md)"
        case .noHeadings: return "no numbered headings (\"1. Extern service\", \"1.1 …\") or Markdown headings found; is this a plan?"
        case let .truncated(line, detail): return "the file ends abruptly at line \(line): \(detail)"
        case let .invalidJSON(detail): return "not a valid Agenda JSON export: \(detail)"
        case let .unsupportedFormatVersion(version): return "Agenda JSON format version \(version) is newer than this build understands"
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        }
    }
}
