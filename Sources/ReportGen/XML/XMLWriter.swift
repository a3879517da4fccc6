import CLibXML2
import Foundation

/// Where a streaming ``XMLWriter`` sends the bytes libxml2 has written, as they come (a zip entry).
protocol XMLOutput: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// The one Swift owner of an `xmlTextWriterPtr`: streams a document to a file, to memory or to an ``XMLOutput``.
///
/// Every call checks libxml2's return code; text and attribute values are cleaned of
/// characters XML forbids and escaped by libxml2, never spliced by hand.
final class XMLWriter {
    private let writer: xmlTextWriterPtr
    private let buffer: xmlBufferPtr?
    /// The context of libxml2's output callbacks when writing to an ``XMLOutput``; kept alive as long as the writer.
    private let bridge: OutputBridge?
    /// The file a file writer writes to; libxml2 flushes it but leaves closing it to us.
    private var file: UnsafeMutablePointer<FILE>? = nil
    private var fileBuffer: UnsafeMutablePointer<CChar>? = nil
    private static let fileBufferSize = 1 << 20
    /// Named in errors: the output path or the document part.
    let context: String

    /// Streams to the file at `url`, replacing it. libxml2 hands over 4 kB at a time; a 1 MB stdio
    /// buffer in between makes that a few hundred writes for a national report instead of 24 000.
    init(fileURL url: URL) throws {
        guard let file = fopen(url.path, "wb") else {
            throw ReportError.xmlWrite(context: url.path, operation: "att öppna filen", detail: String(cString: strerror(errno)))
        }
        // glibc ignores the size when it is not given the buffer itself.
        let fileBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Self.fileBufferSize)
        setvbuf(file, fileBuffer, _IOFBF, Self.fileBufferSize)
        let writer: xmlTextWriterPtr
        do {
            guard let out = xmlOutputBufferCreateFile(file, nil) else {
                throw ReportError.xmlWrite(context: url.path, operation: "att öppna filen", detail: XMLWriter.lastError())
            }
            writer = try Self.newWriter(out, context: url.path)
        } catch {
            // The output buffer, if made, is closed by newWriter; it only flushes the file, never closes it.
            fclose(file)
            fileBuffer.deallocate()
            throw error
        }
        self.writer = writer
        self.buffer = nil
        self.bridge = nil
        self.file = file
        self.fileBuffer = fileBuffer
        self.context = url.path
    }

    /// Streams to `output` through libxml2's output buffer (in chunks of a few kB); `context` names
    /// the document in errors. An error `output` throws is rethrown by the call during which it happened.
    init(output: some XMLOutput, context: String) throws {
        let bridge = OutputBridge(output)
        guard let out = xmlOutputBufferCreateIO(OutputBridge.write, nil, Unmanaged.passUnretained(bridge).toOpaque(), nil) else {
            throw ReportError.xmlWrite(context: context, operation: "att skapa en utbuffert", detail: XMLWriter.lastError())
        }
        self.writer = try Self.newWriter(out, context: context)
        self.buffer = nil
        self.bridge = bridge
        self.context = context
    }

    /// Writes into memory; read the result with ``data``.
    init(memoryContext context: String) throws {
        // 32 KiB at once: a page of the web is 3–20 KiB, so its buffer seldom grows.
        guard let buffer = xmlBufferCreateSize(32 * 1024) else {
            throw ReportError.xmlWrite(context: context, operation: "creating a buffer", detail: "")
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw ReportError.xmlWrite(context: context, operation: "creating a writer", detail: XMLWriter.lastError())
        }
        self.writer = writer
        self.buffer = buffer
        self.bridge = nil
        self.context = context
    }

    /// A text writer over `out`, which it then owns. When libxml2 cannot make one, `out` is still
    /// ours: it is closed here (freeing it and its encoder; a file's close callback only flushes).
    private static func newWriter(_ out: xmlOutputBufferPtr, context: String) throws -> xmlTextWriterPtr {
        guard let writer = xmlNewTextWriter(out) else {
            xmlOutputBufferClose(out)
            throw ReportError.xmlWrite(context: context, operation: "creating a writer", detail: XMLWriter.lastError())
        }
        return writer
    }

    deinit {
        xmlFreeTextWriter(writer)
        if let buffer { xmlBufferFree(buffer) }
        if let file { fclose(file) }
        fileBuffer?.deallocate()
    }

    /// What a memory writer has written so far (call after ``endDocument()``).
    var data: Data {
        guard let buffer, let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }

    private func check(_ result: Int32, _ operation: @autoclosure () -> String) throws {
        if let error = bridge?.error { throw error }
        if result < 0 {
            throw ReportError.xmlWrite(context: context, operation: operation(), detail: XMLWriter.lastError())
        }
    }

    static func lastError() -> String {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return "" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` as libxml2's `const xmlChar *` while `body` runs. `withCString` lends a native string's
    /// own NUL-terminated bytes; passing a String where a pointer is expected copies it into a new
    /// array first, which was a tenth of writing a large report.
    private static func withXMLChars(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Int32) -> Int32 {
        text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "att börja dokumentet")
    }

    func endDocument() throws {
        try check(xmlTextWriterEndDocument(writer), "att avsluta dokumentet")
        try check(xmlTextWriterFlush(writer), "att tömma bufferten")
        if let file, fflush(file) != 0 || ferror(file) != 0 {
            throw ReportError.xmlWrite(context: context, operation: "att skriva filen", detail: String(cString: strerror(errno)))
        }
    }

    /// `<!DOCTYPE name>` with no public or system identifier.
    /// Starts an XHTML5 document in Swedish: the XML declaration (unless `declaration` is false, for
    /// polyglot pages served as text/html), `<!DOCTYPE html>` and the opened
    /// `<html xmlns=… lang="sv" xml:lang="sv">` (reports, web pages and the public site alike).
    func startXHTML(declaration: Bool = true) throws {
        if declaration { try startDocument() }
        try doctype("html")
        try start("html")
        try attribute("xmlns", "http://www.w3.org/1999/xhtml")
        try attribute("lang", "sv")
        try attribute("xml:lang", "sv")
    }

    func doctype(_ name: String) throws {
        try check(xmlTextWriterWriteDTD(writer, name, nil, nil, nil), "att skriva doctype")
    }

    func start(_ name: String) throws {
        try check(Self.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "att börja <\(name)>")
    }

    func end() throws {
        try check(xmlTextWriterEndElement(writer), "att avsluta ett element")
    }

    /// Ends the element even when it is empty with a separate end tag (`<td></td>`), as XHTML needs for non-void elements.
    func fullEnd() throws {
        try check(xmlTextWriterFullEndElement(writer), "att avsluta ett element")
    }

    func attribute(_ name: String, _ value: String) throws {
        let result = Self.withXMLChars(name) { name in
            Self.withXMLChars(XMLText.clean(value)) { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
        try check(result, "att skriva attributet \(name)")
    }

    func text(_ value: String) throws {
        guard !value.isEmpty else { return }
        try check(Self.withXMLChars(XMLText.clean(value)) { xmlTextWriterWriteString(writer, $0) }, "att skriva text")
    }

    func base64(_ data: Data) throws {
        let result = data.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            return xmlTextWriterWriteBase64(writer, base.assumingMemoryBound(to: CChar.self), 0, Int32(raw.count))
        }
        try check(result, "att skriva base64-data")
    }

    /// `<name attrs…>body</name>`.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], body: () throws -> Void) throws {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try body()
        try end()
    }

    /// `<name attrs…>text</name>`; with `fullEnd` an empty text still gives an end tag.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String, fullEnd: Bool = false) throws {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try text(value)
        if fullEnd { try self.fullEnd() } else { try end() }
    }

    /// `<name attrs…/>`.
    func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) throws {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try end()
    }

    /// `<name attrs…/>` from a list built at run time.
    func empty(_ name: String, attributes: [(String, String)]) throws {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try end()
    }

    /// Opens the scroll region a web page's data table stands in (close it with ``end()``): a `<div>`
    /// that scrolls sideways when the table is wider than the screen (`.table-scroll` in web.css), named
    /// `label` (the table's caption) and focusable, so that a keyboard can scroll it.
    func startTableRegion(label: String) throws {
        try start("div")
        try attribute("class", "table-scroll")
        try attribute("role", "region")
        try attribute("aria-label", label)
        try attribute("tabindex", "0")
    }

    /// Elements never copied from a template: they could run code in a browser.
    static let droppedElements: Set<String> = ["script", "foreignobject", "iframe", "object", "embed"]

    /// Writes a node parsed from a template (and everything under it) through this writer:
    /// elements, attributes and text are re-emitted one by one, so the output stays libxml2's.
    /// Namespace declarations on the copied element itself are kept; whitespace-only text, comments,
    /// processing instructions, script-like elements and `on…` event attributes are dropped.
    func copy(_ node: xmlNodePtr) throws {
        if let fragment = XMLFragment(node) { try write(fragment) }
    }

    /// Writes a fragment taken from a template (see ``XMLFragment``) through this writer.
    func write(_ fragment: XMLFragment) throws {
        switch fragment {
        case let .element(name, attributes, children):
            try start(name)
            for attribute in attributes { try self.attribute(attribute.name, attribute.value) }
            for child in children { try write(child) }
            try end()
        case let .text(value):
            try text(value)
        }
    }

    /// Hands libxml2's output to an ``XMLOutput``. A callback cannot throw, so the output's first
    /// error is kept here, later bytes are dropped, and ``check(_:_:)`` throws the error right after
    /// the call that wrote. libxml2 is told every write succeeded, so it prints no I/O error of its own.
    private final class OutputBridge {
        let output: any XMLOutput
        var error: (any Error)?

        init(_ output: any XMLOutput) { self.output = output }

        static let write: xmlOutputWriteCallback = { context, bytes, length in
            guard let context else { return -1 }
            let bridge = Unmanaged<OutputBridge>.fromOpaque(context).takeUnretainedValue()
            guard bridge.error == nil else { return length }
            do {
                try bridge.output.write(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
            } catch {
                bridge.error = error
            }
            return length
        }
    }
}
