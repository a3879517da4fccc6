import AgendaCore
import Foundation

extension ReportGenerator {
    /// Writes the report for `request` from one snapshot of `service`'s database (see ``write(_:from:templates:)``).
    /// A period before the plan's start or after the current one is refused.
    public static func write(_ request: ReportRequest, service: AgendaService, templates: TemplateSet) throws -> [URL] {
        try service.read { store in
            try store.checkPeriod(request.period, at: service.now)
            return try write(request, from: store, templates: templates)
        }
    }

    /// Publishes the period's report (owner only) atomically: every file is written to a temporary name
    /// beside its target inside the publishing transaction, the publication is committed, and only then
    /// are the files renamed into place. Any failure before the commit leaves neither a publication nor a
    /// file; the retry works.
    public static func publish(
        _ request: ReportRequest, service: AgendaService, by caller: Identity, templates: TemplateSet
    ) throws -> (publication: Publication, files: [URL]) {
        let (publication, staged) = try service.publish(period: request.period, by: caller) { store, _ in
            try store.checkPeriod(request.period, at: service.now)
            return try stage(request, from: store, templates: templates)
        }
        return (publication, try staged.moveIntoPlace())
    }
}
