import AgendaCore
import Foundation

/// Everything the public website shows, read in one snapshot: the plan as it stands, the published
/// periods with the statuses known when each was published, and the plan's decisions. Built from
/// the store, never from IT-rådet's report model, which holds internal fields.
struct SiteModel: Sendable {
    /// One published period.
    struct PublishedPeriod: Sendable {
        var period: Period
        var publication: Publication
        /// The codes of the actions in the plan at the period's end, in plan order.
        var codes: [String]
        /// The same codes, to look up.
        var members: Set<String>
        /// Per code, the action's state at the period's end.
        var states: [String: ActionState]
        /// Per code, the report in force for the period as known at publication.
        var statuses: [String: StatusEntry]

        /// The status counts per focus area and in total, for the actions active at the period's end.
        func counts(areaOf: [String: Int]) -> (perArea: [Int: StatusCounts], total: StatusCounts) {
            var perArea: [Int: StatusCounts] = [:]
            var total = StatusCounts()
            for code in codes where states[code] != .withdrawn {
                let category = StatusCategory(statuses[code])
                if let area = areaOf[code] { perArea[area, default: StatusCounts()].add(category) }
                total.add(category)
            }
            return (perArea, total)
        }
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
    var periods: [PublishedPeriod]
    /// The plan's decisions after its adoption, oldest first.
    var decisions: [PlanDecision]

    /// Reads the model from `store` within one read snapshot.
    static func read(from store: AgendaStore, settings: PublicSettings, templates: TemplateSet) throws -> SiteModel {
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
            var periods: [PublishedPeriod] = []
            for publication in try store.publications() {
                guard let period = try? Period(parsing: publication.period) else { continue }
                let plan = try store.agenda(asOf: period.end)
                periods.append(PublishedPeriod(
                    period: period, publication: publication, codes: plan.actions.map(\.code),
                    members: Set(plan.actions.map(\.code)),
                    states: Dictionary(plan.actions.map { ($0.code, $0.state) }, uniquingKeysWith: { a, _ in a }),
                    statuses: try store.statuses(for: period, knownAt: publication.publishedAt)))
            }
            periods.sort { ($0.period, $0.publication.publishedAt) < ($1.period, $1.publication.publishedAt) }
            var decisions: [PlanDecision] = []
            for revision in revisions where revision.number > 1 {
                guard let date = revision.date else { continue }
                let dayBefore = Timestamp(date).adding(seconds: -86_400).date
                let changes = try store.planChanges(after: dayBefore, through: date).filter { $0.revision.number == revision.number }
                decisions.append(PlanDecision(revision: revision, changes: changes))
            }
            var model = SiteModel(
                organisation: templates.organisationName(plan: agenda.organisation),
                title: settings.title ?? agenda.title, description: agenda.description, areas: agenda.areas,
                subAreas: agenda.subAreas, actions: agenda.actions, withdrawnBy: withdrawnBy, periods: periods,
                decisions: decisions)
            model.areaOf = Dictionary(agenda.actions.map { ($0.code, $0.areaNumber) }, uniquingKeysWith: { a, _ in a })
            return model
        }
    }

    /// Per action code, its focus area's number.
    var areaOf: [String: Int] = [:]

    /// The latest published period.
    var latest: PublishedPeriod? { periods.last }
}
