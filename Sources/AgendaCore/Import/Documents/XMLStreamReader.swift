import CLibXML2
import Foundation

/// One XML part read as a stream of events with libxml2's xmlTextReader: the document is never
/// held as a tree, so a long plan costs the memory of its bytes and one node at a time.
///
/// No DTD is loaded, no entity is substituted and no network is touched; a part with a document type
/// declaration is refused (``DocumentError/documentTypeDeclaration(_:part:)``), so neither entity
/// expansion (billion laughs) nor an external entity (XXE) is ever read. Elements nest at most 256
/// deep (libxml2's limit without XML_PARSE_HUGE). A part that is not well-formed throws ``DocumentError/malformedXML(_:part:line:message:)`` at the first error.
final class XMLStreamReader {
    enum Event: Equatable {
        /// An element opens; `empty` elements have no matching ``end``.
        case start(namespace: String, name: String, empty: Bool)
        case end(namespace: String, name: String)
        /// Character data, whitespace included.
        case text(String)
    }

    /// Collects libxml2's first error message for the reader it is attached to.
    private final class ErrorBox {
        var message: String?
        var line = 0
    }

    private let reader: xmlTextReaderPtr
    private let errors = ErrorBox()
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let kind: String
    private let part: String

    /// libxml2's global state, set up once before any thread parses (its lazy set-up is not thread-safe).
    private static let parserInitialized: Void = xmlInitParser()

    init(_ data: Data, kind: String, part: String) throws {
        _ = Self.parserInitialized
        self.kind = kind
        self.part = part
        // libxml2 reads from memory it does not own: keep a copy alive as long as the reader.
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(data.count, 1))
        _ = data.withUnsafeBytes { raw in raw.copyBytes(to: UnsafeMutableRawBufferPointer(copy)) }
        buffer = copy
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let reader = xmlReaderForMemory(copy.baseAddress, Int32(data.count), part, nil, options) else {
            copy.deallocate()
            throw DocumentError.malformedXML(kind, part: part, line: 0, message: "libxml2 kunde inte börja läsa")
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
                guard box.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                box.message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
                    ?? "error \(error.pointee.code)"
                box.line = Int(error.pointee.line)
            }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// The next event, or nil at the end of the part.
    func next() throws -> Event? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            guard status == 1, errors.message == nil else { throw failure() }
            switch xmlTextReaderNodeType(reader) {
            case 10:  // document type declaration: never in a word processor's part; the way entity attacks come in
                throw DocumentError.documentTypeDeclaration(kind, part: part)
            case 1:  // element
                return .start(namespace: namespace, name: localName, empty: xmlTextReaderIsEmptyElement(reader) == 1)
            case 15:  // end of element
                return .end(namespace: namespace, name: localName)
            case 3, 4, 13, 14:  // text, CDATA, whitespace, significant whitespace
                return .text(xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "")
            default:
                continue
            }
        }
    }

    /// The attribute `name` in `namespace` of the element just started (nil namespace: no prefix).
    func attribute(_ name: String, namespace: String?) -> String? {
        defer { xmlTextReaderMoveToElement(reader) }
        let found = namespace.map { xmlTextReaderMoveToAttributeNs(reader, name, $0) } ?? xmlTextReaderMoveToAttribute(reader, name)
        guard found == 1 else { return nil }
        return xmlTextReaderConstValue(reader).map { String(cString: $0) }
    }

    private var localName: String { xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? "" }
    private var namespace: String { xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } ?? "" }

    private func failure() -> DocumentError {
        let line = errors.line > 0 ? errors.line : Int(xmlTextReaderGetParserLineNumber(reader))
        return .malformedXML(kind, part: part, line: line, message: errors.message ?? "the XML cannot be read")
    }
}
