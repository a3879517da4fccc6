import Foundation

extension Timestamp {
    /// Now, to the second: the clock of the front ends (``AgendaService``), which the store never reads itself.
    public static var now: Timestamp {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// The time zone every person-facing date and time is given in.
    public static let swedishTimeZone = TimeZone(identifier: "Europe/Stockholm") ?? TimeZone(secondsFromGMT: 3600)!

    /// Seconds to add to UTC for Swedish local time at this moment (3600 in winter, 7200 in summer).
    public var swedishOffset: Int {
        Self.swedishTimeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)))
    }

    /// The calendar date of this moment in Sweden: a report filed at 00:30 on 1 July belongs to 1 July.
    public var swedishDate: CalendarDate {
        adding(seconds: Int64(swedishOffset)).date
    }

    /// This moment in Swedish local time with its offset, for people: "2018-07-01 00:30 +02:00".
    public var swedishDescription: String {
        let offset = swedishOffset
        let local = adding(seconds: Int64(offset))
        let seconds = ((local.secondsSinceEpoch % 86_400) + 86_400) % 86_400
        func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : String(n) }
        let sign = offset < 0 ? "-" : "+"
        let hours = Int64(abs(offset) / 3600), minutes = Int64(abs(offset) % 3600 / 60)
        return "\(local.date) \(pad(seconds / 3600)):\(pad(seconds / 60 % 60)) \(sign)\(pad(hours)):\(pad(minutes))"
    }
}
