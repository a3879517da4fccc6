import AgendaCore
import Foundation

/// Everything the public website shows, read in one snapshot: the plan as it stands, the published
/// periods with which actions each held and their status counts, the statuses of the latest
/// published period as known when it was published, and the plan's decisions. Built from the store,
/// never from IT-rådet's report model, which holds internal fields.
///
/// The statuses of the other periods are not kept here: a national plan has hundreds of thousands of
/// them. Pages that need them get them one period, or one action, at a time (``PublicSite``).
struct SiteModel: Sendable {
    /// One published period.
    struct PublishedPeriod: Sendable {
        var period: Period
        var publication: Publication
        /// Per action of ``SiteModel/actions`` (by index), its state at the period's end; nil: the
        /// action was not in the plan then.
        var states: [ActionState?]
        /// The status counts per focus area, for the actions active at the period's end.
        var perArea: [Int: StatusCounts]
        /// The same counts in total.
        var total: StatusCounts
        /// The period's statuses as known at publication, as a store lookup.
        var lookup: StatusLookup

        /// Whether the action at `index` of the model was in the plan at the period's end.
        func contains(_ index: Int) -> Bool { states[index] != nil }
    }

    /// A decision that changed the plan after it was adopted.
    struct PlanDecision: Sendable {
        var revision: Revision
        var changes: [PlanChange]
    }

    var organisation: String
    var title: String
    var description: String
    var areas: [FocusArea]
    var subAreas: [SubArea]
    /// The plan as it stands, withdrawn actions included, in plan order.
    var actions: [Action]
    /// Per withdrawn action's code, the decision that withdrew it.
    var withdrawnBy: [String: Revision]
    /// The published periods, in period order.
    var periods: [PublishedPeriod] = []
    /// The statuses of the latest published period as known at its publication (empty when none is).
    var latestStatuses: [String: StatusEntry] = [:]
    /// The plan's decisions after its adoption, oldest first.
    var decisions: [PlanDecision]
    /// Per action code, its focus area's number.
    var areaOf: [String: Int] = [:]
    /// Per action code, its index in ``actions``.
    var actionIndex: [String: Int] = [:]
    /// Per number, its focus area (the first, as in ``areas``).
    var areaByNumber: [Int: FocusArea] = [:]
    /// Per code, its sub-area (the first, as in ``subAreas``): a national plan has thousands.
    var subAreaByCode: [String: SubArea] = [:]

    /// The latest published period.
    var latest: PublishedPeriod? { periods.last }

    /// Reads the model from `store` within one read snapshot. `each`, when given, receives every
    /// published period in period order with its statuses as known at publication, one at a time,
    /// before the next is read.
    static func read(
        from store: StoreSnapshot, settings: PublicSettings, templates: TemplateSet,
        each: ((PublishedPeriod, [String: StatusEntry]) throws -> Void)? = nil
    ) throws -> SiteModel {
        try store.read {
            var model = try readPlan(from: store, settings: settings, templates: templates)
            try model.readPeriods(from: store, each: each)
            return model
        }
    }

    /// The model without its periods: the plan as it stands and its decisions.
    static func readPlan(from store: StoreSnapshot, settings: PublicSettings, templates: TemplateSet) throws -> SiteModel {
        try store.read {
            let agenda = try store.agenda(asOf: nil)
            let revisions = try store.revisions()
            let byNumber = Dictionary(uniqueKeysWithValues: revisions.map { ($0.number, $0) })
            var withdrawnBy: [String: Revision] = [:]
            for action in agenda.actions where action.state == .withdrawn {
                if let version = try store.history(code: action.code).last, let revision = byNumber[version.revision] {
                    withdrawnBy[action.code] = revision
                }
            }
            var decisions: [PlanDecision] = []
            for revision in revisions where revision.number > 1 {
                guard let date = revision.date else { continue }
                let dayBefore = Timestamp(date).adding(seconds: -86_400).date
                let changes = try store.planChanges(after: dayBefore, through: date).filter { $0.revision.number == revision.number }
                decisions.append(PlanDecision(revision: revision, changes: changes))
            }
            var model = SiteModel(
                organisation: templates.organisationName(plan: agenda.organisation, title: agenda.title),
                title: settings.title ?? agenda.title, description: agenda.description, areas: agenda.areas,
                subAreas: agenda.subAreas, actions: agenda.actions, withdrawnBy: withdrawnBy, decisions: decisions)
            model.areaOf = Dictionary(agenda.actions.map { ($0.code, $0.areaNumber) }, uniquingKeysWith: { a, _ in a })
            model.actionIndex = Dictionary(agenda.actions.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
            model.areaByNumber = Dictionary(agenda.areas.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
            model.subAreaByCode = Dictionary(agenda.subAreas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            return model
        }
    }

    /// Reads the published periods into the model, one at a time: which actions the plan held at each
    /// period's end and in which state (``StoreSnapshot/actionStates(asOf:)``, not the whole plan), and the
    /// status counts. Keeps the latest period's statuses; hands each period's to `each`.
    mutating func readPeriods(from store: StoreSnapshot, each: ((PublishedPeriod, [String: StatusEntry]) throws -> Void)?) throws {
        try store.read {
            let publications: [(Period, Publication)] = try store.publications().compactMap { publication in
                guard let period = try? Period(parsing: publication.period) else { return nil }
                return (period, publication)
            }.sorted { ($0.0, $0.1.publishedAt) < ($1.0, $1.1.publishedAt) }
            periods = []
            latestStatuses = [:]
            for (number, (period, publication)) in publications.enumerated() {
                let plan = try store.actionStates(asOf: period.end)
                let statuses = try store.statuses(for: period, knownAt: publication.publishedAt)
                var states = [ActionState?](repeating: nil, count: actions.count)
                var perArea: [Int: StatusCounts] = [:]
                var total = StatusCounts()
                for entry in plan {
                    if let index = actionIndex[entry.code], states[index] == nil { states[index] = entry.state }
                    guard entry.state != .withdrawn else { continue }
                    let category = StatusCategory(statuses[entry.code])
                    if let area = areaOf[entry.code] { perArea[area, default: StatusCounts()].add(category) }
                    total.add(category)
                }
                let published = PublishedPeriod(
                    period: period, publication: publication, states: states, perArea: perArea, total: total,
                    lookup: StatusLookup(period: period, knownAt: publication.publishedAt))
                periods.append(published)
                try each?(published, statuses)
                if number == publications.count - 1 { latestStatuses = statuses }
            }
        }
    }
}
