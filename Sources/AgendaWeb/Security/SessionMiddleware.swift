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
        var ended: Identity?
        if let id = request.cookies[WebApp.sessionCookie]?.value {
            switch app.sessions.lookup(id) {
            case let .live(session):
                do {
                    var session = session
                    session.identity = try app.service.verify(session.identity)
                    context.session = session
                } catch let error as AccessError where error == .invalidToken {
                    app.sessions.endAll(of: session.identity.name)
                }
            case let .ended(identity):
                ended = identity
            case .unknown:
                break
            }
        }
        guard request.method == .post else { return try await next(request, context) }
        let signingIn = request.uri.path == "/logga-in" || request.uri.path.hasPrefix("/logga-in/")
        let form = try await Form.read(request)
        // A session that ended (idle, revoked, renewed, a restart) while its page was open: nothing is stored,
        // what was typed is kept as a draft, and signing in again leads back to it.
        if context.session == nil, request.cookies[WebApp.sessionCookie] != nil, !signingIn, request.uri.path != "/logga-ut" {
            return keepDraft(form, of: ended, request)
        }
        let expected = context.session?.csrf ?? request.cookies[WebApp.formCookie]?.value
        guard let expected, let sent = form["_csrf"], Self.equal(sent, expected) else { throw WebError.forgedForm }
        context.form = form
        guard form.unreadable.isEmpty else { throw WebError.unreadableForm(fields: form.unreadable) }
        return try await next(request, context)
    }

    /// Keeps what a form sent after its session ended said (never its CSRF token) and answers with the
    /// sign-in page's address and the draft's cookie.
    private func keepDraft(_ form: Form, of identity: Identity?, _ request: Request) -> Response {
        var fields = form.fields
        fields["_csrf"] = nil
        let action = request.uri.path
        let id = app.drafts.keep(Draft(
            identity: identity?.name, action: action, page: Self.samePage(request.headers[.referer], host: request.head.authority) ?? action,
            fields: fields, keptAt: Date()))
        var response = Response.seeOther("/logga-in")
        response.setCookie(Cookie(
            name: WebApp.draftCookie, value: id, maxAge: Int(DraftStore.lifetime), path: "/", secure: app.settings.secureCookies,
            httpOnly: true, sameSite: .strict))
        return response
    }

    /// The path of `referer` when it is a page of this site (same host), else nil.
    static func samePage(_ referer: String?, host: String?) -> String? {
        guard let referer, let url = URL(string: referer), let host, url.host.map({ h in url.port.map { "\(h):\($0)" } ?? h }) == host
        else { return nil }
        let path = url.path
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/logga-") else { return nil }
        return path
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
            return signIn(request)
        } catch let error as WebError {
            switch error {
            case .forgedForm:
                return try page(context, .forbidden, "Formuläret kunde inte skickas",
                                "Formuläret var för gammalt eller kom inte från den här sidan. Ladda om sidan och försök igen.")
            case .notFound:
                return try page(context, .notFound, "Sidan finns inte", "Kontrollera adressen, eller gå till startsidan.")
            case .forbidden(let message):
                return try page(context, .forbidden, "Du har inte behörighet", message, kind: .notPermitted)
            case .tooLarge:
                return try page(context, .contentTooLarge, "För mycket text", "Det du skickade var för stort. Korta texten och försök igen.")
            case .unreadableForm(let fields):
                return try page(
                    context, .badRequest, "Texten gick inte att läsa",
                    "Det du skickade innehöll tecken som inte går att läsa (inte UTF-8) i \(fields.count == 1 ? "fältet" : "fälten") "
                        + "\(ActionPage.list(fields.map(Self.label))). Inget har sparats. Gå tillbaka till formuläret, skriv in texten på nytt "
                        + "(kopiera den inte från ett program som byter teckenkodning) och skicka igen.")
            case .signInRequired:
                return signIn(request)
            }
        } catch let refusal as any Refusal {
            if refusal.kind == .notSignedIn { return signIn(request) }
            if refusal.kind == .unavailable {
                context.logger.error("request refused: database unavailable", metadata: ["error": "\(type(of: refusal))"])
            }
            return try page(context, refusal.kind.status, WebWords.heading(refusal.kind), WebWords.message(refusal), kind: refusal.kind)
        } catch let error as HTTPError where error.status == .notFound {
            // A path some route has, asked with a method none answers: 405 and what it does answer.
            let allowed = app.routes.methods(for: request.uri.path)
            if !allowed.isEmpty, !allowed.contains(request.method) {
                var response = try page(
                    context, .methodNotAllowed, "Det går inte att göra så här",
                    "Sidan finns, men tar inte emot den sortens anrop. Gå till sidan och använd dess länkar och formulär.")
                response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                return response
            }
            return try page(context, .notFound, "Sidan finns inte", "Kontrollera adressen, eller gå till startsidan.")
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return try page(context, .contentTooLarge, "För mycket text", "Det du skickade var för stort. Korta texten och försök igen.")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            return try page(context, .internalServerError, "Något gick fel", "Försök igen om en stund. Inget av det du skickade har sparats.")
        }
    }

    /// The sign-in page, and after it (a GET) back to the page asked for.
    func signIn(_ request: Request) -> Response {
        guard request.method == .get || request.method == .head, let target = ReturnTarget.checked(request.uri.description) else {
            return .seeOther("/logga-in")
        }
        return .seeOther("/logga-in" + ReturnTarget.query(target))
    }

    /// A form field's label, for a page that names fields outside their form.
    static func label(_ field: String) -> String {
        switch field {
        case "comment": "Kommentar"
        case "obstacles": "Hinder"
        case "next": "Nästa steg"
        case "cost": "Verklig kostnad"
        case "status": "Status"
        case "light": "Bedömning"
        case "period": "Period"
        case "name": "Namn"
        case "deadline": "Sista dag"
        case "source": "Källa"
        case "value": "Värde"
        default: String(field.prefix(40))
        }
    }

    func page(
        _ context: WebContext, _ status: HTTPResponse.Status, _ heading: String, _ message: String, kind: RefusalKind? = nil
    ) throws -> Response {
        let page = try app.page(heading, context: context)
        try page.element("h1", text: heading)
        try page.element("p", text: message)
        let way = WebWords.wayOn(kind, role: context.session?.identity.role)
        try page.element("p") { try page.element("a", [("href", way.href)], text: way.text) }
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
