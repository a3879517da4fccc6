import AgendaCore
import ArgumentParser

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List focus areas, actions or the organisation register.",
        subcommands: [ListAreas.self, ListActions.self, ListUnits.self]
    )
}

struct ListAreas: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "areas", abstract: "List the insatsområden.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let agenda = try global.service().agenda()
        if json {
            return try JSONOutput.print(agenda.areas.map { AreaJSON(area: $0, agenda: agenda) })
        }
        var table = TextTable([.init("Nr", alignRight: true), .init("Insatsområde"), .init("Delområden", alignRight: true), .init("Aktiviteter", alignRight: true)])
        for area in agenda.areas {
            table.append([String(area.number), area.title, String(agenda.subAreas(inArea: area.number).count), String(agenda.actions(inArea: area.number).count)])
        }
        Output.line(table.render())
    }
}

/// Filters shared by the commands that list actions.
struct ActionFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only actions this förvaltning (or one of its enheter) leads or shares.", valueName: "name"))
    var department: String?

    @Option(help: ArgumentHelp("Only actions in this insatsområde.", valueName: "number"))
    var area: Int?

    @Option(help: ArgumentHelp("Only actions whose tidsplan covers this year.", valueName: "year"))
    var year: Int?

    @Flag(name: .long, help: "Include withdrawn actions.")
    var withdrawn = false

    var filter: ActionFilter {
        ActionFilter(department: department, area: area, year: year, includeWithdrawn: withdrawn)
    }
}

struct ListActions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "List actions, optionally filtered.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filter: ActionFilterOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let actions = try global.service().actions(matching: filter.filter)
        if json {
            return try JSONOutput.print(actions.map(ActionJSON.init))
        }
        var table = TextTable([
            .init("Kod"), .init("Aktivitet", maxWidth: 40), .init("Ansvarig", maxWidth: 40), .init("Tidsplan", maxWidth: 12), .init("Kostnad", maxWidth: 30),
        ])
        for action in actions {
            let title = action.state == .active ? action.title : "\(action.title) [\(action.state.swedish)]"
            table.append([action.code, title, action.responsibility.lead?.displayName ?? action.responsibility.text, action.schedule.yearsText, action.cost.text ?? "–"])
        }
        Output.line(table.render())
        Output.line("\(actions.count) actions")
    }
}

struct ListUnits: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "units", abstract: "List the förvaltningar with their enheter and aliases.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let agenda = try global.service().agenda()
        if json { return try JSONOutput.print(agenda.departments) }
        var table = TextTable([.init("Förvaltning"), .init("Enheter", maxWidth: 70), .init("Alias", maxWidth: 40)])
        for department in agenda.departments {
            table.append([department.name, department.units.joined(separator: "; "), department.aliases.joined(separator: ", ")])
        }
        Output.line(table.render())
    }
}

extension ActionState {
    var swedish: String {
        switch self {
        case .active: "aktiv"
        case .closed: "avslutad"
        case .withdrawn: "utgått"
        }
    }
}

extension Schedule {
    /// "2017–2019", "2018", or "okänd" when the plan gives no tidsplan.
    var yearsText: String {
        switch (startYear, endYear) {
        case let (start?, end?) where end != start: "\(start)–\(end)"
        case let (start?, _): String(start)
        default: text == nil ? "okänd" : "–"
        }
    }
}
