/// A moment in UTC to the second, written ISO 8601 ("2018-06-30T14:05:00Z") in JSON and the store.
///
/// The store keeps no clock: every write takes its moment from the caller (the CLI passes now, tests
/// and the demo fixed times), so the same inputs always give the same database and reports.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The moment at `hour:minute:second` UTC on `date`.
    public init(_ date: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = Self.daysFromCivil(year: date.year, month: date.month, day: date.day)
        secondsSinceEpoch = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Parses "YYYY-MM-DDTHH:MM:SSZ"; nil for anything else.
    public init?(iso text: String) {
        var text = text
        let parsed: Timestamp? = text.withUTF8 { b in
            guard b.count == 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
                  b[19] == UInt8(ascii: "Z"), let date = CalendarDate(isoBytes: UnsafeBufferPointer(rebasing: b[0..<10])),
                  let h = CalendarDate.digits(b, 11, 2), let m = CalendarDate.digits(b, 14, 2),
                  let s = CalendarDate.digits(b, 17, 2), h < 24, m < 60, s < 60
            else { return nil }
            return Timestamp(date, hour: h, minute: m, second: s)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The calendar date of this moment in UTC.
    public var date: CalendarDate {
        let (y, m, d) = Self.civilFromDays(secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400)
        return CalendarDate(year: y, month: m, day: d)
    }

    /// This moment plus `seconds`.
    public func adding(seconds: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// "2018-06-30T14:05:00Z".
    public var description: String {
        let seconds = ((secondsSinceEpoch % 86_400) + 86_400) % 86_400
        func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(date)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))Z"
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Timestamp(iso: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "väntade en tidpunkt ÅÅÅÅ-MM-DDTHH:MM:SSZ, fick \"\(text)\""))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }
}
