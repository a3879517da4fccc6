import AgendaCommandLine
import AgendaCore
import AgendaMail
import AgendaArguments
import Foundation

struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Omgångens e-post: skicka det som väntar i utkorgen genom maskinens e-postkommando, och se vad som väntar.",
        subcommands: [MailRunCommand.self, MailStatus.self])
}

struct MailRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Lägg påminnelser som har förfallit i utkorgen och skicka allt som väntar (för cron, t.ex. varje kvart).",
        discussion: """
            Kräver ingen token, bara skrivrätt till databasfilen: vad som ska skickas har ägarens handlingar \
            (omgångar, publiceringar, länkar) och datumen redan bestämt. Varje meddelande som väntar försöks en gång \
            och markeras som skickat först när e-postkommandot har tagit emot det (slutkod 0); annars väntar det till \
            nästa körning. `agenda serve --base-url …` gör samma sak varje minut.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var mail: MailOptions

    func validate() throws {
        if mail.baseURL == nil { throw ValidationError("ange --base-url, adressen där `agenda serve` nås, för länkarna i breven") }
        _ = try mail.settings()
    }

    func run() throws {
        guard let settings = try mail.settings() else { return }
        let service = try global.service(.write)
        let run = try MailSender(service: service, settings: settings).run(ignoringBackOff: true)
        let problem = run.failed > 0 ? try service.outboxState().problem.map { ": \($0.swedish)" } ?? "" : ""
        Output.line("\(Swedish.count(run.sent, "meddelande skickat", "meddelanden skickade")), "
            + "\(Swedish.count(run.failed, "väntar", "väntar"))\(problem)"
            + (run.queued > 0 ? " (\(Swedish.count(run.queued, "ny påminnelse", "nya påminnelser")) i utkorgen)." : "."))
    }
}

struct MailStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Visa vad som väntar i utkorgen och vad som har skickats.")

    @OptionGroup var global: GlobalOptions
    @Option("limit", help: "Högst så många meddelanden, de senaste först.") var limit = 20

    func run() throws {
        let service = try global.service()
        let state = try service.outboxState()
        Output.line("\(Swedish.count(state.waiting, "meddelande väntar", "meddelanden väntar"))"
            + (state.problem.map { ": \($0.swedish)" } ?? "") + "; \(Swedish.count(state.sent, "skickat", "skickade")).")
        var table = TextTable([.init("Nr"), .init("Slag"), .init("Till"), .init("Skrivet"), .init("Läge")])
        for message in try service.outbox(limit: max(1, limit)) {
            let state = message.sentAt.map { "skickat \($0.swedishDisplay)" }
                ?? "väntar" + (message.problem.map { ": \($0.swedish)" } ?? "")
            table.append([String(message.number), message.kind.swedish, message.recipients.map(\.email).joined(separator: ", "),
                          message.createdAt.swedishDisplay, state])
        }
        Output.line(table.render())
    }
}
