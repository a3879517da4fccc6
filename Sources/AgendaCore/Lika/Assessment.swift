import Foundation

/// A unit that assesses itself: the municipality, a förvaltning, or a verksamhet such as Äldreomsorg,
/// IFO or Funktionshinderområde, optionally belonging to a förvaltning of the organisation register.
public struct AssessedUnit: Sendable, Codable, Equatable {
    /// "Äldreomsorg".
    public var name: String
    /// The förvaltning of the register it belongs to ("Social- och arbetsmarknadsförvaltningen"); nil: none.
    /// A förvaltning (reporter) records self-assessments only for its own units.
    public var department: String?

    public init(name: String, department: String? = nil) {
        self.name = name
        self.department = department
    }
}

/// One answer of a self-assessment as recorded: a unit's answer on one indicator on one date.
///
/// Answers are append-only. Recording again for the same unit, date and indicator supersedes the
/// earlier answer (``supersedes``), which stays on record; the latest is the answer in force.
public struct AssessmentAnswer: Sendable, Codable, Equatable {
    /// The store's number for the answer (1, 2, …), in the order recorded.
    public var number: Int
    /// The assessed unit's name.
    public var unit: String
    /// The date of the self-assessment.
    public var date: CalendarDate
    /// The indicator set's key ("lika-socialtjanst").
    public var set: String
    /// The indicator's code ("L1").
    public var code: String
    /// The indicator's area.
    public var area: IndicatorArea
    /// The indicator's text as it read when answered (a later edition's text does not change it).
    public var indicator: String
    public var answer: MaturityAnswer
    /// The priority step (LIKA's "Steg 1", "Steg 2", "Steg 3"); nil when the assessment gave none.
    public var step: Int?
    public var comment: String
    /// Who recorded it (an identity's name) and when.
    public var recordedBy: String
    public var recordedAt: Timestamp
    /// The number of the answer this one corrects; nil for a first answer.
    public var supersedes: Int?

    public init(
        number: Int, unit: String, date: CalendarDate, set: String, code: String, area: IndicatorArea, indicator: String,
        answer: MaturityAnswer, step: Int?, comment: String, recordedBy: String, recordedAt: Timestamp, supersedes: Int? = nil
    ) {
        self.number = number
        self.unit = unit
        self.date = date
        self.set = set
        self.code = code
        self.area = area
        self.indicator = indicator
        self.answer = answer
        self.step = step
        self.comment = comment
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.supersedes = supersedes
    }
}

/// A self-assessment to record: a unit's answers on one date against one indicator set.
public struct AssessmentInput: Sendable, Equatable {
    /// The assessed unit's name; a new name is added (to `department`, when given).
    public var unit: String
    /// The förvaltning (name or alias) a new unit belongs to; for an existing unit it must agree or be nil.
    public var department: String?
    public var date: CalendarDate
    /// The indicator set's key.
    public var set: String
    public var answers: [Item]

    /// The earliest date a self-assessment may have: SKR's LIKA tools are younger, so an earlier date is a typing mistake.
    public static let earliestDate = CalendarDate(year: 2000, month: 1, day: 1)

    /// Why a self-assessment cannot be dated `date` on `today`, or nil when it can: it is dated the day it
    /// is made, so never after today, nor before ``earliestDate``.
    public static func dateProblem(_ date: CalendarDate, today: CalendarDate) -> InputProblem? {
        if date > today { return .dateInFuture(date, today: today) }
        if date < earliestDate { return .dateBefore(date, earliest: earliestDate) }
        return nil
    }

    /// Refuses what ``dateProblem(_:today:)`` finds.
    public static func checkDate(_ date: CalendarDate, today: CalendarDate) throws {
        if let problem = dateProblem(date, today: today) { throw StoreError.invalidInput(.date, problem) }
    }

    public init(unit: String, department: String? = nil, date: CalendarDate, set: String = IndicatorSet.likaSocialtjanstKey, answers: [Item]) {
        self.unit = unit
        self.department = department
        self.date = date
        self.set = set
        self.answers = answers
    }

