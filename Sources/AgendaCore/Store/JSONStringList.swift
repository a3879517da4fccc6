/// Reads a JSON array of strings — how the store keeps effect goals, responsibility notes and other
/// text lists — without JSONDecoder, which costs tens of thousands of instructions per call: the
/// lists of a large plan were a tenth of reading it for a report.
///
/// Strict: anything but an array of strings in valid JSON gives nil, and the caller falls back
/// to JSONDecoder, which reads it or says what is wrong.
enum JSONStringList {
    static func parse(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.list()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func list() -> [String]? {
            skipSpace()
            guard take(UInt8(ascii: "[")) else { return nil }
            var result: [String] = []
            skipSpace()
            if !take(UInt8(ascii: "]")) {
                repeat {
                    skipSpace()
                    guard let string = string() else { return nil }
                    result.append(string)
                    skipSpace()
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "]")) else { return nil }
            }
            skipSpace()
            return i == bytes.count ? result : nil
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        /// A string from its opening quote, escapes resolved.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var utf8: [UInt8] = []
            var start = i
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\"") {
                    utf8.append(contentsOf: bytes[start..<i])
                    i += 1
                    return String(validating: utf8, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                guard byte == UInt8(ascii: "\\") else {
                    i += 1
                    continue
                }
                utf8.append(contentsOf: bytes[start..<i])
                i += 1
                guard i < bytes.count else { return nil }
                let escape = bytes[i]
                i += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = escapedScalar() else { return nil }
                    utf8.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
                start = i
            }
            return nil
        }

        /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair written as two escapes.
        mutating func escapedScalar() -> Unicode.Scalar? {
            guard let first = hex4() else { return nil }
            guard (0xD800..<0xDC00).contains(first) else { return Unicode.Scalar(first) }
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let second = hex4(), (0xDC00..<0xE000).contains(second)
            else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Character(Unicode.Scalar(bytes[i])).hexDigitValue else { return nil }
                value = value << 4 | UInt32(digit)
                i += 1
            }
            return value
        }
    }
}
