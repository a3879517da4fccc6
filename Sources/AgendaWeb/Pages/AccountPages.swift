import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// The pages of signing in with the municipality's account: the landing that moves on, the access
/// request, and the refusals — each in Swedish, with the way on.
enum AccountPages {
    /// Shown after the provider's return: the session exists; the browser moves on at once (a request of
    /// this site, which carries the session's Strict cookie), or by the link.
    static func landing(_ next: String, app: WebApp, context: WebContext) throws -> Response {
        let page = try PageWriter(
            title: "Du är inloggad", templates: app.templates, organisation: app.organisation(), moveOnTo: next)
        try page.element("h1", text: "Du är inloggad")
        try page.element("p", text: "Du skickas vidare till agendan.")
        try page.element("p") { try page.element("a", [("href", next), ("id", "fortsatt")], text: "Fortsätt") }
        return .page(try page.finish())
    }

    /// An account without an identity: what happens now. No session.
    static func requested(_ request: AccessRequest, unverifiedMatch: Bool, app: WebApp, context: WebContext) throws -> Response {
        let page = try app.page("Ditt konto har inte tillgång än", context: context)
        try page.element("h1", text: "Ditt konto har inte tillgång än")
        try page.element(
            "p", [("class", "notice"), ("role", "status")],
            text: "Du är inloggad hos kommunen som \(request.name)\(request.email.map { " (\($0))" } ?? ""), men kontot är inte kopplat till agendan än. "
                + "En förfrågan om tillgång har gått till IT-chefen, den \(request.requestedAt.swedishDisplay).")
        if unverifiedMatch {
            try page.element(
                "p",
                text: "Kommunens inloggning har inte bekräftat din e-postadress, så kontot kunde inte kopplas till dig av sig självt. "
                    + "IT-chefen kan ge dig tillgång från förfrågan.")
        }
        try page.element("p", text: "När IT-chefen har gett dig tillgång loggar du in på samma sätt igen. Du behöver inte göra något mer nu.")
        try page.element("p") { try page.element("a", [("href", "/")], text: "Till startsidan") }
        return .page(try page.finish())
    }

    /// A declined request or a revoked identity (403). No session.
    static func closed(_ heading: String, _ message: String, app: WebApp, context: WebContext) throws -> Response {
        let page = try app.page(heading, context: context)
        try page.element("h1", text: heading)
        try page.element("p", text: message)
        return .page(try page.finish(), status: .forbidden)
    }

    /// A sign-in that could not be completed: why, in words a person can act on, and a new attempt.
    static func refused(_ refusal: OpenIDRefusal, app: WebApp, context: WebContext) throws -> Response {
        let (status, message) = words(refusal)
        let page = try app.page("Inloggningen gick inte att slutföra", context: context)
        try page.element("h1", text: "Inloggningen gick inte att slutföra")
        try page.element("p", text: message)
        try page.element("p", text: "Du är inte inloggad i agendan.")
        try page.element("p") { try page.element("a", [("href", "/logga-in")], text: "Försök igen") }
        return .page(try page.finish(), status: status)
    }

    static func words(_ refusal: OpenIDRefusal) -> (HTTPResponse.Status, String) {
        switch refusal {
        case .noAttempt:
            (.badRequest, "Inloggningen påbörjades inte i den här webbläsaren, har redan använts eller tog längre än tio minuter. Börja om från inloggningssidan.")
        case .stateMismatch, .noCode:
            (.badRequest, "Svaret från kommunens inloggning hörde inte till din inloggning. Börja om från inloggningssidan.")
        case .providerError(let code) where code == "access_denied":
            (.badRequest, "Inloggningen avbröts hos kommunens inloggning.")
        case .providerError:
            (.badRequest, "Kommunens inloggning kunde inte logga in dig. Försök igen, eller kontakta IT-chefen om det inte går.")
        case .providerUnavailable:
            (.badGateway, "Kommunens inloggning svarar inte just nu. Försök igen om en stund; fungerar det inte då, kontakta IT-chefen.")
        case .codeRefused:
            (.badRequest, "Kommunens inloggning godtog inte inloggningen (den har redan använts eller gått ut). Börja om från inloggningssidan.")
        case .badToken:
            (.badRequest, "Beskedet från kommunens inloggning gick inte att lita på, så du har inte loggats in. Börja om; kontakta IT-chefen om det händer igen.")
        }
    }

    /// The refusal's name for the log: its kind, never a value from the request.
    static func logName(_ refusal: OpenIDRefusal) -> String {
        switch refusal {
        case .noAttempt: "no attempt"
        case .stateMismatch: "state mismatch"
        case .providerError: "provider error"
        case .noCode: "no code"
        case .providerUnavailable: "provider unavailable"
        case .codeRefused: "code refused"
        case .badToken(let problem): "bad ID token: \(problem.rawValue)"
        }
    }
}
