import AgendaCommandLine
import AgendaCore
import AgendaArguments

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Visa granskningsloggen: varje ändring, vem, när, vad, före och efter.")

    @OptionGroup var global: GlobalOptions
    @Flag("json", help: "Skriv ut hela loggen som JSON.") var json = false

    func run() throws {
        let entries = try global.service().auditLog()
        if json { return try JSONOutput.print(entries) }
        var table = TextTable([
            .init(Words["cli.number"], alignRight: true), .init(Words["cli.time"]), .init(Words["cli.who"]), .init(Words["cli.event"]),
            .init(Words["cli.target"], maxWidth: 50),
        ])
        for entry in entries {
            table.append([String(entry.number), entry.at.swedishDisplay, entry.identity ?? "–", entry.operationSwedish, entry.target])
        }
        Output.line(table.render())
    }
}

struct RevisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revisions", abstract: "Lista besluten som har ändrat planen (revision 1 är den antagna planen).")

    @OptionGroup var global: GlobalOptions
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let revisions = try global.service().revisions()
        if json { return try JSONOutput.print(revisions) }
        var table = TextTable([
            .init(Words["cli.number"], alignRight: true), .init(Words["cli.date"]), .init(Words["changes.plan.decision"], maxWidth: 50),
            .init(Words["cli.note"], maxWidth: 50),
        ])
        for revision in revisions {
            table.append([String(revision.number), revision.date?.description ?? "–", revision.reference ?? "–", revision.note ?? ""])
        }
        Output.line(table.render())
    }
}
