/// One action (aktivitet) of the plan: what is to be done, by whom, when, at what cost, to what effect.
public struct Action: Sendable, Codable, Equatable {
    /// "1.2"; "2.3a"/"2.3b" where a sub-area holds several; "4" where the area has no sub-areas.
    public var code: String
    public var areaNumber: Int
    /// nil when the action sits directly under its focus area.
    public var subAreaCode: String?
    /// The action's own sub-heading where it has one, else its sub-area's (or area's) heading.
    public var title: String
    /// Bakgrund: the descriptive text before the plan, paragraphs separated by blank lines.
    public var background: String
    /// Handlingsplan / Uppgift.
    public var plan: PlanText
    /// Ansvarig.
    public var responsibility: Responsibility
    /// Tidsplan.
    public var schedule: Schedule
    /// Kostnad(er) / Resurser.
    public var cost: Cost
    /// Effektmål / Mål, one item per goal, each with its stable id and optional measure.
    public var goals: [EffectGoal]
    /// Labelled fields that have no place of their own, such as "Kommunens roll", in document order.
    public var otherFields: [LabeledText]
    public var state: ActionState

    public init(
        code: String, areaNumber: Int, subAreaCode: String? = nil, title: String, background: String = "",
        plan: PlanText = PlanText(), responsibility: Responsibility = Responsibility(),
        schedule: Schedule = Schedule(), cost: Cost = Cost(), effectGoals: [String] = [],
        goals: [EffectGoal]? = nil, otherFields: [LabeledText] = [], state: ActionState = .active
    ) {
        self.code = code
        self.areaNumber = areaNumber
        self.subAreaCode = subAreaCode
        self.title = title
        self.background = background
        self.plan = plan
        self.responsibility = responsibility
        self.schedule = schedule
        self.cost = cost
        self.goals = goals ?? effectGoals.enumerated().map { EffectGoal(id: $0.offset + 1, text: $0.element) }
        self.otherFields = otherFields
        self.state = state
    }
}

extension Action {
    /// The texts of the effektmål, in order. Setting them keeps the id and measure of every goal whose
    /// text is unchanged; a new text becomes a new goal (id 0: the store gives it the next free id).
    public var effectGoals: [String] {
        get { goals.map(\.text) }
        set {
            var remaining = goals
            goals = newValue.map { text in
                if let index = remaining.firstIndex(where: { $0.text == text }) { return remaining.remove(at: index) }
                return EffectGoal(id: 0, text: text)
            }
        }
    }

    /// The goal at 1-based `number` as listed (``goals`` order), or nil.
    public func goal(number: Int) -> EffectGoal? {
        goals.indices.contains(number - 1) ? goals[number - 1] : nil
    }

    /// The 1-based number of the goal with `id` as listed now, or nil when this version lacks it.
    public func goalNumber(id: Int) -> Int? {
        goals.firstIndex { $0.id == id }.map { $0 + 1 }
    }

    private enum CodingKeys: String, CodingKey {
        case code, areaNumber, subAreaCode, title, background, plan, responsibility, schedule, cost
        case goals = "effectGoals"
        case otherFields, state
    }

    /// Reads an action; its effektmål may be bare strings (format 1), numbered 1, 2, 3 … by position.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try c.decode(String.self, forKey: .code), areaNumber: try c.decode(Int.self, forKey: .areaNumber),
            subAreaCode: try c.decodeIfPresent(String.self, forKey: .subAreaCode), title: try c.decode(String.self, forKey: .title),
            background: try c.decode(String.self, forKey: .background), plan: try c.decode(PlanText.self, forKey: .plan),
            responsibility: try c.decode(Responsibility.self, forKey: .responsibility),
            schedule: try c.decode(Schedule.self, forKey: .schedule), cost: try c.decode(Cost.self, forKey: .cost),
            goals: EffectGoal.numbered(try c.decode([EffectGoal].self, forKey: .goals)),
            otherFields: try c.decode([LabeledText].self, forKey: .otherFields), state: try c.decode(ActionState.self, forKey: .state))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(areaNumber, forKey: .areaNumber)
        try c.encodeIfPresent(subAreaCode, forKey: .subAreaCode)
        try c.encode(title, forKey: .title)
        try c.encode(background, forKey: .background)
        try c.encode(plan, forKey: .plan)
        try c.encode(responsibility, forKey: .responsibility)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(cost, forKey: .cost)
        try c.encode(goals, forKey: .goals)
        try c.encode(otherFields, forKey: .otherFields)
        try c.encode(state, forKey: .state)
    }
}

/// Whether an action is still part of the plan. Nothing is deleted: a withdrawn action stays in the store.
public enum ActionState: String, Sendable, Codable, Equatable, CaseIterable {
    case active
    /// Closed by decision (done or no longer pursued), still part of the record.
    case closed
    /// Withdrawn from the plan by decision.
    case withdrawn
}

/// An action's code and its state at some moment, without the rest of the action
/// (``AgendaStore/actionStates(asOf:)``).
public struct ActionStateEntry: Sendable, Equatable {
    public var code: String
    public var state: ActionState

    public init(code: String, state: ActionState) {
        self.code = code
        self.state = state
    }
}

/// The plan text of an action, verbatim, with the numbered steps parsed out of it.
public struct PlanText: Sendable, Codable, Equatable {
    /// The text as written, steps included, lines separated by "\n".
    public var text: String
    /// "1. Utred …", "2. När …" — empty when the plan is one paragraph.
    public var steps: [PlanStep]

    public init(text: String = "", steps: [PlanStep] = []) {
        self.text = text
        self.steps = steps
    }
}

public struct PlanStep: Sendable, Codable, Equatable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

/// A field the model has no place for, kept with the label it was written under.
public struct LabeledText: Sendable, Codable, Equatable {
    public var label: String
    public var text: String

    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }
}
