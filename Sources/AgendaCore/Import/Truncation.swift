/// Recognises a plan file that was cut off (an interrupted copy or download). The rule:
///
/// - the last thing in the file is a heading with nothing under it, or
/// - the last thing in the file is a known label with no text after it ("Effektmål:"), or
/// - the file does not end with a line break and its last line stops mid-sentence: an
///   opening bracket never closed, or a final comma, hyphen, dash or opening bracket.
///
/// A last line without a final line break or without a full stop is otherwise fine (Mölndal's ends so).
/// A plan that stops before its table of contents says it ends is found by ``TableOfContents``.
enum Truncation {
    /// The evidence that the file was cut off, nil when there is none.
    static func check(tokens: [LocatedToken], text: String, labels: LabelTable) -> ImportError? {
        guard let last = tokens.last(where: { $0.token != .blank }) else { return nil }
        switch last.token {
        case let .area(number, title):
            return ImportError.truncated(line: last.line, detail: "filen slutar vid rubriken \(Quoted.input("\(number). \(title)")) utan något under den")
        case let .subArea(code, _, title):
            return ImportError.truncated(line: last.line, detail: "filen slutar vid rubriken \(Quoted.input("\(code) \(title)")) utan något under den")
        case let .actionHeading(title):
            return ImportError.truncated(line: last.line, detail: "filen slutar vid rubriken \(Quoted.input(title)) utan något under den")
        case let .label(label) where label.value.isEmpty && labels.actionField(for: label.label) != nil:
            return ImportError.truncated(line: last.line, detail: "filen slutar vid rubriken \(Quoted.input(label.label + ":")) utan någon text efter den")
        default:
            break
        }
        guard !text.hasSuffix("\n"), !text.hasSuffix("\r") else { return nil }
        let lastLine = String(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).last ?? "")
        let trimmed = lastLine.trimmingWhitespace()
        let opened = trimmed.filter { $0 == "(" || $0 == "[" }.count
        let closed = trimmed.filter { $0 == ")" || $0 == "]" }.count
        if opened > closed || trimmed.hasSuffix(",") || trimmed.hasSuffix("-") || trimmed.hasSuffix("–") || trimmed.hasSuffix("(") {
            return ImportError.truncated(line: last.line, detail: "sista raden slutar mitt i en mening: \"…\(trimmed.suffix(40))\"")
        }
        return nil
    }
}
