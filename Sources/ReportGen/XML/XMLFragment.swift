import CLibXML2

/// A node parsed from a template (the logo), kept as Swift values: parsed once when the templates load,
/// then written into every page by ``XMLWriter/write(_:)`` element by element, attribute by attribute,
/// so the output stays libxml2's. `Sendable`, unlike a libxml2 tree, so one value serves every request.
///
/// Built by the rules of ``XMLWriter/copy(_:)``: namespace declarations on an element are kept (as
/// `xmlns` attributes, before its other attributes); whitespace-only text, comments, processing
/// instructions, script-like elements (``XMLWriter/droppedElements``) and `on…` event attributes are dropped.
indirect enum XMLFragment: Sendable, Equatable {
    case element(name: String, attributes: [Attribute], children: [XMLFragment])
    case text(String)

    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// The fragment for `node` and everything under it; nil for what the rules drop.
    init?(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = Self.qualifiedName(node.pointee.name, node.pointee.ns)
            // A template is trusted, but a logo is a file people download from anywhere: no scripts.
            if XMLWriter.droppedElements.contains(String(cString: node.pointee.name).lowercased()) { return nil }
            var attributes: [Attribute] = []
            var ns = node.pointee.nsDef
            while let current = ns {
                let prefix = current.pointee.prefix.map { "xmlns:" + String(cString: $0) } ?? "xmlns"
                attributes.append(Attribute(name: prefix, value: current.pointee.href.map { String(cString: $0) } ?? ""))
                ns = current.pointee.next
            }
            var attr = node.pointee.properties
            while let current = attr {
                let attrName = Self.qualifiedName(current.pointee.name, current.pointee.ns)
                if !attrName.lowercased().hasPrefix("on") {
                    var value = ""
                    var part = current.pointee.children
                    while let text = part {
                        if let content = text.pointee.content { value += String(cString: content) }
                        part = text.pointee.next
                    }
                    attributes.append(Attribute(name: attrName, value: value))
                }
                attr = current.pointee.next
            }
            var children: [XMLFragment] = []
            var child = node.pointee.children
            while let current = child {
                if let fragment = XMLFragment(current) { children.append(fragment) }
                child = current.pointee.next
            }
            self = .element(name: name, attributes: attributes, children: children)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return nil }
            let value = String(cString: content)
            if value.allSatisfy(\.isWhitespace) { return nil }
            self = .text(value)
        default:
            return nil
        }
    }

    private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        if let prefix = ns?.pointee.prefix { return String(cString: prefix) + ":" + local }
        return local
    }
}
