import AgendaMail
import AgendaArguments
import Foundation

/// The mail system and the links, as both `agenda mail run` and `agenda serve` take them.
public struct MailOptions: ParsableArguments {
    public init() {}

    @Option("mail-command", help: ArgumentHelp(
        "Maskinens e-postkommando, sendmail-kompatibelt: tar ett meddelande på standard in, mottagarna i huvudet.",
        valueName: "kommando"))
    public var mailCommand = "/usr/sbin/sendmail -t -i"
    @Option("mail-from", help: ArgumentHelp("Avsändaradressen; standard: agenda@ och värden i --base-url.", valueName: "adress"))
    public var mailFrom: String?
    @Option("base-url", help: ArgumentHelp("Adressen där `agenda serve` nås, för länkarna i breven.", valueName: "url"))
    public var baseURL: String?

    /// The settings when --base-url is given; nil without it.
    public func settings() throws -> MailSettings? {
        guard let baseURL else { return nil }
        guard let command = MailCommand(mailCommand) else { throw ValidationError("--mail-command är tomt; standard är /usr/sbin/sendmail -t -i") }
        guard let settings = MailSettings(command: command, from: mailFrom, baseURL: baseURL) else {
            throw ValidationError(URL(string: baseURL)?.host == nil
                ? "--base-url måste vara en adress som https://agenda.molndal.se"
                : "--mail-from måste vara en e-postadress som agenda@molndal.se")
        }
        return settings
    }
}
