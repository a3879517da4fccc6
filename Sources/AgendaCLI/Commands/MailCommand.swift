import AgendaCore
import AgendaMail
import ArgumentParser
import Foundation

struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Omgångens e-post: skicka det som väntar i utkorgen genom maskinens e-postsystem, och se vad som väntar.",
        subcommands: [MailSend.self, MailStatus.self])
}

/// The mail system and the links, as both `agenda mail send` and `agenda serve` take them.
struct MailOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Maskinens e-postsystem, VÄRD:PORT (SMTP utan inloggning, t.ex. 127.0.0.1:25).", valueName: "värd:port"))
    var smtp: String?
    @Option(name: .customLong("mail-from"), help: ArgumentHelp("Avsändaradressen, t.ex. agenda@molndal.se.", valueName: "adress"))
    var mailFrom: String?
    @Option(name: .customLong("base-url"), help: ArgumentHelp("Adressen där `agenda serve` nås, för länkarna i breven.", valueName: "url"))
    var baseURL: String?

    /// The settings when --smtp is given (then --mail-from and --base-url are needed too); nil without --smtp.
    func settings() throws -> MailSettings? {
        guard let smtp else { return nil }
        guard let mailFrom else { throw ValidationError("--smtp behöver --mail-from, avsändarens adress (t.ex. agenda@molndal.se)") }
        guard let baseURL, let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--smtp behöver --base-url, adressen där `agenda serve` nås (t.ex. https://agenda.molndal.se)")
        }
        guard let settings = MailSettings(smtp: smtp, from: mailFrom, baseURL: baseURL) else {
            throw ValidationError("--smtp är VÄRD:PORT, t.ex. 127.0.0.1:25, och --mail-from en e-postadress")
        }
        return settings
    }
}

struct MailSend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Lägg påminnelser som har förfallit i utkorgen och skicka allt som väntar (t.ex. från cron varje kvart).",
        discussion: """
            Kräver ingen token, bara skrivrätt till databasfilen: vad som ska skickas har ägarens handlingar \
            (omgångar, publiceringar, länkar) och datumen redan bestämt. Ett meddelande markeras som skickat först \
            när e-postsystemet har tagit emot det; annars väntar det och försöks igen senare, allt längre emellan. \
            `agenda serve --smtp` gör samma sak varje minut.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var mail: MailOptions

    func validate() throws {
        if mail.smtp == nil { throw ValidationError("ange maskinens e-postsystem med --smtp VÄRD:PORT") }
        _ = try mail.settings()
    }

    func run() throws {
        guard let settings = try mail.settings() else { return }
        let run = try MailSender(service: try global.service(.write), settings: settings).run()
        Output.line("\(Swedish.count(run.sent, "meddelande skickat", "meddelanden skickade")), "
            + "\(Swedish.count(run.failed, "väntar", "väntar")) kvar"
            + (run.queued > 0 ? " (\(Swedish.count(run.queued, "ny påminnelse", "nya påminnelser")))." : "."))
        if run.failed > 0, let problem = try global.service().outboxState().problem {
            Output.warning("\(Swedish.count(run.failed, "meddelande", "meddelanden")) kunde inte skickas: \(problem.swedish); de försöks igen senare")
        }
    }
}

struct MailStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Visa vad som väntar i utkorgen och vad som har skickats.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Högst så många meddelanden, de senaste först.") var limit = 20

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
