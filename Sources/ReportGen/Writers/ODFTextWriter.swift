import Foundation

/// Writes the report as an OpenDocument text: title page, table of contents, headings with
/// outline levels, tables with repeated header rows, and the status chart as an embedded SVG image.
/// Paragraph, cell and page styles come from the template's `odt-styles.xml`.
struct ODFTextWriter: ODFDocumentWriter {
    let layout: any DocumentLayout
    var kind: ODFKind { .text }
    var document: any DocumentLayout { layout }

    /// Text width of the page in the default template (A4 less 2 cm margins).
    static let textWidthCM = 17.0

    func styleTemplate() throws -> ODFStyleTemplate {
        try ODFStyleTemplate(data: layout.templates.textStyles, file: TemplateFile.textStyles.rawValue)
    }

    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    func writeSettings(_ w: XMLWriter) throws {
        try w.element("config:config-item-set", ["config:name": "ooo:view-settings"]) {
            try w.element("config:config-item", ["config:name": "ViewAreaTop", "config:type": "long"], text: "0")
        }
    }

    func writeContentAutomaticStyles(_ w: XMLWriter) throws {
        // One table layout per kind of table the layout can write (``TableWidths``), declared before
        // the body, so the report is laid out once, not once to find its tables and again to write them.
        for (index, widths) in layout.tableProfiles.enumerated() {
            let name = "Tabellayout\(index + 1)"
            try w.element("style:style", ["style:name": name, "style:family": "table"]) {
                try w.empty("style:table-properties", [
                    "style:width": String(format: "%.2fcm", ODFTextWriter.textWidthCM), "table:align": "margins",
                    "fo:margin-top": "0.1cm", "fo:margin-bottom": "0.35cm",
                ])
            }
            let total = widths.reduce(0, +)
            for (column, width) in widths.enumerated() {
                try w.element("style:style", ["style:name": "\(name).\(ODFTextWriter.columnName(column))", "style:family": "table-column"]) {
                    try w.empty("style:table-column-properties", [
                        "style:column-width": String(format: "%.2fcm", ODFTextWriter.textWidthCM * Double(width) / Double(total)),
                        "style:rel-column-width": "\(width * 1000)*",
                    ])
                }
            }
        }
        // A row is never split across two pages (its tinted cells would leave an empty band on the next).
        try w.element("style:style", ["style:name": "Tabellrad", "style:family": "table-row"]) {
            try w.empty("style:table-row-properties", ["fo:keep-together": "always"])
        }
        if layout.usesCellTones { try writeToneStyles(w) }
    }

    func writeBody(_ w: XMLWriter) throws {
        var tableNumber = 0
        // The headings the table of contents names: each carries a bookmark its entry's page number refers to.
        var listed: Set<String> = []
        try w.element("office:text") {
            try layout.walk { block in
                switch block {
                case .titlePage(let page):
                    try titlePage(page, w)
                case .tableOfContents(let entries):
                    listed = Set(entries.map(\.id))
                    try toc(entries, w)
                case .heading(let level, let text, let id, let newPage):
                    let style = level == 1 ? (newPage ? "Heading_20_1_20_Page" : "Heading_20_1") : "Heading_20_\(level)"
                    try w.element("text:h", ["text:style-name": style, "text:outline-level": String(level)]) {
                        if listed.contains(id) { try w.empty("text:bookmark", ["text:name": id]) }
                        try w.text(text)
                    }
                case .paragraph(let text, let emphasis):
                    try w.element("text:p", ["text:style-name": emphasis ? "Notice" : "Text_20_body"], text: text)
                case .table(let table):
                    tableNumber += 1
                    let profile = (layout.tableProfiles.firstIndex(of: table.widths) ?? 0) + 1
                    try self.table(table, number: tableNumber, layoutName: "Tabellayout\(profile)", w)
                case .chart(let chart):
                    try self.chart(chart, w)
                case .effectChart(let chart):
                    try effectChart(chart, w)
                case .radar(let chart):
                    try radar(chart, w)
                }
            }
        }
    }

    func titlePage(_ page: TitlePage, _ w: XMLWriter) throws {
        try w.element("text:p", ["text:style-name": "Logo"]) {
            try w.element("draw:frame", [
                "draw:style-name": "Bildram", "draw:name": "Logotyp", "text:anchor-type": "as-char",
                "svg:width": "4cm", "svg:height": "1.2cm", "draw:z-index": "0",
            ]) {
                try w.element("draw:image", ["draw:mime-type": "image/svg+xml"]) {
                    try w.element("office:binary-data") { try w.base64(layout.templates.logo) }
                }
                try w.element("svg:title", text: layout.templates.logoAlt(for: page.organisation))
            }
        }
        try w.element("text:p", ["text:style-name": "Subtitle"], text: "\(page.kind), \(page.period)")
        try w.element("text:p", ["text:style-name": "Title"], text: page.title)
        try w.element("text:p", ["text:style-name": "Organisation"], text: page.organisation)
        for (label, value) in page.facts {
            try w.element("text:p", ["text:style-name": "Title_20_Fact"]) {
                try w.element("text:span", ["text:style-name": "Strong_20_Emphasis"], text: value.isEmpty ? label : "\(label): ")
                try w.text(value)
            }
        }
    }

