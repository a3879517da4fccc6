import AgendaCore
import ArgumentParser

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Lägg till en aktivitet, eller en förvaltning/enhet i organisationsregistret.",
        subcommands: [AddAction.self, AddUnit.self]
    )
}

struct AddAction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: "Add a new action to the plan (recorded as a revision).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new action's code, e.g. 1.9 or 2.3c.") var code: String
    @Option(help: "The insatsområde's number.") var area: Int
    @Option(name: .customLong("sub-area"), help: ArgumentHelp("The delområde's code, if any.", valueName: "code")) var subArea: String?
    @OptionGroup var fields: ActionFieldOptions
    @OptionGroup var decision: DecisionOptions
    @Flag(name: .customLong("new-unit"), help: "Add a förvaltning or enhet the ansvarig names and the register lacks (otherwise refused).")
    var newUnit = false

    func validate() throws {
        guard fields.title != nil else { throw ValidationError("en ny aktivitet behöver --title") }
    }

    func run() throws {
        let service = try global.service(.write)
        let action = try service.addAction(
            code: code, area: area, subArea: subArea, fields: fields.value, decision: decision.value(today: service.today),
            newUnits: newUnit, by: try global.caller(service))
        Output.line("Aktiviteten \(code) \"\(action.title)\" är tillagd.")
    }
}

struct AddUnit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "Add a förvaltning, an enhet under it, or aliases for it to the organisation register."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The förvaltning (existing name or alias, or a new one).") var department: String
    @Argument(help: "An enhet under it.") var unit: String?
    @Option(help: ArgumentHelp("Another spelling or abbreviation of the förvaltning; repeatable.", valueName: "alias"))
    var alias: [String] = []

    func run() throws {
        let service = try global.service(.write)
        let name = try service.addUnit(department: department, unit: unit, aliases: alias, by: try global.caller(service))
        Output.line("Organisationsregistret är uppdaterat: \(unit.map { "\(name), \($0)" } ?? name)\(alias.isEmpty ? "" : " (alias \(alias.joined(separator: ", ")))").")
    }
}
