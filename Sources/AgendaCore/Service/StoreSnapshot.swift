/// What ReportGen and the front ends may read of the store: one read transaction's view of the file
/// (``AgendaService/read(_:)`` hands it out), and nothing that writes. The store itself is AgendaCore's:
/// every write goes through an ``AgendaService`` use case, which checks the caller's role and writes the
/// audit entry in the write's own transaction.
public struct StoreSnapshot {
    let store: AgendaStore

    init(_ store: AgendaStore) {
        self.store = store
    }

    /// Runs `body` in one read transaction (joining the one this view was handed out in).
    public func read<T>(_ body: () throws -> T) throws -> T { try store.read(body) }

    // MARK: The plan

    public func agenda(asOf date: CalendarDate? = nil) throws -> Agenda { try store.agenda(asOf: date) }
    public func revisions() throws -> [Revision] { try store.revisions() }
    public func history(code: String) throws -> [ActionVersion] { try store.history(code: code) }
    public func revisedActionCodes() throws -> Set<String> { try store.revisedActionCodes() }
    public func actions(matching filter: ActionFilter = ActionFilter()) throws -> [Action] { try store.actions(matching: filter) }
    public func actionStates(asOf date: CalendarDate? = nil) throws -> [ActionStateEntry] { try store.actionStates(asOf: date) }
    public func planChanges(after start: CalendarDate, through end: CalendarDate) throws -> [PlanChange] {
        try store.planChanges(after: start, through: end)
    }
    public func departments() throws -> [Department] { try store.departments() }

    // MARK: Status and publications

    public func checkPeriod(_ period: Period, at: Timestamp) throws { try store.checkPeriod(period, at: at) }
    public func statuses(for period: Period, knownAt: Timestamp? = nil) throws -> [String: StatusEntry] {
        try store.statuses(for: period, knownAt: knownAt)
    }
    public func statuses(of code: String, _ lookups: [StatusLookup]) throws -> [StatusEntry?] { try store.statuses(of: code, lookups) }
    public func missingReports(for period: Period, knownAt: Timestamp? = nil) throws -> [MissingReports] {
        try store.missingReports(for: period, knownAt: knownAt)
    }
    public func actionSummaries(matching filter: ActionFilter = ActionFilter()) throws -> [ActionSummary] {
        try store.actionSummaries(matching: filter)
    }
    public func publication(for period: Period) throws -> Publication? { try store.publication(for: period) }
    public func publications() throws -> [Publication] { try store.publications() }

    // MARK: Effects and LIKA

    public func effectAssessmentsInForce(code: String? = nil, period: Period? = nil, knownAt: Timestamp? = nil) throws -> [EffectAssessment] {
        try store.effectAssessmentsInForce(code: code, period: period, knownAt: knownAt)
    }
    public func indicatorSet(key: String) throws -> IndicatorSet { try store.indicatorSet(key: key) }
    public func answers(_ query: AnswerQuery = AnswerQuery()) throws -> [AssessmentAnswer] { try store.answers(query) }
    public func assessments(unit: String? = nil) throws -> [AssessmentSummary] { try store.assessments(unit: unit) }
    public func linkedActions(set: String, code: String) throws -> [LinkedAction] { try store.linkedActions(set: set, code: code) }
}
