import Foundation

/// A `key<TAB>text` file of the template set (labels, organisation, theme …): one entry per line, `#` starts a comment line.
struct KeyValueFile: Sendable, Equatable {
    var values: [String: String]

    /// Parses a file's bytes; errors name `file`.
    ///
    /// Lines, tabs and ASCII spaces are found by byte: every report reads the labels file at start, and
    /// splitting it by Character, or even by Unicode scalar, was a tenth of a municipal report's time. Only
    /// a key or text that begins or ends with another byte is trimmed by scalar (``trimmingSpaces()``).
    init(data: Data, file: String) throws {
        guard String(data: data, encoding: .utf8) != nil else {
            throw ReportError.templateMalformed(file: file, reason: "kan inte läsas som UTF-8-text")
        }
        let bytes = [UInt8](data)
        var values: [String: String] = [:]
        values.reserveCapacity(bytes.count / 32)
        var start = 0, number = 0
        while start <= bytes.count {
            let next = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { start = next + 1 }
            number += 1
            let end = next > start && bytes[next - 1] == UInt8(ascii: "\r") ? next - 1 : next
            let line = bytes[start..<end]
            if line.first == UInt8(ascii: "#") || Self.trimmed(line).isEmpty { continue }
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else {
                throw ReportError.templateMalformed(file: file, reason: "rad \(number) saknar tabb mellan nyckel och text")
            }
            let key = Self.trimmed(line[..<tab])
            guard !key.isEmpty else {
                throw ReportError.templateMalformed(file: file, reason: "rad \(number) har en tom nyckel")
            }
            guard values.updateValue(Self.trimmed(line[(tab + 1)...]), forKey: key) == nil else {
                throw ReportError.templateMalformed(file: file, reason: "rad \(number) upprepar nyckeln \"\(key)\"")
            }
        }
        self.values = values
    }

    /// The bytes as text without the spaces and tabs around it (and any other Unicode space separator).
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        let text = String(decoding: bytes[first...last], as: UTF8.self)
        return bytes[first] < 0x80 && bytes[last] < 0x80 ? text : text.trimmingSpaces()
    }
}
