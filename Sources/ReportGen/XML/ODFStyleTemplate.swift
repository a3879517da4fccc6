import CLibXML2
import Foundation

/// An ODF styles template (`odt-styles.xml`, `ods-styles.xml`): a complete `office:document-styles`
/// document, read with libxml2's tree API, whose sections are copied node by node into the documents
/// a writer produces (``XMLWriter/copy(_:)``).
final class ODFStyleTemplate {
    private let document: XMLTree
    let file: String

    static let sectionNames = ["office:font-face-decls", "office:styles", "office:automatic-styles", "office:master-styles"]

    init(data: Data, file: String) throws {
        document = try XMLTree(data: data, name: file)
        self.file = file
        guard let root = document.root, XMLTree.qualifiedName(of: root) == "office:document-styles" else {
            throw ReportError.templateMalformed(file: file, reason: "rotelementet måste vara <office:document-styles>")
        }
        let names = XMLTree.elementChildren(of: root).map(XMLTree.qualifiedName)
        for required in ["office:styles", "office:master-styles"] where !names.contains(required) {
            throw ReportError.templateMalformed(file: file, reason: "<\(required)> saknas")
        }
        if let unknown = names.first(where: { !ODFStyleTemplate.sectionNames.contains($0) }) {
            throw ReportError.templateMalformed(file: file, reason: "oväntat <\(unknown)> under rotelementet")
        }
    }

    /// The children of the section named `name` ("office:styles"), empty when the template has none.
    func children(of name: String) -> [xmlNodePtr] {
        guard let root = document.root, let section = XMLTree.firstChild(of: root, named: name) else { return [] }
        return XMLTree.elementChildren(of: section)
    }

    /// Copies the children of section `name` through `writer`.
    func copyChildren(of name: String, to writer: XMLWriter) throws {
        for node in children(of: name) { try writer.copy(node) }
    }
}
