import AgendaCommandLine
import AgendaCore
import AgendaArguments

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Lägg till en aktivitet, eller en förvaltning/enhet i organisationsregistret.",
        subcommands: [AddAction.self, AddUnit.self]
    )
}

struct AddAction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: "Lägg till en ny aktivitet i planen (sparas som en revision).")

    @OptionGroup var global: GlobalOptions
    @Argument("code", help: "Den nya aktivitetens kod, t.ex. 1.9 eller 2.3c.") var code: String
    @Option("area", help: "Insatsområdets nummer.") var area: Int
    @Option("sub-area", help: ArgumentHelp("Delområdets kod, om aktiviteten hör till ett delområde.", valueName: "code")) var subArea: String?
    @OptionGroup var fields: ActionFieldOptions
    @OptionGroup var decision: DecisionOptions
    @Flag("new-unit", help: "Lägg till en förvaltning eller enhet som står som ansvarig men saknas i organisationsregistret (annars avvisas kommandot).")
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
        abstract: "Lägg till en förvaltning, en enhet under den eller alias för den i organisationsregistret."
    )

    @OptionGroup var global: GlobalOptions
    @Argument("department", help: "Förvaltningen (befintligt namn eller alias, eller en ny).") var department: String
    @Argument("unit", help: "En enhet under förvaltningen.") var unit: String?
    @Option("alias", help: ArgumentHelp("Ett annat sätt att skriva förvaltningens namn, eller en förkortning; kan upprepas.", valueName: "alias"))
    var alias: [String] = []

    func run() throws {
        let service = try global.service(.write)
        let name = try service.addUnit(department: department, unit: unit, aliases: alias, by: try global.caller(service))
        Output.line("Organisationsregistret är uppdaterat: \(unit.map { "\(name), \($0)" } ?? name)\(alias.isEmpty ? "" : " (alias \(alias.joined(separator: ", ")))").")
    }
}
