import Foundation

/// How far an effektmål has been reached, on the fixed Swedish scale. JSON and the store use the raw
/// values; everything a person reads uses ``swedish``.
public enum EffectOutcome: String, Sendable, Codable, CaseIterable {
    case achieved, partlyAchieved, notAchieved, tooEarly, notAssessable

    /// "Uppnått", "Delvis uppnått", "Ej uppnått", "För tidigt att bedöma", "Går ej att bedöma".
    public var swedish: String {
        switch self {
        case .achieved: "Uppnått"
        case .partlyAchieved: "Delvis uppnått"
        case .notAchieved: "Ej uppnått"
        case .tooEarly: "För tidigt att bedöma"
        case .notAssessable: "Går ej att bedöma"
        }
    }

    /// Reads the Swedish word, ignoring case ("delvis uppnått", "EJ UPPNÅTT").
    public init?(swedish text: String) {
        let key = SwedishText.key(text)
        guard let match = Self.allCases.first(where: { SwedishText.key($0.swedish) == key }) else { return nil }
        self = match
    }
}

/// What a förvaltning says about one effektmål for one period: the assessment, optionally a measured
/// value with its date and source, and a comment.
public struct EffectContent: Sendable, Codable, Equatable {
    public var outcome: EffectOutcome
    /// The indicator's value as measured, in the goal's unit.
    public var value: Double?
    /// When ``value`` was measured.
    public var measuredOn: CalendarDate?
    /// Where ``value`` comes from ("Ärendestatistik, Kontaktcenter").
    public var source: String
    public var comment: String

    public init(
        outcome: EffectOutcome, value: Double? = nil, measuredOn: CalendarDate? = nil, source: String = "", comment: String = ""
    ) {
        self.outcome = outcome
        self.value = value
        self.measuredOn = measuredOn
        self.source = source
        self.comment = comment
    }
}

/// One assessment of one effektmål of one action for one period, as filed. Append-only: a later
/// assessment for the same goal and period ``supersedes`` the earlier one, which stays on record.
public struct EffectAssessment: Sendable, Codable, Equatable {
    /// 1, 2, 3 … in the order the store received the assessments; stable across export and import.
    public var number: Int
    /// The action's code.
    public var action: String
    /// The goal's stable id within the action (``EffectGoal/id``), not its position.
    public var goal: Int
    public var period: String
    public var outcome: EffectOutcome
    public var value: Double?
    public var measuredOn: CalendarDate?
    public var source: String
    public var comment: String
    /// The reporting identity's name at the time.
    public var reporter: String
    public var reportedAt: Timestamp
    /// The number of the earlier assessment for the same goal and period that this one corrects.
    public var supersedes: Int?

    public init(
        number: Int, action: String, goal: Int, period: String, content: EffectContent, reporter: String,
        reportedAt: Timestamp, supersedes: Int? = nil
    ) {
        self.number = number
        self.action = action
        self.goal = goal
        self.period = period
        outcome = content.outcome
        value = content.value
        measuredOn = content.measuredOn
        source = content.source
        comment = content.comment
        self.reporter = reporter
        self.reportedAt = reportedAt
        self.supersedes = supersedes
    }

    /// What the assessment says.
    public var content: EffectContent {
        EffectContent(outcome: outcome, value: value, measuredOn: measuredOn, source: source, comment: comment)
    }
}

/// What a förvaltning files about an effektmål; the store adds number, reporter, time and the
/// superseded assessment.
public struct EffectInput: Sendable, Equatable {
    public var action: String
    /// The goal's 1-based number as the action lists its goals now (`show action`), not its id.
    public var goalNumber: Int
    public var period: Period
    public var content: EffectContent

    public init(action: String, goalNumber: Int, period: Period, content: EffectContent) {
        self.action = action
        self.goalNumber = goalNumber
        self.period = period
        self.content = content
    }
}

/// The assessment in force for a goal in a period: the latest filed for that period or, when none
/// was, the latest for an earlier period, carried over.
public struct EffectEntry: Sendable, Equatable {
    public var assessment: EffectAssessment
    /// True when ``assessment`` is for an earlier period than the one asked for.
    public var carriedOver: Bool

    public init(assessment: EffectAssessment, carriedOver: Bool) {
        self.assessment = assessment
        self.carriedOver = carriedOver
    }
}

/// One effektmål of an action as it stands, with its 1-based number and the assessment in force.
public struct GoalWithAssessment: Sendable, Equatable {
    public var action: String
    /// 1-based position in the action's current list of goals.
    public var number: Int
    public var goal: EffectGoal
    /// The latest assessment for any period (the period ending last, its latest filing); nil: never assessed.
    public var latest: EffectAssessment?

    public init(action: String, number: Int, goal: EffectGoal, latest: EffectAssessment?) {
        self.action = action
        self.number = number
        self.goal = goal
        self.latest = latest
    }
}

/// Reads a number as a person types it: "12,5", "12.5", "1 234", "−3", "80 %" (a trailing percent sign
/// is ignored; the unit belongs to the goal's measure).
public enum SwedishDecimal {
    public static func parse(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if cleaned.hasSuffix("%") { cleaned.removeLast() }
        cleaned = cleaned.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
            .replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, cleaned.filter({ $0 == "." }).count <= 1,
              cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              !cleaned.dropFirst().contains("-"),
              let value = Double(cleaned), value.isFinite
        else { return nil }
        return value
    }
}
