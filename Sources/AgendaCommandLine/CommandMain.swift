import AgendaArguments
import Foundation

/// The `main` of both programs, `agenda` and `agenda-serve`: parses the command line (``CommandParser``) and
/// runs the command. Help and `--version` go to standard output, exit 0; a usage error is one "fel: …" line
/// and the command's usage on standard error, exit 64; an error a command throws (a refusal from the core, a
/// file that cannot be read) is one Swedish line, "fel: …", exit 1.
public enum CommandMain {
    /// Runs a command of `agenda` on the main thread: no command of it awaits anything, so none starts
    /// Swift concurrency's threads.
    public static func run(_ root: any ParsableCommand.Type, arguments: [String]? = nil) -> Never {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        var command = parse(root, arguments)
        do {
            try command.run()
        } catch {
            exit(root, arguments, error)
        }
        Foundation.exit(EXIT_SUCCESS)
    }

    /// Runs `agenda-serve`, whose command awaits its server.
    public static func run<Command: AsyncParsableCommand>(async root: Command.Type) async -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard var command = parse(root, arguments) as? Command else { preconditionFailure("\(root) has no subcommands") }
        do {
            try await command.run()
        } catch {
            exit(root, arguments, error)
        }
        Foundation.exit(EXIT_SUCCESS)
    }

    private static func parse(_ root: any ParsableCommand.Type, _ arguments: [String]) -> any ParsableCommand {
        do {
            switch try CommandParser.parse(root, arguments) {
            case let .run(command):
                return command
            case let .show(text):
                Output.line(text)
                Foundation.exit(EXIT_SUCCESS)
            }
        } catch let error as CommandParser.UsageError {
            usageError(error.message, error.usage)
        } catch {
            exit(root, arguments, error)
        }
    }

    /// Ends the process for an error a command threw: its own check of the values is a usage error.
    private static func exit(_ root: any ParsableCommand.Type, _ arguments: [String], _ error: Error) -> Never {
        if let error = error as? ValidationError { usageError(error.message, CommandParser.usage(root, arguments)) }
        Output.error("fel: \(CLIWords.line(for: error))")
        Foundation.exit(EXIT_FAILURE)
    }

    private static func usageError(_ message: String, _ usage: String) -> Never {
        Output.error("fel: \(message)\n\(usage)")
        Foundation.exit(EX_USAGE)
    }
}
