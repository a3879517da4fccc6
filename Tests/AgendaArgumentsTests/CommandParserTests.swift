import Testing
@testable import AgendaArguments

/// The command line's parser on commands of its own: what the wrappers declare, how a command line fills
/// them, the usage errors in Swedish and the help. (The `agenda` commands themselves are run as processes in
/// AgendaCLITests: help of every command, usage errors, typed options.)
struct CommandParserTests {
    enum Colour: String, ExpressibleByArgument, CaseIterable { case red, green }
    enum Size: String, ExpressibleByArgument, CaseIterable { case xs, s, m, l, xl }
    enum Only: String, ExpressibleByArgument, CaseIterable { case this }

    struct Shared: ParsableArguments {
        @Option("db", help: ArgumentHelp("The file.", valueName: "path")) var db: String?
        func validate() throws {
            if db == "" { throw ValidationError("shared: empty --db") }
        }
    }

    struct Leaf: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "leaf", abstract: "A leaf.", discussion: "More about it.")
        @OptionGroup var shared: Shared
        @Argument("code", help: "The code.") var code: String
        @Argument("rest", help: "More codes.") var rest: [String] = []
        @Option("count", help: "How many.") var count = 3
        @Option("colour", help: "A colour.") var colour: Colour
        @Option("tag", help: ArgumentHelp("A tag; repeat for more.", valueName: "text")) var tags: [String] = ["none"]
        @Flag("json", help: "JSON.") var json = false
        @Option("size", help: "A size.") var size: Size?
        @Option("only", help: "Only.") var only: Only?
        @OptionGroup(title: "Mail") var mail: MailGroup

        func validate() throws {
            if count < 0 { throw ValidationError("count is negative") }
        }
    }

    struct MailGroup: ParsableArguments {
        @Option("from", help: "Sender.") var from: String?
    }

    /// A command whose check fails for a reason that is not the command line's.
    struct Broken: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "broken")
        struct Failure: Error {}
        func validate() throws { throw Failure() }
        func run() throws {}
    }

    struct Many: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "many")
        @Argument("codes", help: "Codes.") var codes: [String] = ["all"]
        func run() throws {}
    }

    struct Forward: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "forward", abstract: "Passes on.")
        @Argument(passthrough: "arguments", help: "For the other program.") var arguments: [String]
    }

    struct Group: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "group", abstract: "Groups.", subcommands: [Leaf.self])
    }

    struct Root: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tool", abstract: "The tool.", version: "1.2.3", subcommands: [Group.self, Forward.self, Broken.self, Many.self])
    }

    func parseLeaf(_ arguments: String...) throws -> Leaf {
        guard case let .run(command) = try CommandParser.parse(Root.self, ["group", "leaf"] + arguments) else {
            Issue.record("no command")
            throw CommandParser.UsageError(message: "", usage: "")
        }
        return command as! Leaf
    }

    func usageError(_ arguments: [String]) -> CommandParser.UsageError? {
        do {
            _ = try CommandParser.parse(Root.self, arguments)
            return nil
        } catch {
            return error as? CommandParser.UsageError
        }
    }

    func error(_ arguments: String...) -> String? { usageError(arguments)?.message }

    @Test func aCommandLineFillsWhatTheCommandDeclares() throws {
        let leaf = try parseLeaf("A1", "--colour", "green", "B", "--count=7", "--tag", "x", "--db", "f.sqlite", "--tag", "y", "--json", "C", "--from", "a@b")
        #expect(leaf.code == "A1" && leaf.rest == ["B", "C"])
        #expect(leaf.count == 7 && leaf.colour == .green && leaf.json)
        #expect(leaf.tags == ["x", "y"], "the first --tag replaces the default, the next ones add")
        #expect(leaf.shared.db == "f.sqlite" && leaf.mail.from == "a@b")

        let defaults = try parseLeaf("A1", "--colour", "red")
        #expect(defaults.count == 3 && defaults.tags == ["none"] && !defaults.json && defaults.shared.db == nil && defaults.rest.isEmpty)
    }

    @Test func valuesThatLookLikeOptions() throws {
        #expect(try parseLeaf("--colour", "red", "--", "--code").code == "--code", "-- ends the options")
        #expect(try parseLeaf("A", "--colour", "red", "--db", "-").shared.db == "-", "- alone is a value (standard input)")
        #expect(try parseLeaf("A", "--colour", "red", "--db=--x").shared.db == "--x")
        #expect(error("group", "leaf", "A", "--colour", "red", "--count", "-2") == "count is negative", "a negative number is a value")
        #expect(error("group", "leaf", "A", "--db", "--colour", "red") == "Värde saknas för '--db <path>'")
        #expect(try parseLeaf("A", "--colour", "red", "--db", "-12,5").shared.db == "-12,5", "a Swedish decimal is a value")
        #expect(try parseLeaf("A", "--colour", "red", "--db", "-.5").shared.db == "-.5")
        #expect(CommandParser.isOption("-x") && CommandParser.isOption("--x") && CommandParser.isOption("-,") && CommandParser.isOption("-inf"))
        #expect(!CommandParser.isOption("-") && !CommandParser.isOption("-2") && !CommandParser.isOption("-,5") && !CommandParser.isOption("x"))
    }

    @Test func theFirstArgumentGivenReplacesTheDefault() throws {
        guard case let .run(none) = try CommandParser.parse(Root.self, ["many"]),
              case let .run(two) = try CommandParser.parse(Root.self, ["many", "a", "b"]) else { Issue.record("not run"); return }
        #expect((none as! Many).codes == ["all"] && (two as! Many).codes == ["a", "b"])
    }

    @Test func aFailingCheckThatIsNoUsageErrorComesThroughAsItIs() {
        #expect(throws: Broken.Failure.self) { try CommandParser.parse(Root.self, ["broken"]) }
    }

    @Test func usageErrorsAreSwedish() {
        #expect(error("group", "leaf", "--colour", "red") == "Argument saknas: '<code>'")
        #expect(error("group", "leaf", "A") == "Flagga saknas: '--colour <colour>'")
        #expect(error("group", "leaf", "A", "--colour") == "Värde saknas för '--colour <colour>'")
        #expect(error("group", "leaf", "A", "--colour", "blue")
            == "Värdet 'blue' går inte att använda för '--colour <colour>'. Ange ett av 'red' eller 'green'.")
        #expect(error("group", "leaf", "A", "--colour", "red", "--count", "many") == "Värdet 'many' går inte att använda för '--count <count>'.")
        #expect(error("group", "leaf", "A", "--colour", "red", "--bogus") == "Okänd flagga '--bogus'")
        #expect(error("group", "leaf", "A", "--colour", "red", "--bogus=1") == "Okänd flagga '--bogus'")
        #expect(error("group", "leaf", "A", "--colour", "red", "-x") == "Okänd flagga '-x'")
        #expect(error("group", "leaf", "A", "--colour", "red", "-x=1") == "Okänd flagga '-x'")
        #expect(error("group", "leaf", "A", "--colour", "red", "--size", "xxl")
            == "Värdet 'xxl' går inte att använda för '--size <size>'. Ange ett av 'xs', 's', 'm', 'l' eller 'xl'.")
        #expect(error("group", "leaf", "A", "--colour", "red", "--only", "that") == "Värdet 'that' går inte att använda för '--only <only>'. Ange 'this'.")
        #expect(error("group", "leaf", "A", "--colour", "red", "--json=yes") == "Flaggan '--json' tar inget värde, men 'yes' angavs.")
        #expect(error("group", "nope") == "Oväntat argument 'nope'")
        #expect(error("group", "--bogus") == "Okänd flagga '--bogus'")
        #expect(error("help", "group", "nope") == "Oväntat argument 'nope'")
        #expect(usageError(["group", "leaf", "A", "--colour", "blue"])?.usage.hasPrefix("Hjälp: --colour <colour>  A colour.\nAnvändning: ") == true,
                "an error about one option ends with that option's help")
    }

    @Test func groupsAreCheckedBeforeTheCommand() {
        #expect(error("group", "leaf", "A", "--colour", "red", "--db=", "--count", "-1") == "shared: empty --db")
    }

    @Test func aUsageErrorEndsWithTheCommandsUsage() throws {
        #expect(usageError(["group", "leaf"])?.usage == """
            Hjälp: <code>  The code.
            Användning: tool group leaf [--db <path>] <code> [<rest> ...] [--count <count>] --colour <colour> [--tag <text> ...] [--json] \
            [--size <size>] [--only <only>] [--from <from>]
              Se 'tool group leaf --help' för mer information.
            """)
    }

    @Test func helpVersionAndPassthrough() throws {
        guard case let .show(help) = try CommandParser.parse(Root.self, ["group", "leaf", "x", "--help"]) else { Issue.record("no help"); return }
        #expect(help.hasPrefix("ÖVERSIKT: A leaf.\n\nMore about it.\n\nANVÄNDNING: tool group leaf [--db <path>] <code>"))
        #expect(help.contains("\nARGUMENT:\n  <code>                  The code.\n"))
        #expect(help.contains("  --count <count>         How many. (standard: 3)\n"))
        #expect(help.contains("  --colour <colour>       A colour. (värden: red, green)\n"))
        #expect(help.contains("  --tag <text>            A tag; repeat for more. (standard: none)\n"))
        #expect(help.contains("\nMAIL:\n  --from <from>           Sender.\n"))
        #expect(help.hasSuffix("  -h, --help              Visa hjälpen."))
        #expect(!help.contains("--version"), "only the root has a version")

        guard case let .show(same) = try CommandParser.parse(Root.self, ["help", "group", "leaf"]),
              case let .show(asked) = try CommandParser.parse(Root.self, ["help", "group", "leaf", "--help"]) else { Issue.record("no help"); return }
        #expect(same == help && asked == help)
        guard case let .show(root) = try CommandParser.parse(Root.self, []) else { Issue.record("no help"); return }
        #expect(root.contains("\nUNDERKOMMANDON:\n  group                   Groups.\n  forward                 Passes on.\n"))
        guard case let .show(helpHelp) = try CommandParser.parse(Root.self, ["help", "-h"]) else { Issue.record("no help"); return }
        #expect(helpHelp == root)
        #expect(root.hasSuffix("  Se 'tool help <underkommando>' för hjälp om varje underkommando."))
        guard case let .show(group) = try CommandParser.parse(Root.self, ["group"]) else { Issue.record("no help"); return }
        #expect(group.contains("ANVÄNDNING: tool group <underkommando>") && group.hasSuffix("Se 'tool help group <underkommando>' för hjälp om varje underkommando."))
        guard case let .show(version) = try CommandParser.parse(Root.self, ["--version"]) else { Issue.record("no version"); return }
        #expect(version == "1.2.3")

        guard case let .run(command) = try CommandParser.parse(Root.self, ["forward", "--port", "1", "x", "--", "y"]) else { Issue.record("not run"); return }
        #expect((command as! Forward).arguments == ["--port", "1", "x", "--", "y"])
    }

    @Test func longHelpWrapsInItsColumn() {
        #expect(Help.wrapWords("a bb ccc dddd", width: 6) == ["a bb", "ccc", "dddd"])
        #expect(Help.wrapWords("", width: 6).isEmpty)
    }
}
