import AgendaCommandLine
import AgendaCore
import AgendaArguments

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Lista insatsområden, aktiviteter eller organisationsregistret.",
        subcommands: [ListAreas.self, ListActions.self, ListUnits.self]
    )
}

struct ListAreas: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "areas", abstract: "Lista insatsområdena.")

    @OptionGroup var global: GlobalOptions
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let agenda = try global.service().agenda()
        if json {
            return try JSONOutput.print(agenda.areas.map { AreaJSON(area: $0, agenda: agenda) })
        }
        var table = TextTable([
            .init(Words["cli.number"], alignRight: true), .init(Words["summary.area"]), .init(Words["cli.subAreas"], alignRight: true),
            .init(Words["unreported.actions"], alignRight: true),
        ])
        for area in agenda.areas {
            table.append([String(area.number), area.title, String(agenda.subAreas(inArea: area.number).count), String(agenda.actions(inArea: area.number).count)])
        }
        Output.line(table.render())
    }
}

/// Filters shared by the commands that list actions.
struct ActionFilterOptions: ParsableArguments {
    @Option("department", help: ArgumentHelp("Bara aktiviteter där förvaltningen (eller en av dess enheter) är ledande eller medansvarig.", valueName: "name"))
    var department: String?

    @Option("area", help: ArgumentHelp("Bara aktiviteter i detta insatsområde.", valueName: "number"))
    var area: Int?

    @Option("year", help: ArgumentHelp("Bara aktiviteter vars tidsplan omfattar detta år.", valueName: "year"))
    var year: Int?

    @Flag("withdrawn", help: "Ta med strukna aktiviteter.")
    var withdrawn = false

    var filter: ActionFilter {
        ActionFilter(department: department, area: area, year: year, includeWithdrawn: withdrawn)
    }
}

struct ListActions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "Lista aktiviteterna, med eller utan filter.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filter: ActionFilterOptions
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let actions = try global.service().actions(matching: filter.filter)
        if json {
            return try JSONOutput.print(actions.map(ActionJSON.init))
        }
        var table = TextTable([
            .init(Words["action.code"]), .init(Words["action.title"], maxWidth: 40), .init(Words["action.responsibility"], maxWidth: 40),
            .init(Words["action.schedule"], maxWidth: 12), .init(Words["action.cost"], maxWidth: 30),
        ])
        for action in actions {
            let title = action.state == .active ? action.title : "\(action.title) [\(action.state.swedish)]"
            table.append([action.code, title, action.responsibility.lead?.displayName ?? action.responsibility.text, action.schedule.yearsText, action.cost.text ?? "–"])
        }
        Output.line(table.render())
        Output.line(Words["cost.countActions", String(actions.count)])
    }
}

struct ListUnits: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "units", abstract: "Lista förvaltningarna med deras enheter och alias.")

    @OptionGroup var global: GlobalOptions
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let agenda = try global.service().agenda()
        if json { return try JSONOutput.print(agenda.departments) }
        var table = TextTable([.init(Words["unreported.department"]), .init(Words["cli.units"], maxWidth: 70), .init(Words["cli.aliases"], maxWidth: 40)])
        for department in agenda.departments {
            table.append([department.name, department.units.joined(separator: "; "), department.aliases.joined(separator: ", ")])
        }
        Output.line(table.render())
    }
}

extension ActionState {
    /// "aktiv", "avslutad", "struken": the report's words for an action's state in the plan.
    var swedish: String { Words["state.\(rawValue)"].lowercased() }
}

extension Schedule {
    /// "2017–2019", "2018", or "okänd" when the plan gives no tidsplan.
    var yearsText: String {
        switch (startYear, endYear) {
        case let (start?, end?) where end != start: "\(start)–\(end)"
        case let (start?, _): String(start)
        default: text == nil ? Words["cli.unknownYears"] : "–"
        }
    }
}
