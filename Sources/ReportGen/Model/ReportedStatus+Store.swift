import AgendaCore

extension ReportedStatus {
    /// The status in force as the store gives it (``AgendaStore/statuses(for:knownAt:)``), for the builder.
    public init(_ entry: StatusEntry) {
        let report = entry.report
        let label: StatusLabel = switch report.status {
        case .notStarted: .notStarted
        case .planned: .planned
        case .started: .started
        case .almostDone: .almostDone
        case .done: .done
        case .dormant: .dormant
        case .cancelled: .cancelled
        }
        let light: TrafficLight = switch report.light {
        case .green: .green
        case .yellow: .yellow
        case .red: .red
        }
        self.init(
            label: label, light: light, comment: report.comment, obstacles: report.obstacles, nextSteps: report.nextSteps,
            actualCost: report.actualCost, reporter: report.reporter, reportedOn: report.reportedAt.date,
            carriedOver: entry.carriedOver)
    }
}
