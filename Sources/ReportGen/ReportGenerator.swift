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
    /// The moment the period is about to be published at, for a report written before its publication
    /// is committed (``ReportGenerator/write(_:from:templates:commit:)``): the report reads what is known
    /// at that moment and prints its date, exactly as it reads once published. Ignored for a period
    /// already published.
    public var publishingAt: Timestamp?

    public init(period: Period, formats: [ReportFormat] = ReportFormat.allCases, directory: URL,
                filter: ReportFilter = .none, generatedAt: CalendarDate? = nil, publishingAt: Timestamp? = nil) {
        self.period = period
        self.formats = formats
        self.directory = directory
        self.filter = filter
        self.generatedAt = generatedAt
        self.publishingAt = publishingAt
    }
}

/// Reads a period's report from the store and writes it in every requested format.
/// Only reads the database, through the store's API, from one snapshot.
public enum ReportGenerator {
    /// Writes `DIR/agenda-PERIOD.EXT` per format, creating DIR if needed, and returns the files written.
    /// Each file is written beside its target under a temporary name and moved into place once every
    /// file is written, so a failure never leaves half a report nor a stray file.
    public static func write(_ request: ReportRequest, from store: AgendaStore, templates: TemplateSet) throws -> [URL] {
        try write(request, from: store, templates: templates, commit: {})
    }

