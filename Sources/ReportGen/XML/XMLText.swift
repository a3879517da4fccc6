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
    /// one byte below 0x20, U+FFFE/U+FFFF are EF BF BE/EF BF BF. Every text of a report and a page
    /// passes here, almost all of them clean: eight bytes at a time are passed over when none of them
    /// is below 0x20 or 0xEF, and only the rest is looked at byte by byte.
    static func holdsForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let count = bytes.count
        var i = 0
        while i < count {
            if i + 8 <= count, let base = bytes.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let below20 = (word &- ones &* 0x20) & ~word & highs
                let ef = word ^ (ones &* 0xEF)
                if (below20 | ((ef &- ones) & ~ef & highs)) == 0 {
                    i += 8
                    continue
                }
            }
            for j in i..<min(i + 8, count) {
                let byte = bytes[j]
                if byte < 0x20, byte != 0x9, byte != 0xA, byte != 0xD { return true }
                if byte == 0xEF, j + 2 < count, bytes[j + 1] == 0xBF, bytes[j + 2] >= 0xBE { return true }
            }
            i += 8
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
