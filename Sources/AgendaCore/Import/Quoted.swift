/// How an import warning or error quotes the plan's own text: in double quotes, at most the
/// first ``limit`` characters, "…" where it was cut. Every message that quotes input goes through
/// here, so a 5 MB line without a line break gives a warning of a few hundred characters, not 5 MB.
enum Quoted {
    /// Characters of input a message quotes at most.
    static let limit = 200

    /// `text` in double quotes, cut to its first ``limit`` characters with a final "…".
    static func input(_ text: some StringProtocol) -> String {
        "\"" + excerpt(text) + "\""
    }

    /// Characters of a typed value a refusal echoes at most (an unknown code, a name).
    static let refusalLimit = 100

    /// A typed value as a refusal echoes it: in double quotes, at most ``refusalLimit`` characters.
    static func text(_ text: some StringProtocol) -> String {
        "\"" + excerpt(text, limit: refusalLimit) + "\""
    }

    /// `text` cut to its first `limit` characters with a final "…", without quotes. A line break or
    /// other control character inside it (a vertical tab, a line separator) becomes a space, so that a
    /// message quoting input stays on one line.
    static func excerpt(_ text: some StringProtocol, limit: Int = limit) -> String {
        var excerpt = ""
        var count = 0
        for character in text {
            if count == limit { return excerpt + "…" }
            let control = character.isNewline || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            excerpt.append(control ? " " : character)
            count += 1
        }
        return excerpt
    }
}
