import AgendaCommandLine
import AgendaCore
import AgendaArguments

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Revidera en aktivitet, eller planens organisation, efter ett beslut (den tidigare versionen sparas).",
        subcommands: [EditAction.self, EditAgenda.self]
    )
}

struct EditAction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Ändra en aktivitets uppgifter; ändringen sparas som en revision med sitt beslut."
    )

    @OptionGroup var global: GlobalOptions
    @Argument("code", help: "Aktivitetens kod.") var code: String
    @OptionGroup var fields: ActionFieldOptions
    @Flag("close", help: "Markera aktiviteten som avslutad (klar eller inte längre aktuell; den finns kvar i historiken).") var close = false
    @Flag("reopen", help: "Gör en avslutad eller struken aktivitet aktiv igen.") var reopen = false
    @OptionGroup var decision: DecisionOptions

    func validate() throws {
        if fields.isEmpty && !close && !reopen { throw ValidationError("inget att ändra: ange minst ett fält, --close eller --reopen") }
        if close && reopen { throw ValidationError("--close och --reopen kan inte anges samtidigt") }
    }

    func run() throws {
        let service = try global.service(.write)
        let action = try service.editAction(
            code: code, fields: fields.value, state: close ? .closed : reopen ? .active : nil,
            decision: decision.value(today: service.today), by: try global.caller(service))
        Output.line("Aktiviteten \(action.code) \"\(action.title)\" är reviderad.")
    }
}

struct EditAgenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Ange vilken organisation som antagit planen; rapporterna och webbplatsen får dess namn."
    )

    @OptionGroup var global: GlobalOptions
    @Option("organisation", help: ArgumentHelp("Organisationens namn, t.ex. \"Region Halland\".", valueName: "namn")) var organisation: String
    @OptionGroup var decision: DecisionOptions

    func run() throws {
        let service = try global.service(.write)
        try service.setOrganisation(organisation, decision: decision.value(today: service.today), by: try global.caller(service))
        Output.line("Planens organisation är nu \(organisation).")
    }
}

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Stryk en aktivitet ur planen efter ett beslut; den finns kvar, markerad som struken."
    )

    @OptionGroup var global: GlobalOptions
    @Argument("code", help: "Aktivitetens kod.") var code: String
    @OptionGroup var decision: DecisionOptions

    func run() throws {
        let service = try global.service(.write)
        try service.withdrawAction(code: code, decision: decision.value(today: service.today), by: try global.caller(service))
        Output.line("Aktiviteten \(code) är struken ur planen; den finns kvar i historiken, markerad som struken.")
    }
}
