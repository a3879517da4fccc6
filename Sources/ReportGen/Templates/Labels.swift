import AgendaCore
/// The Swedish texts of a report, read from `labels-sv.tsv`.
struct Labels: Sendable, Equatable {
    private let values: [String: String]
    let file: String

    init(values: [String: String], file: String) {
        self.values = values
        self.file = file
    }

    /// The text for `key`, with `%1`, `%2`, … replaced by `arguments`.
    /// Keys are checked when the template set loads (``TemplateSet/requiredLabelKeys``), so a miss is a programming error.
    subscript(_ key: String, _ arguments: String...) -> String { text(key, arguments) }

    /// The text for `key`, with `%1`, `%2`, … replaced by `arguments`.
    func text(_ key: String, _ arguments: [String]) -> String {
        let raw = values[key] ?? key
        // Most labels take no argument: nothing to substitute, no copy character by character.
        guard !arguments.isEmpty, raw.utf8.contains(UInt8(ascii: "%")) else { return raw }
        // One pass over the bytes ("%" and digits are ASCII), so an argument that itself contains
        // "%2" is never substituted again.
        let template = Array(raw.utf8)
        var text: [UInt8] = []
        var i = 0
        while i < template.count {
            let next = i + 1 < template.count ? Int(template[i + 1]) - Int(UInt8(ascii: "0")) : 0
            if template[i] == UInt8(ascii: "%"), next >= 1, next <= min(arguments.count, 9) {
                text += arguments[next - 1].utf8
                i += 2
            } else {
                text.append(template[i])
                i += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    func status(_ category: StatusCategory) -> String { self["status.\(category.key)"] }
    func symbol(_ category: StatusCategory) -> String { self["symbol.\(category.key)"] }
    /// "● Klar": the symbol and the word, so status never rests on colour or shape alone.
    func statusWithSymbol(_ category: StatusCategory) -> String { "\(symbol(category)) \(status(category))" }
    func light(_ light: TrafficLight) -> String { "\(self["lightSymbol.\(light.rawValue)"]) \(self["light.\(light.rawValue)"])" }
    func yesNo(_ value: Bool) -> String { value ? self["yes"] : self["no"] }

    func contains(_ key: String) -> Bool { values[key] != nil }
}
