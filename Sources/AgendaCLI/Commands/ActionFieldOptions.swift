import AgendaCore
import ArgumentParser

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

    /// The fields as AgendaCore reads them.
    var value: ActionFields {
        ActionFields(
            title: title, background: background, plan: plan, responsible: responsible, schedule: schedule, cost: cost,
            effectGoals: effectGoals)
    }

    var isEmpty: Bool { value.isEmpty }
}

/// The IT-rådet decision (or other decision) behind a change to the plan.
struct DecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The decision reference, e.g. \"IT-rådet 2018-03-14 §5\".", valueName: "reference"))
    var decision: String?

    @Option(help: ArgumentHelp("The decision's date, YYYY-MM-DD (default: a date in the reference, else today).", valueName: "date"))
    var date: CalendarDate?

    @Option(help: "A note recorded with the change.")
    var note: String?

    /// The decision; its date defaults to a date in the reference, else `today`.
    func value(today: CalendarDate) -> Decision {
        Decision(reference: decision, date: date, note: note, today: today)
    }
}
