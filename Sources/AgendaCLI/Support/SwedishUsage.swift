import Foundation

/// ArgumentParser's own words in help and usage errors, in Swedish: the headings and fixed lines of
/// `--help` ("OVERVIEW:", "Show help information.") and every usage error it writes ("Missing expected
/// argument '<action>'"). Our commands' texts are Swedish already; only ArgumentParser's frame around
/// them is translated here, line by line, so a line this table does not know stays as it was.
enum SwedishUsage {
    static func translate(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { translateLine(String($0)) }
            .joined(separator: "\n")
    }

    /// Each pattern with its template ("$1" is the first group; what a group holds is not read as a
    /// template), built once. Applied in order, each to what the ones before it made of the line.
    private static let patterns: [(NSRegularExpression, String)] = [
        (#"^Missing expected argument '(.*)'$"#, "Argument saknas: '$1'"),
        (#"^Missing one of: (.*)$"#, "Något av följande saknas: $1"),
        (#"^Unknown option '(.*)'\. Did you mean '(.*)'\?$"#, "Okänd flagga '$1'. Menade du '$2'?"),
        (#"^Unknown option '(.*)'$"#, "Okänd flagga '$1'"),
        (#"^(\s*)or: Missing value for '(.*)' in '(.*)'$"#, "$1eller: värde saknas för '$2' i '$3'"),
        (#"^Missing value for '(.*)'$"#, "Värde saknas för '$1'"),
        (#"^Unexpected argument '(.*)'$"#, "Oväntat argument '$1'"),
        (#"^(\d+) unexpected arguments: (.*)$"#, "$1 oväntade argument: $2"),
        (#"^The value '(.*)' is invalid for '(.*?)'\. Please provide one of the following:$"#, "Värdet '$1' går inte att använda för '$2'. Ange ett av följande:"),
        (#"^The value '(.*)' is invalid for '(.*?)'\. Please provide one of (.*)\.$"#, "Värdet '$1' går inte att använda för '$2'. Ange ett av $3."),
        (#"^The value '(.*)' is invalid for '(.*?)'(.*)$"#, "Värdet '$1' går inte att använda för '$2'$3"),
        (#"^(.*\. Ange ett av .*)' or '(.*)$"#, "$1' eller '$2"),
        (#"^The option '(.*)' does not take any value, but '(.*)' was specified\.$"#, "Flaggan '$1' tar inget värde, men '$2' angavs."),
        (#"^Value to be set with (.*) had already been set with (.*)$"#, "Värdet som $1 anger har redan angetts med $2"),
        (#"^Invalid option: (.*)$"#, "Ogiltig flagga: $1"),
        (#"^Missing required subcommand\.$"#, "Ett underkommando saknas."),
        (#"^Help:  (.*)$"#, "Hjälp: $1"),
        (#"^Usage: (.*)$"#, "Användning: $1"),
        (#"^(\s*)See '(.*)' for more information\.$"#, "$1Se '$2' för mer information."),
        (#"^(\s*)See '(.*)' for detailed help\.$"#, "$1Se '$2' för hjälp om varje underkommando."),
        (#"^OVERVIEW: (.*)$"#, "ÖVERSIKT: $1"),
        (#"^USAGE: (.*)$"#, "ANVÄNDNING: $1"),
        (#"^ARGUMENTS:$"#, "ARGUMENT:"),
        (#"^OPTIONS:$"#, "FLAGGOR:"),
        (#"^SUBCOMMANDS:$"#, "UNDERKOMMANDON:"),
        (#"^(.*)Show help information\.$"#, "$1Visa hjälpen."),
        (#"^(.*)Show the version\.$"#, "$1Visa versionen."),
        // "(default: x)" may be wrapped after its colon.
        (#"^(.*)\(default:(.*)$"#, "$1(standard:$2"),
        (#"^(.*)\(values:(.*)$"#, "$1(värden:$2"),
        (#"^(.*)<subcommand>(.*)$"#, "$1<underkommando>$2"),
        (#"^(.*)<options>(.*)$"#, "$1<flaggor>$2"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    private static func translateLine(_ line: String) -> String {
        patterns.reduce(line) { line, entry in
            entry.0.stringByReplacingMatches(
                in: line, range: NSRange(line.startIndex..., in: line), withTemplate: entry.1)
        }
    }
}
