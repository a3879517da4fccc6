import AgendaCore
import Foundation

extension ReportGenerator {
    /// Writes the report for `request` from one snapshot of `service`'s database (see ``write(_:from:templates:)``).
    /// A period before the plan's start or after the current one is refused.
    public static func write(_ request: ReportRequest, service: AgendaService, templates: TemplateSet) throws -> [URL] {
        try service.read { snapshot in
            try snapshot.checkPeriod(request.period, at: service.now)
            return try write(request, from: snapshot, templates: templates)
        }
    }

    /// Publishes the period's report (owner only) atomically: every file is written to a temporary name
    /// beside its target inside the publishing transaction, the publication is committed, and only then
    /// are the files renamed into place. Any failure before the commit leaves neither a publication nor a
    /// file; the retry works.
    public static func publish(
        _ request: ReportRequest, service: AgendaService, by caller: Identity, templates: TemplateSet
    ) throws -> (publication: Publication, files: [URL]) {
        let (publication, staged) = try service.publish(period: request.period, by: caller) { snapshot, _ in
            try snapshot.checkPeriod(request.period, at: service.now)
            return try stage(request, from: snapshot, templates: templates)
        }
        return (publication, try staged.moveIntoPlace())
    }

    /// The report of `period` in `format` as bytes: exactly what ``write(_:service:templates:)`` writes
    /// to `agenda-PERIOD.EXT` for the same database (all actions, no date given), read from one snapshot
    /// of `service`'s database. A published period reads as published. A period before the plan's
    /// start or after the current one is refused.
    public static func document(
        period: Period, format: ReportFormat, service: AgendaService, templates: TemplateSet
    ) throws -> Data {
        try service.read { snapshot in
            try snapshot.checkPeriod(period, at: service.now)
            let model = try model(for: ReportRequest(period: period, formats: [format], directory: FileManager.default.temporaryDirectory), from: snapshot)
            return try ReportWriter.data(model, format: format, templates: templates)
        }
    }

    /// Writes the report of `period` into `page`'s `<main>`, for the web's report page: the same content as
    /// ``document(period:service:templates:)``'s XHTML (title page, table of contents, sections, footer),
    /// read from one snapshot and refused alike, inside the page's own frame (header, menu, sign-out). It
    /// carries no inline style: tables stand in scroll regions, and the page's stylesheet gives the look.
    public static func embed(period: Period, service: AgendaService, templates: TemplateSet, in page: PageWriter) throws {
        let report = try service.read { snapshot in
            try snapshot.checkPeriod(period, at: service.now)
            return try model(for: ReportRequest(period: period, formats: [.xhtml], directory: FileManager.default.temporaryDirectory), from: snapshot)
        }
        try XHTMLWriter(layout: ReportLayout(model: report, templates: templates), embedded: true).body(page.w)
    }

    /// Publishes the period's report (owner only) without writing files: the same atomic publishing as
    /// ``publish(_:service:by:templates:)`` — the publication is recorded only when the report's model
    /// can be built from the publishing transaction's own view. Afterwards the report is made on request
    /// (``document(period:format:service:templates:)``) and always reads as published.
    @discardableResult
    public static func publish(period: Period, service: AgendaService, by caller: Identity) throws -> Publication {
        try service.publish(period: period, by: caller) { snapshot, _ in
            try snapshot.checkPeriod(period, at: service.now)
            _ = try model(for: ReportRequest(period: period, formats: [], directory: FileManager.default.temporaryDirectory), from: snapshot)
        }.publication
    }
}