    /// Writes the report like ``write(_:from:templates:)``, calling `commit` after every file is
    /// written under its temporary name (`.agenda-PERIOD.EXT.tmp-…` beside its target) and before any is
    /// moved into place: publishing passes "record the publication", so a report is published only
    /// when all its files exist, and its files appear only when it is published.
    ///
    /// Throws before writing anything, and without calling `commit`, when DIR exists and is not a
    /// folder or the model cannot be built. When writing a file or `commit` fails, every temporary file
    /// is removed (and DIR, when this call created it and it is empty) and the error is rethrown.
    public static func write(
        _ request: ReportRequest, from store: AgendaStore, templates: TemplateSet, commit: () throws -> Void
    ) throws -> [URL] {
        let fm = FileManager.default
        let directory = request.directory
        var isFolder: ObjCBool = false
        let existed = fm.fileExists(atPath: directory.path, isDirectory: &isFolder)
        if existed && !isFolder.boolValue {
            throw ReportError.output(file: directory.path, reason: "it is a file, not a folder")
        }
        let model = try model(for: request, from: store)
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(file: directory.path, reason: "cannot create the folder")
        }
        let targets = request.formats.map { directory.appendingPathComponent(ReportFile.fileName(for: request.period, format: $0)) }
        var temporary: [URL] = []
        func discard() {
            for url in temporary { try? fm.removeItem(at: url) }
            if !existed { rmdir(directory.path) }
        }
        do {
            for (format, target) in zip(request.formats, targets) {
                let url = directory.appendingPathComponent(temporaryName(for: target))
                temporary.append(url)
                try ReportWriter.write(model, format: format, to: url, templates: templates)
            }
            try commit()
        } catch {
            discard()
            throw error
        }
        for index in targets.indices {
            guard rename(temporary[index].path, targets[index].path) == 0 else {
                let reason = String(cString: strerror(errno))
                for rest in temporary[index...] { try? fm.removeItem(at: rest) }
                throw ReportError.output(file: targets[index].path, reason: reason)
            }
        }
        return targets
    }

    /// `.agenda-2018Q4.odt.tmp-1f3a9c07`: hidden, beside its target (so renaming it is atomic), and
    /// unique, so two writers never share one.
    static func temporaryName(for target: URL) -> String {
        ".\(target.lastPathComponent).tmp-\(String(UInt32.random(in: .min ... .max), radix: 16))"
    }

    /// The report model for the request: the plan as it stood at the period's end, and each action's
    /// status in force for the period. A published period shows only what was known when it was
    /// published, so regenerating it gives the same report; what came later shows in the next period's
    /// changes. Status changes are measured against the previous period as IT-rådet saw it.
    ///
    /// Everything is read from one snapshot of the store. Throws ``ReportError/unknownDepartment(_:near:)``
    /// for a förvaltning or enhet the organisation register does not know.
    public static func model(for request: ReportRequest, from store: AgendaStore) throws -> ReportModel {
        let period = request.period
        return try store.read {
            let publication = try store.publication(for: period)
            let knownAt = publication?.publishedAt ?? request.publishingAt
            let previousKnownAt = try store.publication(for: period.previous)?.publishedAt ?? knownAt
            let agenda = try store.agenda(asOf: period.end)
            return ReportBuilder.build(
                agenda: agenda,
                period: period,
                filter: request.filter,
                departmentActions: try request.filter.department.map { try actionCodes(of: $0, asOf: period.end, in: store) },
                statuses: try store.statuses(for: period, knownAt: knownAt).mapValues(ReportedStatus.init),
                previousStatuses: try store.statuses(for: period.previous, knownAt: previousKnownAt).mapValues(ReportedStatus.init),
                missing: try knownAt.map { try store.missingReports(for: period, knownAt: $0) } ?? store.missingReports(for: period),
                settledDecisions: try settledDecisions(agenda, through: period.end, in: store),
                planChanges: try store.planChanges(after: period.previous.end, through: period.end),
                generatedAt: request.generatedAt ?? knownAt?.date
            )
        }
    }

    /// The codes of the actions the förvaltning or enhet `name` leads or shares in the plan as of
    /// `date`: what `agenda list actions --department` lists, withdrawn ones included (the builder
    /// leaves those out). Refuses a name the organisation register does not know, naming the nearest.
    static func actionCodes(of name: String, asOf date: CalendarDate, in store: AgendaStore) throws -> Set<String> {
        let actions: [Action]
        do {
            actions = try store.actions(matching: ActionFilter(department: name, includeWithdrawn: true, asOf: date))
        } catch StoreError.notFound {
            throw try unknownDepartment(name, in: store)
        }
        if actions.isEmpty {
            let register = OrganisationRegister(departments: try store.departments())
            if register.resolve(name)?.confident != true && register.departments(withUnit: name).isEmpty {
                throw try unknownDepartment(name, in: store)
            }
        }
        return Set(actions.map(\.code))
    }

    /// The error for a förvaltning or enhet name nobody in the register goes by, with the names near it.
    static func unknownDepartment(_ name: String, in store: AgendaStore) throws -> ReportError {
        let register = OrganisationRegister(departments: try store.departments())
        var near: [String] = []
        if let department = register.resolve(name)?.department { near.append(department) }
        for department in register.departments {
            if let unit = register.resolveUnit(name, in: department.name)?.unit, !near.contains(unit) { near.append(unit) }
        }
        return .unknownDepartment(name, near: near)
    }

    /// The actions, among `agenda`'s, whose pending IT-rådet decision a later plan decision settled:
    /// the text that puts the action before IT-rådet (``ReportBuilder/pendingReasons(_:)`` of the version
    /// in force at `end`) already stood in an earlier version, and a decision in force by `end` changed
    /// the action after it. A change that brings new text to decide on settles nothing.
    static func settledDecisions(_ agenda: Agenda, through end: CalendarDate, in store: AgendaStore) throws -> Set<String> {
        var settled = Set<String>()
        for action in agenda.actions where action.state != .withdrawn {
            let pending = ReportBuilder.pendingReasons(action)
            guard !pending.isEmpty else { continue }
            let versions = try store.history(code: action.code).filter { $0.validFrom.map { $0 <= end } ?? true }
            // The earliest version from which every version up to the one in force holds the pending reasons.
            var since = versions.count - 1
            while since > 0, pending.allSatisfy(ReportBuilder.pendingReasons(versions[since - 1].action).contains) { since -= 1 }
            if since < versions.count - 1 { settled.insert(action.code) }
        }
        return settled
    }
}
