/// Writes kronor the way Swedish municipal reports do: "200 tkr", "1 234 tkr", "4,4 mnkr", "ca 4,4 mnkr".
///
/// Thousands are grouped with U+00A0 (no-break space), which also separates number and unit,
/// so an amount never breaks across lines.
public enum SwedishAmount {
    /// The space used between digit groups and before the unit.
    public static let space = "\u{00A0}"

    /// Whether to choose the unit by size or always use tkr.
    public enum Style: Sendable {
        /// mnkr with one decimal from 1 000 000 kr, else tkr.
        case automatic
        /// Always whole tkr, for columns that should line up.
        case thousands
    }

    /// `kronor` formatted; amounts under 1 000 kr stay in kr. Negative amounts keep their sign.
    public static func format(_ kronor: Int, approximate: Bool = false, style: Style = .automatic) -> String {
        let prefix = approximate ? "ca\(space)" : ""
        let sign = kronor < 0 ? "−" : ""
        let value = kronor.magnitude
        let body: String
        if value == 0 {
            body = style == .thousands ? "0\(space)tkr" : "0\(space)kr"
        } else if style == .automatic && value >= 1_000_000 {
            let tenths = (value + 50_000) / 100_000
            body = "\(grouped(tenths / 10)),\(tenths % 10)\(space)mnkr"
        } else if value < 1_000 && style == .automatic {
            body = "\(grouped(value))\(space)kr"
        } else {
            body = "\(grouped((value + 500) / 1_000))\(space)tkr"
        }
        return prefix + sign + body
    }

    /// 1234567 → "1 234 567" with no-break spaces.
    public static func grouped(_ n: UInt) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += space }
            out.append(d)
        }
        return out
    }
}
