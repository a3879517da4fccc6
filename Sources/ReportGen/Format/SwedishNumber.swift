import AgendaCore
import Foundation

/// Writes measured values the Swedish way: "12,5", "1 234", "−3", "80 %". Thousands are grouped with
/// U+00A0 (no-break space), which also separates a number from its unit, as in ``SwedishAmount``.
public enum SwedishNumber {
    /// `value` rounded to at most `decimals` decimals, trailing zeros dropped: 12.5 → "12,5", 80 → "80",
    /// 1234.567 → "1 234,57".
    public static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        let scale = (0..<max(0, decimals)).reduce(1.0) { a, _ in a * 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = UInt(scaled)
        let whole = units / UInt(scale)
        var fraction = String(units % UInt(scale))
        if decimals > 0 {
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        } else {
            fraction = ""
        }
        let sign = value < 0 && units > 0 ? "−" : ""
        return sign + SwedishAmount.grouped(whole) + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// `value` with `unit` after a no-break space ("80 %", "30 st"); the number alone for an empty unit.
    public static func format(_ value: Double, unit: String) -> String {
        unit.isEmpty ? format(value) : "\(format(value))\(SwedishAmount.space)\(unit)"
    }
}

/// An effektmål's measure in one line: "Andel ärenden digitalt: 12,5 % (2017-01-01) → 80 % till 2019, högre är bättre".
public enum EffectMeasureText {
    public static func describe(_ measure: EffectMeasure) -> String {
        var text = measure.indicator
        var parts: [String] = []
        if let baseline = measure.baseline {
            parts.append(SwedishNumber.format(baseline, unit: measure.unit) + (measure.baselineDate.map { " (\($0))" } ?? ""))
        }
        if let target = measure.target {
            parts.append("→ " + SwedishNumber.format(target, unit: measure.unit) + (measure.targetYear.map { " till \($0)" } ?? ""))
        } else if let year = measure.targetYear {
            parts.append("till \(year)")
        }
        if !parts.isEmpty { text += ": " + parts.joined(separator: " ") }
        if parts.isEmpty, !measure.unit.isEmpty { text += " (\(measure.unit))" }
        return text + ", " + measure.direction.swedish
    }
}
