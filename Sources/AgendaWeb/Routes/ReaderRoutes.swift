import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// What IT-rådet reads: the periods and their reports (XHTML in the browser, .odt/.ods to download).
/// Readers, reporters and the owner may read; nothing here writes.
struct ReaderRoutes {
    let app: WebApp

    /// The report's own XHTML file inlines its stylesheet (a `<style>` element, `style` attributes for
    /// its column widths): its download alone allows inline styles. Inline scripts stay forbidden.
    static let reportPolicy = SecurityHeaders<WebContext>.policy.replacingOccurrences(
        of: "style-src 'self';", with: "style-src 'self' 'unsafe-inline';")

    func register(on router: RouterGroup<SignedInContext>) {
        app.get("rapporter", on: router) { _, context -> Response in try periodsPage(context) }
        app.blocking(.get, "rapporter/:period", on: router) { _, context -> Response in try reportPage(context) }
        app.blocking(.get, "rapporter/:period/:file", on: router) { _, context -> Response in
            let period = try Self.period(context.parameters.require("period"))
            let file = try context.parameters.require("file")
            guard let format = ReportFormat.allCases.first(where: { ReportFile.fileName(for: period, format: $0) == file }) else {
                throw WebError.notFound
            }
            let bytes = try ReportGenerator.document(period: period, format: format, service: app.service, templates: app.templates)
            var response = Response(
                status: .ok, headers: [.contentType: Self.contentType(format)], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            response.headers[.contentDisposition] = "attachment; filename=\"\(file)\""
            if format == .xhtml { response.headers[.contentSecurityPolicyHeader] = Self.reportPolicy }
            return response
        }
    }

    /// A period from the URL; text that is no period is a page that does not exist.
    static func period(_ text: String) throws -> Period {
        guard let period = try? Period(parsing: text), period.description == text.uppercased() else { throw WebError.notFound }
        return period
    }

    /// The Content-Type of a download: the format's media type, text ones with their charset.
    static func contentType(_ format: ReportFormat) -> String {
        switch format {
        case .xhtml, .fodt, .fods: "\(format.mediaType); charset=utf-8"
        case .odt, .ods: format.mediaType
        }
    }

    /// A period's report inside the site's frame (header, menu, sign-out): ReportGen writes the report's
    /// content into the page, without inline styles, so the page keeps the strict policy. The download
    /// `agenda-PERIOD.xhtml` is the standalone file.
    func reportPage(_ context: SignedInContext) throws -> Response {
        let period = try Self.period(context.parameters.require("period"))
        let page = try app.page("Rapport \(period.swedishLabel)", context: context, current: "/rapporter")
        try ReportPages.downloads(of: period, on: page)
        try ReportGenerator.embed(period: period, service: app.service, templates: app.templates, in: page)
        return .page(try page.finish())
    }

    /// "Rapporter": the periods with their reports and downloads, newest first.
    func periodsPage(_ context: SignedInContext) throws -> Response {
        let periods = try app.service.reportPeriods()
        let page = try app.page("Rapporter", context: context, current: "/rapporter")
        try ReportPages.periods(periods, on: page)
        return .page(try page.finish())
    }
}
