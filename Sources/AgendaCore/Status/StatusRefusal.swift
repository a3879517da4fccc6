/// A status report refused because of what the person saw when writing it (``StatusInput/basis``). Its
/// cases carry the data; each front end words them (``description`` is the command line's words).
public enum StatusRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The form was filled for `filledFor` but posted for `posted`, which has a report: storing it would
    /// make another period's texts `posted`'s correction.
    case formForOtherPeriod(action: String, posted: Period, filledFor: Period)
    /// `current` was filed for the period after the form was filled (from `basis`, nil for an empty
    /// form): storing it would replace a report the person has not seen.
    case changedMeanwhile(action: String, period: Period, basis: Int?, current: StatusReport)

    public var description: String {
        switch self {
        case let .formForOtherPeriod(action, posted, filledFor):
            "rapporten för \(action) skrevs utifrån \(filledFor) men gäller \(posted), som redan har en rapport; inget har sparats"
        case let .changedMeanwhile(action, period, _, current):
            "\(current.reporter) lämnade en ny rapport för \(action) \(period) (\(current.reportedAt.swedishDisplay)) medan du skrev; "
                + "inget har sparats — läs den och skicka igen"
        }
    }
}

extension StatusRefusal: Refusal {
    public var kind: RefusalKind { .conflict }
}
