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
    /// Effektmål / Mål, one entry per goal.
    public var effectGoals: [String]
    /// Labelled fields that have no place of their own, such as "Kommunens roll", in document order.
    public var otherFields: [LabeledText]
    public var state: ActionState

    public init(
        code: String, areaNumber: Int, subAreaCode: String? = nil, title: String, background: String = "",
        plan: PlanText = PlanText(), responsibility: Responsibility = Responsibility(),
        schedule: Schedule = Schedule(), cost: Cost = Cost(), effectGoals: [String] = [],
        otherFields: [LabeledText] = [], state: ActionState = .active
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
        self.effectGoals = effectGoals
        self.otherFields = otherFields
        self.state = state
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
