import AgendaCommandLine
import AgendaArguments
import Foundation

/// `agenda serve`: the web interface is its own program, `agenda-serve` beside `agenda` (Sources/AgendaServe),
/// so that every other command starts without the web server's code (HTTP, TLS, OpenID) in its process.
/// `agenda serve ARGS` replaces itself with `agenda-serve ARGS`: same process, same signals, same exit status.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: ServeHelp.abstract,
        discussion: "Körs av programmet agenda-serve, som installeras bredvid agenda. `agenda serve --help` visar flaggorna.")

    @Argument(passthrough: "arguments", help: ArgumentHelp("Flaggorna, se `agenda serve --help`.", valueName: "flaggor"))
    var arguments: [String] = []

    func run() throws { Self.exec(arguments) }

    /// The program `agenda-serve` in the folder of the running `agenda`.
    static var program: String {
        let own = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("agenda-serve").path
    }

    /// Replaces this process with `agenda-serve ARGUMENTS`; returns only to say why it could not.
    static func exec(_ arguments: [String]) -> Never {
        let program = Self.program
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        let reason = String(cString: strerror(errno))
        Output.error("""
            fel: webbgränssnittet körs av programmet agenda-serve, som inte går att starta (\(program): \(reason)); \
            installera det i samma mapp som agenda (README, "Installera")
            """)
        Foundation.exit(EXIT_FAILURE)
    }
}
