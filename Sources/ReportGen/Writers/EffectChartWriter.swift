import Foundation

/// The data of one effektmål's chart: its values in order, from baseline through measured values to target.
struct EffectChart {
    enum Kind: String { case baseline, measured, target }

    struct Point {
        var kind: Kind
        /// The date (baseline, measured) or year (target), as printed under the point; may be empty.
        var label: String
        var value: Double
    }

    /// Unique within the report ("effektdiagram-3"): names the ODF frame.
    var id: String
    var title: String
    /// Every value in words, so the chart never holds what the text does not.
    var description: String
    var unit: String
    var points: [Point]
}

/// Draws an ``EffectChart`` as a small SVG line chart through an ``XMLWriter``: the baseline and measured
/// values joined by a solid line, a dashed line on to the target, every point labelled with its value and
/// date. Inline in the XHTML (role="img" with title and desc), or as a standalone image in the ODF text.
struct EffectChartWriter {
    let chart: EffectChart
    let templates: TemplateSet

    static let width = 560
    static let height = 230
    static let left = 70, right = 24, top = 28, bottom = 56
    static let font = "Liberation Sans, DejaVu Sans, Arial, sans-serif"

    /// The value range drawn: from 0 (or the lowest value, when below 0) to the highest value.
    var range: (low: Double, high: Double) {
        let values = chart.points.map(\.value)
        let low = min(values.min() ?? 0, 0)
        var high = max(values.max() ?? 1, low)
        if high == low { high = low + 1 }
        return (low, high)
    }

    func y(_ value: Double) -> Double {
        let (low, high) = range
        let plot = Double(Self.height - Self.top - Self.bottom)
        return Double(Self.top) + plot * (1 - (value - low) / (high - low))
    }

    func x(_ index: Int) -> Double {
        let plot = Double(Self.width - Self.left - Self.right)
        return Double(Self.left) + plot * (Double(index) + 0.5) / Double(max(chart.points.count, 1))
    }

    func write(to w: XMLWriter, standalone: Bool) throws {
        let text = templates.colour("chart.text")
        let grid = templates.colour("chart.grid")
        let line = templates.colour("chart.started")
        let goal = templates.colour("chart.done")
        try w.startChart(width: Self.width, height: Self.height, standalone: standalone, title: chart.title, description: chart.description)

        // The unit once, above the value axis; the values on the axis and at the points are numbers only,
        // so a long unit ("personer per år") never crowds them.
        if !chart.unit.isEmpty {
            try w.element("text", [
                "x": "8", "y": "14", "font-family": Self.font, "font-size": "11", "fill": text,
            ], text: chart.unit)
        }
        // Grid: the lowest value, the middle and the highest, each with its value.
        let (low, high) = range
        for value in [low, (low + high) / 2, high] {
            let gy = ChartWriter.number(y(value))
            try w.empty("line", attributes: [
                ("x1", String(Self.left)), ("y1", gy), ("x2", String(Self.width - Self.right)), ("y2", gy),
                ("stroke", grid), ("stroke-width", "1"),
            ])
            try w.element("text", [
                "x": String(Self.left - 6), "y": ChartWriter.number(y(value) + 4), "text-anchor": "end",
                "font-family": Self.font, "font-size": "11", "fill": text,
            ], text: SwedishNumber.format(value))
        }

        // Lines: solid through baseline and measured values, dashed from the last of them to the target.
        let actual = chart.points.enumerated().filter { $0.element.kind != .target }
        if actual.count > 1 {
            try w.empty("polyline", attributes: [
                ("points", actual.map { "\(ChartWriter.number(x($0.offset))),\(ChartWriter.number(y($0.element.value)))" }.joined(separator: " ")),
                ("fill", "none"), ("stroke", line), ("stroke-width", "2.5"),
            ])
        }
        if let target = chart.points.indices.last(where: { chart.points[$0].kind == .target }), let last = actual.last {
            try w.empty("line", attributes: [
                ("x1", ChartWriter.number(x(last.offset))), ("y1", ChartWriter.number(y(last.element.value))),
                ("x2", ChartWriter.number(x(target))), ("y2", ChartWriter.number(y(chart.points[target].value))),
                ("stroke", goal), ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
            ])
        }

        // Points, each with its value above and its date (or year) and kind below the plot.
        for (index, point) in chart.points.enumerated() {
            let px = x(index), py = y(point.value)
            let value = SwedishNumber.format(point.value, unit: chart.unit)
            let number = SwedishNumber.format(point.value)
            let word = templates.labels["effect.chart.\(point.kind.rawValue)"]
            if point.kind == .target {
                try w.start("rect")
                for (key, attribute) in [
                    ("x", ChartWriter.number(px - 6)), ("y", ChartWriter.number(py - 6)), ("width", "12"), ("height", "12"),
                    ("fill", goal), ("stroke", "#ffffff"), ("stroke-width", "1"),
                ] { try w.attribute(key, attribute) }
            } else {
                try w.start("circle")
                for (key, attribute) in [
                    ("cx", ChartWriter.number(px)), ("cy", ChartWriter.number(py)), ("r", "6"),
                    ("fill", point.kind == .baseline ? "#ffffff" : line), ("stroke", line), ("stroke-width", "2"),
                ] { try w.attribute(key, attribute) }
            }
            try w.element("title", text: point.label.isEmpty ? "\(word): \(value)" : "\(word): \(value) (\(point.label))")
            try w.end()
            try w.element("text", [
                "x": ChartWriter.number(px), "y": ChartWriter.number(py - 11), "text-anchor": "middle",
                "font-family": Self.font, "font-size": "12", "fill": text,
            ], text: number)
            try w.element("text", [
                "x": ChartWriter.number(px), "y": String(Self.height - Self.bottom + 20), "text-anchor": "middle",
                "font-family": Self.font, "font-size": "11", "fill": text,
            ], text: point.label)
            try w.element("text", [
                "x": ChartWriter.number(px), "y": String(Self.height - Self.bottom + 36), "text-anchor": "middle",
                "font-family": Self.font, "font-size": "11", "fill": text,
            ], text: word)
        }
        try w.end()
    }
}
