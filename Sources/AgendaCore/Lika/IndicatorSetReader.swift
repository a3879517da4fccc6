import Foundation

/// Reads an indicator set a municipality loads (`agenda lika set import`): SKR's export of a tool (an
/// edition of LIKA Socialtjänst, LIKA for another sector; its Svar column, if any, is not read) or a
/// table of area, code, text and suggestion with a header row (Område, Kod, Indikator or Lydelse,
/// Aktivitetsförslag). Tab-separated, read by ``LikaExportReader``; nothing is written.
public enum IndicatorSetReader {
    /// What was read: the set and warnings for rows not placed.
    public struct Read: Sendable, Equatable {
        public var set: IndicatorSet
        public var warnings: [ImportWarning]
    }

    /// Reads `text` as the set `key` named `name`. LIKA's four areas come first, in their order; an area
    /// the file names that is none of them becomes an area of its own, named as written, coded by its
    /// indicators' letters. Throws ``AssessmentError`` for a file without indicators, a repeated code or a
    /// row without a text.
    public static func read(_ text: String, source: String, key: String, name: String) throws -> Read {
        let export = try LikaExportReader.read(text, source: source, answers: nil)
        var set = IndicatorSet(key: key, name: name, areas: IndicatorSet.likaAreas)
        for written in export.indicators {
            let area = written.indicator.area
            if set.area(area) == nil { set.areas.append(IndicatorArea(code: area, name: written.areaName.isEmpty ? area : written.areaName)) }
            set.indicators.append(written.indicator)
        }
        set.areas.removeAll { area in !set.indicators.contains { $0.area == area.code } }
        set.indicators = set.sorted(set.indicators)
        return Read(set: set, warnings: export.warnings)
    }

    /// A key from a name: "LIKA Socialtjänst 2016" → "lika-socialtjanst-2016".
    public static func key(fromName name: String) -> String { name.asciiSlug }
}
