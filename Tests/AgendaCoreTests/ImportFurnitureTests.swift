import Foundation
import FoundationXML
import Testing

@testable import AgendaCore

/// A letterhead that repeats on every page, heading included, is removed as a whole, one warning per
/// occurrence, and the list it interrupted goes on after it: in Markdown, in text, and typed into the
/// body of a Word document or an OpenDocument text.
@Suite struct ImportFurnitureTests {
    static let letterheadLines = [
        "Box 100, 901 00 Umeå",
        "Besök: Storgatan 1",
        "Tel: 090-10 00 00",
        "E-post: info@regionnord.se",
        "Organisationsnummer: 232100-0000",
    ]

    /// A plan in Markdown with the letterhead ("## Region Nord" or another heading) three times: before the
    /// title, in the middle of the first project's goals (after a page break) and between two labels.
    static func markdown(heading: String) -> String {
        let letterhead = ([heading] + letterheadLines).joined(separator: "\n")
        return """
            \(letterhead)

            # Digital agenda för Region Nord 2021–2023

            **Beslutad av:** Regionstyrelsen

            ## Digital välfärd

            ### Digitala tillsynsbesök

            **Beskrivning:** Hemtjänsten provar tillsyn via kamera.

            Arbetet sker i samverkan med kommunerna.

            **Mål:**

            - Fler brukare får tillsyn utan att väckas
            - Personalen sparar restid

            \u{0C}\(letterhead)

            - Tryggare nätter för anhöriga
            - Färre akuta besök

            **Kostnad:** Inom befintlig budget

            **Ansvarig:** Socialförvaltningen

            **Tidsplan:** 2021–2022

            ## Skola och lärande

            ### Programmering i grundskolan

            **Beskrivning:** Alla elever ska få programmera.

            Arbetet sker i samverkan med kommunerna.

            **Kostnad:** Inom befintlig budget

            **Ansvarig:** Utbildningsförvaltningen

            \u{0C}\(letterhead)

            **Tidsplan:** 2022

            """
    }

    static let goals = [
        "Fler brukare får tillsyn utan att väckas", "Personalen sparar restid", "Tryggare nätter för anhöriga", "Färre akuta besök",
    ]

    static func furnitureWarnings(_ result: ImportResult) -> [ImportWarning] {
        result.warnings.filter { $0.message.hasPrefix("upprepat sidhuvud eller sidfot borttaget") }
    }

