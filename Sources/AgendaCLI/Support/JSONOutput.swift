import AgendaCommandLine
import AgendaCore
import Foundation

/// The `--json` output of list and show: stable keys, sorted, with explicit nulls.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Output.data(try encoder.encode(value) + Data("\n".utf8))
    }
}
