/// Tidsplan: the verbatim text and what could be read from it.
/// A missing tidsplan is unknown (``text`` nil), never invented.
public struct Schedule: Sendable, Codable, Equatable {
    /// "2017 – utredning, 2018 – inrätta en fri surfzon i Mölndals centrum"; nil when the plan gives none.
    public var text: String?
    public var startYear: Int?
    public var endYear: Int?
    /// "2017 – utredning", "2018 – inrätta …": what happens in which years.
    public var phases: [SchedulePhase]
    /// School terms named in the text, "höstterminen 2016".
    public var terms: [SchoolTerm]

    public init(text: String? = nil, startYear: Int? = nil, endYear: Int? = nil, phases: [SchedulePhase] = [], terms: [SchoolTerm] = []) {
        self.text = text
        self.startYear = startYear
        self.endYear = endYear
        self.phases = phases
        self.terms = terms
    }

    /// The years the schedule spans, start through end; empty when unknown.
    public var years: [Int] {
        guard let start = startYear else { return [] }
        return Array(start...(endYear ?? start))
    }
}

public struct SchedulePhase: Sendable, Codable, Equatable {
    public var startYear: Int
    public var endYear: Int
    /// "utredning", "inrätta en fri surfzon i Mölndals centrum".
    public var label: String

    public init(startYear: Int, endYear: Int, label: String) {
        self.startYear = startYear
        self.endYear = endYear
        self.label = label
    }
}

public struct SchoolTerm: Sendable, Codable, Equatable {
    public enum Season: String, Sendable, Codable, Equatable {
        /// vårterminen
        case spring
        /// höstterminen
        case autumn
    }

    public var season: Season
    public var year: Int

    public init(season: Season, year: Int) {
        self.season = season
        self.year = year
    }
}
