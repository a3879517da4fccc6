import AgendaCore
import ArgumentParser
import Foundation

@main
struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Håll ordning på kommunens digitala agenda, från antagen plan till uppföljning.",
        discussion: """
            Databasen är filen som --db anger, annars $AGENDA_DB, annars ./agenda.sqlite. \
            Börja med `agenda demo DIR` för en färdig exempeldatabas, eller med `agenda import PLAN.txt`.
            """,
        version: AgendaVersion.current,
        subcommands: [
            InitCommand.self, ImportCommand.self, ExportCommand.self,
            ListCommand.self, ShowCommand.self, AddCommand.self, EditCommand.self, WithdrawCommand.self,
            IdentityCommand.self, StatusCommand.self, OutboxCommand.self, EffectCommand.self, LikaCommand.self, RevisionsCommand.self, AuditCommand.self,
            ReportCommand.self, SiteCommand.self, TemplatesCommand.self, DemoCommand.self, ServeCommand.self,
        ]
    )

    /// Parses and runs like ArgumentParser's own `main`, except that an error a command throws (a
    /// refusal from the core, a file that cannot be read) is printed as one Swedish line, "fel: …",
    /// with exit status 1. Usage errors are ArgumentParser's, in Swedish, with exit status 64.
    static func main() async {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitWithUsageError(error)
        }
        do {
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as CleanExit {
            exitWithUsageError(error)
        } catch let error as ValidationError {
            exitWithUsageError(error)
        } catch where exitCode(for: error) == .success || exitCode(for: error) == .validationFailure {
            // ArgumentParser's own requests and usage errors (`agenda` alone prints its help).
            exitWithUsageError(error)
        } catch {
            FileHandle.standardError.write(Data("fel: \(CLIWords.line(for: error))\n".utf8))
            Foundation.exit(EXIT_FAILURE)
        }
    }

    /// ArgumentParser's own exit (help and --version to standard output, exit 0; a usage error to
    /// standard error, exit 64), in Swedish (``SwedishUsage``), a usage error starting with "fel: " like
    /// every other error.
    private static func exitWithUsageError(_ error: Error) -> Never {
        let code = exitCode(for: error)
        var message = fullMessage(for: error)
        guard code != .success else {
            if !message.isEmpty { print(SwedishUsage.translate(message)) }
            Foundation.exit(EXIT_SUCCESS)
        }
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        FileHandle.standardError.write(Data(("fel: " + SwedishUsage.translate(message) + "\n").utf8))
        Foundation.exit(code.rawValue)
    }
}
