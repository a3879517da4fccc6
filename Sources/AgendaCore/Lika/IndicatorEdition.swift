import Foundation

/// Editions of an indicator set side by side. SKR's tools renumber and reword their indicators from one
/// edition to the next, and a municipality's plan is as old as the tool it was made with, so an indicator
/// is known only where its code *and* its text agree; nothing is matched by code alone.
///
/// Each edition is an ``IndicatorSet`` of its own (the one that ships, one loaded with `agenda lika set
/// import`, or the plan's own edition made when a plan is imported). Whether two indicators of different
/// editions match is computed from their codes and texts, never stored, so it holds the same way for the
/// answers of every edition.
public enum IndicatorEdition {
    /// Whether the indicator `code` with `text` is the same indicator as `otherCode` with `otherText`: the
    /// codes are equal (ignoring case and spaces) and the texts agree (``textsAgree(_:_:)``).
    public static func matches(code: String, text: String, otherCode: String, otherText: String) -> Bool {
        normalisedCode(code) == normalisedCode(otherCode) && textsAgree(text, otherText)
    }

    /// Whether two texts of an indicator say the same: equal ignoring case, Unicode form, white space and a
    /// final full stop; or one is the other's main clause, the other going on with an elaboration — a
    /// parenthesis, a dash or a new sentence ("… kollegor emellan." quotes "… kollegor emellan (delar
    /// dokument, …)."), as plans often quote an indicator. A reworded text does not agree.
    public static func textsAgree(_ a: String, _ b: String) -> Bool {
        let x = normalisedText(a), y = normalisedText(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        if x == y { return true }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        guard long.hasPrefix(short) else { return false }
        let rest = long.dropFirst(short.count)
        return [" (", " - ", " – ", " — ", ". ", "; ", ": "].contains { rest.hasPrefix($0) }
    }

    /// The indicator of `set` that `indicator` is (same code, texts agree); nil when the set has none.
    public static func match(_ indicator: Indicator, in set: IndicatorSet) -> Indicator? {
        guard let known = set.indicator(normalisedCode(indicator.code)) else { return nil }
        return textsAgree(indicator.text, known.text) ? known : nil
    }

    /// How many indicators of `set` are indicators of `other` (same code, texts agree).
    public static func matchCount(_ set: IndicatorSet, in other: IndicatorSet) -> Int {
        set.indicators.filter { match($0, in: other) != nil }.count
    }

    static func normalisedCode(_ code: String) -> String {
        code.replacingOccurrences(of: " ", with: "").uppercased()
    }

    static func normalisedText(_ text: String) -> String {
        var key = SwedishText.key(text)
        while let last = key.last, ".;:".contains(last) { key.removeLast() }
        return key.trimmingCharacters(in: .whitespaces)
    }

    /// An indicator as a document (a LIKA table plan, SKR's export of a self-assessment) writes it, with the
    /// area's name as written ("Ledning"; for an area no known edition has) and the line it first stands on.
    public struct Written: Sendable, Equatable {
        public var indicator: Indicator
        public var areaName: String
        public var line: Int

        public init(indicator: Indicator, areaName: String, line: Int) {
            self.indicator = indicator
            self.areaName = areaName
            self.line = line
        }
    }

    /// What the indicators placed come from, which names their own edition: "LIKA Socialtjänst (planens
    /// utgåva)", key `lika-socialtjanst-plan`; "(exportens utgåva)", `lika-socialtjanst-export`.
    public enum Source: String, Sendable {
        case plan
        case export

        /// "planen", "exporten".
        public var definite: String { self == .plan ? "planen" : "exporten" }
        /// "planens", "exportens".
        public var genitive: String { self == .plan ? "planens" : "exportens" }
    }

    /// Where a document's indicators are recorded: in a known edition every one of them agrees with, or else
    /// in the document's own edition, which holds them all with their codes and texts as written.
    public struct Placement: Sendable, Equatable {
        /// The key of the set to record against.
        public var key: String
        /// The document's own edition to store first; nil when a known edition holds every indicator.
        public var ownEdition: IndicatorSet?
        /// The known edition the document is closest to (the one it was placed in, or the one its own edition is compared with).
        public var known: IndicatorSet
        /// The document's indicators that `known` lacks with that code and text, in the document's order.
        public var unknown: [Indicator]
        /// How many of the document's indicators agree with `known`.
        public var matched: Int
    }

    /// Places `indicators` (as a document from `source` writes them, in its order; a plan's local indicators
    /// left out) among the `known` editions (stored sets first, then those built in; the first is the
    /// default): in the first edition that holds every one of them; else in a new edition, keyed by `ownKey`
    /// and named for `source`, based on the known edition that holds most of them (ties: the earlier).
    /// An area no known edition has gets the name `areaNames` gives its code (else the code).
    public static func place(
        _ indicators: [Indicator], areaNames: [String: String] = [:], among known: [IndicatorSet], source: Source,
        ownKey: (IndicatorSet) -> String
    ) -> Placement {
        precondition(!known.isEmpty, "there is always the built-in edition")
        func matchedCount(_ set: IndicatorSet) -> Int { indicators.filter { match($0, in: set) != nil }.count }
        if let fit = known.first(where: { matchedCount($0) == indicators.count }) {
            return Placement(key: fit.key, ownEdition: nil, known: fit, unknown: [], matched: indicators.count)
        }
        var best = known[0], most = matchedCount(known[0])
        for set in known.dropFirst() {
            let count = matchedCount(set)
            if count > most { (best, most) = (set, count) }
        }
        let key = ownKey(best)
        var own = IndicatorSet(key: key, name: "\(best.name) (\(source.genitive) utgåva)", areas: best.areas)
        for indicator in indicators where !own.areas.contains(where: { $0.code == indicator.area }) {
            own.areas.append(IndicatorArea(code: indicator.area, name: areaNames[indicator.area] ?? indicator.area))
        }
        own.indicators = own.sorted(indicators)
        return Placement(
            key: key, ownEdition: own, known: best, unknown: indicators.filter { match($0, in: best) == nil }, matched: most)
    }
}
