/// Removes what XML 1.0 forbids from user text before it is stored: control characters other
/// than tab, line feed and carriage return (C0, DEL and C1), and the non-characters U+FFFE/U+FFFF.
/// Everything else — markup-looking text included — is kept literally; escaping is the writers' job.
public enum TextCleaner {
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
