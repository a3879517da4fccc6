/// Ansvarig: one lead unit plus co-responsible units ("tillsammans med", "samt"),
/// linked to the organisation register, with the verbatim text kept beside it.
public struct Responsibility: Sendable, Codable, Equatable {
    /// "Stadsledningsförvaltningen, IT-avdelningen tillsammans med kommunikations- och kanslienheten."
    public var text: String
    public var lead: UnitRef?
    public var coResponsible: [UnitRef]
    /// Parts that name no unit ("samt eventuella berörda verksamheter som äger lämplig geodata").
    public var notes: [String]
    /// Parts the parser linked with low confidence, verbatim, for the IT-chef to check.
    public var unsure: [String]

    public init(text: String = "", lead: UnitRef? = nil, coResponsible: [UnitRef] = [], notes: [String] = [], unsure: [String] = []) {
        self.text = text
        self.lead = lead
        self.coResponsible = coResponsible
        self.notes = notes
        self.unsure = unsure
    }

    /// Every unit named, lead first.
    public var units: [UnitRef] { (lead.map { [$0] } ?? []) + coResponsible }
}

/// A reference into the organisation register: a förvaltning, optionally one of its enheter.
public struct UnitRef: Sendable, Codable, Equatable, Hashable {
    /// The förvaltning's canonical name, "Stadsledningsförvaltningen".
    public var department: String
    /// The enhet's canonical name, "IT-avdelningen"; nil when the förvaltning as a whole is meant.
    public var unit: String?

    public init(department: String, unit: String? = nil) {
        self.department = department
        self.unit = unit
    }

    /// "Stadsledningsförvaltningen, IT-avdelningen".
    public var displayName: String { unit.map { "\(department), \($0)" } ?? department }
}

/// A förvaltning in the organisation register, with its enheter and the spellings that mean it.
public struct Department: Sendable, Codable, Equatable {
    public var name: String
    /// Other spellings and abbreviations ("SLF", "Stadsledningsförvaltning", "SKF").
    public var aliases: [String]
    public var units: [String]

    public init(name: String, aliases: [String] = [], units: [String] = []) {
        self.name = name
        self.aliases = aliases
        self.units = units
    }
}