    static func expectLetterheadRemoved(_ result: ImportResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let agenda = result.agenda
        #expect(agenda.areas.map(\.title) == ["Digital välfärd", "Skola och lärande"], sourceLocation: sourceLocation)
        #expect(agenda.actions.map(\.title) == ["Digitala tillsynsbesök", "Programmering i grundskolan"], sourceLocation: sourceLocation)
        #expect(!agenda.actions.contains { $0.title.contains("Region Nord") }, sourceLocation: sourceLocation)
        let first = try #require(agenda.actions.first)
        #expect(first.effectGoals == goals, sourceLocation: sourceLocation)
        #expect(first.responsibility.text == "Socialförvaltningen", sourceLocation: sourceLocation)
        #expect(agenda.actions.last?.schedule.text == "2022", sourceLocation: sourceLocation)
        let warnings = furnitureWarnings(result)
        #expect(warnings.count == 3, "\(result.warnings)", sourceLocation: sourceLocation)
        #expect(warnings.allSatisfy { $0.message.contains("(6 rader)") && $0.message.contains("Region Nord") && $0.message.contains(" / Box 100") },
                "\(warnings)", sourceLocation: sourceLocation)
        #expect(!result.warnings.contains { $0.message.contains("Tel:") && !$0.message.hasPrefix("upprepat") },
                sourceLocation: sourceLocation)
    }

    @Test(arguments: ["## Region Nord", "### Region Nord", "Region Nord", "**Region Nord**"])
    func aMarkdownLetterheadIsRemovedWithItsHeading(heading: String) throws {
        let result = try ImportTestSupport.importText(Self.markdown(heading: heading), format: .markdown)
        try Self.expectLetterheadRemoved(result)
    }

    @Test func aTextLetterheadIsRemovedWithItsHeading() throws {
        let letterhead = (["Region Nord"] + Self.letterheadLines).joined(separator: "\n")
        let text = """
            Digital agenda för Region Nord 2021–2023

            \(letterhead)

            1. Digital välfärd

            1.1 Digitala tillsynsbesök

            Hemtjänsten provar tillsyn via kamera.

            Effektmål:

            - Fler brukare får tillsyn utan att väckas
            - Personalen sparar restid

            \u{0C}\(letterhead)

            - Tryggare nätter för anhöriga
            - Färre akuta besök

            Ansvarig: Socialförvaltningen

            Tidsplan: 2021–2022

            2. Skola och lärande

            2.1 Programmering i grundskolan

            Alla elever ska få programmera.

            Ansvarig: Utbildningsförvaltningen

            \u{0C}\(letterhead)

            Tidsplan: 2022

            """
        try Self.expectLetterheadRemoved(try ImportTestSupport.importText(text, format: .text))
    }

    /// Lines that recur as a plan's own structure stay: labels with the same value, the same sentence in two
    /// projects, a project title used in two areas.
    @Test func repeatedPlanStructureIsKept() throws {
        let text = """
            # Digital agenda för Exempelby

            ## Extern service

            ### Samverkan

            Arbetet sker i samverkan med kommunerna.

            **Kostnad:** Inom befintlig budget

            **Ansvarig:** IT-avdelningen

            ## Intern effektivitet

            ### Samverkan

            Arbetet sker i samverkan med kommunerna.

            **Kostnad:** Inom befintlig budget

            **Ansvarig:** IT-avdelningen

            """
        let result = try ImportTestSupport.importText(text, format: .markdown)
        #expect(result.agenda.actions.map(\.title) == ["Samverkan", "Samverkan"])
        #expect(result.agenda.actions.allSatisfy { $0.cost.text == "Inom befintlig budget" })
        #expect(Self.furnitureWarnings(result).isEmpty, "\(result.warnings)")
    }

    /// Numbered headings are never furniture, even when they recur (a running head naming the area).
    @Test func aRecurringNumberedHeadingIsKept() throws {
        let text = """
            Plan för Exempelby

            1. Extern service

            1.1 E-tjänster

            Fler e-tjänster.

            Handlingsplan: Inför fler e-tjänster.

            Ansvarig: IT-avdelningen

            1.2 Appar

            Handlingsplan: Utred en app.

            Ansvarig: IT-avdelningen

            """
        let result = try ImportTestSupport.importText(text)
        #expect(result.agenda.actions.map(\.code) == ["1.1", "1.2"])
        #expect(Self.furnitureWarnings(result).isEmpty)
    }

    /// A one-line footer is removed when it looks like furniture and occurs three times or more.
    @Test func aOneLineAddressFooterIsRemoved() throws {
        let footer = "Region Nord · Box 100 · 901 00 Umeå · www.regionnord.se"
        let text = Self.markdown(heading: "## Region Nord")
            .replacingOccurrences(of: (["## Region Nord"] + Self.letterheadLines).joined(separator: "\n"), with: footer)
        let result = try ImportTestSupport.importText(text, format: .markdown)
        #expect(result.agenda.actions.first?.effectGoals == Self.goals)
        #expect(Self.furnitureWarnings(result).count == 3, "\(result.warnings)")
    }

    // MARK: - Documents

    static func docxLetterhead() -> [XMLElement] {
        let p = ImportDocumentNumberingTests.self
        return [p.paragraph("Region Nord", style: "Rubrik1")] + letterheadLines.map { p.paragraph($0) }
    }

    /// A Word plan with typed numbers and the letterhead typed into the body three times, as a heading and paragraphs.
    static func docx() throws -> Data {
        let p = ImportDocumentNumberingTests.self
        let styles = p.element("w:styles", [:], [
            p.element("w:style", ["w:type": "paragraph", "w:styleId": "Normal"], [p.value("w:name", "Normal")]),
            p.element("w:style", ["w:type": "paragraph", "w:styleId": "Rubrik1"], [p.value("w:name", "Rubrik 1")]),
            p.element("w:style", ["w:type": "paragraph", "w:styleId": "Rubrik2"], [p.value("w:name", "Rubrik 2")]),
        ])
        let numbering = p.element("w:numbering", [:], [
            p.element("w:abstractNum", ["w:abstractNumId": "30"], [p.level(0, format: "bullet", text: "•")]),
            p.element("w:num", ["w:numId": "4"], [p.value("w:abstractNumId", "30")]),
        ])
        var paragraphs: [XMLElement] = [p.paragraph("Digital agenda för Region Nord 2021–2023")]
        paragraphs += docxLetterhead()
        paragraphs += [
            p.paragraph("1. Digital välfärd", style: "Rubrik1"),
            p.paragraph("1.1 Digitala tillsynsbesök", style: "Rubrik2"),
            p.paragraph("Hemtjänsten provar tillsyn via kamera."),
            p.paragraph("Effektmål:"),
            p.paragraph(goals[0], numId: 4, level: 0),
            p.paragraph(goals[1], numId: 4, level: 0),
        ]
        paragraphs += docxLetterhead()
        paragraphs += [
            p.paragraph(goals[2], numId: 4, level: 0),
            p.paragraph(goals[3], numId: 4, level: 0),
            p.paragraph("Ansvarig: Socialförvaltningen"),
            p.paragraph("Tidsplan: 2021–2022"),
            p.paragraph("2. Skola och lärande", style: "Rubrik1"),
            p.paragraph("2.1 Programmering i grundskolan", style: "Rubrik2"),
            p.paragraph("Alla elever ska få programmera."),
            p.paragraph("Ansvarig: Utbildningsförvaltningen"),
        ]
        paragraphs += docxLetterhead()
        paragraphs.append(p.paragraph("Tidsplan: 2022"))
        let body = p.element("w:body", [:], paragraphs)
        return try p.package([
            ("word/document.xml", p.part(p.element("w:document", [:], [body]))), ("word/styles.xml", p.part(styles)),
            ("word/numbering.xml", p.part(numbering)),
        ])
    }

    @Test func aLetterheadTypedIntoAWordDocumentIsRemoved() throws {
        let result = try PlanImporter.parse(Self.docx(), format: .docx, labels: LabelTable.standard())
        try Self.expectLetterheadRemoved(result)
    }

    /// The same plan as an OpenDocument text: headings as text:h, the goals as a bulleted list.
    static func odt() throws -> Data {
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        func p(_ s: String) -> String { "<text:p>\(escaped(s))</text:p>" }
        func h(_ s: String, _ level: Int) -> String { "<text:h text:outline-level=\"\(level)\">\(escaped(s))</text:h>" }
        func list(_ items: [String]) -> String {
            "<text:list text:style-name=\"L1\">" + items.map { "<text:list-item>\(p($0))</text:list-item>" }.joined() + "</text:list>"
        }
        let letterhead: String = h("Region Nord", 1) + letterheadLines.map(p).joined()
        let parts: [String] = [
            p("Digital agenda för Region Nord 2021–2023"), letterhead,
            h("1. Digital välfärd", 1), h("1.1 Digitala tillsynsbesök", 2), p("Hemtjänsten provar tillsyn via kamera."),
            p("Effektmål:"), list(Array(goals[0..<2])), letterhead, list(Array(goals[2...])),
            p("Ansvarig: Socialförvaltningen"), p("Tidsplan: 2021–2022"),
            h("2. Skola och lärande", 1), h("2.1 Programmering i grundskolan", 2), p("Alla elever ska få programmera."),
            p("Ansvarig: Utbildningsförvaltningen"), letterhead, p("Tidsplan: 2022"),
        ]
        let body = parts.joined()
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3">\
            <office:automatic-styles><text:list-style style:name="L1">\
            <text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style></office:automatic-styles>\
            <office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
        return try ImportDocumentNumberingTests.package([
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Data(content.utf8)),
        ])
    }

    @Test func aLetterheadTypedIntoAnOpenDocumentTextIsRemoved() throws {
        let result = try PlanImporter.parse(Self.odt(), format: .odt, labels: LabelTable.standard())
        try Self.expectLetterheadRemoved(result)
    }
}
