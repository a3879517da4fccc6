import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird

/// Finds the request's session from its cookie and checks its identity against the database (a revoked
/// or renewed identity's sessions end here), and refuses every POST whose form does not carry the
/// session's CSRF token (or, before sign-in, the token of the form cookie).
struct SessionMiddleware: RouterMiddleware {
    let app: WebApp

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[WebApp.sessionCookie]?.value, let session = app.sessions.session(id) {
            do {
                var session = session
                session.identity = try app.service.verify(session.identity)
                context.session = session
            } catch let error as AccessError where error == .invalidToken {
                app.sessions.endAll(of: session.identity.name)
            }
        }
        guard request.method == .post else { return try await next(request, context) }
        // A session that ended (revoked, renewed, idle) while its page was open: sign in again, nothing stored.
        if context.session == nil, request.cookies[WebApp.sessionCookie] != nil,
           request.uri.path != "/logga-in", !request.uri.path.hasPrefix("/logga-in/") {
            throw WebError.signInRequired
        }
        let form = try await Form.read(request)
        let expected = context.session?.csrf ?? request.cookies[WebApp.formCookie]?.value
        guard let expected, let sent = form["_csrf"], Self.equal(sent, expected) else { throw WebError.forgedForm }
        context.form = form
        return try await next(request, context)
    }

    /// Compares in time independent of where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Turns what a route throws into a page: sign-in for a missing session, 403/404/409/413/422 pages
/// in Swedish for refusals — never a stack trace, never the path or a token echoed back.
struct ErrorPages: RouterMiddleware {
    let app: WebApp

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch WebError.signInRequired {
            return .seeOther("/logga-in")
        } catch let error as WebError {
            switch error {
            case .forgedForm:
                return try page(context, .forbidden, "Formuläret kunde inte skickas",
                                "Formuläret var för gammalt eller kom inte från den här sidan. Ladda om sidan och försök igen.")
            case .notFound:
                return try page(context, .notFound, "Sidan finns inte", "Kontrollera adressen, eller gå till startsidan.")
            case .forbidden(let message):
                return try page(context, .forbidden, "Du har inte behörighet", message)
            case .tooLarge:
                return try page(context, .contentTooLarge, "För mycket text", "Det du skickade var för stort. Korta texten och försök igen.")
            case .signInRequired:
                return .seeOther("/logga-in")
            }
        } catch let refusal as any Refusal {
            if refusal.kind == .notSignedIn { return .seeOther("/logga-in") }
            return try page(context, refusal.kind.status, Self.heading(refusal.kind), refusal.description)
        } catch let error as HTTPError where error.status == .notFound {
            return try page(context, .notFound, "Sidan finns inte", "Kontrollera adressen, eller gå till startsidan.")
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return try page(context, .contentTooLarge, "För mycket text", "Det du skickade var för stort. Korta texten och försök igen.")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            return try page(context, .internalServerError, "Något gick fel", "Försök igen om en stund. Inget av det du skickade har sparats.")
        }
    }

    static func heading(_ kind: RefusalKind) -> String {
        switch kind {
        case .notFound: "Finns inte"
        case .notPermitted: "Du har inte behörighet"
        case .frozen: "Perioden är publicerad"
        case .withdrawn: "Aktiviteten har utgått"
        case .alreadyExists: "Finns redan"
        case .invalidInput, .conflict: "Det gick inte"
        case .notSignedIn: "Logga in"
        case .unavailable: "Databasen kan inte användas"
        }
    }

    func page(_ context: WebContext, _ status: HTTPResponse.Status, _ heading: String, _ message: String) throws -> Response {
        let page = try app.page(heading, context: context)
        try page.element("h1", text: heading)
        try page.element("p", text: message)
        try page.element("p") { try page.element("a", [("href", "/")], text: "Till startsidan") }
        return .page(try page.finish(), status: status)
    }
}

/// One log line per request: method, the route's pattern (never the path itself, which may hold a
/// sign-in link's secret), status and time. No cookie, token or form field is ever logged.
struct AccessLog: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.info("\(request.method) \(context.endpointPath ?? "(ingen route)") \(response.status.code) \(elapsed)")
        return response
    }
}
