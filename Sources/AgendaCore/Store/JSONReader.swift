/// A strict reader of one JSON document (RFC 8259) from the UTF-8 bytes of a Swift String; nil for
/// anything malformed.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The one value the bytes hold, with nothing but whitespace around it.
    mutating func document() -> JSONValue? {
        guard let result = value() else { return nil }
        skipSpace()
        return i == bytes.count ? result : nil
    }

    mutating func value() -> JSONValue? {
        skipSpace()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    mutating func array() -> JSONValue? {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return .array(items) }
        repeat {
            guard let item = value() else { return nil }
            items.append(item)
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? .array(items) : nil
    }

    mutating func object() -> JSONValue? {
        i += 1
        var fields: [String: JSONValue] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) { return .object(fields) }
        repeat {
            skipSpace()
            // A repeated key makes the object malformed; `firstRepeatedKey` says where.
            guard let key = string(), skipSpaceThen(UInt8(ascii: ":")), let item = value(), fields[key] == nil else { return nil }
            fields[key] = item
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? .object(fields) : nil
    }

    /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?: an integer when it has neither fraction nor
    /// exponent and fits in 64 bits, else a double.
    mutating func number() -> JSONValue? {
        let start = i
        _ = take(UInt8(ascii: "-"))
        if !take(UInt8(ascii: "0")), digits() == 0 { return nil }
        var integral = true
        if take(UInt8(ascii: ".")) {
            integral = false
            if digits() == 0 { return nil }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            integral = false
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            if digits() == 0 { return nil }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if integral, let value = Int64(text) { return .integer(value) }
        return Double(text).map(JSONValue.number)
    }

    mutating func digits() -> Int {
        let start = i
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] { return false }
        i += count
        return true
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    mutating func skipSpaceThen(_ byte: UInt8) -> Bool {
        skipSpace()
        return take(byte)
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// A string from its opening quote, escapes resolved; nil for a control character, a bad
    /// escape or a lone surrogate. The bytes come from a Swift String, so they are valid UTF-8, and
    /// cutting them at ASCII quotes and backslashes keeps them so: decoding them repairs nothing.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var utf8: [UInt8] = []
        var escaped = false
        var start = i
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                defer { i += 1 }
                if !escaped { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self) }
                utf8.append(contentsOf: bytes[start..<i])
                return String(decoding: utf8, as: UTF8.self)
            }
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else {
                i += 1
                continue
            }
            escaped = true
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

    /// Where the document first repeats a key within one object, as a path
    /// ("actions[2].current.action.code"); nil when no object does (or the document is malformed,
    /// which the decoder reports). JSONDecoder silently keeps one of the values, so an import asks this first.
    static func firstRepeatedKey(in text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONReader(bytes: bytes)
            guard case let .repeated(path) = reader.scanKeys() else { return nil }
            return path.isEmpty ? "översta nivån" : path
        }
    }

    enum KeyScan {
        case unique, malformed
        /// The path below the value scanned, built on the way back up.
        case repeated(String)
    }

    /// Reads one value, checking every object in it for a repeated key.
    mutating func scanKeys() -> KeyScan {
        skipSpace()
        guard i < bytes.count else { return .malformed }
        switch bytes[i] {
        case UInt8(ascii: "["):
            i += 1
            skipSpace()
            if take(UInt8(ascii: "]")) { return .unique }
            var index = 0
            repeat {
                switch scanKeys() {
                case .unique: break
                case .malformed: return .malformed
                case let .repeated(path): return .repeated("[\(index)]" + (path.hasPrefix("[") || path.isEmpty ? path : ".\(path)"))
                }
                index += 1
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .unique : .malformed
        case UInt8(ascii: "{"):
            i += 1
            var keys = Set<String>()
            skipSpace()
            if take(UInt8(ascii: "}")) { return .unique }
            repeat {
                skipSpace()
                guard let key = string(), skipSpaceThen(UInt8(ascii: ":")) else { return .malformed }
                guard keys.insert(key).inserted else { return .repeated(key) }
                switch scanKeys() {
                case .unique: break
                case .malformed: return .malformed
                case let .repeated(path): return .repeated(key + (path.hasPrefix("[") ? path : ".\(path)"))
                }
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? .unique : .malformed
        default:
            return value() == nil ? .malformed : .unique
        }
    }
}
