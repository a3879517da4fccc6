/// One answer in force as `agenda lika list --json` prints it (and the web will serve it): the keys
/// `unit`, `date`, `code`, `area` (the area's Swedish name), `indicator` (the text as answered),
/// `answer` (the Swedish word of the scale), `step` (1–3 or null) and `comment`.
public struct AssessmentAnswerJSON: Encodable, Sendable, Equatable {
    public var unit: String
    public var date: String
    public var code: String
    public var area: String
    public var indicator: String
    public var answer: String
    public var step: Int?
    public var comment: String

    public init(_ answer: AssessmentAnswer) {
        unit = answer.unit
        date = answer.date.description
        code = answer.code
        area = answer.area.name
        indicator = answer.indicator
        self.answer = answer.answer.swedish
        step = answer.step
        comment = answer.comment
    }

    enum CodingKeys: String, CodingKey { case unit, date, code, area, indicator, answer, step, comment }

    /// Writes `step` as null when there is none, so every object has every key.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unit, forKey: .unit)
        try c.encode(date, forKey: .date)
        try c.encode(code, forKey: .code)
        try c.encode(area, forKey: .area)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(answer, forKey: .answer)
        try c.encode(step, forKey: .step)
        try c.encode(comment, forKey: .comment)
    }
}

/// An indicator below a level with its suggestion, as `agenda lika suggest --json` prints it: the keys of
/// ``AssessmentAnswerJSON`` plus `suggestion` and `actions` (the codes of the linked actions).
public struct IndicatorSuggestionJSON: Encodable, Sendable, Equatable {
    public var answer: AssessmentAnswerJSON
    public var suggestion: String
    public var actions: [String]

    public init(_ suggestion: IndicatorSuggestion) {
        answer = AssessmentAnswerJSON(suggestion.answer)
        self.suggestion = suggestion.suggestion
        actions = suggestion.linkedActions
    }

    enum CodingKeys: String, CodingKey { case suggestion, actions }

    public func encode(to encoder: Encoder) throws {
        try answer.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(suggestion, forKey: .suggestion)
        try c.encode(actions, forKey: .actions)
    }
}

/// One action as `agenda show action --json` prints it: the keys of ``ActionJSON`` plus `indicators`,
/// the indicators it is linked to, each with `set`, `code`, `area` (the area's Swedish name) and
/// `indicator` (the text as it reads now).
public struct ActionWithIndicatorsJSON: Encodable, Sendable {
    public var action: ActionJSON
    public var indicators: [LinkedIndicator]

    public init(action: Action, indicators: [LinkedIndicator]) {
        self.action = ActionJSON(action: action)
        self.indicators = indicators
    }

    enum CodingKeys: String, CodingKey { case indicators }
    enum IndicatorKeys: String, CodingKey { case set, code, area, indicator }

    public func encode(to encoder: Encoder) throws {
        try action.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        var list = c.nestedUnkeyedContainer(forKey: .indicators)
        for linked in indicators {
            var item = list.nestedContainer(keyedBy: IndicatorKeys.self)
            try item.encode(linked.link.set, forKey: .set)
            try item.encode(linked.indicator.code, forKey: .code)
            try item.encode(linked.area.name, forKey: .area)
            try item.encode(linked.indicator.text, forKey: .indicator)
        }
    }
}
