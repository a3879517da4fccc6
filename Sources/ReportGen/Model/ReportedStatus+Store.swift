import AgendaCore

extension ReportedStatus {
    /// The status in force as the store gives it (``AgendaStore/statuses(for:knownAt:)``), for the builder.
    public init(_ entry: StatusEntry) {
        let report = entry.report
        self.init(
            label: report.status, light: report.light, comment: report.comment, obstacles: report.obstacles, nextSteps: report.nextSteps,
            actualCost: report.actualCost, reporter: report.reporter, reportedOn: report.reportedAt.swedishDate,
            carriedOver: entry.carriedOver)
    }
}
