import Foundation

/// Agenda's JSON export format (docs/json-format.md): an ``AgendaDocument`` as pretty-printed JSON
/// with sorted keys, so the same agenda always gives the same bytes.
public enum AgendaJSON {
    /// The document as UTF-8 JSON ending in a newline.
    public static func encode(_ document: AgendaDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(document)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads an export. Throws ``ImportError/invalidJSON(_:)`` for anything that is not an Agenda
    /// document (naming where in the document it went wrong), a key repeated within one object included, and
    /// ``ImportError/unsupportedFormatVersion(_:)`` for a document from a newer build.
    public static func decode(_ data: Data) throws -> AgendaDocument {
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw ImportError.invalidJSON(describe(error))
        }
        guard header.format == AgendaDocument.formatName else {
            throw ImportError.invalidJSON("format är \"\(header.format)\", väntade \"\(AgendaDocument.formatName)\"")
        }
        guard header.formatVersion <= AgendaDocument.currentFormatVersion else {
            throw ImportError.unsupportedFormatVersion(header.formatVersion)
        }
        guard header.formatVersion >= 1 else {
            throw ImportError.invalidJSON("formatVersion \(header.formatVersion) finns inte; versionerna börjar på 1")
        }
        if let path = JSONReader.firstRepeatedKey(in: String(decoding: data, as: UTF8.self)) {
            throw ImportError.invalidJSON("vid \(path): nyckeln förekommer två gånger i samma objekt; behåll en av dem")
        }
        do {
            return try decoder.decode(AgendaDocument.self, from: withoutForbiddenEscapes(data))
        } catch {
            throw ImportError.invalidJSON(describe(error))
        }
    }

    /// The document with every escaped character XML 1.0 forbids (`\u0007`, `\u001b`, `\uFFFF` …) removed,
    /// the same characters ``TextCleaner`` strips from typed text, so an imported string never carries them.
    /// (JSON does not allow them unescaped.) An escaped backslash before `u` is left alone.
    static func withoutForbiddenEscapes(_ data: Data) -> Data {
        guard let text = String(data: data, encoding: .utf8), text.contains("\\u") else { return data }
        let forbidden = /(?<lead>(?:^|[^\\])(?:\\\\)*)\\u(?:00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|[fF]{3}[eEfF])/
        var cleaned = text
        // Adjacent escapes share their lead, so one pass may leave every second one.
        while true {
            let next = cleaned.replacing(forbidden) { String($0.output.lead) }
            if next == cleaned { return Data(cleaned.utf8) }
            cleaned = next
        }
    }

    /// Read first, so that a newer document is reported as such rather than as malformed.
    private struct Header: Decodable {
        var format: String
        var formatVersion: Int
    }

    /// "vid actions[2].current.action.cost.staff[0].fullTimeEquivalent: väntade ett tal".
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ codingPath: [any CodingKey]) -> String {
            var result = ""
            for key in codingPath {
                if let index = key.intValue { result += "[\(index)]" } else { result += (result.isEmpty ? "" : ".") + key.stringValue }
            }
            return result.isEmpty ? "översta nivån" : result
        }
        switch error {
        case let .typeMismatch(type, context):
            return "vid \(path(context.codingPath)): väntade \(describe(type))"
        case let .valueNotFound(type, context):
            return "vid \(path(context.codingPath)): väntade \(describe(type)), fann null"
        case let .keyNotFound(key, context):
            return "vid \(path(context.codingPath + [key])): saknas"
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "inte JSON: \(underlying ?? context.debugDescription)"
            }
            return "vid \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "en sträng"
        case is Int.Type, is Double.Type: return "ett tal"
        case is Bool.Type: return "true eller false"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "en lista" : (name.hasPrefix("Dictionary") ? "ett objekt" : "en \(name)")
        }
    }
}
