/// A digital agenda (handlingsplan) as a municipality adopted it: its metadata,
/// its insatsområden with their delområden, its actions and the organisation
/// register the actions' ansvarig links to.
///
/// The lists are kept flat and in document order; ``FocusArea/number`` and
/// ``SubArea/code`` tie them together (see ``actions(inArea:)``).
public struct Agenda: Sendable, Codable, Equatable {
    /// "Handlingsplan - Digital agenda för Mölndals stad".
    public var title: String
    /// "Mölndals stad".
    public var organisation: String
    /// The years the plan covers, 2017–2019 in Mölndal's plan.
    public var period: YearSpan?
    /// "Stadsdirektören".
    public var decidedBy: String?
    /// The owner of the plan, "IT-chef".
    public var owner: String?
    /// When the plan takes effect; defaults to 1 January of the period's first year.
    public var effectiveDate: CalendarDate?
    /// Introductory text before the first insatsområde.
    public var description: String
    public var areas: [FocusArea]
    public var subAreas: [SubArea]
    public var actions: [Action]
    /// The organisation register: förvaltningar with their enheter and aliases.
    public var departments: [Department]

    public init(
        title: String, organisation: String, period: YearSpan? = nil, decidedBy: String? = nil,
        owner: String? = nil, effectiveDate: CalendarDate? = nil, description: String = "",
        areas: [FocusArea] = [], subAreas: [SubArea] = [], actions: [Action] = [],
        departments: [Department] = []
    ) {
        self.title = title
        self.organisation = organisation
        self.period = period
        self.decidedBy = decidedBy
        self.owner = owner
        self.effectiveDate = effectiveDate
        self.description = description
        self.areas = areas
        self.subAreas = subAreas
        self.actions = actions
        self.departments = departments
    }

    /// The date the plan takes effect: the explicit effective date, else 1 January of the period's first year.
    public var takesEffect: CalendarDate? {
        effectiveDate ?? period.map { CalendarDate(year: $0.start, month: 1, day: 1) }
    }

    public func subAreas(inArea number: Int) -> [SubArea] {
        subAreas.filter { $0.areaNumber == number }
    }

    public func actions(inArea number: Int) -> [Action] {
        actions.filter { $0.areaNumber == number }
    }

    public func action(code: String) -> Action? {
        actions.first { $0.code == code }
    }
}

/// An insatsområde, numbered 1–9 in Mölndal's plan.
public struct FocusArea: Sendable, Codable, Equatable {
    public var number: Int
    public var title: String
    /// Text under the heading that belongs to no sub-area or action.
    public var description: String

    public init(number: Int, title: String, description: String = "") {
        self.number = number
        self.title = title
        self.description = description
    }
}

/// A delområde such as "1.2 E-tjänster". It may hold no action of its own
/// (2.1 only points to 1.2: ``reference``), one, or several (2.3a, 2.3b).
public struct SubArea: Sendable, Codable, Equatable {
    /// "1.2"; a heading written "8.1." is stored as "8.1".
    public var code: String
    public var areaNumber: Int
    public var title: String
    /// Text under the heading that is not part of an action.
    public var description: String
    /// The code of another sub-area this one refers to instead of holding an action ("Se vidare under punkten 1.2").
    public var reference: String?

    public init(code: String, areaNumber: Int, title: String, description: String = "", reference: String? = nil) {
        self.code = code
        self.areaNumber = areaNumber
        self.title = title
        self.description = description
        self.reference = reference
    }
}
