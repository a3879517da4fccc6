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
/// Only reads the database, through the store's API, from one snapshot.
public enum ReportGenerator {
    /// Writes `DIR/agenda-PERIOD.EXT` per format, creating DIR if needed, and returns the files written.
    /// Each file is written beside its target under a temporary name and moved into place once every
    /// file is written, so a failure never leaves half a report nor a stray file.
    public static func write(_ request: ReportRequest, from store: StoreSnapshot, templates: TemplateSet) throws -> [URL] {
        try write(request, from: store, templates: templates, commit: {})
    }

    /// Writes the report like ``write(_:from:templates:)``, calling `commit` after every file is
    /// written under its temporary name and before any is moved into place. When writing or `commit`
    /// fails, every temporary file is removed (and DIR, when this call created it) and the error is rethrown.
    public static func write(
        _ request: ReportRequest, from store: StoreSnapshot, templates: TemplateSet, commit: () throws -> Void
    ) throws -> [URL] {
        let staged = try stage(request, from: store, templates: templates)
        do { try commit() } catch {
            staged.discard()
            throw error
        }
        return try staged.moveIntoPlace()
    }

    /// Writes every requested format to a temporary name beside its target (`.agenda-PERIOD.EXT.tmp-…`);
    /// ``StagedReport/moveIntoPlace()`` renames them. Throws before writing anything when DIR exists and
    /// is not a folder or the model cannot be built; on any later failure nothing is left behind.
    static func stage(_ request: ReportRequest, from store: StoreSnapshot, templates: TemplateSet) throws -> StagedReport {
        let fm = FileManager.default
        let directory = request.directory
        var isFolder: ObjCBool = false
        let existed = fm.fileExists(atPath: directory.path, isDirectory: &isFolder)
        if existed && !isFolder.boolValue {
            throw ReportError.output(file: directory.path, reason: "det är en fil, inte en mapp")
        }
        let model = try model(for: request, from: store)
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(file: directory.path, reason: "kan inte skapa mappen")
        }
        var staged = StagedReport(directory: existed ? nil : directory)
        if existed { sweepInterrupted(request, in: directory) }
        do {
            for format in request.formats {
                let target = directory.appendingPathComponent(ReportFile.fileName(for: request.period, format: format))
                let temporary = directory.appendingPathComponent(temporaryName(for: target))
                staged.files.append((temporary, target))
                try ReportWriter.write(model, format: format, to: temporary, templates: templates)
            }
        } catch {
            staged.discard()
            throw error
        }
        return staged
    }

    /// Removes the temporary files a run killed mid-way (kill -9, a power cut) left for the same report
    /// in `directory`, so an interrupted run leaves no stray file once the report is written again.
    static func sweepInterrupted(_ request: ReportRequest, in directory: URL) {
        let prefixes = ReportFormat.allCases.map { ".\(ReportFile.fileName(for: request.period, format: $0)).tmp-" }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// `.agenda-2018Q4.odt.tmp-1f3a9c07`: hidden, beside its target (so renaming it is atomic), and
    /// unique, so two writers never share one.
    static func temporaryName(for target: URL) -> String {
        ".\(target.lastPathComponent).tmp-\(String(UInt32.random(in: .min ... .max), radix: 16))"
    }

    /// The report model for the request: the plan as it stood at the period's end, and each action's
    /// status in force for the period. A published period shows only what was known when it was
    /// published, so regenerating it gives the same report; what came later shows in the next period's
    /// changes. Status changes are measured against the previous period as IT-rådet saw it. Effect
    /// assessments are read as known at the same moment as the statuses.
    ///
    /// Everything is read from one snapshot of the store. Throws ``StoreError/notFound(_:)`` for a
    /// förvaltning or enhet the organisation register does not know.
    public static func model(for request: ReportRequest, from store: StoreSnapshot) throws -> ReportModel {
        let period = request.period
        return try store.read {
            let publication = try store.publication(for: period)
            let knownAt = publication?.publishedAt
            let previousKnownAt = try store.publication(for: period.previous)?.publishedAt ?? knownAt
            let agenda = try store.agenda(asOf: period.end)
            var model = ReportBuilder.build(
                agenda: agenda,
                period: period,
                filter: request.filter,
                departmentActions: try request.filter.department.map { try actionCodes(of: $0, asOf: period.end, in: store) },
                statuses: try store.statuses(for: period, knownAt: knownAt),
                previousStatuses: try store.statuses(for: period.previous, knownAt: previousKnownAt),
                missing: try store.missingReports(for: period, knownAt: knownAt),
                settledDecisions: try settledDecisions(agenda, through: period.end, in: store),
                planChanges: try store.planChanges(after: period.previous.end, through: period.end),
                generatedAt: request.generatedAt ?? knownAt?.swedishDate,
                effectAssessments: try store.effectAssessmentsInForce(knownAt: knownAt)
            )
            model.lika = try LikaUnitStatus.read(asOf: period.end, knownAt: knownAt, from: store)
            return model
        }
    }

    /// The codes of the actions the förvaltning or enhet `name` leads or shares in the plan as of
    /// `date`: what `agenda list actions --department` lists (the one department rule), withdrawn ones
    /// included (the builder leaves those out). A name the register does not know is refused by the
    /// store, naming the closest known names.
    static func actionCodes(of name: String, asOf date: CalendarDate, in store: StoreSnapshot) throws -> Set<String> {
        Set(try store.actions(matching: ActionFilter(department: name, includeWithdrawn: true, asOf: date)).map(\.code))
    }

    /// The actions, among `agenda`'s, whose pending IT-rådet decision a later plan decision settled:
    /// the text that puts the action before IT-rådet (``ReportBuilder/pendingReasons(_:)`` of the version
    /// in force at `end`) already stood in an earlier version, and a decision in force by `end` changed
    /// the action after it. A change that brings new text to decide on settles nothing.
    static func settledDecisions(_ agenda: Agenda, through end: CalendarDate, in store: StoreSnapshot) throws -> Set<String> {
        var settled = Set<String>()
        // An action of one version has had no decision since: its history is not read.
        let revised = try store.revisedActionCodes()
        for action in agenda.actions where action.state != .withdrawn && revised.contains(action.code) {
            let pending = ReportBuilder.pendingReasons(action)
            guard !pending.isEmpty else { continue }
            let all = try store.history(code: action.code).filter { $0.validFrom.map { $0 <= end } ?? true }
            // A decision that only gave an effektmål a measure settles nothing that is pending.
            let versions = all.enumerated().filter { index, version in
                index == 0 || !onlyMeasuresDiffer(all[index - 1].action, version.action)
            }.map(\.element)
            // The earliest version from which every version up to the one in force holds the pending reasons.
            var since = versions.count - 1
            while since > 0, pending.allSatisfy(ReportBuilder.pendingReasons(versions[since - 1].action).contains) { since -= 1 }
            if since < versions.count - 1 { settled.insert(action.code) }
        }
        return settled
    }

    /// Whether `a` and `b` differ in their effektmål's measures and in nothing else.
    static func onlyMeasuresDiffer(_ a: Action, _ b: Action) -> Bool {
        func withoutMeasures(_ action: Action) -> Action {
            var action = action
            action.goals = action.goals.map { EffectGoal(id: $0.id, text: $0.text) }
            return action
        }
        return a != b && withoutMeasures(a) == withoutMeasures(b)
    }
}

/// Report files written under temporary names, waiting to be moved into place.
struct StagedReport: Sendable {
    /// The folder this report created, removed again when the report is discarded.
    var directory: URL?
    var files: [(temporary: URL, target: URL)] = []

    /// Renames every file into place (each rename is atomic) and returns the targets.
    func moveIntoPlace() throws -> [URL] {
        for (index, file) in files.enumerated() where rename(file.temporary.path, file.target.path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in files[index...] { try? FileManager.default.removeItem(at: rest.temporary) }
            throw ReportError.output(file: file.target.path, reason: reason)
        }
        return files.map(\.target)
    }

    /// Removes the temporary files, and the folder when this report created it.
    func discard() {
        for file in files { try? FileManager.default.removeItem(at: file.temporary) }
        if let directory { rmdir(directory.path) }
    }
}