    func toc(_ entries: [TOCEntry], _ w: XMLWriter) throws {
        let title = layout.labels["toc.heading"]
        try w.element("text:table-of-content", ["text:name": title, "text:style-name": "Innehallssektion", "text:protected": "true"]) {
            try w.element("text:table-of-content-source", ["text:outline-level": "1", "text:use-index-marks": "false"]) {
                try w.element("text:index-title-template", ["text:style-name": "Contents_20_Heading"], text: title)
                try w.element("text:table-of-content-entry-template", ["text:outline-level": "1", "text:style-name": "Contents_20_1"]) {
                    try w.empty("text:index-entry-text")
                    try w.empty("text:index-entry-tab-stop", ["style:type": "right", "style:leader-char": "."])
                    try w.empty("text:index-entry-page-number")
                }
            }
            try w.element("text:index-body") {
                try w.element("text:index-title", ["text:name": "\(title)_rubrik"]) {
                    try w.element("text:p", ["text:style-name": "Contents_20_Heading"], text: title)
                }
                // Each entry's page number is a reference to its heading's bookmark, which the office
                // application lays out (LibreOffice on opening; Word when its fields are updated), so the
                // contents show page numbers without the reader updating the index first.
                for entry in entries {
                    try w.element("text:p", ["text:style-name": "Contents_20_\(entry.level)"]) {
                        try w.text(entry.text)
                        try w.empty("text:tab")
                        try w.empty("text:bookmark-ref", ["text:reference-format": "page", "text:ref-name": entry.id])
                    }
                }
            }
        }
    }

    func table(_ table: ReportTable, number: Int, layoutName: String, _ w: XMLWriter) throws {
        try w.element("text:p", ["text:style-name": "Table_20_Caption"], text: table.caption)
        try w.element("table:table", ["table:name": "Tabell\(number)", "table:style-name": layoutName]) {
            for column in table.header.indices {
                try w.empty("table:table-column", ["table:style-name": "\(layoutName).\(ODFTextWriter.columnName(column))"])
            }
            try w.element("table:table-header-rows") {
                try w.element("table:table-row", ["table:style-name": "Tabellrad"]) {
                    for (index, header) in table.header.enumerated() {
                        try w.element("table:table-cell", ["table:style-name": "Cell_20_Head"]) {
                            try w.element("text:p", ["text:style-name": table.numericColumns.contains(index) ? "Table_20_Heading_20_Number" : "Table_20_Heading"], text: header)
                        }
                    }
                }
            }
            for (rowIndex, row) in table.rows.enumerated() {
                let isTotal = table.hasTotalRow && rowIndex == table.rows.count - 1
                try w.element("table:table-row", ["table:style-name": "Tabellrad"]) {
                    for (index, cell) in row.enumerated() {
                        let isRowHeader = index == 0 && table.rowHeaders
                        let cellStyle = cell.tone.map(ODFTextWriter.toneStyle)
                            ?? (isTotal ? "Cell_20_Total" : (isRowHeader ? "Cell_20_Row_20_Head" : "Cell_20_Body"))
                        let paragraphStyle = table.numericColumns.contains(index)
                            ? (isTotal ? "Table_20_Number_20_Strong" : "Table_20_Number")
                            : (isTotal || isRowHeader ? "Table_20_Contents_20_Strong" : "Table_20_Contents")
                        // No office:value-type: a text table's cells hold paragraphs, not typed values
                        // (the attribute is optional, and per cell it was a tenth of a large report).
                        try w.element("table:table-cell", ["table:style-name": cellStyle]) {
                            if cell.paragraphs.isEmpty {
                                try w.empty("text:p", ["text:style-name": paragraphStyle])
                            }
                            for paragraph in cell.paragraphs {
                                try w.element("text:p", ["text:style-name": paragraphStyle], text: paragraph)
                            }
                        }
                    }
                }
            }
        }
    }

    func chart(_ chart: StatusChart, _ w: XMLWriter) throws {
        let chartWriter = ChartWriter(chart: chart, templates: layout.templates)
        let svg = try XMLWriter.standaloneSVG("chart image") { try chartWriter.write(to: $0, standalone: true) }
        let widthCM = 16.5
        let heightCM = widthCM * Double(chartWriter.height) / Double(ChartWriter.width)
        try image(svg, name: "Statusdiagram", widthCM: widthCM, heightCM: heightCM, title: chart.title, description: chart.description, w)
    }

    /// An effect goal's chart under its caption, like the status chart.
    func effectChart(_ chart: EffectChart, _ w: XMLWriter) throws {
        let chartWriter = EffectChartWriter(chart: chart, templates: layout.templates)
        let svg = try XMLWriter.standaloneSVG("effect chart image") { try chartWriter.write(to: $0, standalone: true) }
        let widthCM = 12.0
        try w.element("text:p", ["text:style-name": "Table_20_Caption"], text: chart.title)
        try image(svg, name: chart.id, widthCM: widthCM, heightCM: widthCM * Double(EffectChartWriter.height) / Double(EffectChartWriter.width),
                  title: chart.title, description: chart.description, w)
    }

    /// An SVG image in its own paragraph, with its text alternative.
    func image(_ svg: Data, name: String, widthCM: Double, heightCM: Double, title: String, description: String, _ w: XMLWriter) throws {
        try w.element("text:p", ["text:style-name": "Chart"]) {
            try w.element("draw:frame", [
                "draw:style-name": "Bildram", "draw:name": name, "text:anchor-type": "as-char",
                "svg:width": String(format: "%.2fcm", widthCM), "svg:height": String(format: "%.2fcm", heightCM), "draw:z-index": "1",
            ]) {
                try w.element("draw:image", ["draw:mime-type": "image/svg+xml"]) {
                    try w.element("office:binary-data") { try w.base64(svg) }
                }
                try w.element("svg:title", text: title)
                try w.element("svg:desc", text: description)
            }
        }
    }
}
