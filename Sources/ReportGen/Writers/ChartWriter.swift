import Foundation

/// Draws the status summary as a horizontal stacked bar chart in SVG through an ``XMLWriter``:
/// inline in the XHTML, or as a standalone SVG image embedded in the ODF text.
struct ChartWriter {
    let chart: StatusChart
    let templates: TemplateSet

    static let width = 720
    static let labelWidth = 250
    static let barHeight = 22
    static let rowGap = 12
    static let legendRow = 24

    /// An SVG coordinate as every chart writes it: one decimal.
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    var presentCategories: [StatusCategory] {
        chart.categories.filter { category in chart.bars.contains { $0.counts.count(of: category) > 0 } }
    }

    var height: Int {
        let legendRows = (max(presentCategories.count, 1) + 3) / 4
        return 16 + chart.bars.count * (ChartWriter.barHeight + ChartWriter.rowGap) + 12 + legendRows * ChartWriter.legendRow
    }

    /// Writes the `<svg>` element. `standalone` adds the namespace and pixel size an image file needs;
    /// inline it gets `role="img"`, named by its `<title>` and described by its `<desc>`
    /// (the Nu checker of check-report rejects `aria-label`/`aria-labelledby` on `svg`).
    func write(to w: XMLWriter, standalone: Bool) throws {
        let labels = templates.labels
        let textColour = templates.colour("chart.text")
        try w.startChart(width: ChartWriter.width, height: height, standalone: standalone, title: chart.title, description: chart.description)

        let plotWidth = ChartWriter.width - ChartWriter.labelWidth - 60
        let maxTotal = max(chart.bars.map(\.counts.total).max() ?? 1, 1)
        let font = "Liberation Sans, DejaVu Sans, Arial, sans-serif"
        var y = 16
        for bar in chart.bars {
            try w.element("text", [
                "x": String(ChartWriter.labelWidth - 8), "y": String(y + 16), "text-anchor": "end",
                "font-family": font, "font-size": "13", "fill": textColour,
            ], text: bar.label)
            var x = ChartWriter.labelWidth
            for category in chart.categories {
                let count = bar.counts.count(of: category)
                guard count > 0 else { continue }
                let width = max(count * plotWidth / maxTotal, 2)
                try w.start("rect")
                for (key, value) in [
                    ("x", String(x)), ("y", String(y)), ("width", String(width)), ("height", String(ChartWriter.barHeight)),
                    ("fill", templates.colour("chart.\(category.key)")), ("stroke", "#ffffff"), ("stroke-width", "1"),
                ] { try w.attribute(key, value) }
                try w.element("title", text: "\(bar.label): \(labels.status(category)) \(count)")
                try w.end()
                x += width
            }
            try w.element("text", [
                "x": String(x + 6), "y": String(y + 16), "font-family": font, "font-size": "13", "fill": textColour,
            ], text: String(bar.counts.total))
            y += ChartWriter.barHeight + ChartWriter.rowGap
        }
        try w.empty("line", attributes: [
            ("x1", String(ChartWriter.labelWidth)), ("y1", "8"), ("x2", String(ChartWriter.labelWidth)), ("y2", String(y - 4)),
            ("stroke", templates.colour("chart.grid")), ("stroke-width", "1"),
        ])
        y += 12
        for (index, category) in presentCategories.enumerated() {
            let lx = ChartWriter.labelWidth + (index % 4) * 115 - 100
            let ly = y + (index / 4) * ChartWriter.legendRow
            try w.empty("rect", attributes: [
                ("x", String(lx)), ("y", String(ly)), ("width", "14"), ("height", "14"),
                ("fill", templates.colour("chart.\(category.key)")), ("stroke", textColour), ("stroke-width", "0.5"),
            ])
            try w.element("text", [
                "x": String(lx + 20), "y": String(ly + 12), "font-family": font, "font-size": "12", "fill": textColour,
            ], text: labels.statusWithSymbol(category))
        }
        try w.end()
    }
}

extension XMLWriter {
    /// The chart `write` draws (with `standalone: true`) as an SVG document of its own in memory: the
    /// image the ODF text embeds.
    static func standaloneSVG(_ context: String, _ write: (XMLWriter) throws -> Void) throws -> Data {
        let svg = try XMLWriter(memoryContext: context)
        try svg.startDocument()
        try write(svg)
        try svg.endDocument()
        return svg.data
    }

    /// Opens a chart's `<svg>` element with its `<title>` and `<desc>`, the same for every chart.
    /// `standalone` adds the namespace's pixel size an image file needs (the ODF documents embed the chart
    /// as an image); inline in the XHTML it gets `role="img"`, named by its `<title>` and described by its
    /// `<desc>` (the Nu checker rejects `aria-label`/`aria-labelledby` on `svg`). The caller ends it.
    func startChart(width: Int, height: Int, standalone: Bool, title: String, description: String) throws {
        try start("svg")
        try attribute("xmlns", "http://www.w3.org/2000/svg")
        try attribute("viewBox", "0 0 \(width) \(height)")
        if standalone {
            try attribute("width", "\(width)")
            try attribute("height", "\(height)")
        } else {
            try attribute("class", "chart")
            try attribute("role", "img")
        }
        try element("title", text: title)
        try element("desc", text: description)
    }
}
