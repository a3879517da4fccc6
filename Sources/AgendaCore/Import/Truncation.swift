/// Recognises a plan file that was cut off (an interrupted copy or download). The rule:
///
/// - the last thing in the file is a heading with nothing under it, or
/// - the last thing in the file is a known label with no text after it ("Effektmål:"), or
/// - the file does not end with a line break and its last line stops mid-sentence: an
///   opening bracket never closed, or a final comma, hyphen, dash or opening bracket.
///
/// A last line without a final line break is otherwise fine (Mölndal's ends so).
enum Truncation {
    static func check(tokens: [LocatedToken], text: String, labels: LabelTable) throws {
        guard let last = tokens.last(where: { $0.token != .blank }) else { return }
        switch last.token {
        case let .area(number, title):
            throw ImportError.truncated(line: last.line, detail: "the file ends at the heading \"\(number). \(title)\" with nothing under it")
        case let .subArea(code, _, title):
            throw ImportError.truncated(line: last.line, detail: "the file ends at the heading \"\(code) \(title)\" with nothing under it")
        case let .actionHeading(title):
            throw ImportError.truncated(line: last.line, detail: "the file ends at the heading \"\(title)\" with nothing under it")
        case let .label(label) where label.value.isEmpty && labels.actionField(for: label.label) != nil:
            throw ImportError.truncated(line: last.line, detail: "the file ends at the label \"\(label.label):\" with no text after it")
        default:
            break
        }
        guard !text.hasSuffix("\n"), !text.hasSuffix("\r") else { return }
        let lastLine = String(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).last ?? "")
        let trimmed = lastLine.trimmingWhitespace()
        let opened = trimmed.filter { $0 == "(" || $0 == "[" }.count
        let closed = trimmed.filter { $0 == ")" || $0 == "]" }.count
        if opened > closed || trimmed.hasSuffix(",") || trimmed.hasSuffix("-") || trimmed.hasSuffix("–") || trimmed.hasSuffix("(") {
            throw ImportError.truncated(line: last.line, detail: "the last line stops mid-sentence: \"…\(trimmed.suffix(40))\"")
        }
    }
}
