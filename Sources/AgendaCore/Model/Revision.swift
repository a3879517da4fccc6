/// One decision that changed the plan, as the store recorded it. Revision 1 is the adopted plan;
/// every later change to an action (added, revised, closed, withdrawn) is a revision of its own.
public struct Revision: Sendable, Codable, Equatable {
    /// 1, 2, 3, … in the order the changes were recorded.
    public var number: Int
    /// The date of the decision; the versions it recorded are valid from this date.
    /// nil only for an adopted plan that names neither an effective date nor a period.
    public var date: CalendarDate?
    /// The decision, "IT-rådet 2018-03-14 §5".
    public var reference: String?
    public var note: String?

    public init(number: Int, date: CalendarDate?, reference: String? = nil, note: String? = nil) {
        self.number = number
        self.date = date
        self.reference = reference
        self.note = note
    }
}

/// The decision behind a change to the plan, which the store records as a ``Revision``.
///
/// The store keeps no clock: a change needs a dated decision. A caller that wants "today" when
/// the user gave no date says so with ``dated(defaultingTo:)``.
public struct Decision: Sendable, Equatable {
    /// "IT-rådet 2018-03-14 §5".
    public var reference: String?
    public var date: CalendarDate?
    public var note: String?

    public init(reference: String? = nil, date: CalendarDate? = nil, note: String? = nil) {
        self.reference = reference
        self.date = date
        self.note = note
    }

    /// This decision, dated `fallback` when it carries no date of its own.
    public func dated(defaultingTo fallback: CalendarDate) -> Decision {
        Decision(reference: reference, date: date ?? fallback, note: note)
    }
}

/// One version of an action: what it said from ``validFrom`` on, as recorded by revision ``revision``.
public struct ActionVersion: Sendable, Codable, Equatable {
    public var revision: Int
    /// The first day this version holds; nil only in an adopted plan without a date (valid from the start).
    public var validFrom: CalendarDate?
    public var action: Action

    public init(revision: Int, validFrom: CalendarDate?, action: Action) {
        self.revision = revision
        self.validFrom = validFrom
        self.action = action
    }

    /// Whether this version supersedes `other` for as-of queries: later valid-from date (an undated
    /// version counts as earliest), ties broken by the higher revision number.
    func supersedes(_ other: ActionVersion) -> Bool {
        switch (validFrom, other.validFrom) {
        case let (a?, b?) where a != b: return a > b
        case (.some, nil): return true
        case (nil, .some): return false
        default: return revision > other.revision
        }
    }
}
