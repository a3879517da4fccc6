import CLibXML2
import Foundation

/// The one Swift owner of an `xmlDocPtr` parsed from a file or from memory.
/// (Not named XMLDocument, which Foundation defines on Apple platforms.)
final class XMLTree {
    let doc: xmlDocPtr

    /// Parses `data`; `name` is used in errors.
    init(data: Data, name: String) throws {
        xmlResetLastError()
        let parsed = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
        }
        guard let parsed else {
            throw ReportError.templateMalformed(file: name, reason: XMLWriter.lastError().isEmpty ? "inte välformad XML" : XMLWriter.lastError())
        }
        self.doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }

    /// The element children of `node`.
    static func elementChildren(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The first element child of `node` whose qualified name is `name` ("office:styles").
    static func firstChild(of node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        elementChildren(of: node).first { qualifiedName(of: $0) == name }
    }

    /// "office:styles" for an element in the office namespace with prefix office.
    static func qualifiedName(of node: xmlNodePtr) -> String {
        let local = String(cString: node.pointee.name)
        if let prefix = node.pointee.ns?.pointee.prefix { return String(cString: prefix) + ":" + local }
        return local
    }
}
