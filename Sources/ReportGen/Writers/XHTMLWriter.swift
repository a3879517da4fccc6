import Foundation

/// Writes a report as one self-contained XHTML5 file (XML syntax, `application/xhtml+xml`):
/// CSS from the template inlined, the logo and chart as inline SVG.
///
/// `embedded` writes the same report's content into a web page instead (``body(_:)``, the web's report
/// page, ``ReportGenerator/embed(period:service:templates:in:)``): no logo (the page's header has it), no
/// `<main>` of its own, and no inline style — tables stand in scroll regions without the file's column
/// widths — so the page keeps the site's stylesheet and its strict Content-Security-Policy.
struct XHTMLWriter {
    let layout: any DocumentLayout
    var embedded = false

    var templates: TemplateSet { layout.templates }

    func write(to url: URL) throws {
        let w = try XMLWriter(fileURL: url)
        try w.startXHTML()
        try head(w)
        try w.start("body")
        try body(w)
        try w.end()
        try w.end()
        try w.endDocument()
    }

    /// The report's content: title page, table of contents, sections and footer. In a file the sections
    /// stand in `<main>`; embedded, in a `<div class="report">` inside the page's own `<main>`.
    func body(_ w: XMLWriter) throws {
        if embedded {
            try w.start("div")
            try w.attribute("class", "report")
        }
        var sectionOpen = false
        var mainOpen = false
        try layout.walk { block in
            switch block {
            case .titlePage(let page):
                try titlePage(page, w)
            case .tableOfContents(let entries):
                try toc(entries, w)
                if !embedded {
                    try w.start("main")
                    try w.attribute("id", "innehall")
                    mainOpen = true
                }
            case .heading(let level, let text, let id, let newPage):
                if level == 1 {
                    if sectionOpen { try w.end() }
                    try w.start("section")
                    try w.attribute("class", newPage ? "section new-page" : "section")
                    try w.attribute("aria-labelledby", id)
                    sectionOpen = true
                }
                try w.element("h\(level + 1)", ["id": id], text: text)
            case .paragraph(let text, let emphasis):
                if emphasis {
                    try w.element("p", ["class": "notice"]) { try w.element("strong", text: text) }
                } else {
                    try w.element("p", text: text)
                }
            case .table(let table):
                if embedded {
                    try w.startTableRegion(label: table.caption)
                    try self.table(table, w)
                    try w.end()
                } else {
                    try self.table(table, w)
                }
            case .chart(let chart):
                try w.element("figure", ["class": "chart"]) {
                    try w.element("figcaption", text: chart.title)
                    try ChartWriter(chart: chart, templates: templates).write(to: w, standalone: false)
                }
            case .effectChart(let chart):
                try w.element("figure", ["class": "chart effect-chart"]) {
                    try w.element("figcaption", text: chart.title)
                    try EffectChartWriter(chart: chart, templates: templates).write(to: w, standalone: false)
                }
            case .radar(let chart):
                try w.element("figure", ["class": "chart radar"]) {
                    try w.element("figcaption", text: chart.title)
                    try RadarChartWriter(chart: chart, templates: templates).write(to: w, standalone: false)
                }
            }
        }
        if sectionOpen { try w.end() }
        if mainOpen { try w.end() }
        try w.element("footer", ["class": "report-footer"]) {
            try w.element("p", text: layout.footerText)
        }
        if embedded { try w.end() }
    }

    func head(_ w: XMLWriter) throws {
        try w.element("head") {
            try w.empty("meta", ["charset": "UTF-8"])
            try w.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            try w.element("title", text: layout.documentTitle)
            try w.element("style", text: templates.css)
        }
    }

    func titlePage(_ page: TitlePage, _ w: XMLWriter) throws {
        try w.element("header", ["class": "title-page"]) {
            let logo = embedded ? nil : try XMLTree(data: templates.logo, name: TemplateFile.logo.rawValue)
            if let root = logo?.root {
                try w.element("div", ["class": "logo", "role": "img", "aria-label": templates.logoAlt(for: page.organisation)]) {
                    try w.copy(root)
                }
            }
            try w.element("p", ["class": "kind"], text: "\(page.kind), \(page.period)")
            try w.element("h1", text: page.title)
            try w.element("p", ["class": "organisation"], text: page.organisation)
            try w.element("dl", ["class": "facts"]) {
                for (label, value) in page.facts {
                    try w.element("div") {
                        try w.element("dt", text: label)
                        try w.element("dd", text: value, fullEnd: true)
                    }
                }
            }
        }
    }

    /// The table of contents: a list without numbers of its own, since the headings it links to carry
    /// theirs ("9. Extern service"), and a numbered list read them twice ("9. 1. Extern service").
    func toc(_ entries: [TOCEntry], _ w: XMLWriter) throws {
        try w.element("nav", ["class": "toc", "aria-labelledby": "toc-heading"]) {
            try w.element("h2", ["id": "toc-heading"], text: layout.labels["toc.heading"])
            try w.element("ul") {
                for entry in entries {
                    try w.element("li") { try w.element("a", ["href": "#\(entry.id)"], text: entry.text) }
                }
            }
        }
    }

    func table(_ table: ReportTable, _ w: XMLWriter) throws {
        try w.element("table", ["class": "report-table kind-\(table.kind.rawValue)"]) {
            try w.element("caption", text: table.caption)
            if !embedded {
                let total = max(table.widths.reduce(0, +), 1)
                try w.element("colgroup") {
                    for width in table.widths {
                        try w.empty("col", ["style": "width: \(width * 100 / total)%"])
                    }
                }
            }
            try w.element("thead") {
                try w.element("tr") {
                    for (index, header) in table.header.enumerated() {
                        try w.start("th")
                        try w.attribute("scope", "col")
                        if table.numericColumns.contains(index) { try w.attribute("class", "num") }
                        try w.text(header)
                        try w.fullEnd()
                    }
                }
            }
            try w.element("tbody") {
                for (rowIndex, row) in table.rows.enumerated() {
                    try w.start("tr")
                    if table.hasTotalRow && rowIndex == table.rows.count - 1 { try w.attribute("class", "total") }
                    for (index, cell) in row.enumerated() {
                        let isHeader = index == 0 && table.rowHeaders
                        try w.start(isHeader ? "th" : "td")
                        if isHeader { try w.attribute("scope", "row") }
                        var classes: [String] = []
                        if table.numericColumns.contains(index) { classes.append("num") }
                        if let category = cell.category { classes += ["status", "st-\(category.key)"] }
                        if let tone = cell.tone { classes += ["tone", "tone-\(tone.rawValue)"] }
                        if !classes.isEmpty { try w.attribute("class", classes.joined(separator: " ")) }
                        if let tone = cell.tone, !embedded { try w.attribute("style", "background-color: \(templates.toneColour(tone))") }
                        if cell.paragraphs.count == 1 {
                            try w.text(cell.paragraphs[0])
                        } else {
                            for paragraph in cell.paragraphs { try w.element("p", text: paragraph) }
                        }
                        try w.fullEnd()
                    }
                    try w.end()
                }
            }
        }
    }
}
