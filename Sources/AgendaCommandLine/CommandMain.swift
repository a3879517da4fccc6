import ArgumentParser
import Foundation

/// The `main` of both programs, `agenda` and `agenda-serve`: parses and runs like ArgumentParser's own
/// `main`, except that an error a command throws (a refusal from the core, a file that cannot be read) is
/// printed as one Swedish line, "fel: …", with exit status 1. Usage errors are ArgumentParser's, in
/// Swedish (``SwedishUsage``), with exit status 64.
public enum CommandMain {
    /// Runs a command of `agenda` on the main thread: no command of it awaits anything, so none starts
    /// Swift concurrency's threads.
    public static func run(_ root: ParsableCommand.Type, arguments: [String]? = nil) -> Never {
        var command = parse(root, arguments)
        do {
            try command.run()
        } catch {
            exit(root, error)
        }
        Foundation.exit(EXIT_SUCCESS)
    }

    /// Runs `agenda-serve`, whose command awaits its server.
    public static func run(async root: AsyncParsableCommand.Type) async -> Never {
        var command = parse(root, nil)
        do {
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(root, error)
        }
        Foundation.exit(EXIT_SUCCESS)
    }

    private static func parse(_ root: ParsableCommand.Type, _ arguments: [String]?) -> ParsableCommand {
        do {
            return try root.parseAsRoot(arguments)
        } catch {
            exitWithUsageError(root, error)
        }
    }

    /// Ends the process for an error a command threw.
    private static func exit(_ root: ParsableCommand.Type, _ error: Error) -> Never {
        switch error {
        case let error as ExitCode:
            Foundation.exit(error.rawValue)
        case is CleanExit, is ValidationError:
            exitWithUsageError(root, error)
        case _ where root.exitCode(for: error) == .success || root.exitCode(for: error) == .validationFailure:
            // ArgumentParser's own requests and usage errors (`agenda` alone prints its help).
            exitWithUsageError(root, error)
        default:
            Output.error("fel: \(CLIWords.line(for: error))")
            Foundation.exit(EXIT_FAILURE)
        }
    }

    /// ArgumentParser's own exit (help and --version to standard output, exit 0; a usage error to
    /// standard error, exit 64), in Swedish, a usage error starting with "fel: " like every other error.
    private static func exitWithUsageError(_ root: ParsableCommand.Type, _ error: Error) -> Never {
        let code = root.exitCode(for: error)
        var message = root.fullMessage(for: error)
        guard code != .success else {
            if !message.isEmpty { Output.line(SwedishUsage.translate(message)) }
            Foundation.exit(EXIT_SUCCESS)
        }
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        Output.error("fel: " + SwedishUsage.translate(message))
        Foundation.exit(code.rawValue)
    }
}
