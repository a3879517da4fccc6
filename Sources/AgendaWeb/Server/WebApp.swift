import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOPosix
import ReportGen

/// Everything the routes share: the one service over the database, the templates, the sessions.
public struct WebApp: Sendable {
    let service: AgendaService
    let templates: TemplateSet
    let sessions: SessionStore
    let drafts = DraftStore()
    let throttle = SignInThrottle()
    let routes = RouteTable()
    let settings: WebSettings
    /// The municipality's OpenID provider, when sign-in with its accounts is set up.
    let provider: OpenIDProvider?
    let attempts: SignInAttempts

    static let sessionCookie = "agenda_session"
    static let formCookie = "agenda_form"
    static let draftCookie = "agenda_draft"

    public init(settings: WebSettings) throws {
        self.settings = settings
        service = try AgendaService(path: settings.databasePath, access: .write)
        templates = try TemplateSet.load(from: settings.templates)
        sessions = SessionStore(idleTimeout: settings.idleTimeout, clock: settings.clock)
        provider = settings.openID.map { OpenIDProvider(settings: $0, timeout: settings.providerTimeout) }
        attempts = SignInAttempts(clock: settings.clock)
    }

    /// The router with every page: the public ones, then those behind sign-in. Every GET answers HEAD
    /// too (the same status and headers, no body), as link checkers and monitoring expect.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: ConnectionLoop())
        router.add(middleware: SecurityHeaders(formTargets: settings.openID.flatMap { OpenIDSettings.origin($0.issuer) }.map { [$0] } ?? []))
        router.add(middleware: AccessLog())
        // Twice: outside the session for what SessionMiddleware itself refuses (a forged form, a body too
        // large), inside it for what the routes refuse, so that page has the signed-in menu and way on.
        router.add(middleware: ErrorPages(app: self))
        router.add(middleware: SessionMiddleware(app: self))
        router.add(middleware: ErrorPages(app: self))
        get("stil.css", on: router) { _, _ in
            var response = Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                                    body: .init(byteBuffer: ByteBuffer(string: templates.webStylesheet)))
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
        get("skript.js", on: router) { _, _ in
            var response = Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                                    body: .init(byteBuffer: ByteBuffer(string: templates.webScript)))
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
        // The fixed paths of signing in with an account first: they take precedence over /logga-in/:secret.
        if let provider { AccountRoutes(app: self, provider: provider).register(on: router) }
        SignInRoutes(app: self).register(on: router)
        PublicRoutes(app: self).register(on: router)
        // Behind sign-in: each route runs with the signed-in person (SignedInContext); the IT-chef's
        // pages are a group within that only the owner passes (OnlyOwner).
        let signedIn = router.group(context: SignedInContext.self)
        ReporterRoutes(app: self).register(on: signedIn)
        ReaderRoutes(app: self).register(on: signedIn)
        LikaRoutes(app: self).register(on: signedIn)
        OwnerRoutes(app: self).register(on: signedIn.group().add(middleware: OnlyOwner()))
        return router
    }

    /// A route whose handler may wait or work long: every write (a POST, which may wait for SQLite's
    /// lock while the CLI writes) and every report generated whole. It runs on NIO's pool of blocking
    /// threads, because the event loops also run every other request's handler (``WebServer``) and so
    /// keep serving pages meanwhile.
    func blocking<Context: RequestContext>(
        _ method: HTTPRequest.Method, _ path: String, on router: some RouterMethods<Context>,
        _ handler: @escaping @Sendable (Request, Context) throws -> Response
    ) {
        routes.record(path, method)
        router.on(RouterPath(path), method: method) { request, context in
            try await NIOThreadPool.singleton.runIfActive { try handler(request, context) }
        }
    }

    /// A page read on the event loop (it takes microseconds and waits for nothing), recorded in ``routes``.
    func get<Context: RequestContext>(
        _ path: String, on router: some RouterMethods<Context>,
        _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        on(.get, path, on: router, handler)
    }

    /// A route that runs on the event loop and may await (the OpenID provider), recorded in ``routes``.
    func on<Context: RequestContext>(
        _ method: HTTPRequest.Method, _ path: String, on router: some RouterMethods<Context>,
        _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        routes.record(path, method)
        router.on(RouterPath(path), method: method, use: handler)
    }

    /// The client a sign-in attempt counts against (``ClientAddress``).
    func client(_ request: Request, _ context: WebContext) -> String {
        ClientAddress.of(
            peer: context.peerAddress, forwardedFor: request.headers[values: .xForwardedFor], trusted: settings.trustedProxies)
    }

    /// The session's cookie (HttpOnly, SameSite=Strict); nil: the cookie that ends it.
    func sessionCookie(_ id: String?) -> Cookie {
        Cookie(
            name: Self.sessionCookie, value: id ?? "", maxAge: id == nil ? 0 : nil, path: "/", secure: settings.secureCookies,
            httpOnly: true, sameSite: .strict)
    }

    /// Where a browser just signed in as `identity` goes: back to the form whose draft it holds (a form sent
    /// after its session ended, ``DraftStore``), else to `target` (a checked ``ReturnTarget``), else its start page.
    func afterSignIn(_ identity: Identity, _ request: Request, target: String?) -> String {
        let draft = request.cookies[Self.draftCookie].flatMap { drafts.draft($0.value) }
        return draft.flatMap { $0.identity == nil || $0.identity == identity.name ? $0.page : nil }
            ?? target ?? Self.home(for: identity.role)
    }

    /// The cookie that makes the browser forget its draft (``DraftStore``).
    var expiredDraftCookie: Cookie {
        Cookie(name: Self.draftCookie, value: "", maxAge: 0, path: "/", secure: settings.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// The organisation's name for page headers: the templates' when set, else the plan's.
    func organisation() -> String {
        let heading = try? service.heading()
        return templates.organisationName(plan: heading?.organisation ?? "", title: heading?.title ?? "Agenda")
    }

    /// A page in the site's frame: header, navigation for the signed-in role, sign-out. With a `problem`
    /// (a form that was not accepted) the title begins "Fel:" and the error summary comes first in `<main>`.
    func page(_ title: String, context: some FrameContext, current: String? = nil, problem: ErrorSummary? = nil) throws -> PageWriter {
        let navigation = Self.navigation(for: context.signedIn?.identity.role).map { link in
            PageWriter.Link(link.title, href: link.href, current: link.href == current)
        }
        let page = try PageWriter(
            title: problem == nil ? title : "Fel: \(title)", templates: templates, organisation: organisation(), navigation: navigation,
            signedInAs: context.signedIn.map { $0.identity.signature },
            signOut: context.signedIn.map { ("/logga-ut", $0.csrf) }, script: "/skript.js")
        if let problem { try page.errorSummary(problem) }
        return page
    }

    /// The navigation each role sees.
    static func navigation(for role: Role?) -> [(title: String, href: String)] {
        switch role {
        case .owner?:
            [("Omgången", "/omgang"), ("Aktiviteter", "/aktiviteter"), ("Rapporter", "/rapporter"),
             ("Självskattning", "/lika"), ("Identiteter", "/identiteter"), ("Logg", "/logg")]
        case .reporter?: [("Våra aktiviteter", "/aktiviteter"), ("Rapporter", "/rapporter"), ("Självskattning", "/lika")]
        case .reader?: [("Rapporter", "/rapporter"), ("Självskattning", "/lika")]
        case nil: []
        }
    }

    /// The landing page of each role after sign-in.
    static func home(for role: Role) -> String {
        switch role {
        case .owner: "/omgang"
        case .reporter: "/aktiviteter"
        case .reader: "/rapporter"
        }
    }
}

extension Response {
    /// An XHTML page.
    static func page(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/xhtml+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 303 See Other to `location` (after a POST, and for sign-in).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let contentSecurityPolicyHeader = Self("Content-Security-Policy")!
    static let xForwardedFor = Self("X-Forwarded-For")!
}
