/// The shapes the front ends print and serve as JSON (`agenda list … --json`, `agenda show … --json`,
/// and the web's JSON): part of AgendaCore's API, so every front end gives the same shape.

/// One action as `agenda list actions --json` prints it. `effectGoals` holds the goals' texts; `goals`
/// each goal with its number (as listed), stable id and measure (null when it has none).
public struct ActionJSON: Encodable, Sendable {
    public let action: Action

    public init(action: Action) { self.action = action }

    private enum Key: String, CodingKey {
        case code, title, area, subArea, state, background, plan, responsible, lead, coResponsible, responsibility
        case schedule, cost, effectGoals, goals, otherFields
    }

    private enum GoalKey: String, CodingKey { case number, id, text, measure }

    private enum ScheduleKey: String, CodingKey { case text, startYear, endYear, phases, terms }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(action.code, forKey: .code)
        try c.encode(action.title, forKey: .title)
        try c.encode(action.areaNumber, forKey: .area)
        try c.encode(action.subAreaCode, forKey: .subArea)
        try c.encode(action.state, forKey: .state)
        try c.encode(action.background, forKey: .background)
        try c.encode(action.plan, forKey: .plan)
        try c.encode(action.responsibility.text, forKey: .responsible)
        try c.encode(action.responsibility.lead?.displayName, forKey: .lead)
        try c.encode(action.responsibility.coResponsible.map(\.displayName), forKey: .coResponsible)
        try c.encode(action.responsibility, forKey: .responsibility)
        var schedule = c.nestedContainer(keyedBy: ScheduleKey.self, forKey: .schedule)
        try schedule.encode(action.schedule.text, forKey: .text)
        try schedule.encode(action.schedule.startYear, forKey: .startYear)
        try schedule.encode(action.schedule.endYear, forKey: .endYear)
        try schedule.encode(action.schedule.phases, forKey: .phases)
        try schedule.encode(action.schedule.terms, forKey: .terms)
        try c.encode(CostJSON(cost: action.cost), forKey: .cost)
        try c.encode(action.effectGoals, forKey: .effectGoals)
        var goals = c.nestedUnkeyedContainer(forKey: .goals)
        for (index, goal) in action.goals.enumerated() {
            var g = goals.nestedContainer(keyedBy: GoalKey.self)
            try g.encode(index + 1, forKey: .number)
            try g.encode(goal.id, forKey: .id)
            try g.encode(goal.text, forKey: .text)
            try g.encode(goal.measure, forKey: .measure)
        }
        try c.encode(action.otherFields, forKey: .otherFields)
    }
}

/// A cost with its text as an explicit null when the plan gives none.
private struct CostJSON: Encodable {
    let cost: Cost

    private enum Key: String, CodingKey { case text, parts, withinExistingBudget, decisionPending, externalFunding, staff }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(cost.text, forKey: .text)
        try c.encode(cost.parts, forKey: .parts)
        try c.encode(cost.withinExistingBudget, forKey: .withinExistingBudget)
        try c.encode(cost.decisionPending, forKey: .decisionPending)
        try c.encode(cost.externalFunding, forKey: .externalFunding)
        try c.encode(cost.staff, forKey: .staff)
    }
}

/// One focus area as `agenda list areas --json` prints it.
public struct AreaJSON: Encodable, Sendable {
    public let number: Int
    public let title: String
    public let description: String
    public let subAreas: [SubArea]
    public let actions: [String]

    public init(area: FocusArea, agenda: Agenda) {
        number = area.number
        title = area.title
        description = area.description
        subAreas = agenda.subAreas(inArea: area.number)
        actions = agenda.actions(inArea: area.number).map(\.code)
    }
}
