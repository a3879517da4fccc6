import AgendaCore
import AgendaArguments

/// The fields of an action a user can set with `add action` and `edit action`.
/// Texts are parsed the same way the importer parses a plan.
struct ActionFieldOptions: ParsableArguments {
    @Option("title", help: "Aktivitetens rubrik.") var title: String?
    @Option("background", help: "Bakgrundstext.") var background: String?
    @Option("plan", help: "Handlingsplanens text; numrerade rader (\"1. …\") blir steg.") var plan: String?
    @Option("responsible", help: ArgumentHelp("Ansvarig, skrivet som i planen: \"Förvaltning, enhet tillsammans med …\".", valueName: "text"))
    var responsible: String?
    @Option("schedule", help: ArgumentHelp("Tidsplan, t.ex. \"2018-2020\" eller \"2018 – utredning, 2019 – införande\".", valueName: "text"))
    var schedule: String?
    @Option("cost", help: ArgumentHelp("Kostnad, t.ex. \"200 tkr/år\" eller \"Inom befintliga budgetramar\".", valueName: "text"))
    var cost: String?
    @Option("effect-goal", help: ArgumentHelp("Ett effektmål; upprepa för flera (ersätter listan).", valueName: "text"))
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
    @Option("decision", help: ArgumentHelp("Hänvisning till beslutet, t.ex. \"IT-rådet 2018-03-14 §5\".", valueName: "reference"))
    var decision: String?

    @Option("date", help: ArgumentHelp("Beslutets datum, ÅÅÅÅ-MM-DD (standard: ett datum i hänvisningen, annars dagens datum).", valueName: "date"))
    var date: CalendarDate?

    @Option("note", help: "En anteckning som sparas med ändringen.")
    var note: String?

    /// The decision; its date defaults to a date in the reference, else `today`.
    func value(today: CalendarDate) -> Decision {
        Decision(reference: decision, date: date, note: note, today: today)
    }
}
