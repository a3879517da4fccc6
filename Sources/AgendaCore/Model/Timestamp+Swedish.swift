import Foundation
import Synchronization

/// Swedish local time (Europe/Stockholm) for what people read and for rules about "the day" something
/// happened. The store and JSON keep UTC (``Timestamp/description``); only display and such rules use these.
extension Timestamp {
    /// Europe/Stockholm from the system's time-zone data (Debian package `tzdata`), read once into a
    /// table; without the data ``swedishOffset`` falls back to the EU rule Sweden has followed since 1996.
    static let stockholm: ZoneOffsets? = TimeZone(identifier: "Europe/Stockholm").map(ZoneOffsets.init)

    /// Seconds Swedish local time is ahead of UTC at this moment: 3600 (CET) or 7200 (CEST).
    public var swedishOffset: Int64 {
        Self.stockholm?.offset(at: self) ?? euOffset
    }

    /// The offset by the EU rule (since 1996): summer time, +02:00, from 01:00 UTC on the last Sunday
    /// of March to 01:00 UTC on the last Sunday of October, else +01:00.
    var euOffset: Int64 {
        let year = date.year
        func lastSunday(month: Int) -> Timestamp {
            let days = Timestamp.daysFromCivil(year: year, month: month, day: 31)
            let weekday = ((days % 7) + 11) % 7 // 0 = Sunday (1970-01-01 was a Thursday)
            return Timestamp(CalendarDate(year: year, month: month, day: 31 - Int(weekday)), hour: 1)
        }
        return (lastSunday(month: 3)..<lastSunday(month: 10)).contains(self) ? 7200 : 3600
    }

    /// The calendar date of this moment in Sweden: a report filed at 00:30 on 1 July Swedish time
    /// (22:30 UTC on 30 June) was filed on 1 July.
    public var swedishDate: CalendarDate {
        adding(seconds: swedishOffset).date
    }

    /// This moment for people: Swedish local time to the minute with its offset, "2018-07-01 00:30 +02:00".
    public var swedishDisplay: String {
        let offset = swedishOffset
        let local = adding(seconds: offset)
        let seconds = ((local.secondsSinceEpoch % 86_400) + 86_400) % 86_400
        func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : String(n) }
        let sign = offset < 0 ? "-" : "+"
        return "\(local.date) \(pad(seconds / 3600)):\(pad(seconds / 60 % 60)) \(sign)\(pad(abs(offset) / 3600)):\(pad(abs(offset) / 60 % 60))"
    }
}

/// A time zone's offsets from UTC, read from the time-zone data into tables of its changes and looked
/// up by binary search. Asking Foundation each time takes a lock around ICU's calendar: with every
/// timestamp on a page asking, the two event loops of `agenda serve` queued on it (18 % of the server's
/// time on an action page with a long history). Each table covers a span of 2^28 seconds (8.5 years) and
/// is read when a moment in it is first asked for: a command that shows this year's dates reads one
/// span, not every change of a century (260 questions to ICU, 5 % of `agenda status missing`).
final class ZoneOffsets: Sendable {
    private let zone: TimeZone
    /// Each span's changes: from `start` (seconds since 1970, UTC) on, local time is `offset` seconds
    /// ahead; the first starts at the span's start.
    /// (A list searched in order, not a dictionary: a command reads one or two spans, and a dictionary
    /// keyed by Int64 would be its own first generic type to build, a scan of every conformance.)
    private let spans = Mutex<[(span: Int64, changes: [(start: Int64, offset: Int64)])]>([])
    private static let spanBits: Int64 = 28

    init(_ zone: TimeZone) {
        self.zone = zone
    }

    func offset(at moment: Timestamp) -> Int64 {
        let seconds = moment.secondsSinceEpoch
        let span = seconds >> Self.spanBits
        let changes = spans.withLock { $0.first { $0.span == span }?.changes } ?? read(span)
        // The last change at or before `seconds` (the first one starts at the span's start, so there is one).
        var low = 0, high = changes.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if changes[middle].start <= seconds { low = middle } else { high = middle - 1 }
        }
        return changes[low].offset
    }

    /// Reads a span's changes from the zone (outside the lock: two threads may both read one, the same).
    private func read(_ span: Int64) -> [(start: Int64, offset: Int64)] {
        let start = span << Self.spanBits, end = (span + 1) << Self.spanBits
        var moment = Date(timeIntervalSince1970: TimeInterval(start))
        var changes = [(start: start, offset: Int64(zone.secondsFromGMT(for: moment)))]
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next.timeIntervalSince1970 < TimeInterval(end) {
            changes.append((Int64(next.timeIntervalSince1970), Int64(zone.secondsFromGMT(for: next))))
            moment = next
        }
        spans.withLock { if !$0.contains(where: { $0.span == span }) { $0.append((span, changes)) } }
        return changes
    }
}

/// Whole kronor written for people as the reports and plans write exact amounts: digits grouped in
/// threes, "2 400 000 kr" (no-break spaces, so an amount never breaks across lines).
public enum Kronor {
    /// `kronor` written exactly: 2400000 → "2 400 000 kr", -500 → "−500 kr".
    public static func exact(_ kronor: Int) -> String {
        let digits = Array(String(kronor.magnitude))
        var out = kronor < 0 ? "−" : ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{00A0}" }
            out.append(digit)
        }
        return out + "\u{00A0}kr"
    }
}

/// Swedish words with their number.
public enum Swedish {
    /// `n` and the word in agreement with it: "1 sekund", "2 sekunder", "0 aktiviteter".
    public static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }
}