    /// One answered indicator. The indicator's text (and suggestion, and area) are those of the assessed
    /// edition: an indicator the set lacks is added to it, and a changed text is recorded as a new edition
    /// of the indicator (the earlier text stays on record with the answers given to it).
    public struct Item: Sendable, Equatable {
        public var code: String
        /// The area's code ("L"); nil: from the code's letters.
        public var area: String?
        /// The indicator's text; empty: as the set has it.
        public var indicator: String
        /// The suggested activity; empty: as the set has it.
        public var suggestion: String
        public var answer: MaturityAnswer
        /// 1–3 or nil.
        public var step: Int?
        public var comment: String

        public init(
            code: String, area: String? = nil, indicator: String = "", suggestion: String = "", answer: MaturityAnswer,
            step: Int? = nil, comment: String = ""
        ) {
            self.code = code
            self.area = area
            self.indicator = indicator
            self.suggestion = suggestion
            self.answer = answer
            self.step = step
            self.comment = comment
        }
    }
}

/// What recording a self-assessment did.
public struct AssessmentFiling: Sendable, Equatable {
    /// The answers recorded, in the input's order.
    public var answers: [AssessmentAnswer]
    /// Codes of indicators the set did not have and now has.
    public var newIndicators: [String]
    /// Codes of indicators whose text changed (a new edition recorded).
    public var changedIndicators: [String]
    /// How many answers corrected an earlier answer for the same unit, date and indicator.
    public var corrected: Int
}

/// What importing SKR's export of a self-assessment did (``AgendaService/importAssessment(_:unit:department:date:set:by:)``).
public struct AssessmentImport: Sendable, Equatable {
    public var filing: AssessmentFiling
    /// The export's own warnings and, when its indicators were kept in an edition of their own, the one
    /// naming those the closest known edition lacks; in line order.
    public var warnings: [ImportWarning]
}

/// One self-assessment on record: a unit on a date, with how many indicators got each answer.
public struct AssessmentSummary: Sendable, Equatable {
    public var unit: AssessedUnit
    public var date: CalendarDate
    public var set: String
    /// Answers in force per answer, in scale order; answers absent are left out.
    public var counts: [MaturityAnswer: Int]
    /// All answers in force.
    public var total: Int
}

/// Which answers in force to read.
public struct AnswerQuery: Sendable, Equatable {
    /// Only this unit's (by name, ignoring case); nil: every unit's.
    public var unit: String?
    /// Only the assessment of this date; nil: every date (or see `asOf`).
    public var date: CalendarDate?
    /// Per unit, only its latest assessment on or before this date; nil: no such limit.
    public var asOf: CalendarDate?
    /// Per unit, only its latest assessment (the same as `asOf` today).
    public var latestOnly: Bool
    /// Only this set's; nil: every set's.
    public var set: String?

    public init(unit: String? = nil, date: CalendarDate? = nil, asOf: CalendarDate? = nil, latestOnly: Bool = false, set: String? = nil) {
        self.unit = unit
        self.date = date
        self.asOf = asOf
        self.latestOnly = latestOnly
        self.set = set
    }
}

/// An indicator below a level in a unit's latest assessment, with the set's suggestion and the actions
/// already linked to it.
public struct IndicatorSuggestion: Sendable, Equatable {
    public var answer: AssessmentAnswer
    /// The set's suggested activity as it reads now.
    public var suggestion: String
    /// Codes of the actions linked to the indicator, in plan order.
    public var linkedActions: [String]
}

/// An action linked to an indicator, with its latest status.
public struct LinkedAction: Sendable, Equatable {
    public var action: Action
    /// The latest report for any period; nil: never reported.
    public var latest: StatusReport?
    /// The revision (decision) that made the link.
    public var revision: Int
}

/// An indicator an action is linked to: the set, the indicator as it reads now, and the decision.
public struct IndicatorLink: Sendable, Codable, Equatable {
    /// The action's code.
    public var action: String
    /// The indicator set's key.
    public var set: String
    /// The indicator's code.
    public var code: String
    /// The revision (decision) that made the link.
    public var revision: Int

    public init(action: String, set: String, code: String, revision: Int) {
        self.action = action
        self.set = set
        self.code = code
        self.revision = revision
    }
}

/// An indicator linked to an action, for `show action` and the reports: the link and the indicator.
public struct LinkedIndicator: Sendable, Equatable {
    public var link: IndicatorLink
    public var indicator: Indicator
    public var area: IndicatorArea
}
