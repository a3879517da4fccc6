import Foundation
import ZIPFoundation

/// Puts an ``ODFDocumentWriter``'s parts together: one flat XML file (.fodt/.fods), or a zip
/// package (.odt/.ods) with `mimetype` first and stored, then the XML parts and the manifest.
enum ODFPackager {
    static let namespaces: KeyValuePairs<String, String> = [
        "xmlns:office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "xmlns:style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "xmlns:text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "xmlns:table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "xmlns:draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "xmlns:fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "xmlns:xlink": "http://www.w3.org/1999/xlink",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        "xmlns:meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "xmlns:number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
        "xmlns:svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "xmlns:config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
        "xmlns:of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
    ]

    /// The time stamp of every zip entry, so packages are byte-identical run to run: 1980-01-01 00:00 UTC.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    static func startRoot(_ w: XMLWriter, _ name: String, mimetype: String? = nil) throws {
        try w.start(name)
        for (key, value) in namespaces { try w.attribute(key, value) }
        try w.attribute("office:version", "1.3")
        if let mimetype { try w.attribute("office:mimetype", mimetype) }
    }

    /// One `office:document` holding every part.
    static func writeFlat(_ document: some ODFDocumentWriter, to url: URL) throws {
        let template = try document.styleTemplate()
        let w = try XMLWriter(fileURL: url)
        try w.startDocument()
        try startRoot(w, "office:document", mimetype: document.kind.mediaType)
        try w.element("office:meta") { try document.writeMeta(w) }
        try writeSettingsElement(document, w)
        try w.element("office:font-face-decls") { try template.copyChildren(of: "office:font-face-decls", to: w) }
        try w.element("office:styles") { try template.copyChildren(of: "office:styles", to: w) }
        try w.element("office:automatic-styles") {
            try template.copyChildren(of: "office:automatic-styles", to: w)
            try document.writeContentAutomaticStyles(w)
        }
        try w.element("office:master-styles") { try template.copyChildren(of: "office:master-styles", to: w) }
        try w.element("office:body") { try document.writeBody(w) }
        try w.end()
        try w.endDocument()
    }

    static func writeSettingsElement(_ document: some ODFDocumentWriter, _ w: XMLWriter) throws {
        try w.element("office:settings") { try document.writeSettings(w) }
    }

    /// The package parts in the order they go into the zip after `mimetype`.
    static let partNames = ["content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml"]

    /// Writes each part to a file in `directory` (a private temporary folder).
    static func writeParts(_ document: some ODFDocumentWriter, in directory: URL) throws {
        let template = try document.styleTemplate()
        func part(_ name: String, _ body: (XMLWriter) throws -> Void) throws {
            let w = try XMLWriter(fileURL: directory.appendingPathComponent(name))
            try w.startDocument()
            try body(w)
            try w.endDocument()
        }
        try part("content.xml") { w in
            try startRoot(w, "office:document-content")
            try w.element("office:font-face-decls") { try template.copyChildren(of: "office:font-face-decls", to: w) }
            try w.element("office:automatic-styles") {
                try template.copyChildren(of: "office:automatic-styles", to: w)
                try document.writeContentAutomaticStyles(w)
            }
            try w.element("office:body") { try document.writeBody(w) }
            try w.end()
        }
        try part("styles.xml") { w in
            try startRoot(w, "office:document-styles")
            try w.element("office:font-face-decls") { try template.copyChildren(of: "office:font-face-decls", to: w) }
            try w.element("office:styles") { try template.copyChildren(of: "office:styles", to: w) }
            try w.element("office:automatic-styles") { try template.copyChildren(of: "office:automatic-styles", to: w) }
            try w.element("office:master-styles") { try template.copyChildren(of: "office:master-styles", to: w) }
            try w.end()
        }
        try part("meta.xml") { w in
            try startRoot(w, "office:document-meta")
            try w.element("office:meta") { try document.writeMeta(w) }
            try w.end()
        }
        try part("settings.xml") { w in
            try startRoot(w, "office:document-settings")
            try writeSettingsElement(document, w)
            try w.end()
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("META-INF"), withIntermediateDirectories: true)
        try part("META-INF/manifest.xml") { w in
            try w.start("manifest:manifest")
            try w.attribute("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")
            try w.attribute("manifest:version", "1.3")
            try w.empty("manifest:file-entry", ["manifest:full-path": "/", "manifest:version": "1.3", "manifest:media-type": document.kind.mediaType])
            for name in partNames.dropLast() {
                try w.empty("manifest:file-entry", ["manifest:full-path": name, "manifest:media-type": "text/xml"])
            }
            try w.end()
        }
    }

    /// The zip container: `mimetype` first and uncompressed, then the parts, deflated, with fixed dates.
    static func writePackage(_ document: some ODFDocumentWriter, to url: URL) throws {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("agenda-odf-\(UUID().uuidString)", isDirectory: true)
        do {
            try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(file: scratch.path, reason: error.localizedDescription)
        }
        defer { try? fm.removeItem(at: scratch) }
        try writeParts(document, in: scratch)

        if fm.fileExists(atPath: url.path) {
            do { try fm.removeItem(at: url) } catch { throw ReportError.output(file: url.path, reason: error.localizedDescription) }
        }
        do {
            let archive = try Archive(url: url, accessMode: .create)
            let mimetype = Data(document.kind.mediaType.utf8)
            try archive.addEntry(
                with: "mimetype", type: .file, uncompressedSize: Int64(mimetype.count), modificationDate: entryDate,
                permissions: 0o644, compressionMethod: .none
            ) { position, size in
                mimetype.subdata(in: Int(position)..<Int(position) + size)
            }
            for name in partNames {
                let data = try Data(contentsOf: scratch.appendingPathComponent(name))
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.output(file: url.path, reason: "packaging failed: \(error)")
        }
    }
}
