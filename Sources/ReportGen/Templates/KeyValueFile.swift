import Foundation

/// A `key<TAB>value` file with `#` comment lines, as the label, organisation and theme templates are written.
struct KeyValueFile: Sendable, Equatable {
    var values: [String: String]

    /// Parses a file's bytes; errors name `file`.
    init(data: Data, file: String) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError.templateMalformed(file: file, reason: "kan inte läsas som UTF-8-text")
        }
        var values: [String: String] = [:]
        // Lines and tabs are found by Unicode scalar: splitting by Character (grapheme breaking)
        // was a tenth of the time of a municipal report.
        for (number, scalars) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(scalars.last == "\r" ? scalars.dropLast() : scalars)
            if line.trimmingSpaces().isEmpty || line.hasPrefix("#") { continue }
            guard let tab = line.unicodeScalars.firstIndex(of: "\t") else {
                throw ReportError.templateMalformed(file: file, reason: "rad \(number + 1) saknar tabb mellan nyckel och text")
            }
            let key = line[..<tab].trimmingSpaces()
            guard !key.isEmpty else {
                throw ReportError.templateMalformed(file: file, reason: "rad \(number + 1) har en tom nyckel")
            }
            guard values[key] == nil else {
                throw ReportError.templateMalformed(file: file, reason: "rad \(number + 1) upprepar nyckeln \"\(key)\"")
            }
            values[key] = String(line[line.unicodeScalars.index(after: tab)...]).trimmingSpaces()
        }
        self.values = values
    }
}
