import Foundation

/// A reporting period: a year, or a quarter (kvartal), tertial or half year (halvår) of one.
///
/// Written `2018`, `2018Q2`, `2018T1`, `2018H1` (the letter in either case).
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How a year is divided.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case quarter = "Q"
        case tertial = "T"
        case halfYear = "H"
        case year = ""

        /// Periods of this kind in one year.
        public var perYear: Int {
            switch self {
            case .quarter: 4
            case .tertial: 3
            case .halfYear: 2
            case .year: 1
            }
        }

        var months: Int { 12 / perYear }
    }

    public let kind: Kind
    public let year: Int
    /// 1-based position within the year; always 1 for a whole year.
    public let index: Int

    public init(kind: Kind, year: Int, index: Int = 1) throws {
        guard (1...kind.perYear).contains(index), (1000...9999).contains(year) else {
            throw PeriodError.invalid("\(year)\(kind.rawValue)\(kind == .year ? "" : String(index))")
        }
        self.init(unchecked: kind, year: year, index: index)
    }

    private init(unchecked kind: Kind, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// Parses `2018`, `2018Q2`, `2018T1`, `2018H1` (white space around it ignored).
    public init(parsing text: String) throws {
        // Byte by byte: pages and reports parse the periods of every report they show.
        guard let period = Self.parse(text.utf8) ?? Self.parse(text.trimmingWhitespace().utf8) else {
            throw PeriodError.invalid(text)
        }
        self = period
    }

    /// Four ASCII digits, then nothing or a kind's letter (either case) and one digit.
    private static func parse(_ bytes: String.UTF8View) -> Period? {
        var year = 0, count = 0, kind = Kind.year, index = 1
        func digit(_ byte: UInt8) -> Int? { (0x30...0x39).contains(byte) ? Int(byte - 0x30) : nil }
        for byte in bytes {
            switch count {
            case 0..<4:
                guard let value = digit(byte) else { return nil }
                year = year * 10 + value
            case 4:
                guard let letter = Kind(rawValue: String(UnicodeScalar(byte & 0xDF))), letter != .year, byte < 0x80 else { return nil }
                kind = letter
            case 5:
                guard let value = digit(byte) else { return nil }
                index = value
            default:
                return nil
            }
            count += 1
        }
        guard count == 4 || count == 6 else { return nil }
        return try? Period(kind: kind, year: year, index: index)
    }

    /// The first day of the period.
    public var start: CalendarDate {
        CalendarDate(year: year, month: (index - 1) * kind.months + 1, day: 1)
    }

    /// The last day of the period.
    public var end: CalendarDate {
        let month = index * kind.months
        return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }

    /// The period of the same kind just before this one.
    public var previous: Period {
        index > 1
            ? Period(unchecked: kind, year: year, index: index - 1)
            : Period(unchecked: kind, year: year - 1, index: kind.perYear)
    }

    /// The period of the same kind just after this one.
    public var next: Period {
        index < kind.perYear
            ? Period(unchecked: kind, year: year, index: index + 1)
            : Period(unchecked: kind, year: year + 1, index: 1)
    }

    /// "2018Q2", "2018T1", "2018H1", "2018".
    public var description: String {
        kind == .year ? String(year) : "\(year)\(kind.rawValue)\(index)"
    }

    /// The Swedish name: "kvartal 2 2018", "tertial 1 2018", "första halvåret 2018", "2018".
    public var swedishLabel: String {
        switch kind {
        case .quarter: "kvartal \(index) \(year)"
        case .tertial: "tertial \(index) \(year)"
        case .halfYear: "\(index == 1 ? "första" : "andra") halvåret \(year)"
        case .year: String(year)
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}

/// A period written in none of the accepted forms.
public enum PeriodError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case let .invalid(text):
            "ogiltig period \"\(text)\": ange ett år (2018), ett kvartal (2018Q2), ett tertial (2018T1) eller ett halvår (2018H1)"
        }
    }
}

extension PeriodError: Refusal {
    public var kind: RefusalKind { .invalidInput }
}
