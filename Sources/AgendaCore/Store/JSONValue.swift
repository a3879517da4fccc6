import Foundation

/// Any JSON value: what ``JSONReader`` reads, what the store's list columns are read from
/// (``StoredList``) and how the audit log's stored JSON text is printed as JSON rather than as a string.
enum JSONValue: Codable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(parsing text: String) throws {
        var text = text
        guard let value = text.withUTF8({ bytes -> JSONValue? in
            var reader = JSONReader(bytes: bytes)
            return reader.document()
        }) else {
            // JSONDecoder says what is wrong.
            self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            return
        }
        self = value
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { fields[key] } else { nil }
    }
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var int: Int? {
        switch self {
        case .integer(let n): Int(exactly: n)
        case .number(let d): Int(exactly: d)
        default: nil
        }
    }
    var double: Double? {
        switch self {
        case .integer(let n): Double(n)
        case .number(let d): d
        default: nil
        }
    }
    var ints: [Int]? {
        guard case .array(let items) = self else { return nil }
        var result: [Int] = []
        for item in items {
            guard let n = item.int else { return nil }
            result.append(n)
        }
        return result
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}
