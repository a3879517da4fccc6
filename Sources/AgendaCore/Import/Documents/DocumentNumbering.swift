/// Formats list and heading numbers the way Word and LibreOffice display them.
enum NumberFormat: Equatable {
    case decimal, lowerLetter, upperLetter, lowerRoman, upperRoman
    /// A bullet: the item's marker is "-".
    case bullet
    /// No number shown (the text carries its own, or there is none).
    case none

    /// Word's `w:numFmt` value.
    init(word value: String) {
        switch value {
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "bullet": self = .bullet
        case "none": self = .none
        default: self = .decimal  // decimal, decimalZero and the rest show digits
        }
    }

    /// ODF's `style:num-format` value ("1", "a", "A", "i", "I", or empty).
    init(odf value: String?) {
        switch value {
        case "1": self = .decimal
        case "a": self = .lowerLetter
        case "A": self = .upperLetter
        case "i": self = .lowerRoman
        case "I": self = .upperRoman
        default: self = .none
        }
    }

    func format(_ number: Int) -> String {
        switch self {
        case .decimal: return String(number)
        case .lowerLetter: return Self.letters(number)
        case .upperLetter: return Self.letters(number).uppercased()
        case .lowerRoman: return Self.roman(number)
        case .upperRoman: return Self.roman(number).uppercased()
        case .bullet, .none: return ""
        }
    }

    /// a … z, then aa … zz (Word's and LibreOffice's way).
    private static func letters(_ number: Int) -> String {
        guard number > 0 else { return String(number) }
        let letter = Character(UnicodeScalar(UInt8(97 + (number - 1) % 26)))
        return String(repeating: letter, count: (number - 1) / 26 + 1)
    }

    private static func roman(_ number: Int) -> String {
        guard number > 0, number < 4000 else { return String(number) }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = number
        var result = ""
        for (value, digits) in table {
            while rest >= value {
                result += digits
                rest -= value
            }
        }
        return result
    }
}

/// The counters of one numbered sequence (a Word abstract numbering, an ODF list or the outline):
/// counting a level resets the levels below it, as both word processors do.
struct NumberCounters {
    private var values: [Int?] = Array(repeating: nil, count: 10)

    /// Counts an item at `level` (0-based) and returns its number; `start` is the level's first number.
    mutating func count(level: Int, start: Int) -> Int {
        let level = min(max(level, 0), values.count - 1)
        let value = (values[level] ?? start - 1) + 1
        values[level] = value
        for deeper in (level + 1)..<values.count { values[deeper] = nil }
        return value
    }

    /// Makes the next item at `level` get `start`.
    mutating func restart(level: Int, at start: Int) {
        let level = min(max(level, 0), values.count - 1)
        values[level] = start - 1
    }

    /// The current number of `level`, or `start` when nothing was counted there yet.
    func current(level: Int, start: Int) -> Int {
        guard level >= 0, level < values.count else { return start }
        return values[level] ?? start
    }
}
