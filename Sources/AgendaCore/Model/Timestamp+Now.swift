import Foundation

extension Timestamp {
    /// Now, to the second: the clock of the front ends (``AgendaService``), which the store never reads itself.
    public static var now: Timestamp {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
