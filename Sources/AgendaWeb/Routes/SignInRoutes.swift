import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// Signing in with a token or a one-time link, and signing out.
struct SignInRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context -> Response in
            guard let session = context.session else { return try signInPage(context, token: "", error: nil) }
            return .seeOther(WebApp.home(for: session.identity.role))
        }
        router.get("logga-in") { _, context -> Response in
            if let session = context.session { return .seeOther(WebApp.home(for: session.identity.role)) }
            return try signInPage(context, token: "", error: nil)
        }
        app.blocking(.post, "logga-in", on: router) { _, context -> Response in
            let token = context.form.text("token")
            if let wait = app.throttle.wait(for: context.clientAddress) {
                return try signInPage(
                    context, token: "", error: "För många försök. Vänta \(Int(wait.rounded(.up))) sekunder och försök igen.",
                    status: .tooManyRequests)
            }
            guard !token.isEmpty else { return try signInPage(context, token: "", error: "Skriv in din token.") }
            do {
                let identity = try app.service.authenticate(token: token)
                app.throttle.succeeded(context.clientAddress)
                return signedIn(identity)
            } catch let error as AccessError where error == .invalidToken {
                app.throttle.failed(context.clientAddress)
                return try signInPage(
                    context, token: "", error: "Token stämmer inte. Kontrollera att du har kopierat hela token, eller be IT-chefen om en ny.",
                    status: .unauthorized)
            }
        }
        app.blocking(.get, "logga-in/:secret", on: router) { _, context -> Response in
            let secret = try context.parameters.require("secret")
            if let wait = app.throttle.wait(for: context.clientAddress) {
                return try signInPage(
                    context, token: "", error: "För många försök. Vänta \(Int(wait.rounded(.up))) sekunder och försök igen.",
                    status: .tooManyRequests)
            }
            do {
                let identity = try app.service.redeemSignInLink(secret)
                app.throttle.succeeded(context.clientAddress)
                return signedIn(identity)
            } catch let error as AccessError where error == .invalidToken {
                app.throttle.failed(context.clientAddress)
                return try signInPage(
                    context, token: "",
                    error: "Inloggningslänken fungerar inte längre: den har redan använts eller gått ut. Be IT-chefen om en ny länk, eller logga in med din token.",
                    status: .unauthorized)
            }
        }
        app.blocking(.post, "logga-ut", on: router) { request, _ -> Response in
            if let id = request.cookies[WebApp.sessionCookie]?.value { app.sessions.end(id) }
            var response = Response.seeOther("/logga-in")
            response.setCookie(Cookie(name: WebApp.sessionCookie, value: "", maxAge: 0, path: "/", secure: app.settings.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// A new session for `identity`, its cookie, and the way to its start page; the URL holds no secret.
    func signedIn(_ identity: Identity) -> Response {
        let id = app.sessions.start(identity)
        var response = Response.seeOther(WebApp.home(for: identity.role))
        response.setCookie(Cookie(name: WebApp.sessionCookie, value: id, path: "/", secure: app.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// The sign-in page: one field for the token. Its form carries a token that a cookie of its own
    /// repeats, so that no other site can sign a browser in.
    func signInPage(_ context: WebContext, token: String, error: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let formToken = AccessToken.randomHex()
        let page = try app.page("Logga in", context: context)
        try page.element("h1", text: "Logga in")
        try page.element("p", text: "Logga in med den token eller den inloggningslänk du har fått av IT-chefen. Förvaltningar rapporterar här läget för sina aktiviteter; IT-rådet läser periodens rapport.")
        try page.errorSummary(error.map { [FieldError(field: "token", message: $0)] } ?? [])
        try page.element("form", [("method", "post"), ("action", "/logga-in"), ("class", "form")]) {
            try page.csrf(formToken)
            try page.textField(
                "token", label: "Token", value: token, error: error, hint: "Börjar med agenda_ och 64 tecken till.", type: "password",
                autocomplete: "off", required: true)
            try page.submit("Logga in")
        }
        var response = Response.page(try page.finish(), status: status)
        response.setCookie(Cookie(name: WebApp.formCookie, value: formToken, path: "/", secure: app.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
