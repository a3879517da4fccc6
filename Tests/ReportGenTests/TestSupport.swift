import CLibXML2
import Foundation
import Testing
import ZIPFoundation
@testable import ReportGen

/// Collects libxml2's structured errors for one parse or validation.
final class XMLErrorLog {
    var messages: [String] = []

    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let log = Unmanaged<XMLErrorLog>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        log.messages.append("line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
}

/// A parsed document, freed when the owner goes away.
final class ParsedXML {
    let doc: xmlDocPtr

    /// Parses `data` strictly (no recovery); throws the parser's message on any error.
    init(_ data: Data, name: String) throws {
        let ctxt = xmlNewParserCtxt()
        defer { xmlFreeParserCtxt(ctxt) }
        let parsed = data.withUnsafeBytes { raw in
            xmlCtxtReadMemory(ctxt, raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
        }
        guard let parsed, ctxt?.pointee.wellFormed == 1 else {
            if let parsed { xmlFreeDoc(parsed) }
            throw TestFailure("\(name) is not well-formed: \(XMLWriter.lastError())")
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: xmlNodePtr { xmlDocGetRootElement(doc)! }

    /// All text content of the document.
    var text: String { Self.text(of: root) }

    /// All text content of `node`.
    static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { content.deallocate() }
        return String(cString: content)
    }

    /// The value of `node`'s attribute `name` (by local name), or nil when it has none.
    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { value.deallocate() }
        return String(cString: value)
    }

    /// The first element with the qualified name `name` in document order.
    func first(_ name: String, under node: xmlNodePtr? = nil) -> xmlNodePtr? {
        all(name, under: node).first
    }

    /// Every element with the qualified name `name` under `node` (the whole document by default), in document order.
    func all(_ name: String, under node: xmlNodePtr? = nil) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var stack = [node ?? root]
        while let current = stack.popLast() {
            if current.pointee.type == XML_ELEMENT_NODE && XMLTree.qualifiedName(of: current) == name { found.append(current) }
            stack += XMLTree.elementChildren(of: current).reversed()
        }
        return found
    }

    /// Counts elements with the given local name.
    func count(localName: String) -> Int {
        var n = 0
        var stack = [root]
        while let current = stack.popLast() {
            if String(cString: current.pointee.name) == localName { n += 1 }
            stack += XMLTree.elementChildren(of: current)
        }
        return n
    }

    /// `node` serialised by libxml2, for comparing subtrees of two documents.
    func serialise(_ node: xmlNodePtr) -> String {
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        xmlNodeDump(buffer, doc, node, 0, 0)
        return String(cString: xmlBufferContent(buffer))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Support {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding the OpenDocument 1.3 schemas: $AGENDA_ODF_SCHEMA_DIR when set, else the package's schemas/.
    static let schemaDirectory: URL = ProcessInfo.processInfo.environment["AGENDA_ODF_SCHEMA_DIR"].map { URL(fileURLWithPath: $0) }
        ?? packageRoot.appendingPathComponent("schemas", isDirectory: true)

    static func tempDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `model` in every format into a fresh folder.
    static func writeAll(_ model: ReportModel = Fixture.model) throws -> [ReportFormat: URL] {
        let dir = try tempDirectory()
        let templates = try TemplateSet.load(from: nil)
        var result: [ReportFormat: URL] = [:]
        for format in ReportFormat.allCases {
            let url = dir.appendingPathComponent(ReportFile.fileName(for: model.period, format: format))
            try ReportWriter.write(model, format: format, to: url, templates: templates)
            result[format] = url
        }
        return result
    }

    /// The entries of a zip package in stored order, with their bytes, read by ZIPFoundation;
    /// throws when an entry's bytes do not have the CRC-32 its header records.
    static func entries(of url: URL) throws -> [(entry: Entry, data: Data)] {
        let archive = try Archive(url: url, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            let checksum = try archive.extract(entry) { data.append($0) }
            guard checksum == entry.checksum else {
                throw TestFailure("\(url.lastPathComponent)/\(entry.path): CRC-32 \(checksum) of the bytes, \(entry.checksum) in the header")
            }
            return (entry, data)
        }
    }

    /// Validates `data` against a RELAX NG schema with libxml2; returns the errors (empty = valid).
    static func relaxNGErrors(_ data: Data, name: String, schema: URL) throws -> [String] {
        guard let parserContext = xmlRelaxNGNewParserCtxt(schema.path) else { throw TestFailure("cannot read \(schema.path)") }
        defer { xmlRelaxNGFreeParserCtxt(parserContext) }
        guard let compiled = xmlRelaxNGParse(parserContext) else { throw TestFailure("libxml2 cannot compile \(schema.path)") }
        defer { xmlRelaxNGFree(compiled) }
        let document = try ParsedXML(data, name: name)
        let log = XMLErrorLog()
        let validContext = xmlRelaxNGNewValidCtxt(compiled)
        defer { xmlRelaxNGFreeValidCtxt(validContext) }
        xmlRelaxNGSetValidStructuredErrors(validContext, XMLErrorLog.callback, Unmanaged.passUnretained(log).toOpaque())
        let result = withExtendedLifetime(log) { xmlRelaxNGValidateDoc(validContext, document.doc) }
        if result != 0 && log.messages.isEmpty { log.messages.append("invalid (code \(result))") }
        return log.messages
    }
}
