import AgendaCore
import Foundation

/// One answer of a self-assessment as the LIKA report shows it.
public struct LikaAnswer: Sendable, Equatable {
    public var code: String
    public var area: IndicatorArea
    public var indicator: String
    public var answer: MaturityAnswer
    /// LIKA's priority step (1–3); nil when none was given.
    public var step: Int?
    public var comment: String

    public init(code: String, area: IndicatorArea, indicator: String, answer: MaturityAnswer, step: Int? = nil, comment: String = "") {
        self.code = code
        self.area = area
        self.indicator = indicator
        self.answer = answer
        self.step = step
        self.comment = comment
    }

    public init(_ answer: AssessmentAnswer) {
        self.init(code: answer.code, area: answer.area, indicator: answer.indicator, answer: answer.answer, step: answer.step, comment: answer.comment)
    }
}

/// A self-assessment in a LIKA report: a unit (or a municipality) on a date, with its answers.
public struct LikaAssessment: Sendable, Equatable {
    /// The unit's or municipality's name as the report prints it.
    public var name: String
    /// The assessment's date; nil when the source does not say (a LIKA file in a comparison).
    public var date: CalendarDate?
    public var answers: [LikaAnswer]
    /// In a comparison, the municipality and the verksamhet within it when `name` names both
    /// ("Mölndals stad – Äldreomsorg"), so anonymising gives one letter per municipality.
    public var municipality: String?
    public var unit: String?
    /// In a summary, an assessment made against another edition of the indicators than the one reported on:
    /// it holds only the answers whose indicators match (same code and text), under the report's codes.
    public var edition: LikaEdition?

    public init(
        name: String, date: CalendarDate?, answers: [LikaAnswer], municipality: String? = nil, unit: String? = nil, edition: LikaEdition? = nil
    ) {
        self.name = name
        self.date = date
        self.answers = answers
        self.municipality = municipality
        self.unit = unit
        self.edition = edition
    }

    /// This assessment of the set `setName` as set beside `main`, an assessment of another edition: only the
    /// answers whose indicator matches one of `main`'s (``IndicatorEdition/matches(code:text:otherCode:otherText:)``),
    /// each under `main`'s code and area, so figures and tables line up indicator by indicator.
    func matched(to main: LikaAssessment, setName: String) -> LikaAssessment {
        var result = self
        result.answers = answers.compactMap { answer in
            guard let same = main.answers.first(where: {
                IndicatorEdition.matches(code: $0.code, text: $0.indicator, otherCode: answer.code, otherText: answer.indicator)
            }) else { return nil }
            var moved = answer
            moved.code = same.code
            moved.area = same.area
            return moved
        }
        result.edition = LikaEdition(setName: setName, matched: result.answers.count, answered: answers.count)
        return result
    }

    /// Only the answers to the indicators `other` answers too (for comparing like with like across editions).
    func restricted(to other: LikaAssessment) -> LikaAssessment {
        let codes = Set(other.answers.map(\.code))
        var result = self
        result.answers = answers.filter { codes.contains($0.code) }
        return result
    }

    /// "Äldreomsorg 2024-03-01", or the name alone without a date.
    public var label: String { date.map { "\(name) \($0)" } ?? name }

    /// The distribution and index of each of `areas`.
    public func figures(_ areas: [IndicatorArea]) -> [LikaAreaFigures] {
        areas.map { area in
            let answers = answers.filter { $0.area.code == area.code }.map(\.answer)
            return LikaAreaFigures(
                area: area, counts: answers.reduce(into: [:]) { $0[$1, default: 0] += 1 }, index: LikaIndex.index(answers))
        }
    }

    /// Answers on the scale below *Uppfyllt* (*Ej relevant* left out).
    public var belowTop: [LikaAnswer] { answers.filter { $0.answer.isBelow(.fulfilled) } }
}

/// The other edition an assessment in a summary was made against, and how much of it could be compared.
public struct LikaEdition: Sendable, Equatable {
    /// The name of that edition's set ("LIKA Socialtjänst (planens utgåva)").
    public var setName: String
    /// How many of its answers match an indicator of the report's assessment.
    public var matched: Int
    /// How many answers it has in all.
    public var answered: Int
}

/// An area's figures in one assessment: how many indicators got each answer, and the maturity index.
public struct LikaAreaFigures: Sendable, Equatable {
    public var area: IndicatorArea
    public var counts: [MaturityAnswer: Int]
    /// 0–100; nil when no answer lies on the scale.
    public var index: Int?

    public func count(_ answer: MaturityAnswer) -> Int { counts[answer] ?? 0 }
}

/// The maturity index: the mean of the answers' steps on the scale, *Ej planerad* = 0, *Planerad* = 1,
/// *Påbörjad* = 2, *Nästan där* = 3, *Uppfyllt* = 4, scaled to 0–100 and rounded half up;
/// *Ej relevant* is left out. No answer on the scale gives no index.
public enum LikaIndex {
    public static func index(_ answers: [MaturityAnswer]) -> Int? {
        let ranks = answers.compactMap(\.rank)
        guard !ranks.isEmpty else { return nil }
        let sum = ranks.reduce(0, +), n = ranks.count
        // round(100 · sum / (4n)) in integers: (200 · sum + 4n) / (8n).
        return (200 * sum + 4 * n) / (8 * n)
    }
}

