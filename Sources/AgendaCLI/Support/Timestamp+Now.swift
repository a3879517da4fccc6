import AgendaCore
import Foundation

extension Timestamp {
    /// Now, to the second: the CLI's clock, which the store never reads itself.
    static var now: Timestamp {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
