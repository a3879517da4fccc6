import AgendaCore
import Foundation

/// What to produce: a period's report in some formats, into a folder.
public struct ReportRequest: Sendable {
    public var period: Period
    public var formats: [ReportFormat]
    public var directory: URL
    public var filter: ReportFilter
    /// A date to print as the report's date; nil prints the period's end (no clock in the output).
    public var generatedAt: CalendarDate?

    public init(period: Period, formats: [ReportFormat] = ReportFormat.allCases, directory: URL,
                filter: ReportFilter = .none, generatedAt: CalendarDate? = nil) {
        self.period = period
        self.formats = formats
        self.directory = directory
        self.filter = filter
        self.generatedAt = generatedAt
    }
}

/// Reads a period's report from the store and writes it in every requested format.
/// Only reads the database.
public enum ReportGenerator {
    /// Writes `DIR/agenda-PERIOD.EXT` per format, creating DIR if needed, and returns the files written.
    /// Each file is written beside its target and moved into place, so a failure never leaves half a report.
    public static func write(_ request: ReportRequest, from store: AgendaStore, templates: TemplateSet) throws -> [URL] {
        let model = try model(for: request, from: store)
        do {
            try FileManager.default.createDirectory(at: request.directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(file: request.directory.path, reason: "cannot create the folder")
        }
        return try request.formats.map { format in
            let target = request.directory.appendingPathComponent(ReportFile.fileName(for: request.period, format: format))
            let partial = request.directory.appendingPathComponent(".\(target.lastPathComponent).partial")
            try? FileManager.default.removeItem(at: partial)
            do {
                try ReportWriter.write(model, format: format, to: partial, templates: templates)
            } catch {
                try? FileManager.default.removeItem(at: partial)
                throw error
            }
            guard rename(partial.path, target.path) == 0 else {
                throw ReportError.output(file: target.path, reason: String(cString: strerror(errno)))
            }
            return target
        }
    }

    /// The report model for the request: the plan as it stood at the period's end, and each action's
    /// status in force for the period. A published period shows only what was known when it was
    /// published, so regenerating it gives the same report; what came later shows in the next period's
    /// changes. Status changes are measured against the previous period as IT-rådet saw it.
    public static func model(for request: ReportRequest, from store: AgendaStore) throws -> ReportModel {
        let period = request.period
        let publication = try store.publication(for: period)
        let knownAt = publication?.publishedAt
        let previousKnownAt = try store.publication(for: period.previous)?.publishedAt ?? knownAt
        return try store.db.read {
            ReportBuilder.build(
                agenda: try store.agenda(asOf: period.end),
                period: period,
                filter: request.filter,
                statuses: try store.statuses(for: period, knownAt: knownAt).mapValues(ReportedStatus.init),
                previousStatuses: try store.statuses(for: period.previous, knownAt: previousKnownAt).mapValues(ReportedStatus.init),
                planChanges: try store.planChanges(after: period.previous.end, through: period.end),
                generatedAt: request.generatedAt ?? publication?.publishedAt.swedishDate
            )
        }
    }
}
