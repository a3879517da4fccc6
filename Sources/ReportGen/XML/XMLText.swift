/// Text made safe for XML 1.0 before it reaches libxml2.
enum XMLText {
    /// `text` without the characters XML 1.0 forbids: control characters other than
    /// tab, line feed and carriage return, and U+FFFE/U+FFFF. (Swift strings hold no lone surrogates.)
    static func clean(_ text: String) -> String {
        var text = text
        guard text.withUTF8(holdsForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(allowed))
        return String(scalars)
    }

    /// Whether UTF-8 `bytes` hold a character XML 1.0 forbids: a control character below U+0020 is
    /// one byte below 0x20, U+FFFE/U+FFFF are EF BF BE/EF BF BF. A byte scan: every text of a
    /// report passes here, almost all of them clean.
    static func holdsForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in bytes.indices {
            let byte = bytes[i]
            if byte < 0x20, byte != 0x9, byte != 0xA, byte != 0xD { return true }
            if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return true }
        }
        return false
    }

    static func allowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
