import Foundation

/// The data of a radar (spider) chart: one axis per area (0–100 outward), one polygon per series.
struct RadarChart {
    var title: String
    var description: String
    var axes: [String]
    /// Each series' name and its value per axis (nil: no value, drawn at the centre).
    var series: [(name: String, values: [Int?])]
}

/// Draws a ``RadarChart`` as SVG through an ``XMLWriter``: inline in the XHTML, or a standalone image
/// embedded in the ODF text. Each point has a `<title>` with its value; the report's table beside the
/// chart holds the same figures, so nothing rests on the picture alone.
struct RadarChartWriter {
    let chart: RadarChart
    let templates: TemplateSet

    static let width = 640
    static let plotHeight = 470
    static let radius = 165.0
    static let legendRow = 24
    static let fallbackColours = ["#2f6fb3", "#b3261e", "#1f8a70", "#a87800", "#6b3fa0", "#4d4d4d"]

    var height: Int { RadarChartWriter.plotHeight + chart.series.count * RadarChartWriter.legendRow + 8 }

    func colour(_ index: Int) -> String {
        let fallback = RadarChartWriter.fallbackColours[index % RadarChartWriter.fallbackColours.count]
        return templates.colours["radar.series\(index % 6 + 1)"] ?? fallback
    }

    func point(axis: Int, value: Double) -> (x: Double, y: Double) {
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(max(chart.axes.count, 1))
        let r = RadarChartWriter.radius * value / 100
        return (Double(RadarChartWriter.width) / 2 + r * cos(angle), 235 + r * sin(angle))
    }

    func points(_ values: [(x: Double, y: Double)]) -> String {
        values.map { "\(ChartWriter.number($0.x)),\(ChartWriter.number($0.y))" }.joined(separator: " ")
    }

    func write(to w: XMLWriter, standalone: Bool) throws {
        let textColour = templates.colour("chart.text")
        let grid = templates.colour("chart.grid")
        let font = "Liberation Sans, DejaVu Sans, Arial, sans-serif"
        let axes = chart.axes.indices
        try w.startChart(width: RadarChartWriter.width, height: height, standalone: standalone, title: chart.title, description: chart.description)
        for ring in [25, 50, 75, 100] {
            try w.empty("polygon", attributes: [
                ("points", points(axes.map { point(axis: $0, value: Double(ring)) })), ("fill", "none"), ("stroke", grid), ("stroke-width", "1"),
            ])
            let label = point(axis: 0, value: Double(ring))
            try w.element("text", [
                "x": ChartWriter.number(label.x + 4), "y": ChartWriter.number(label.y + 4),
                "font-family": font, "font-size": "11", "fill": textColour,
            ], text: String(ring))
        }
        for axis in axes {
            let end = point(axis: axis, value: 100)
            try w.empty("line", attributes: [
                ("x1", ChartWriter.number(Double(RadarChartWriter.width) / 2)), ("y1", "235"),
                ("x2", ChartWriter.number(end.x)), ("y2", ChartWriter.number(end.y)),
                ("stroke", grid), ("stroke-width", "1"),
            ])
            let label = point(axis: axis, value: 118)
            let anchor = abs(label.x - Double(RadarChartWriter.width) / 2) < 1 ? "middle" : label.x < Double(RadarChartWriter.width) / 2 ? "end" : "start"
            try w.element("text", [
                "x": ChartWriter.number(label.x), "y": ChartWriter.number(label.y + 5), "text-anchor": anchor,
                "font-family": font, "font-size": "13", "fill": textColour,
            ], text: chart.axes[axis])
        }
        for (index, series) in chart.series.enumerated() {
            let colour = colour(index)
            let corners = axes.map { point(axis: $0, value: Double(series.values[$0] ?? 0)) }
            try w.empty("polygon", attributes: [
                ("points", points(corners)), ("fill", colour), ("fill-opacity", "0.12"), ("stroke", colour), ("stroke-width", "2.5"),
                ("stroke-dasharray", index == 0 ? "none" : index % 2 == 1 ? "7 4" : "2 3"),
            ])
            for axis in axes {
                try w.start("circle")
                for (key, value) in [
                    ("cx", ChartWriter.number(corners[axis].x)), ("cy", ChartWriter.number(corners[axis].y)), ("r", "4"), ("fill", colour),
                ] {
                    try w.attribute(key, value)
                }
                try w.element("title", text: "\(series.name), \(chart.axes[axis]): \(series.values[axis].map(String.init) ?? "–")")
                try w.end()
            }
        }
        for (index, series) in chart.series.enumerated() {
            let y = RadarChartWriter.plotHeight + index * RadarChartWriter.legendRow
            try w.empty("line", attributes: [
                ("x1", "150"), ("y1", String(y + 7)), ("x2", "186"), ("y2", String(y + 7)), ("stroke", colour(index)), ("stroke-width", "3"),
                ("stroke-dasharray", index == 0 ? "none" : index % 2 == 1 ? "7 4" : "2 3"),
            ])
            try w.element("text", [
                "x": "194", "y": String(y + 12), "font-family": font, "font-size": "13", "fill": textColour,
            ], text: series.name)
        }
        try w.end()
    }
}

extension ODFTextWriter {
    /// The cell style of a coloured cell, declared by ``writeToneStyles(_:)``.
    static func toneStyle(_ tone: CellTone) -> String { "Ton_\(tone.rawValue)" }

    /// One automatic cell style per ``CellTone``: the body cell's border and padding on the theme's colour.
    func writeToneStyles(_ w: XMLWriter) throws {
        for tone in [CellTone.green, .yellow, .red] {
            try w.element("style:style", ["style:name": ODFTextWriter.toneStyle(tone), "style:family": "table-cell"]) {
                try w.empty("style:table-cell-properties", [
                    "fo:padding": "0.08cm", "fo:border": "0.5pt solid #8a96a3", "fo:background-color": layout.templates.toneColour(tone),
                ])
            }
        }
    }

    func radar(_ chart: RadarChart, _ w: XMLWriter) throws {
        let writer = RadarChartWriter(chart: chart, templates: layout.templates)
        let svg = try XMLWriter.standaloneSVG("radar image") { try writer.write(to: $0, standalone: true) }
        try image(svg, name: "Radardiagram \(chart.title)", widthCM: 13, heightCM: 13 * Double(writer.height) / Double(RadarChartWriter.width),
                  title: chart.title, description: chart.description, w)
    }
}

extension TemplateSet {
    /// The background of a coloured matrix cell (theme.tsv `lika.tone.*`), light enough for dark text.
    func toneColour(_ tone: CellTone) -> String {
        let fallback = ["green": "#cfead6", "yellow": "#fbecb8", "red": "#f6d0cd"][tone.rawValue]!
        return colours["lika.tone.\(tone.rawValue)"] ?? fallback
    }
}
