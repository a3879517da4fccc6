import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOPosix

/// Signing in with the municipality's account (OpenID Connect, authorization code flow with PKCE):
/// `/logga-in/konto` sends the browser to the provider, `/logga-in/oidc` takes it back (the redirect URI),
/// `/logga-in/vidare` leads the signed-in browser on.
///
/// The provider is another site, so its return is a cross-site navigation: the browser sends no
/// SameSite=Strict cookie on it or on redirects after it. The attempt's cookie is therefore Lax (and
/// only for `/logga-in/oidc`), and the return answers with a page of this site that moves on by itself:
/// that next request is the site's own, and carries the new session's Strict cookie.
struct AccountRoutes {
    let app: WebApp
    let provider: OpenIDProvider
    static let attemptCookie = "agenda_oidc"

    func register(on router: Router<WebContext>) {
        app.get("logga-in/konto", on: router) { request, context -> Response in
            let (id, attempt) = app.attempts.start(target: ReturnTarget.asked(request.uri.query))
            do {
                var response = Response.seeOther(try await provider.authorizationURL(for: attempt))
                response.setCookie(attemptCookie(id))
                return response
            } catch {
                return try refused(error, context)
            }
        }
        app.get("logga-in/oidc", on: router) { request, context -> Response in
            var response = try await returned(request, context)
            response.setCookie(attemptCookie(nil))
            return response
        }
        app.get("logga-in/vidare", on: router) { request, context -> Response in
            guard let session = context.session else { return .seeOther("/logga-in") }
            return .seeOther(app.afterSignIn(session.identity, request, target: ReturnTarget.asked(request.uri.query)))
        }
    }

    /// The browser back from the provider: the attempt its cookie names (used up now), the state, the code
    /// exchanged and the ID token checked, then what the core makes of the account. A refusal never counts
    /// toward the token sign-in throttle and leaves no session.
    func returned(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = Form(encoded: request.uri.query ?? "")
        let attempt = request.cookies[Self.attemptCookie].flatMap { app.attempts.take($0.value) }
        do {
            if let error = query["error"] { throw OpenIDRefusal.providerError(code: String(error.prefix(40))) }
            guard let attempt else { throw OpenIDRefusal.noAttempt }
            guard let state = query["state"], SessionMiddleware.equal(state, attempt.state) else { throw OpenIDRefusal.stateMismatch }
            guard let code = query["code"], !code.isEmpty else { throw OpenIDRefusal.noCode }
            let account = try await provider.account(code: code, attempt: attempt, now: app.settings.clock())
            let outcome = try await NIOThreadPool.singleton.runIfActive { try app.service.signIn(with: account) }
            switch outcome {
            case let .signedIn(identity):
                let id = app.sessions.start(identity, viaAccount: true)
                var response = try AccountPages.landing("/logga-in/vidare" + ReturnTarget.query(attempt.target), app: app, context: context)
                response.setCookie(app.sessionCookie(id))
                return response
            case let .requested(request, unverifiedMatch):
                return try AccountPages.requested(request, unverifiedMatch: unverifiedMatch, app: app, context: context)
            case .declined:
                return try AccountPages.closed(
                    "Ditt konto har inte fått tillgång",
                    "IT-chefen har avböjt din förfrågan om tillgång till agendan. Kontakta IT-chefen om du behöver tillgång.",
                    app: app, context: context)
            case .revoked:
                return try AccountPages.closed(
                    "Ditt konto har inte längre tillgång",
                    "Din tillgång till agendan är återkallad. Kontakta IT-chefen om du fortfarande behöver den.", app: app, context: context)
            }
        } catch {
            return try refused(error, context)
        }
    }

    /// A refused sign-in as a Swedish page; the log names the kind only.
    func refused(_ error: any Error, _ context: WebContext) throws -> Response {
        guard let refusal = error as? OpenIDRefusal else { throw error }
        context.logger.notice("sign-in with account refused", metadata: ["refusal": "\(AccountPages.logName(refusal))"])
        return try AccountPages.refused(refusal, app: app, context: context)
    }

    /// The attempt's cookie: Lax, so that the provider's return (a cross-site navigation) carries it; only
    /// for the return's path; ten minutes. Nil: the cookie that removes it.
    func attemptCookie(_ id: String?) -> Cookie {
        Cookie(
            name: Self.attemptCookie, value: id ?? "", maxAge: id == nil ? 0 : Int(SignInAttempts.lifetime), path: "/logga-in/oidc",
            secure: app.settings.secureCookies, httpOnly: true, sameSite: .lax)
    }
}