/// The thresholds of the colour matrix (templates/default/lika-thresholds.tsv): an index of `green` or
/// more is grön, of `yellow` or more gul, below it röd.
public struct LikaThresholds: Sendable, Equatable {
    public var green: Int
    public var yellow: Int

    public init(green: Int = 75, yellow: Int = 50) {
        self.green = green
        self.yellow = yellow
    }

    /// The colour of an index; nil when there is no index.
    public func tone(_ index: Int?) -> CellTone? {
        guard let index else { return nil }
        return index >= green ? .green : index >= yellow ? .yellow : .red
    }

    /// Reads `green` and `yellow` (whole numbers 0–100, yellow ≤ green) from a key–value file.
    init(data: Data, file: String) throws {
        let values = try KeyValueFile(data: data, file: file).values
        func number(_ key: String) throws -> Int {
            guard let text = values[key], let value = Int(text), (0...100).contains(value) else {
                throw ReportError.templateMalformed(file: file, reason: "\"\(key)\" måste vara ett heltal 0–100")
            }
            return value
        }
        self.init(green: try number("green"), yellow: try number("yellow"))
        guard yellow <= green else {
            throw ReportError.templateMalformed(file: file, reason: "gränsen för gul (\(yellow)) får inte vara högre än den för grön (\(green))")
        }
    }
}


/// A colour a table cell carries (the LIKA matrix); its text always names it too.
public enum CellTone: String, Sendable, Equatable {
    case green, yellow, red
}

/// An action linked to an indicator, with its latest status, as the LIKA report shows it.
public struct LikaLinkedAction: Sendable, Equatable {
    public var code: String
    public var title: String
    public var status: ProgressStatus?
    public var light: TrafficLight?
    /// The period of the latest report.
    public var period: String?

    public init(code: String, title: String, status: ProgressStatus? = nil, light: TrafficLight? = nil, period: String? = nil) {
        self.code = code
        self.title = title
        self.status = status
        self.light = light
        self.period = period
    }

    init(_ linked: LinkedAction) {
        self.init(
            code: linked.action.code, title: linked.action.title, status: linked.latest?.content.status,
            light: linked.latest?.content.light, period: linked.latest?.period)
    }
}

/// What a LIKA report shows: a unit's summary (its latest self-assessment, what changed, the loop to the
/// plan's actions) or a comparison of several municipalities' assessments side by side.
public struct LikaReportModel: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case summary, comparison }

    public var kind: Kind
    public var organisation: String
    /// The indicator set's name ("LIKA Socialtjänst").
    public var setName: String
    /// The areas shown, in the set's order.
    public var areas: [IndicatorArea]
    /// Summary: the one assessment reported on. Comparison: every municipality's, in order.
    public var assessments: [LikaAssessment]
    /// Summary: assessments named with `--compare` (an earlier date, another unit), overlaid and set beside.
    public var comparisons: [LikaAssessment] = []
    /// Summary: the unit's assessment before this one; nil for its first.
    public var previous: LikaAssessment?
    /// Summary: every assessed unit's latest assessment of the set, for the colour matrix.
    public var units: [LikaAssessment] = []
    /// Summary: the actions linked to each indicator below the top step, by indicator code.
    public var linkedActions: [String: [LikaLinkedAction]] = [:]
    /// Comparison: names were replaced by "Kommun A", "Kommun B", ….
    public var anonymised = false
    /// The file name without extension ("lika-aldreomsorg-2024-03-01", "lika-jamforelse").
    public var baseName: String

    public init(
        kind: Kind, organisation: String, setName: String, areas: [IndicatorArea], assessments: [LikaAssessment],
        comparisons: [LikaAssessment] = [], previous: LikaAssessment? = nil, units: [LikaAssessment] = [],
        linkedActions: [String: [LikaLinkedAction]] = [:], anonymised: Bool = false, baseName: String
    ) {
        self.kind = kind
        self.organisation = organisation
        self.setName = setName
        self.areas = areas
        self.assessments = assessments
        self.comparisons = comparisons
        self.previous = previous
        self.units = units
        self.linkedActions = linkedActions
        self.anonymised = anonymised
        self.baseName = baseName
    }

    /// The date the report speaks for: the latest assessment's.
    public var date: CalendarDate? { assessments.compactMap(\.date).max() }

    /// The areas of `set` that `assessments` answer, in the set's order, then any other area in the order met.
    static func areas(of set: IndicatorSet?, in assessments: [LikaAssessment]) -> [IndicatorArea] {
        let answered = assessments.flatMap(\.answers).map(\.area)
        var areas = (set?.areas ?? []).filter { area in answered.contains { $0.code == area.code } }
        for area in answered where !areas.contains(where: { $0.code == area.code }) { areas.append(area) }
        return areas
    }
}

/// A unit's line in the period report's LIKA section.
public struct LikaUnitStatus: Sendable, Equatable {
    public var unit: String
    public var date: CalendarDate
    public var figures: [LikaAreaFigures]
    /// Indicators below *Uppfyllt*.
    public var belowTop: Int
    /// Of those, how many have at least one linked action.
    public var withAction: Int
}

extension String {
    /// A file-name part (``Swift/String/asciiSlug``), "enhet" when nothing is left.
    var fileSlug: String {
        let slug = asciiSlug
        return slug.isEmpty ? "enhet" : slug
    }
}
