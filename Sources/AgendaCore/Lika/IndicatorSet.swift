import AgendaTemplates
import Foundation

/// An area of an indicator set: LIKA's Ledning (L), Infrastruktur (I), Kompetens (K), Användning (A).
public struct IndicatorArea: Sendable, Codable, Equatable, Hashable {
    /// The letter the set's indicator codes start with: "L".
    public var code: String
    /// The Swedish name: "Ledning".
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// One indicator of a set as it reads now: "L1 Det finns politiskt antagna mål …".
public struct Indicator: Sendable, Codable, Equatable, Hashable {
    /// "L1", "I2", "K3", "A5"; unique within its set.
    public var code: String
    /// The code of its area ("L").
    public var area: String
    /// What the indicator says, in its latest edition.
    public var text: String
    /// The set's suggested activity (LIKA's "Exempel på aktivitet: …"); empty when it has none.
    public var suggestion: String

    public init(code: String, area: String, text: String, suggestion: String = "") {
        self.code = code
        self.area = area
        self.text = text
        self.suggestion = suggestion
    }
}

/// A set of indicators a unit assesses itself against (LIKA Socialtjänst, LIKA Skola, eBlomlådan, a
/// municipality's own), with its areas in order and its indicators as they read now.
public struct IndicatorSet: Sendable, Codable, Equatable {
    /// "lika-socialtjanst".
    public var key: String
    /// "LIKA Socialtjänst".
    public var name: String
    public var areas: [IndicatorArea]
    /// In area order, then by code ("L2" before "L10").
    public var indicators: [Indicator]

    public init(key: String, name: String, areas: [IndicatorArea], indicators: [Indicator] = []) {
        self.key = key
        self.name = name
        self.areas = areas
        self.indicators = indicators
    }

    /// The key of the set that ships with Agenda.
    public static let likaSocialtjanstKey = "lika-socialtjanst"

    /// LIKA's four areas with their Swedish names.
    public static let likaAreas: [IndicatorArea] = [
        IndicatorArea(code: "L", name: "Ledning"), IndicatorArea(code: "I", name: "Infrastruktur"),
        IndicatorArea(code: "K", name: "Kompetens"), IndicatorArea(code: "A", name: "Användning"),
    ]

    /// The file in templates/sample the built-in LIKA Socialtjänst set is read from (a self-assessment
    /// exported from SKR's tool; its answers are not part of the set).
    public static let likaSocialtjanstFile = "lika-socialtjanst-sjalvskattning.tsv"

    /// LIKA Socialtjänst as it ships with Agenda: its 41 indicators with their suggestions, read from the
    /// built-in export. Assessments that bring new indicators extend the stored copy.
    public static let likaSocialtjanst: IndicatorSet = {
        var set = IndicatorSet(key: likaSocialtjanstKey, name: "LIKA Socialtjänst", areas: likaAreas)
        if let text = EmbeddedFiles.sample.text(likaSocialtjanstFile),
           let export = try? LikaExportReader.read(text, source: likaSocialtjanstFile, answers: nil) {
            set.indicators = export.rows.map { row in
                Indicator(code: row.code, area: row.area ?? set.areaCode(forCode: row.code) ?? "", text: row.indicator, suggestion: row.suggestion)
            }
            set.indicators = set.sorted(set.indicators)
        }
        return set
    }()

    /// The sets Agenda knows without a database, by key.
    public static let builtIn: [String: IndicatorSet] = [likaSocialtjanstKey: likaSocialtjanst]

    /// The indicator with `code` (ignoring case), if the set has it.
    public func indicator(_ code: String) -> Indicator? {
        let key = code.uppercased()
        return indicators.first { $0.code.uppercased() == key }
    }

    /// The area with `code`, if the set has it.
    public func area(_ code: String) -> IndicatorArea? { areas.first { $0.code == code } }

    /// The area an indicator code belongs to, by its leading letters ("L12" → "L"); nil when none matches.
    public func areaCode(forCode code: String) -> String? {
        let letters = String(code.prefix { $0.isLetter }).uppercased()
        return areas.first { $0.code.uppercased() == letters }?.code
    }

    /// The area a name (or code) in an export means, ignoring case: "Ledning" or "L".
    public func areaCode(forName name: String) -> String? {
        let key = SwedishText.key(name)
        return areas.first { SwedishText.key($0.name) == key || SwedishText.key($0.code) == key }?.code
    }

    /// `indicators` in the set's order: by area, then by code with numbers compared as numbers.
    public func sorted(_ indicators: [Indicator]) -> [Indicator] {
        let positions = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.code, $0) })
        return indicators.sorted { a, b in
            let pa = positions[a.area] ?? Int.max, pb = positions[b.area] ?? Int.max
            if pa != pb { return pa < pb }
            return IndicatorSet.codeOrder(a.code, b.code)
        }
    }

    /// "L2" before "L10": by the letters, then the number, then the whole code.
    static func codeOrder(_ a: String, _ b: String) -> Bool {
        func parts(_ code: String) -> (String, Int, String) {
            let letters = String(code.prefix { $0.isLetter })
            let digits = code.dropFirst(letters.count).prefix { $0.isNumber }
            return (letters, Int(digits) ?? Int.max, code)
        }
        let pa = parts(a), pb = parts(b)
        return (pa.0, pa.1, pa.2) < (pb.0, pb.1, pb.2)
    }
}
