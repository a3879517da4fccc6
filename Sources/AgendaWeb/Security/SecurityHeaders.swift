import HTTPTypes
import Hummingbird

/// Headers on every response: no script but our own files (none today), no framing, no sniffing, no
/// referrer leaving the site, and no caching of pages that show what a signed-in person may see.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    }

    /// The policy sent: ``policy``, with `formTargets` (the OpenID provider's origin, where signing out
    /// continues) allowed as form targets.
    let sent: String

    init(formTargets: [String] = []) {
        sent = formTargets.isEmpty ? Self.policy
            : Self.policy.replacingOccurrences(of: "form-action 'self'", with: "form-action 'self' " + formTargets.joined(separator: " "))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if response.headers[.contentSecurityPolicyHeader] == nil { response.headers[.contentSecurityPolicyHeader] = sent }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
