/// Removes what XML 1.0 forbids from user text before it is stored: control characters other
/// than tab, line feed and carriage return (C0, DEL and C1), the non-characters U+FFFE/U+FFFF, and the
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible, they make
/// text read in another order than it is stored ("Trojan Source"), and a report never needs them.
/// Everything else — markup-looking text included — is kept literally; escaping is the writers' job.
public enum TextCleaner {
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// `text` without bidirectional embeddings, overrides and isolates, and nothing else removed: for names,
    /// which refuse control characters instead of dropping them (``Validation/nameProblem(_:)``).
    public static func withoutBidiControls(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isBidiControl($0) })
        return String(scalars)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        case 0xFFFE, 0xFFFF: false
        default: !isBidiControl(scalar)
        }
    }
}
