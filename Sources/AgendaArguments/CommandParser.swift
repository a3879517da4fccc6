/// Parses a command line against a root command and its subcommands: finds the command the leading words
/// name, makes it, and hands each argument to what it declares.
///
/// Options may come anywhere after the command's name, as `--name value` or `--name=value`; a value that
/// starts with `-` is given as `--name=-…`. `--` ends the options. `-h`/`--help` anywhere asks for help,
/// `--version` first asks the root for its version, and `help COMMAND…` is `COMMAND… --help`.
public enum CommandParser {
    /// What a command line asks for.
    public enum Outcome {
        /// Run this command.
        case run(any ParsableCommand)
        /// Print this (help or the version) to standard output and exit 0.
        case show(String)
    }

    /// A command line that cannot be run: the message, and the lines that tell how to use the command.
    public struct UsageError: Error {
        public let message: String
        public let usage: String
    }

    /// Throws ``UsageError`` for a command line that cannot be run; an error other than a usage error that a
    /// command's `validate()` throws comes through as it is.
    public static func parse(_ root: any ParsableCommand.Type, _ arguments: [String]) throws -> Outcome {
        var rest = arguments[...]
        if rest.first == "help" {
            rest.removeFirst()
            rest.removeAll { $0 == "--help" || $0 == "-h" }
            let path = commandPath(root, &rest)
            if let word = rest.first { throw UsageError(message: "Oväntat argument '\(word)'", usage: Help.usageLines(path)) }
            return .show(Help.text(path))
        }
        let path = commandPath(root, &rest)
        let command = path.last!
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) { return .show(Help.text(path)) }
        if path.count == 1, rest.first == "--version", !root.configuration.version.isEmpty {
            return .show(root.configuration.version)
        }
        if !command.configuration.subcommands.isEmpty {
            if let word = rest.first {
                throw UsageError(message: isOption(word) ? "Okänd flagga '\(word)'" : "Oväntat argument '\(word)'", usage: Help.usageLines(path))
            }
            return .show(Help.text(path))
        }
        do {
            return .run(try make(command, Array(rest)))
        } catch let problem as Problem {
            let help = problem.about.map { "Hjälp: \($0.label)  \($0.help)\n" } ?? ""
            throw UsageError(message: problem.message, usage: help + Help.usageLines(path))
        } catch let error as ValidationError {
            throw UsageError(message: error.message, usage: Help.usageLines(path))
        }
    }

    /// The usage lines of the command a command line names (for a usage error the command itself raises).
    public static func usage(_ root: any ParsableCommand.Type, _ arguments: [String]) -> String {
        var words = arguments[...]
        return Help.usageLines(commandPath(root, &words))
    }

    /// The root and the subcommands the leading `words` name, which it takes from `words`.
    private static func commandPath(_ root: any ParsableCommand.Type, _ words: inout ArraySlice<String>) -> [any ParsableCommand.Type] {
        var path = [root]
        while let word = words.first, let sub = path.last!.configuration.subcommands.first(where: { $0.configuration.commandName == word }) {
            path.append(sub)
            words.removeFirst()
        }
        return path
    }

    struct Problem: Error {
        let message: String
        /// The option or argument it is about: its label and help, for a line under the message.
        var about: (label: String, help: String)? = nil
    }

    /// Makes the command, fills what it declares from `arguments`, and checks it.
    private static func make<C: ParsableCommand>(_ type: C.Type, _ arguments: [String]) throws -> any ParsableCommand {
        let (command, declarations) = Declarations.collect(type)
        try fill(declarations, from: arguments)
        for validate in declarations.validations { try validate() }
        try command.validate()
        return command
    }

    private static func fill(_ declarations: Declarations, from arguments: [String]) throws(Problem) {
        var positional: [String] = []
        var given = Set<String>()
        var index = 0
        let passthrough = declarations.arguments.firstIndex(where: \.isPassthrough)
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if let passthrough, positional.count >= passthrough {
                positional.append(word)
                continue
            }
            if word == "--" {
                positional.append(contentsOf: arguments[index...])
                break
            }
            guard isOption(word) else {
                positional.append(word)
                continue
            }
            let body = word.dropFirst(word.hasPrefix("--") ? 2 : 1)
            let equals = body.firstIndex(of: "=")
            let name = String(body[..<(equals ?? body.endIndex)])
            guard word.hasPrefix("--"), let option = declarations.options.first(where: { $0.name == name }) else {
                throw Problem(message: "Okänd flagga '\(word.prefix(word.count - body.count + name.count))'")
            }
            let value: String
            if option.valueName == nil {
                if let equals {
                    throw Problem(message: "Flaggan '--\(name)' tar inget värde, men '\(body[body.index(after: equals)...])' angavs.")
                }
                value = ""
            } else if let equals {
                value = String(body[body.index(after: equals)...])
            } else if index < arguments.count, !isOption(arguments[index]) {
                value = arguments[index]
                index += 1
            } else {
                throw Problem(message: "Värde saknas för '\(option.label)'", about: (option.label, option.help))
            }
            do {
                try option.take(value, !given.contains(name))
            } catch {
                throw Problem(message: refusal(value, option.label, error), about: (option.label, option.help))
            }
            given.insert(name)
        }
        var remaining = positional[...]
        for argument in declarations.arguments {
            guard !remaining.isEmpty else {
                if argument.isRequired { throw Problem(message: "Argument saknas: '\(argument.label)'", about: (argument.label, argument.help)) }
                continue
            }
            let taken = argument.isRepeating ? remaining : remaining.prefix(1)
            for (offset, value) in taken.enumerated() {
                do { try argument.take(value, offset == 0) } catch {
                    throw Problem(message: refusal(value, argument.label, error), about: (argument.label, argument.help))
                }
            }
            remaining = remaining.dropFirst(taken.count)
        }
        if let missing = declarations.options.first(where: { $0.isRequired && !given.contains($0.name) }) {
            throw Problem(message: "Flagga saknas: '\(missing.label)'", about: (missing.label, missing.help))
        }
        switch remaining.count {
        case 0: break
        case 1: throw Problem(message: "Oväntat argument '\(remaining.first!)'")
        default: throw Problem(message: "\(remaining.count) oväntade argument: \(remaining.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }

    /// `-x` or `--x`, but not `-` (standard input) or a negative number (`-2`, `-12,5`, `-.5`): no option's
    /// name begins with a digit.
    static func isOption(_ word: String) -> Bool {
        let bytes = Array(word.utf8.prefix(3))
        guard bytes.count > 1, bytes[0] == UInt8(ascii: "-") else { return false }
        func digit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        if digit(bytes[1]) { return false }
        if bytes[1] == UInt8(ascii: ",") || bytes[1] == UInt8(ascii: ".") { return !(bytes.count == 3 && digit(bytes[2])) }
        return true
    }

    private static func refusal(_ value: String, _ label: String, _ problem: ValueProblem) -> String {
        let refused = "Värdet '\(value)' går inte att använda för '\(label)'"
        switch problem {
        case let .refused(reason):
            return "\(refused): \(reason)"
        case let .invalid(allowed) where allowed.isEmpty:
            return "\(refused)."
        case let .invalid(allowed) where allowed.count == 1:
            return "\(refused). Ange '\(allowed[0])'."
        case let .invalid(allowed) where allowed.count < 6:
            let quoted = allowed.map { "'\($0)'" }
            return "\(refused). Ange ett av \(quoted.dropLast().joined(separator: ", ")) eller \(quoted.last!)."
        case let .invalid(allowed):
            return "\(refused). Ange ett av följande:\n" + allowed.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
