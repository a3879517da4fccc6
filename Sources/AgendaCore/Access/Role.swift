/// What an identity may do.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// The IT-chef: everything.
    case owner
    /// A förvaltning: reports status on actions its förvaltning (or one of its enheter) leads or shares.
    case reporter
    /// IT-rådet: reads and produces reports, writes nothing.
    case reader

    /// "ägare", "rapportör", "läsare".
    public var swedish: String {
        switch self {
        case .owner: "ägare"
        case .reporter: "rapportör"
        case .reader: "läsare"
        }
    }
}
