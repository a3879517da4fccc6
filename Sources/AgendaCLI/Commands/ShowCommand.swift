import AgendaCommandLine
import AgendaCore
import AgendaArguments

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Visa en aktivitet eller ett insatsområde i sin helhet.",
        subcommands: [ShowAction.self, ShowArea.self]
    )
}

struct ShowAction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: "Visa en aktivitet med alla uppgifter.")

    @OptionGroup var global: GlobalOptions
    @Argument("code", help: "Aktivitetens kod, t.ex. 1.2 eller 2.3a.") var code: String
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let service = try global.service()
        let effects = try service.actionEffects(code: code)
        let action = effects.action
        let agenda = try service.agenda()
        let indicators = try service.indicatorLinks(action: action.code)
        if json { return try JSONOutput.print(ActionWithIndicatorsJSON(action: action, indicators: indicators)) }
        Output.line(ActionText.render(action, in: agenda, effects: effects, indicators: indicators))
    }
}

struct ShowArea: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "area", abstract: "Visa ett insatsområde med dess delområden och aktiviteter.")

    @OptionGroup var global: GlobalOptions
    @Argument("number", help: "Insatsområdets nummer.") var number: Int
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let agenda = try global.service().agenda()
        guard let area = agenda.areas.first(where: { $0.number == number }) else {
            throw CLIError("det finns inget insatsområde \(number); `agenda list areas` visar numren")
        }
        if json { return try JSONOutput.print(AreaJSON(area: area, agenda: agenda)) }
        var lines = ["\(area.number). \(area.title)"]
        if !area.description.isEmpty { lines += ["", area.description] }
        for subArea in agenda.subAreas(inArea: number) {
            let reference = subArea.reference.map { " (se \($0))" } ?? ""
            lines += ["", "\(subArea.code) \(subArea.title)\(reference)"]
            for action in agenda.actions.filter({ $0.subAreaCode == subArea.code }) {
                lines.append("  \(action.code)  \(action.title) — \(action.responsibility.lead?.displayName ?? action.responsibility.text), \(action.schedule.yearsText)")
            }
        }
        for action in agenda.actions(inArea: number) where action.subAreaCode == nil {
            lines += ["", "  \(action.code)  \(action.title) — \(action.responsibility.lead?.displayName ?? action.responsibility.text), \(action.schedule.yearsText)"]
        }
        Output.line(lines.joined(separator: "\n"))
    }
}
