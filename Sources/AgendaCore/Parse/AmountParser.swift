import Foundation

/// A sum of money found in a text: "200 tkr", "ca 4,4 mnkr" (the number and unit only), "1 234 tkr".
struct MoneyAmount: Equatable {
    /// Whole kronor.
    var kronor: Int
    /// The number and its unit, as indices of the string searched.
    var range: Range<String.Index>
}

/// Finds amounts of money in Swedish text. Thousands may be grouped with a space, a no-break
/// space (U+00A0, U+202F) or a full stop ("1 234 tkr", "600.000 kr"); decimals use a comma or a
/// full stop ("4,4 mnkr", "1.2 mkr"). A number without a currency unit is not an amount.
enum AmountParser {
    // Built once: a regex literal in a function body is parsed and compiled on every call. Regex is not
    // Sendable, yet never mutated once built (the standard library publishes its lazily compiled program
    // atomically), so sharing the constant across threads is safe.
    nonisolated(unsafe) private static let pattern =
        /\b(\d{1,3}(?:[ \u{00A0}\u{202F}.]\d{3})+|\d+)(?:[,.](\d+))?\s*(mdkr|miljarder\s+kronor|miljard\s+kronor|miljarder|miljard|mnkr|mkr|msek|mn\s+kr|miljoner\s+kronor|miljon\s+kronor|miljoner|miljon|milj\.?\s*kr|tkr|tsek|kkr|tusen\s+kronor|tusen\s+kr|tusen|kronor|kr|sek|:-)(?!\p{L})/
        .ignoresCase()
        .wordBoundaryKind(.simple)

    static func amounts(in text: Substring) -> [MoneyAmount] {
        return text.matches(of: pattern).compactMap { match in
            let whole = match.output.1.filter(\.isNumber)
            let fraction = match.output.2.map(String.init) ?? "0"
            guard let value = Double("\(whole).\(fraction)") else { return nil }
            let kronor = (value * Double(multiplier(of: match.output.3))).rounded()
            guard kronor < Double(Int.max) else { return nil }
            return MoneyAmount(kronor: Int(kronor), range: match.range)
        }
    }

    private static func multiplier(of unit: Substring) -> Int {
        let unit = unit.lowercased()
        if unit.hasPrefix("md") || unit.hasPrefix("miljard") { return 1_000_000_000 }
        if unit.hasPrefix("m") { return 1_000_000 }
        if unit.hasPrefix("t") || unit.hasPrefix("kk") { return 1_000 }
        return 1
    }
}
