/// Kostnad: the verbatim text and the parts read from it. Amounts are whole kronor.
public struct Cost: Sendable, Codable, Equatable {
    /// "Inom befintliga budgetramar för utredningsarbetet. Kostnader för framtaget förslag presenteras för beslut efter utredningen."
    public var text: String?
    public var parts: [CostPart]
    /// "inom befintliga budgetramar" (wholly or for part of the work).
    public var withinExistingBudget: Bool
    /// The cost of a proposal is to be "presenteras för beslut" later: an item awaiting a decision.
    public var decisionPending: Bool
    /// External funding named: "statsbidrag", "Vinnova".
    public var externalFunding: [String]
    /// Staff time named as a resource: "eSamordnare motsvarande 30% av helårstjänst".
    public var staff: [StaffResource]

    public init(
        text: String? = nil, parts: [CostPart] = [], withinExistingBudget: Bool = false,
        decisionPending: Bool = false, externalFunding: [String] = [], staff: [StaffResource] = []
    ) {
        self.text = text
        self.parts = parts
        self.withinExistingBudget = withinExistingBudget
        self.decisionPending = decisionPending
        self.externalFunding = externalFunding
        self.staff = staff
    }
}

/// One amount named in a cost text.
public struct CostPart: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable, CaseIterable {
        /// engångskostnad, or a single amount with no period.
        case oneTime
        /// per år ("tkr/år", "per år").
        case recurring
        /// investering.
        case investment
    }

    public var kind: Kind
    /// Whole kronor: "ca 4,4 mnkr" is 4 400 000.
    public var amount: Int
    /// "ca", "cirka", "uppskattas till".
    public var approximate: Bool
    /// The years a recurring cost runs; empty for one-time amounts without a year.
    public var years: [Int]
    /// True when ``years`` was taken from the action's tidsplan rather than stated with the amount.
    public var yearsDerived: Bool
    /// The fragment of the cost text this part was read from.
    public var source: String

    public init(kind: Kind, amount: Int, approximate: Bool = false, years: [Int] = [], yearsDerived: Bool = false, source: String) {
        self.kind = kind
        self.amount = amount
        self.approximate = approximate
        self.years = years
        self.yearsDerived = yearsDerived
        self.source = source
    }
}

/// Staff time as a resource, next to money: "eSamordnare motsvarande 30% av helårstjänst" is 0.3 FTE.
public struct StaffResource: Sendable, Codable, Equatable {
    public var role: String
    /// Share of a full-time position (årsarbetare): 30 % is 0.3.
    public var fullTimeEquivalent: Double
    public var source: String

    public init(role: String, fullTimeEquivalent: Double, source: String) {
        self.role = role
        self.fullTimeEquivalent = fullTimeEquivalent
        self.source = source
    }
}
