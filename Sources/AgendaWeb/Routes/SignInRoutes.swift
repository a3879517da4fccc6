import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// Signing in with a token or a one-time link, and signing out.
struct SignInRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
        app.get("/", on: router) { request, context -> Response in
            guard let session = context.session else { return try signInPage(request, context, token: "", error: nil) }
            return .seeOther(WebApp.home(for: session.identity.role))
        }
        app.get("logga-in", on: router) { request, context -> Response in
            if let session = context.session { return .seeOther(WebApp.home(for: session.identity.role)) }
            return try signInPage(request, context, token: "", error: nil)
        }
        // With --sign-in oidc the web takes the municipality's accounts only: no token form, no links.
        if !(app.settings.openID?.accountsOnly ?? false) { registerTokensAndLinks(on: router) }
        // Signing out of a session of the municipality's account goes on to the provider's sign-out, when it has one.
        app.on(.post, "logga-ut", on: router) { request, _ -> Response in
            let ended = request.cookies[WebApp.sessionCookie].flatMap { app.sessions.end($0.value) }
            if let id = request.cookies[WebApp.draftCookie]?.value { app.drafts.discard(id) }
            var next = "/logga-in"
            if let ended, ended.viaAccount, let provider = app.provider, let away = await provider.endSessionURL() {
                next = away
            }
            var response = Response.seeOther(next)
            response.setCookie(app.sessionCookie(nil))
            if request.cookies[WebApp.draftCookie] != nil { response.setCookie(app.expiredDraftCookie) }
            return response
        }
    }

    /// Signing in with a förvaltning-wide token or a one-time link.
    func registerTokensAndLinks(on router: Router<WebContext>) {
        app.blocking(.post, "logga-in", on: router) { request, context -> Response in
            try signInAttempt(request, context, refused: "Token stämmer inte. Kontrollera att du har kopierat hela token, eller be IT-chefen om en ny.") {
                let token = context.form.text("token")
                guard !token.isEmpty else { return try signInPage(request, context, token: "", error: "Skriv in din token.") }
                return signedIn(try app.service.authenticate(token: token), request, context)
            }
        }
        // The link opens a page that asks the person to confirm; only the confirmation (a POST) uses the
        // link. A mail scanner or link preview that fetches the address therefore leaves it unused.
        app.get("logga-in/:secret", on: router) { request, context -> Response in
            let secret = try context.parameters.require("secret")
            return try signInAttempt(request, context, refused: Self.linkRefused) {
                try linkPage(context, secret: secret, identity: try app.service.signInLinkHolder(secret))
            }
        }
        app.blocking(.post, "logga-in/:secret", on: router) { request, context -> Response in
            let secret = try context.parameters.require("secret")
            return try signInAttempt(request, context, refused: Self.linkRefused) {
                signedIn(try app.service.redeemSignInLink(secret), request, context)
            }
        }
    }

    /// A new session for `identity`, its cookie, and the way to its start page — or, when the browser
    /// holds a draft of a form sent after its session ended (``DraftStore``), back to that form's page.
    /// The URL holds no secret. The client's failed attempts are forgotten.
    func signedIn(_ identity: Identity, _ request: Request, _ context: WebContext) -> Response {
        app.throttle.succeeded(app.client(request, context))
        let id = app.sessions.start(identity)
        var response = Response.seeOther(app.afterSignIn(identity, request, target: ReturnTarget.checked(context.form["till"])))
        response.setCookie(app.sessionCookie(id))
        return response
    }

    /// What a client slowed down after failed sign-ins is told.
    static func waitMessage(seconds: Int) -> String {
        "För många försök. Vänta \(Swedish.count(seconds, "sekund", "sekunder")) och försök igen."
    }

    static let linkRefused =
        "Inloggningslänken fungerar inte längre: den har redan använts eller gått ut. Be IT-chefen om en ny länk, eller logga in med din token."

    /// A sign-in by token or by link around its own step: refused (429) while this client is slowed down
    /// after failed attempts; a wrong token or a used, expired or unknown link (``AccessError/invalidToken``)
    /// counts as a failed attempt and is answered 401 with `refused`, the way on.
    func signInAttempt(_ request: Request, _ context: WebContext, refused: String, _ attempt: () throws -> Response) throws -> Response {
        let client = app.client(request, context)
        if let wait = app.throttle.wait(for: client) {
            return try signInPage(
                request, context, token: "", error: Self.waitMessage(seconds: Int(wait.rounded(.up))), status: .tooManyRequests)
        }
        do {
            return try attempt()
        } catch let error as AccessError where error == .invalidToken {
            app.throttle.failed(client)
            return try signInPage(request, context, token: "", error: refused, status: .unauthorized)
        }
    }

    /// The page behind a sign-in link: whom it signs in, and the button that does (a POST to the same address).
    func linkPage(_ context: WebContext, secret: String, identity: Identity) throws -> Response {
        let formToken = context.session?.csrf ?? AccessToken.randomHex()
        let name = identity.department ?? identity.name
        let page = try app.page("Logga in", context: context)
        try page.element("h1", text: "Logga in som \(name)")
        try page.element("p", text: "Den här länken loggar in \(name) en gång. Den fungerar inte igen när du har loggat in.")
        if let session = context.session {
            try page.element("p", [("class", "notice")], text: "Du är inloggad som \(session.identity.department ?? session.identity.name). Loggar du in med länken byter du till \(name).")
        }
        try page.element("form", [("method", "post"), ("action", "/logga-in/\(secret)"), ("class", "form")]) {
            try page.csrf(formToken)
            try page.submit("Logga in")
        }
        var response = Response.page(try page.finish())
        if context.session == nil {
            response.setCookie(Cookie(name: WebApp.formCookie, value: formToken, path: "/", secure: app.settings.secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The sign-in page: one field for the token. Its form carries a token that a cookie of its own
    /// repeats, so that no other site can sign a browser in.
    func signInPage(
        _ request: Request, _ context: WebContext, token: String, error: String?, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let formToken = AccessToken.randomHex()
        let page = try app.page(
            "Logga in", context: context, problem: .of(error.map { [FieldError(field: "token", message: $0)] } ?? [], heading: "Du är inte inloggad"))
        try page.element("h1", text: "Logga in")
        if request.cookies[WebApp.draftCookie].flatMap({ app.drafts.draft($0.value) }) != nil {
            try page.element(
                "p", [("class", "notice"), ("role", "status")],
                text: "Du hann bli utloggad innan det du skickade sparades, så inget har sparats än. "
                    + "Logga in igen, så kommer du tillbaka till formuläret med allt du skrev.")
        }
        // Where to go after signing in: the page that asked for it (``ReturnTarget``: this site's paths only).
        let target = ReturnTarget.asked(request.uri.query) ?? ReturnTarget.checked(context.form["till"])
        if app.provider != nil {
            try page.element("p", text: "Logga in med samma konto som du använder i kommunens andra tjänster. Förvaltningar rapporterar här läget för sina aktiviteter; IT-rådet läser periodens rapport.")
            let href = "/logga-in/konto" + ReturnTarget.query(target)
            try page.element("p") { try page.element("a", [("href", href), ("id", "konto"), ("class", "button")], text: "Logga in med kommunens konto") }
        }
        if !(app.settings.openID?.accountsOnly ?? false) {
            if app.provider != nil {
                try page.element("h2", text: "Logga in med token")
                try page.element("p", text: "Har du fått en token eller en inloggningslänk av IT-chefen kan du logga in med den i stället.")
            } else {
                try page.element("p", text: "Logga in med den token eller den inloggningslänk du har fått av IT-chefen. Förvaltningar rapporterar här läget för sina aktiviteter; IT-rådet läser periodens rapport.")
            }
            try page.element("form", [("method", "post"), ("action", "/logga-in"), ("class", "form")]) {
                try page.csrf(formToken)
                if let target { try page.empty("input", [("type", "hidden"), ("name", "till"), ("value", target)]) }
                try page.textField(
                    "token", label: "Token", value: token, error: error, hint: "Börjar med agenda_ och 64 tecken till.", type: "password",
                    autocomplete: "off", required: true)
                try page.submit("Logga in")
            }
        }
        var response = Response.page(try page.finish(), status: status)
        response.setCookie(Cookie(name: WebApp.formCookie, value: formToken, path: "/", secure: app.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
