import Foundation

/// Where an action stands, on the fixed Swedish scale. JSON and the store use the raw values.
public enum ProgressStatus: String, Sendable, Codable, CaseIterable {
    case notStarted, planned, started, almostDone, done, dormant, cancelled

    /// Finished one way or another (Klar, Avbruten): nothing more is expected of the action, so no
    /// later period misses a report for it.
    public var isFinished: Bool { self == .done || self == .cancelled }

    /// "Ej påbörjad", "Planerad", "Påbörjad", "Nästan klar", "Klar", "Vilande", "Avbruten".
    public var swedish: String {
        switch self {
        case .notStarted: "Ej påbörjad"
        case .planned: "Planerad"
        case .started: "Påbörjad"
        case .almostDone: "Nästan klar"
        case .done: "Klar"
        case .dormant: "Vilande"
        case .cancelled: "Avbruten"
        }
    }

    /// Reads the Swedish word, ignoring case ("påbörjad", "NÄSTAN KLAR").
    public init?(swedish text: String) {
        let key = SwedishText.key(text)
        guard let match = Self.allCases.first(where: { SwedishText.key($0.swedish) == key }) else { return nil }
        self = match
    }
}

/// The traffic light: grön (on track), gul (at risk), röd (off track).
public enum TrafficLight: String, Sendable, Codable, CaseIterable {
    case green, yellow, red

    /// "grön", "gul", "röd".
    public var swedish: String {
        switch self {
        case .green: "grön"
        case .yellow: "gul"
        case .red: "röd"
        }
    }

    /// Reads the Swedish word, ignoring case.
    public init?(swedish text: String) {
        let key = SwedishText.key(text)
        guard let match = Self.allCases.first(where: { SwedishText.key($0.swedish) == key }) else { return nil }
        self = match
    }
}
