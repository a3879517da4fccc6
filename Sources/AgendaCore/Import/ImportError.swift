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
        case .empty: return "filen är tom"
        case let .notUTF8(offset): return "filen är inte UTF-8-text (ogiltig byte på position \(offset)); spara den som UTF-8-text och importera igen"
        case .binary: return "filen är binär, inte text; spara planen som oformaterad text (.txt) eller Markdown (.md)"
        case .noHeadings: return "inga numrerade rubriker (\"1. Extern service\", \"1.1 …\") eller Markdown-rubriker hittades; är det här en plan?"
        case let .truncated(line, detail): return "filen tar slut tvärt på rad \(line): \(detail)"
        case let .incomplete(line, _, _, _): return "filen slutar på rad \(line)\(incompleteDetail)"
        case let .invalidJSON(detail): return "inte en giltig JSON-export från Agenda: \(detail)"
        case let .unsupportedFormatVersion(version): return "Agendas JSON-format version \(version) är nyare än den här versionen av Agenda förstår"
        case let .unreadable(path, reason): return "kan inte läsa \(path): \(reason)"
        }
    }

    /// " i "3.2 …", men dess innehållsförteckning tar upp 6 insatsområden till (4. Bredband, 5. E-hälsa, 6. Utbildning, …) och 21 delområden till efter det".
    private var incompleteDetail: String {
        guard case let .incomplete(_, lastHeading, areas, subAreas) = self else { return "" }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many) till" }
        func names(_ list: [String]) -> String {
            list.prefix(3).map { Quoted.excerpt($0) }.joined(separator: ", ") + (list.count > 3 ? ", …" : "")
        }
        var listed: String
        if areas.isEmpty {
            listed = "\(count(subAreas.count, "delområde", "delområden")) (\(names(subAreas)))"
        } else {
            listed = "\(count(areas.count, "insatsområde", "insatsområden")) (\(names(areas)))"
            if !subAreas.isEmpty { listed += " och \(count(subAreas.count, "delområde", "delområden"))" }
        }
        let place = lastHeading.map { " i \(Quoted.input($0))" } ?? ""
        return "\(place), men dess innehållsförteckning tar upp \(listed) efter det"
    }

    /// What `--allow-partial` prints instead of refusing a plan that was cut off; nil for errors
    /// that are not about where the plan ends.
    var partialImportWarning: ImportWarning? {
        switch self {
        case let .truncated(line, detail):
            return ImportWarning(line: line, message: "filen tar slut tvärt: \(detail); importerad så långt den räcker (--allow-partial)")
        case let .incomplete(line, _, _, _):
            return ImportWarning(line: line, message: "filen slutar här\(incompleteDetail); importerad så långt den räcker (--allow-partial)")
        default:
            return nil
        }
    }
}

extension ImportError: Refusal {
    /// A plan that cannot be imported as it is: the person's file, not the program, must change.
    public var kind: RefusalKind { .invalidInput }

    /// The plan stops early: importing what there is (`--allow-partial` in the CLI) is a choice.
    public var isCutOff: Bool {
        switch self {
        case .truncated, .incomplete: true
        default: false
        }
    }
}
