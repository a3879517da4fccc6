import Foundation
import FoundationXML
import Testing
import ZIPFoundation

@testable import AgendaCore

/// Heading and list numbers computed from a Word document's own numbering, on a document built
/// here with Foundation's XML tree (the way Swedish Word names its styles: "Rubrik 1").
@Suite struct ImportDocumentNumberingTests {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func element(_ name: String, _ attributes: [String: String] = [:], _ children: [XMLNode] = [], text: String? = nil) -> XMLElement {
        let element = XMLElement(name: name)
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            element.addAttribute(XMLNode.attribute(withName: key, stringValue: value) as! XMLNode)
        }
        for child in children { element.addChild(child) }
        if let text { element.stringValue = text }
        return element
    }

    static func part(_ root: XMLElement) -> Data {
        root.addNamespace(XMLNode.namespace(withName: "w", stringValue: w) as! XMLNode)
        return Data(root.xmlString.utf8)
    }

    static func value(_ name: String, _ value: String) -> XMLElement { element(name, ["w:val": value]) }

    static func numbering(_ numId: Int, level: Int?) -> XMLElement {
        element("w:numPr", [:], (level.map { [value("w:ilvl", String($0))] } ?? []) + [value("w:numId", String(numId))])
    }

    /// A paragraph: its style, numbering and outline level, and runs (bold when marked).
    static func paragraph(
        _ text: String, style: String? = nil, numId: Int? = nil, level: Int? = nil, outline: Int? = nil, bold: String? = nil,
        hidden: String? = nil
    ) -> XMLElement {
        var properties: [XMLNode] = []
        if let style { properties.append(value("w:pStyle", style)) }
        if let numId { properties.append(numbering(numId, level: level)) }
        if let outline { properties.append(value("w:outlineLvl", String(outline))) }
        var runs: [XMLNode] = []
        if let bold {
            runs.append(element("w:r", [:], [element("w:rPr", [:], [element("w:b")]), element("w:t", text: bold)]))
        }
        if let hidden {
            runs.append(element("w:r", [:], [element("w:rPr", [:], [element("w:vanish")]), element("w:t", text: hidden)]))
        }
        runs.append(element("w:r", [:], [element("w:t", ["xml:space": "preserve"], text: text)]))
        return element("w:p", [:], [element("w:pPr", [:], properties)] + runs)
    }

    static func level(_ index: Int, format: String, text: String, style: String? = nil) -> XMLElement {
        element("w:lvl", ["w:ilvl": String(index)], [value("w:start", "1"), value("w:numFmt", format), value("w:lvlText", text)]
            + (style.map { [value("w:pStyle", $0)] } ?? []))
    }

    static func docx() throws -> Data {
        let styles = element("w:styles", [:], [
            element("w:style", ["w:type": "paragraph", "w:styleId": "Normal"], [value("w:name", "Normal")]),
            element("w:style", ["w:type": "paragraph", "w:styleId": "Rubrik1"], [
                value("w:name", "Rubrik 1"), value("w:basedOn", "Normal"),
                element("w:pPr", [:], [numbering(1, level: nil)]),
            ]),
            element("w:style", ["w:type": "paragraph", "w:styleId": "Rubrik2"], [
                value("w:name", "heading 2"), value("w:basedOn", "Normal"),
                element("w:pPr", [:], [numbering(1, level: 1)]),
            ]),
        ])
        let numbering = element("w:numbering", [:], [
            element("w:abstractNum", ["w:abstractNumId": "10"], [
                level(0, format: "decimal", text: "%1.", style: "Rubrik1"), level(1, format: "decimal", text: "%1.%2", style: "Rubrik2"),
            ]),
            element("w:abstractNum", ["w:abstractNumId": "20"], [
                level(0, format: "decimal", text: "%1)"), level(1, format: "lowerLetter", text: "%2."), level(2, format: "upperRoman", text: "%3:"),
            ]),
            element("w:abstractNum", ["w:abstractNumId": "30"], [level(0, format: "bullet", text: "•")]),
            element("w:num", ["w:numId": "1"], [value("w:abstractNumId", "10")]),
            element("w:num", ["w:numId": "2"], [value("w:abstractNumId", "20")]),
            element("w:num", ["w:numId": "3"], [
                value("w:abstractNumId", "20"), element("w:lvlOverride", ["w:ilvl": "0"], [value("w:startOverride", "1")]),
            ]),
            element("w:num", ["w:numId": "4"], [value("w:abstractNumId", "30")]),
        ])
        let body = element("w:body", [:], [
            paragraph("Plan för Exempelby kommun"),
            paragraph("Extern service", style: "Rubrik1"),
            paragraph("E-tjänster", style: "Rubrik2"),
            paragraph("Fler e-tjänster.", hidden: "Dold text. "),
            paragraph("", style: "Rubrik2"),
            paragraph("Första", numId: 2, level: 0),
            paragraph("Under", numId: 2, level: 1),
            paragraph("Under två", numId: 2, level: 1),
            paragraph("Längst in", numId: 2, level: 2),
            paragraph("Andra", numId: 2, level: 0),
            paragraph("Inför fler e-tjänster.", bold: "Handlingsplan: "),
            paragraph(" Skolförvaltningen", bold: "Ansvar"),
            paragraph("Appar", style: "Rubrik2"),
            paragraph("Tredje", numId: 3, level: 0),
            paragraph("Handlingsplan: Utred en app."),
            paragraph("Intern effektivitet", style: "Rubrik1"),
            paragraph("Beslutstöd", numId: 1, level: 1, outline: 1),
            paragraph("punkt", numId: 4, level: 0),
            paragraph("Handlingsplan: Bättre beslutstöd."),
            paragraph("Ansvarig: IT-avdelningen"),
        ])
        return try package([
            ("word/document.xml", part(element("w:document", [:], [body]))), ("word/styles.xml", part(styles)),
            ("word/numbering.xml", part(numbering)),
        ])
    }

    static func package(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, content) in parts {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate) {
                position, size in content.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try #require(archive.data)
    }

    @Test func headingAndListNumbersAreComputedFromTheNumberingDefinitions() throws {
        let text = try DocumentImporter.text(of: Self.docx(), format: .docx, labels: LabelTable.standard())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines == [
            "Plan för Exempelby kommun",
            "1. Extern service",
            "1.1 E-tjänster",
            "Fler e-tjänster.",
            "1) Första",
            " a. Under",
            " b. Under två",
            "  I: Längst in",
            "2) Andra",
            "Handlingsplan: Inför fler e-tjänster.",
            "Ansvar: Skolförvaltningen",
            "1.3 Appar",
            "1) Tredje",
            "Handlingsplan: Utred en app.",
            "2. Intern effektivitet",
            "2.1 Beslutstöd",
            "- punkt",
            "Handlingsplan: Bättre beslutstöd.",
            "Ansvarig: IT-avdelningen",
        ], "\(text)")
    }

    @Test func aWordPlanWithComputedNumbersImports() throws {
        let result = try PlanImporter.parse(Self.docx(), format: .docx, labels: LabelTable.standard())
        #expect(result.agenda.areas.map(\.title) == ["Extern service", "Intern effektivitet"])
        #expect(result.agenda.actions.map(\.code) == ["1.1", "1.3", "2.1"])
        #expect(result.agenda.actions.first?.responsibility.text == "Skolförvaltningen")
    }

    /// Headings without any number (typed or computed) are read as Markdown levels.
    @Test func aPlanWithUnnumberedHeadingsIsReadByItsHeadingLevels() throws {
        let styles = Self.element("w:styles", [:], [
            Self.element("w:style", ["w:type": "paragraph", "w:styleId": "Heading1"], [Self.value("w:name", "heading 1")]),
            Self.element("w:style", ["w:type": "paragraph", "w:styleId": "Heading2"], [Self.value("w:name", "heading 2")]),
            Self.element("w:style", ["w:type": "paragraph", "w:styleId": "Heading3"], [Self.value("w:name", "heading 3")]),
        ])
        let body = Self.element("w:body", [:], [
            Self.paragraph("Digital agenda för Exempelby", style: "Heading1"),
            Self.paragraph("Extern service", style: "Heading2"),
            Self.paragraph("E-tjänster", style: "Heading3"),
            Self.paragraph("Inför fler e-tjänster.", bold: "Uppgift: "),
            Self.paragraph("Ansvarig: Skolförvaltningen"),
            Self.paragraph("Intern effektivitet", style: "Heading2"),
            Self.paragraph("Beslutstöd", style: "Heading3"),
            Self.paragraph("Handlingsplan: Bättre beslutstöd."),
        ])
        let data = try Self.package([("word/document.xml", Self.part(Self.element("w:document", [:], [body]))), ("word/styles.xml", Self.part(styles))])
        let text = try DocumentImporter.text(of: data, format: .docx, labels: LabelTable.standard())
        #expect(text.hasPrefix("# Digital agenda för Exempelby\n\n## Extern service\n\n### E-tjänster\n"), "\(text)")
        let agenda = try PlanImporter.parse(data, format: .docx, labels: LabelTable.standard()).agenda
        #expect(agenda.title == "Digital agenda för Exempelby")
        #expect(agenda.areas.map(\.title) == ["Extern service", "Intern effektivitet"])
        #expect(agenda.actions.count == 2)
        #expect(agenda.actions.first?.plan.text == "Inför fler e-tjänster.")
    }

    @Test(arguments: [
        (NumberFormat.lowerLetter, 1, "a"), (.lowerLetter, 26, "z"), (.lowerLetter, 27, "aa"), (.upperLetter, 28, "BB"),
        (.lowerRoman, 4, "iv"), (.upperRoman, 1994, "MCMXCIV"), (.decimal, 12, "12"), (.bullet, 3, ""), (.none, 3, ""),
    ])
    func numbersAreFormattedAsWordShowsThem(format: NumberFormat, number: Int, expected: String) {
        #expect(format.format(number) == expected)
    }
}
