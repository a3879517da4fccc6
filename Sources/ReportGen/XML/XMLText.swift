/// Text made safe for XML 1.0 before it reaches libxml2.
enum XMLText {
    /// `text` without the characters XML 1.0 forbids: control characters other than
    /// tab, line feed and carriage return, and U+FFFE/U+FFFF. (Swift strings hold no lone surrogates.)
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !allowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(allowed))
        return String(scalars)
    }

    static func allowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
