import Foundation

/// ArgumentParser's own words in help and usage errors, in Swedish: the headings and fixed lines of
/// `--help` ("OVERVIEW:", "Show help information.") and every usage error it writes ("Missing expected
/// argument '<action>'"). Our commands' texts are Swedish already; only ArgumentParser's frame around
/// them is translated here, line by line, so a line this table does not know stays as it was.
public enum SwedishUsage {
    public static func translate(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { translateLine(String($0)) }
            .joined(separator: "\n")
    }

    /// Each pattern with its template ("$1" is the first group; what a group holds is not read as a
    /// template) and a piece of text every line it matches holds: a line without it is not looked at, so a
    /// message such as `--version`'s compiles no regular expression (ICU's, a good part of start-up).
    /// Compiled at first use, once. Applied in order, each to what the ones before it made of the line.
    private static let patterns: [Pattern] = [
        Pattern("Missing expected argument '", #"^Missing expected argument '(.*)'$"#, "Argument saknas: '$1'"),
        Pattern("Missing one of: ", #"^Missing one of: (.*)$"#, "Något av följande saknas: $1"),
        Pattern("'. Did you mean '", #"^Unknown option '(.*)'\. Did you mean '(.*)'\?$"#, "Okänd flagga '$1'. Menade du '$2'?"),
        Pattern("Unknown option '", #"^Unknown option '(.*)'$"#, "Okänd flagga '$1'"),
        Pattern("or: Missing value for '", #"^(\s*)or: Missing value for '(.*)' in '(.*)'$"#, "$1eller: värde saknas för '$2' i '$3'"),
        Pattern("Missing value for '", #"^Missing value for '(.*)'$"#, "Värde saknas för '$1'"),
        Pattern("Unexpected argument '", #"^Unexpected argument '(.*)'$"#, "Oväntat argument '$1'"),
        Pattern(" unexpected arguments: ", #"^(\d+) unexpected arguments: (.*)$"#, "$1 oväntade argument: $2"),
        Pattern("'. Please provide one of the following:", #"^The value '(.*)' is invalid for '(.*?)'\. Please provide one of the following:$"#, "Värdet '$1' går inte att använda för '$2'. Ange ett av följande:"),
        Pattern("'. Please provide one of ", #"^The value '(.*)' is invalid for '(.*?)'\. Please provide one of (.*)\.$"#, "Värdet '$1' går inte att använda för '$2'. Ange ett av $3."),
        Pattern("' is invalid for '", #"^The value '(.*)' is invalid for '(.*?)'(.*)$"#, "Värdet '$1' går inte att använda för '$2'$3"),
        Pattern("' or '", #"^(.*\. Ange ett av .*)' or '(.*)$"#, "$1' eller '$2"),
        Pattern("' does not take any value, but '", #"^The option '(.*)' does not take any value, but '(.*)' was specified\.$"#, "Flaggan '$1' tar inget värde, men '$2' angavs."),
        Pattern(" had already been set with ", #"^Value to be set with (.*) had already been set with (.*)$"#, "Värdet som $1 anger har redan angetts med $2"),
        Pattern("Invalid option: ", #"^Invalid option: (.*)$"#, "Ogiltig flagga: $1"),
        Pattern("Missing required subcommand.", #"^Missing required subcommand\.$"#, "Ett underkommando saknas."),
        Pattern("Help:  ", #"^Help:  (.*)$"#, "Hjälp: $1"),
        Pattern("Usage: ", #"^Usage: (.*)$"#, "Användning: $1"),
        Pattern("' for more information.", #"^(\s*)See '(.*)' for more information\.$"#, "$1Se '$2' för mer information."),
        Pattern("' for detailed help.", #"^(\s*)See '(.*)' for detailed help\.$"#, "$1Se '$2' för hjälp om varje underkommando."),
        Pattern("OVERVIEW: ", #"^OVERVIEW: (.*)$"#, "ÖVERSIKT: $1"),
        Pattern("USAGE: ", #"^USAGE: (.*)$"#, "ANVÄNDNING: $1"),
        Pattern("ARGUMENTS:", #"^ARGUMENTS:$"#, "ARGUMENT:"),
        Pattern("OPTIONS:", #"^OPTIONS:$"#, "FLAGGOR:"),
        Pattern("SUBCOMMANDS:", #"^SUBCOMMANDS:$"#, "UNDERKOMMANDON:"),
        Pattern("Show help information.", #"^(.*)Show help information\.$"#, "$1Visa hjälpen."),
        Pattern("Show the version.", #"^(.*)Show the version\.$"#, "$1Visa versionen."),
        // "(default: x)" may be wrapped after its colon.
        Pattern("(default:", #"^(.*)\(default:(.*)$"#, "$1(standard:$2"),
        Pattern("(values:", #"^(.*)\(values:(.*)$"#, "$1(värden:$2"),
        Pattern("; default:", #"^(.*); default:(.*)$"#, "$1; standard:$2"),
        Pattern("<subcommand>", #"^(.*)<subcommand>(.*)$"#, "$1<underkommando>$2"),
        Pattern("<options>", #"^(.*)<options>(.*)$"#, "$1<flaggor>$2"),
    ]

    private final class Pattern: @unchecked Sendable {
        let key: String
        let template: String
        private let source: String
        // Set once, on the first line that holds the key; CLI processes translate on one thread.
        private lazy var expression = try! NSRegularExpression(pattern: source)

        init(_ key: String, _ source: String, _ template: String) {
            self.key = key
            self.source = source
            self.template = template
        }

        func apply(to line: String) -> String {
            guard line.contains(key) else { return line }
            return expression.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: template)
        }
    }

    private static func translateLine(_ line: String) -> String {
        patterns.reduce(line) { line, pattern in pattern.apply(to: line) }
    }
}
