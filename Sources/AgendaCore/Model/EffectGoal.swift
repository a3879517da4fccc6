/// One effektmål of an action: the text as the plan adopted it, verbatim, with a stable id and,
/// once the IT-chef has set one under a decision, a measure.
///
/// The id is stable within its action: a revision that leaves the goal's text unchanged, or only adds
/// or removes other goals, keeps it, so assessments filed against the goal stay attached to it. Ids
/// are 1, 2, 3 … in the order goals were first added to the action, never reused. The number a person
/// types (`agenda effect set 1.2 2`) is the goal's position in the current version, 1-based, which may
/// differ from its id once goals have been removed.
public struct EffectGoal: Sendable, Codable, Equatable {
    /// Stable within the action; 0 only for a goal not yet stored (the store assigns the next free id).
    public var id: Int
    /// The goal as written in the plan.
    public var text: String
    /// How the goal is measured, when it is.
    public var measure: EffectMeasure?

    public init(id: Int = 0, text: String, measure: EffectMeasure? = nil) {
        self.id = id
        self.text = text
        self.measure = measure
    }

    private enum CodingKeys: String, CodingKey { case id, text, measure }

    /// Reads a goal; a bare string (the shape before goals had ids: stored versions and JSON documents of
    /// format 1) is a goal with id 0, which ``numbered(_:)`` turns into its position.
    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(id: 0, text: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(Int.self, forKey: .id), text: try c.decode(String.self, forKey: .text),
            measure: try c.decodeIfPresent(EffectMeasure.self, forKey: .measure))
    }

    /// `goals` with every id 0 given one: a list read from the older shape (every id 0) gets ids 1, 2, 3 …
    /// by position; in a list where some goals have ids, the others get the next ids after the highest.
    public static func numbered(_ goals: [EffectGoal]) -> [EffectGoal] {
        guard goals.contains(where: { $0.id <= 0 }) else { return goals }
        var next = (goals.map(\.id).max() ?? 0) + 1
        return goals.enumerated().map { index, goal in
            var goal = goal
            if goal.id <= 0 {
                if next == 1 {
                    goal.id = index + 1
                } else {
                    goal.id = next
                    next += 1
                }
            }
            return goal
        }
    }
}

/// Which way an indicator should move.
public enum EffectDirection: String, Sendable, Codable, CaseIterable {
    /// More is better (e-tjänster, andel digitala ärenden).
    case higher
    /// Less is better (kostnader, handläggningstid).
    case lower

    /// "högre är bättre", "lägre är bättre".
    public var swedish: String {
        switch self {
        case .higher: "högre är bättre"
        case .lower: "lägre är bättre"
        }
    }

    /// Reads `higher`/`lower` or the Swedish `högre`/`lägre`, ignoring case.
    public init?(word: String) {
        switch SwedishText.key(word) {
        case "higher", "högre", "högre är bättre", "öka": self = .higher
        case "lower", "lägre", "lägre är bättre", "minska": self = .lower
        default: return nil
        }
    }
}

/// How an effektmål is measured: an indicator in a unit, from a baseline towards a target.
public struct EffectMeasure: Sendable, Codable, Equatable {
    /// "Andel ärenden som inkommer digitalt".
    public var indicator: String
    /// "%", "st", "kr", "timmar per månad"; may be empty.
    public var unit: String
    /// The value at the start, measured on ``baselineDate``.
    public var baseline: Double?
    public var baselineDate: CalendarDate?
    /// The value to reach by ``targetYear``.
    public var target: Double?
    public var targetYear: Int?
    public var direction: EffectDirection

    public init(
        indicator: String, unit: String = "", baseline: Double? = nil, baselineDate: CalendarDate? = nil,
        target: Double? = nil, targetYear: Int? = nil, direction: EffectDirection = .higher
    ) {
        self.indicator = indicator
        self.unit = unit
        self.baseline = baseline
        self.baselineDate = baselineDate
        self.target = target
        self.targetYear = targetYear
        self.direction = direction
    }

    /// Whether `value` meets the target, in the measure's direction; nil without a target.
    public func reaches(_ value: Double) -> Bool? {
        guard let target else { return nil }
        return direction == .higher ? value >= target : value <= target
    }
}

/// A change to an effect goal's measure: the fields given replace the measure's, the others stay as they
/// are (a goal without a measure starts from an empty one). Texts are cleaned as every text is.
public struct MeasureChange: Sendable, Equatable {
    public var indicator: String?
    public var unit: String?
    public var baseline: Double?
    public var baselineDate: CalendarDate?
    public var target: Double?
    public var targetYear: Int?
    public var direction: EffectDirection?

    public init(
        indicator: String? = nil, unit: String? = nil, baseline: Double? = nil, baselineDate: CalendarDate? = nil,
        target: Double? = nil, targetYear: Int? = nil, direction: EffectDirection? = nil
    ) {
        self.indicator = indicator
        self.unit = unit
        self.baseline = baseline
        self.baselineDate = baselineDate
        self.target = target
        self.targetYear = targetYear
        self.direction = direction
    }

    public func applied(to current: EffectMeasure?) -> EffectMeasure {
        var measure = current ?? EffectMeasure(indicator: "")
        if let indicator { measure.indicator = TextCleaner.clean(indicator) }
        if let unit { measure.unit = TextCleaner.clean(unit) }
        if let baseline { measure.baseline = baseline }
        if let baselineDate { measure.baselineDate = baselineDate }
        if let target { measure.target = target }
        if let targetYear { measure.targetYear = targetYear }
        if let direction { measure.direction = direction }
        return measure
    }
}
