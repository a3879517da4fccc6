import AgendaCore
import ArgumentParser

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show the audit log: every write, who, when, what, before and after.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the whole log as JSON.") var json = false

    func run() throws {
        let entries = try global.service().auditLog()
        if json { return try JSONOutput.print(entries) }
        var table = TextTable([.init("Nr", alignRight: true), .init("Tid"), .init("Vem"), .init("Åtgärd"), .init("Mål", maxWidth: 50)])
        for entry in entries {
            table.append([String(entry.number), entry.at.swedishDisplay, entry.identity ?? "–", entry.operation, entry.target])
        }
        Output.line(table.render())
    }
}

struct RevisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revisions", abstract: "List the decisions that changed the plan (revision 1 is the adopted plan).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let revisions = try global.service().revisions()
        if json { return try JSONOutput.print(revisions) }
        var table = TextTable([.init("Nr", alignRight: true), .init("Datum"), .init("Beslut", maxWidth: 50), .init("Not", maxWidth: 50)])
        for revision in revisions {
            table.append([String(revision.number), revision.date?.description ?? "–", revision.reference ?? "–", revision.note ?? ""])
        }
        Output.line(table.render())
    }
}
