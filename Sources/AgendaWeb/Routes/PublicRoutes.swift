import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// The public website under /oppet, without sign-in: the same pages, open data and feed that
/// `agenda site` writes, built by the same code (ReportGen's `PublicSite`) from the published periods only.
struct PublicRoutes {
    let app: WebApp
    static let prefix = "/oppet/"

    func register(on router: Router<WebContext>) {
        app.blocking(.get, "oppet", on: router) { _, _ -> Response in try file("") }
        app.blocking(.get, "oppet/**", on: router) { _, context -> Response in
            try file(context.parameters.getCatchAll().joined(separator: "/"))
        }
    }

    /// The site's file at `path`, read from one snapshot; 404 for a path the site does not have.
    func file(_ path: String) throws -> Response {
        let site = try PublicSite.read(from: app.service, templates: app.templates, baseURL: Self.prefix)
        guard let data = try site.file(at: path) else { throw WebError.notFound }
        var response = Response(
            status: .ok, headers: [.contentType: PublicSite.contentType(for: path.isEmpty ? "index.html" : path)],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        response.headers[.cacheControl] = "public, max-age=60"
        return response
    }
}
