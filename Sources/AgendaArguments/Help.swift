/// A command's help (`--help`) and usage lines, in Swedish: overview, discussion, usage, arguments, options
/// (a titled group under its own heading) and subcommands, wrapped for 80 columns with the descriptions in a
/// column of their own.
enum Help {
    /// At most 79 characters a line, so that an 80-column terminal never wraps one.
    static let width = 79
    static let column = 26

    /// `agenda status set`.
    static func name(_ path: [any ParsableCommand.Type]) -> String {
        path.map { $0.configuration.commandName }.joined(separator: " ")
    }

    static func text(_ path: [any ParsableCommand.Type]) -> String {
        let command = path.last!
        let configuration = command.configuration
        var sections: [String] = []
        if !configuration.abstract.isEmpty { sections.append(wrap("ÖVERSIKT: " + configuration.abstract)) }
        if !configuration.discussion.isEmpty {
            sections.append(configuration.discussion.split(separator: "\n", omittingEmptySubsequences: false).map { wrap(String($0)) }.joined(separator: "\n"))
        }
        sections.append("ANVÄNDNING: " + usage(path))
        if configuration.subcommands.isEmpty {
            let declarations = declarations(command)
            if !declarations.arguments.isEmpty {
                sections.append("ARGUMENT:\n" + declarations.arguments.map { entry($0.label, $0.help) }.joined(separator: "\n"))
            }
            var groups: [String] = []
            for option in declarations.options where !groups.contains(option.group) { groups.append(option.group) }
            for group in groups where !group.isEmpty {
                let options = declarations.options.filter { $0.group == group }
                sections.append(group.uppercased() + ":\n" + options.map(entry).joined(separator: "\n"))
            }
            let own = declarations.options.filter { $0.group.isEmpty }.map(entry) + standardOptions(path)
            sections.append("FLAGGOR:\n" + own.joined(separator: "\n"))
        } else {
            sections.append("FLAGGOR:\n" + standardOptions(path).joined(separator: "\n"))
            let subcommands = configuration.subcommands.map { entry($0.configuration.commandName, $0.configuration.abstract) }
            let helpPath = ([path[0].configuration.commandName, "help"] + path.dropFirst().map { $0.configuration.commandName }).joined(separator: " ")
            let see = wrapWords("Se '\(helpPath) <underkommando>' för hjälp om varje underkommando.", width: width - 2).map { "  " + $0 }
            sections.append("UNDERKOMMANDON:\n" + subcommands.joined(separator: "\n") + "\n\n" + see.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n")
    }

    /// The lines a usage error ends with.
    static func usageLines(_ path: [any ParsableCommand.Type]) -> String {
        "Användning: \(usage(path))\n  Se '\(name(path)) --help' för mer information."
    }

    /// `agenda status set [--db <path>] <action> --period <period> …`.
    static func usage(_ path: [any ParsableCommand.Type]) -> String {
        let command = path.last!
        guard command.configuration.subcommands.isEmpty else { return name(path) + " <underkommando>" }
        let declarations = declarations(command)
        // With many optional options they are one word, "[<flaggor>]", before the required ones (--help lists them).
        let collapse = declarations.options.filter { !$0.isRequired }.count > maxOptionalInUsage
        var words = collapse ? ["[<flaggor>]"] : []
        for entry in declarations.order {
            switch entry {
            case let .option(index):
                let option = declarations.options[index]
                if !collapse || option.isRequired { words.append(usageWord(option)) }
            case let .argument(index):
                let argument = declarations.arguments[index]
                words.append(argument.isRequired ? argument.label : "[\(argument.label)]")
            }
        }
        return ([name(path)] + words).joined(separator: " ")
    }

    static let maxOptionalInUsage = 12

    private static func usageWord(_ option: OptionDeclaration) -> String {
        let word = option.label + (option.isRepeating ? " ..." : "")
        return option.isRequired ? word : "[\(word)]"
    }

    private static func standardOptions(_ path: [any ParsableCommand.Type]) -> [String] {
        (path.count == 1 && !path[0].configuration.version.isEmpty ? [entry("--version", "Visa versionen.")] : [])
            + [entry("-h, --help", "Visa hjälpen.")]
    }

    private static func declarations<C: ParsableCommand>(_ command: C.Type) -> Declarations {
        Declarations.collect(command).1
    }

    private static func entry(_ option: OptionDeclaration) -> String {
        var notes: [String] = []
        if !option.allowed.isEmpty { notes.append("värden: " + option.allowed.joined(separator: ", ")) }
        if let value = option.defaultDescription() { notes.append("standard: " + value) }
        return entry(option.label, option.help + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"))
    }

    /// "  label   description", the description wrapped in its column (on the next line when the label is wide).
    private static func entry(_ label: String, _ description: String) -> String {
        let lead = "  " + label
        let indent = String(repeating: " ", count: column)
        let lines = wrapWords(description, width: width - column)
        guard !lines.isEmpty else { return lead }
        if lead.count < column {
            let first = lead + String(repeating: " ", count: column - lead.count) + lines[0]
            return ([first] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
        }
        return ([lead] + lines.map { indent + $0 }).joined(separator: "\n")
    }

    private static func wrap(_ text: String) -> String {
        wrapWords(text, width: width).joined(separator: "\n")
    }

    /// The words of `text` in lines of at most `width` characters (a longer word on a line of its own).
    static func wrapWords(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
