import AgendaCore
import ArgumentParser
import Foundation

/// The fields of an action a user can set with `add action` and `edit action`.
/// Texts are parsed the same way the importer parses a plan.
struct ActionFieldOptions: ParsableArguments {
    @Option(help: "The action's title.") var title: String?
    @Option(help: "Background text.") var background: String?
    @Option(help: "The plan text; numbered lines (\"1. …\") become steps.") var plan: String?
    @Option(help: ArgumentHelp("Ansvarig, as the plan would write it: \"Förvaltning, enhet tillsammans med …\".", valueName: "text"))
    var responsible: String?
    @Option(help: ArgumentHelp("Tidsplan, e.g. \"2018-2020\" or \"2018 – utredning, 2019 – införande\".", valueName: "text"))
    var schedule: String?
    @Option(help: ArgumentHelp("Kostnad, e.g. \"200 tkr/år\" or \"Inom befintliga budgetramar\".", valueName: "text"))
    var cost: String?
    @Option(name: .customLong("effect-goal"), help: ArgumentHelp("An effektmål; repeat for several (replaces the list).", valueName: "text"))
    var effectGoals: [String] = []

    var isEmpty: Bool {
        [title, background, plan, responsible, schedule, cost].allSatisfy { $0 == nil } && effectGoals.isEmpty
    }

    /// Applies the given fields to `action`, re-reading derived values (a new tidsplan re-derives recurring cost years).
    func apply(to action: inout Action, register: inout OrganisationRegister) {
        if let title { action.title = TextCleaner.clean(title) }
        if let background { action.background = TextCleaner.clean(background) }
        if let plan { action.plan = PlanText(parsing: TextCleaner.clean(plan)) }
        if let responsible { action.responsibility = ResponsibilityParser.parse(TextCleaner.clean(responsible), register: &register) }
        if let schedule { action.schedule = ScheduleParser.parse(TextCleaner.clean(schedule)) }
        if cost != nil || schedule != nil {
            action.cost = CostParser.parse(cost.map(TextCleaner.clean) ?? action.cost.text, schedule: action.schedule)
        }
        if !effectGoals.isEmpty { action.effectGoals = effectGoals.map(TextCleaner.clean) }
    }
}

/// The IT-rådet decision (or other decision) behind a change to the plan.
struct DecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The decision reference, e.g. \"IT-rådet 2018-03-14 §5\".", valueName: "reference"))
    var decision: String?

    @Option(help: ArgumentHelp("The decision's date, YYYY-MM-DD (default: a date in the reference, else today).", valueName: "date"))
    var date: CalendarDate?

    @Option(help: "A note recorded with the change.")
    var note: String?

    var value: Decision {
        Decision(reference: decision, date: date ?? decision.flatMap(Self.firstDate(in:)), note: note).dated(defaultingTo: .today)
    }

    private static func firstDate(in text: String) -> CalendarDate? {
        guard let match = text.firstMatch(of: /\d{4}-\d{2}-\d{2}/) else { return nil }
        return CalendarDate(iso: String(match.output))
    }
}

extension CalendarDate {
    /// Today in the local time zone: the CLI's clock, which the store never reads itself.
    static var today: CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
