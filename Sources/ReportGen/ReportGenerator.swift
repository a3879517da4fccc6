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
    /// Every file is written beside its target under a temporary name and moved into place only when all
    /// are written, so a failure never leaves half a report or a stray file.
    public static func write(_ request: ReportRequest, from store: AgendaStore, templates: TemplateSet) throws -> [URL] {
        try stage(request, from: store, templates: templates).commit()
    }

    /// Writes every requested format to a temporary name beside its target; ``StagedReport/commit()``
    /// moves them into place. On failure nothing is left behind.
    static func stage(_ request: ReportRequest, from store: AgendaStore, templates: TemplateSet) throws -> StagedReport {
        let model = try model(for: request, from: store)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: request.directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ReportError.output(file: request.directory.path, reason: "it is a file, not a folder; give --out a folder")
        }
        do {
            try FileManager.default.createDirectory(at: request.directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(file: request.directory.path, reason: "cannot create the folder")
        }
        var staged = StagedReport()
        do {
            for format in request.formats {
                let target = request.directory.appendingPathComponent(ReportFile.fileName(for: request.period, format: format))
                let temporary = request.directory.appendingPathComponent(
                    ".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
                staged.files.append((temporary, target))
                try ReportWriter.write(model, format: format, to: temporary, templates: templates)
            }
        } catch {
            staged.discard()
            throw error
        }
        return staged
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
        return try store.read {
            ReportBuilder.build(
                agenda: try store.agenda(asOf: period.end),
                period: period,
                filter: request.filter,
                statuses: try store.statuses(for: period, knownAt: knownAt).mapValues(ReportedStatus.init),
                previousStatuses: try store.statuses(for: period.previous, knownAt: previousKnownAt).mapValues(ReportedStatus.init),
                planChanges: try store.planChanges(after: period.previous.end, through: period.end),
                generatedAt: request.generatedAt ?? publication?.publishedAt.date
            )
        }
    }
}

/// Report files written under temporary names, waiting to be moved into place.
struct StagedReport: Sendable {
    var files: [(temporary: URL, target: URL)] = []

    /// Moves every file into place (each rename is atomic) and returns the targets.
    func commit() throws -> [URL] {
        for (index, file) in files.enumerated() where rename(file.temporary.path, file.target.path) != 0 {
            let reason = String(cString: strerror(errno))
            StagedReport(files: Array(files[index...])).discard()
            throw ReportError.output(file: file.target.path, reason: reason)
        }
        return files.map(\.target)
    }

    /// Removes the temporary files.
    func discard() {
        for file in files { try? FileManager.default.removeItem(at: file.temporary) }
    }
}
