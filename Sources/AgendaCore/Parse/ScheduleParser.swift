import Foundation

/// Reads a tidsplan text ("2017 - 2019", "2017 – utredning, 2018 – inrätta …",
/// "Arbetet startar höstterminen 2016 …") into a ``Schedule``, keeping the text verbatim.
///
/// Start and end are the earliest and latest year the text names. Phases are read from
/// "2017 – utredning", "2017 (förstudien)" and "Utredning 2017"; terms from "höstterminen 2016",
/// "vt 2018". Words without a year ("Löpande", "Pågående", "Klart") keep their text and give no years.
public enum ScheduleParser {
    /// nil or blank text gives an unknown schedule (no years), never an invented one.
    /// Surrounding white space is not kept.
    public static func parse(_ text: String?) -> Schedule {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return Schedule()
        }
        let years = SwedishText.years(in: text)
        return Schedule(
            text: text, startYear: years.min(), endYear: years.max(),
            phases: phases(in: text), terms: terms(in: text)
        )
    }

    /// Segments are separated by ",", ";" or a sentence end; each that reads as a phase gives one.
    static func phases(in text: String) -> [SchedulePhase] {
        SwedishText.sentences(in: text)
            .flatMap { $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }
            .compactMap { phase(in: SwedishText.trimmed($0)) }
    }

    // Regex is not Sendable, yet a Regex is never mutated once built (the standard library publishes its
    // lazily compiled program atomically), so these shared constants are safe across threads. Building a
    // regex on every call (a literal in a function body, a computed property) parsed and compiled it
    // anew each time, which was most of the importer's time.
    // "2017 – utredning", "2017-2018: förstudie", "2017 (förstudien)".
    nonisolated(unsafe) private static let yearThenLabel =
        /((?:19|20)\d\d)(?:\s*[-–—]\s*((?:19|20)\d\d))?\s*(?:[-–—:]\s*|\(\s*)([^\d()]*[^\d()\s])\s*\)?/
    // "Utredning 2017", "Införande 2018–2019": a short label of at most three words.
    nonisolated(unsafe) private static let labelThenYear = /(\p{L}+(?:\s+\p{L}+){0,2})\s+((?:19|20)\d\d)(?:\s*[-–—]\s*((?:19|20)\d\d))?/

    private static func phase(in segment: String) -> SchedulePhase? {
        if let match = segment.wholeMatch(of: yearThenLabel) {
            return makePhase(match.output.1, match.output.2, label: match.output.3)
        }
        if let match = segment.wholeMatch(of: labelThenYear),
           !notPhaseLabels.contains(match.output.1.split(separator: " ")[0].lowercased()) {
            return makePhase(match.output.2, match.output.3, label: match.output.1)
        }
        return nil
    }

    private static func makePhase(_ start: Substring, _ end: Substring?, label: Substring) -> SchedulePhase? {
        guard let startYear = Int(start) else { return nil }
        let endYear = end.flatMap { Int($0) } ?? startYear
        let label = SwedishText.trimmed(label)
        guard !label.isEmpty, endYear >= startYear else { return nil }
        return SchedulePhase(startYear: startYear, endYear: endYear, label: label)
    }

    /// First words before a year that say when, not what: "under 2017", "vt 2018", "efter sommaren 2017".
    private static let notPhaseLabels: Set<String> = [
        "under", "från", "till", "år", "året", "senast", "efter", "före", "innan", "i", "om", "tom", "fr",
        "våren", "hösten", "sommaren", "vintern", "vt", "ht", "vårterminen", "höstterminen",
        "vårtermin", "hösttermin", "läsåret", "kvartal", "tertial", "halvår",
    ]

    nonisolated(unsafe) private static let termPattern =
        /(?i)\b(höstterminen|hösttermin|vårterminen|vårtermin|ht|vt)\s*-?\s*((?:19|20)\d\d|\d\d)\b/
        .wordBoundaryKind(.simple)

    /// "höstterminen 2016", "vårterminen 2019", "ht 2016", "vt-18".
    static func terms(in text: String) -> [SchoolTerm] {
        return text.matches(of: termPattern).compactMap { match in
            guard var year = Int(match.output.2) else { return nil }
            if year < 100 { year += 2000 }
            let season: SchoolTerm.Season = match.output.1.lowercased().hasPrefix("h") ? .autumn : .spring
            return SchoolTerm(season: season, year: year)
        }
    }

}
