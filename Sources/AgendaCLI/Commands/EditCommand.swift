import AgendaCore
import ArgumentParser

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Revise an action after a decision (the earlier version is kept).",
        subcommands: [EditAction.self]
    )
}

struct EditAction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Change an action's fields; the change is recorded as a revision with its decision."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The action's code.") var code: String
    @OptionGroup var fields: ActionFieldOptions
    @Flag(help: "Mark the action closed (finished or no longer pursued, kept on record).") var close = false
    @Flag(help: "Make a closed or withdrawn action active again.") var reopen = false
    @OptionGroup var decision: DecisionOptions

    func validate() throws {
        if fields.isEmpty && !close && !reopen { throw ValidationError("nothing to change: give at least one field option, --close or --reopen") }
        if close && reopen { throw ValidationError("--close and --reopen exclude each other") }
    }

    func run() throws {
        let service = try global.service(.write)
        let action = try service.editAction(
            code: code, fields: fields.value, state: close ? .closed : reopen ? .active : nil,
            decision: decision.value(today: service.today), by: try global.caller(service))
        Output.line("Revised action \(action.code) \"\(action.title)\".")
    }
}

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw an action from the plan by decision. It stays in the store, marked withdrawn."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The action's code.") var code: String
    @OptionGroup var decision: DecisionOptions

    func run() throws {
        let service = try global.service(.write)
        try service.withdrawAction(code: code, decision: decision.value(today: service.today), by: try global.caller(service))
        Output.line("Withdrew action \(code); it stays on record, marked withdrawn.")
    }
}
