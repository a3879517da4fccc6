import AgendaTestSupport
@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Testing
@testable import AgendaWeb

/// Signing in with the municipality's account, against a real OpenID provider (LemonLDAP::NG, ``TestProvider``):
/// the person lands on her förvaltning's actions and is named in what she does; an unknown account becomes a
/// request the IT-chef grants in the web; and every hostile or broken return ends with no session and a
/// Swedish page. The provider's users: anna (verified address), bertil (unverified), cecilia (verified).
@Suite(.serialized) struct AccountSignInTests {
    static let anna = "anna.svensson@molndal.example"

    @Test func aPersonSignsInAtTheProviderReportsOnHerOwnAndIsNamed() async throws {
        let provider = try TestProvider.get()
        let (app, application) = try provider.app()
        let owner = try app.service.authenticate(token: try DemoDatabase.token("IT-chef"))
        _ = try app.service.addIdentity(name: "Anna Svensson", role: .reporter, department: "Skolförvaltningen", email: Self.anna, by: owner)
        try await application.test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/logga-in")
            #expect(browser.lastPage.contains("<a href=\"/logga-in/konto\" id=\"konto\" class=\"button\">Logga in med kommunens konto</a>"))
            #expect(browser.lastPage.contains("name=\"token\""), "tokens still work beside accounts")

            // The authorization request: code flow, PKCE S256, state and nonce, the registered redirect URI.
            let start = try await browser.get("/logga-in/konto?till=%2Faktiviteter%2F6.2")
            let authorization = try #require(start.headers[.location].flatMap(URLComponents.init(string:)))
            let query = Dictionary(uniqueKeysWithValues: (authorization.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(authorization.string?.hasPrefix(provider.issuer + "/oauth2/authorize?") == true)
            #expect(query["response_type"] == "code" && query["client_id"] == "agenda" && query["scope"] == "openid email profile")
            #expect(query["redirect_uri"] == TestProvider.base + "/logga-in/oidc" && query["code_challenge_method"] == "S256")
            #expect(query["code_challenge"]?.count == 43 && query["state"]?.count == 64 && query["nonce"]?.count == 64)
            let attemptCookie = try #require(start.headers[values: .setCookie].first { $0.hasPrefix("agenda_oidc=") })
            #expect(attemptCookie.contains("SameSite=Lax") && attemptCookie.contains("HttpOnly") && attemptCookie.contains("Path=/logga-in/oidc"))

            // Back from the provider: a page that moves on by itself (the session's cookie is Strict).
            let back = try await offThePool { try provider.login("anna", at: authorization.string ?? "") }
            let landing = try await browser.get(back)
            #expect(landing.status == .ok)
            #expect(browser.lastPage.contains("<h1>Du är inloggad</h1>"))
            #expect(browser.lastPage.contains("<meta http-equiv=\"refresh\" content=\"0; url=/logga-in/vidare?till=%2Faktiviteter%2F6.2\"/>"))
            let session = try #require(landing.headers[values: .setCookie].first { $0.hasPrefix("agenda_session=") })
            #expect(session.contains("SameSite=Strict") && session.contains("HttpOnly"))
            let onward = try await browser.get("/logga-in/vidare?till=%2Faktiviteter%2F6.2")
            #expect(onward.status == .seeOther && onward.headers[.location] == "/aktiviteter/6.2", "back to the page asked for")

            // Her förvaltning's actions, named in the header; another förvaltning's action is refused.
            let list = try await browser.get("/aktiviteter")
            #expect(list.status == .ok && browser.lastPage.contains("Inloggad som Anna Svensson, Skolförvaltningen"))
            #expect(try await browser.get("/aktiviteter/1.2").status == .forbidden)
            try await browser.get("/aktiviteter/6.2")
            let report = try await browser.post("/aktiviteter/6.2", ReporterPagesTests.fields(comment: "Rapporterat av Anna."))
            #expect(report.status == .seeOther)
            let latest = try #require(try app.service.statusHistory(code: "6.2").last)
            #expect(latest.comment == "Rapporterat av Anna." && latest.reporter == "Anna Svensson, Skolförvaltningen")
            try await browser.get("/aktiviteter/6.2")
            #expect(browser.lastPage.contains("Anna Svensson, Skolförvaltningen"), "the action's history names her")
            let audit = try app.service.auditLog(identity: nil, target: nil, limit: 10).entries.map { ($0.identity, $0.operation) }
            #expect(audit.contains { $0.0 == "Anna Svensson, Skolförvaltningen" && $0.1 == "bind account" })

            // Signing out ends Agenda's session and goes on to the provider's, naming no token.
            let out = try await browser.post("/logga-ut", [])
            let away = try #require(out.headers[.location])
            #expect(out.status == .seeOther && away.hasPrefix(provider.issuer + "/oauth2/logout?client_id=agenda&post_logout_redirect_uri="))
            #expect(!away.contains("id_token_hint") && !away.contains("eyJ"))
            #expect(try await browser.get("/aktiviteter").status == .seeOther)
        }
        // Her address changes in Agenda: the account is bound, so (issuer, subject) still finds her.
        try app.service.setEmail("anna.berg@molndal.example", of: "Anna Svensson", by: owner)
        try await application.test(.router) { client in
            let browser = Browser(client)
            #expect(try await browser.signIn(account: "anna", at: provider).status == .ok)
            try await browser.get("/aktiviteter")
            #expect(browser.lastPage.contains("Inloggad som Anna Svensson, Skolförvaltningen"))
        }
    }

    @Test func anUnknownAccountAsksForAccessAndTheITChefGrantsItInTheWeb() async throws {
        let provider = try TestProvider.get()
        let (app, application) = try provider.app()
        let owner = try app.service.authenticate(token: try DemoDatabase.token("IT-chef"))
        // Bertil's address is an identity's, but the provider does not vouch for it: no binding, a request.
        _ = try app.service.addIdentity(name: "Bertil Berg", role: .reader, department: nil, email: "bertil.berg@molndal.example", by: owner)
        try await application.test(.router) { client in
            let cecilia = Browser(client)
            let asked = try await cecilia.signIn(account: "cecilia", at: provider)
            #expect(asked.status == .ok && cecilia.lastPage.contains("<h1>Ditt konto har inte tillgång än</h1>"))
            #expect(cecilia.lastPage.contains("Cecilia Ek (cecilia.ek@molndal.example)"))
            #expect(cecilia.cookies["agenda_session"] == nil, "no session until access is granted")
            #expect(try await cecilia.get("/aktiviteter").headers[.location] == "/logga-in?till=%2Faktiviteter")

            let bertil = Browser(client)
            _ = try await bertil.signIn(account: "bertil", at: provider)
            #expect(bertil.lastPage.contains("inte bekräftat din e-postadress"))
            #expect(bertil.cookies["agenda_session"] == nil)
            #expect(try app.service.identities().first { $0.name == "Bertil Berg" }?.hasAccount == false)

            let chef = try await Browser.signedIn(client, as: "IT-chef")
            try await chef.get("/identiteter")
            let page = chef.lastPage
            #expect(page.contains("<h2 id=\"forfragningar\">Väntande förfrågningar om tillgång</h2>"))
            #expect(page.contains("<h3 id=\"request-1\">Cecilia Ek</h3>") && page.contains("cecilia.ek@molndal.example. Bad om tillgång"))
            #expect(page.contains("bertil.berg@molndal.example (inte bekräftad av kommunens inloggning)"))
            // A name that is taken: refused beside the request's field, everything typed kept, nothing granted.
            let taken = try await chef.post(
                "/identiteter/forfragningar/1/bevilja", [("name", "Skolförvaltningen"), ("role", "reporter"), ("department", "Skolförvaltningen")])
            #expect(taken.status == .conflict)
            #expect(chef.lastPage.contains("href=\"#request-1-name\"") && chef.lastPage.contains("value=\"Skolförvaltningen\""))
            #expect(try app.service.accessRequests().count == 2)
            try await chef.get("/identiteter")
            let granted = try await chef.post(
                "/identiteter/forfragningar/1/bevilja", [("name", "Cecilia Ek"), ("role", "reporter"), ("department", "Skolförvaltningen")])
            #expect(granted.status == .seeOther && granted.headers[.location] == "/identiteter?beviljad=Cecilia%20Ek")
            try await chef.get(granted.headers[.location] ?? "")
            #expect(chef.lastPage.contains("Cecilia Ek har fått tillgång som rapportör för Skolförvaltningen."))
            let declined = try await chef.post("/identiteter/forfragningar/2/avboj", [])
            #expect(declined.headers[.location] == "/identiteter?avbojd=2")
            try await chef.get("/identiteter")
            #expect(try await chef.post("/identiteter/forfragningar/2/avboj", []).status == .conflict, "decided once")

            let again = Browser(client)
            _ = try await again.signIn(account: "cecilia", at: provider)
            try await again.get("/aktiviteter")
            #expect(again.lastPage.contains("Inloggad som Cecilia Ek, Skolförvaltningen"))
            let refused = Browser(client)
            #expect(try await refused.signIn(account: "bertil", at: provider).status == .forbidden)
            #expect(refused.lastPage.contains("Ditt konto har inte fått tillgång"))
        }
    }

    @Test func aTamperedReplayedOrForeignReturnLeavesNoSession() async throws {
        let provider = try TestProvider.get()
        let (_, application) = try provider.app()
        try await application.test(.router) { client in
            // The state changed on the way back.
            let tampered = Browser(client)
            let back = try await tampered.providerReturn(for: "anna", at: provider)
            let forged = back.replacingOccurrences(of: "state=", with: "state=0")
            #expect(try await Self.refused(tampered.get(forged), tampered, "hörde inte till din inloggning"))

            // Login CSRF: another browser's return, opened in a browser that started no attempt.
            let attacker = Browser(client)
            let attackersReturn = try await attacker.providerReturn(for: "cecilia", at: provider)
            let victim = Browser(client)
            #expect(try await Self.refused(victim.get(attackersReturn), victim, "påbörjades inte i den här webbläsaren"))

            // The same return twice: the attempt is used up at the first.
            let twice = Browser(client)
            let once = try await twice.providerReturn(for: "cecilia", at: provider)
            #expect(try await twice.get(once).status == .ok)
            #expect(try await Self.refused(twice.get(once), twice, "påbörjades inte i den här webbläsaren"))

            // A replayed code under a fresh attempt's state: the provider refuses the used code.
            let replay = Browser(client)
            let first = try await replay.providerReturn(for: "cecilia", at: provider)
            #expect(try await replay.get(first).status == .ok)
            let fresh = try #require(try await replay.get("/logga-in/konto").headers[.location].flatMap(URLComponents.init(string:)))
            let state = try #require(fresh.queryItems?.first { $0.name == "state" }?.value)
            let code = try #require(URLComponents(string: first)?.queryItems?.first { $0.name == "code" }?.value)
            #expect(try await Self.refused(replay.get("/logga-in/oidc?code=\(code)&state=\(state)"), replay, "godtog inte inloggningen"))

            // The provider's own refusal (the person cancelled).
            let cancelled = Browser(client)
            let started = try await cancelled.get("/logga-in/konto")
            let cancelledState = URLComponents(string: started.headers[.location] ?? "")?.queryItems?.first { $0.name == "state" }?.value ?? ""
            #expect(try await Self.refused(
                cancelled.get("/logga-in/oidc?error=access_denied&state=\(cancelledState)"), cancelled, "avbröts hos kommunens inloggning"))

            // None of these counts toward the token sign-in throttle.
            let token = try await cancelled.signIn(token: try DemoDatabase.token("Skolförvaltningen"))
            #expect(token.status == .seeOther, "no wait after refused returns")
        }
    }

    @Test func theReturnTargetIsAPathOfThisSiteOnly() async throws {
        for hostile in ["//evil.example/", "https://evil.example/", "/\\evil.example", "/\r\nSet-Cookie:x=y", "/ aktiviteter", "javascript:alert(1)", "/logga-ut"] {
            #expect(ReturnTarget.checked(hostile) == nil, "\(hostile)")
        }
        #expect(ReturnTarget.checked("/aktiviteter/6.2?period=2018Q4") == "/aktiviteter/6.2?period=2018Q4")
        let provider = try TestProvider.get()
        let (_, application) = try provider.app()
        try await application.test(.router) { client in
            let browser = Browser(client)
            let landing = try await browser.signIn(account: "cecilia", at: provider, till: "//evil.example/")
            #expect(landing.status == .ok)
            let onward = Browser(client)
            _ = try await onward.signIn(token: try DemoDatabase.token("Skolförvaltningen"))
            #expect(try await onward.get("/logga-in/vidare?till=%2F%2Fevil.example%2F").headers[.location] == "/aktiviteter")
            #expect(try await onward.get("/logga-in/vidare?till=https%3A%2F%2Fevil.example").headers[.location] == "/aktiviteter")
            #expect(try await browser.get("/logga-in?till=%2F%2Fevil.example").status == .ok)
            #expect(!browser.lastPage.contains("evil.example"), "a hostile target is not even carried on")
        }
    }

    @Test func aProviderThatIsDownOrHangsGetsASwedishPageAndNothingIsCreated() async throws {
        let provider = try TestProvider.get()
        let down = "http://127.0.0.1:\(try freePort())"
        let (app, application) = try provider.app(issuer: down, timeout: .seconds(2))
        let (descriptor, port) = try silentListener()
        defer { close(descriptor) }
        let (_, hanging) = try provider.app(issuer: "http://127.0.0.1:\(port)", timeout: .seconds(1))
        for application in [application, hanging] {
            try await application.test(.router) { client in
                let browser = Browser(client)
                let started = ContinuousClock.now
                let response = try await browser.get("/logga-in/konto")
                #expect(ContinuousClock.now - started < .seconds(10))
                #expect(response.status == .badGateway)
                #expect(browser.lastPage.contains("Kommunens inloggning svarar inte just nu."))
                #expect(browser.cookies.isEmpty, "no attempt, no session")
            }
        }
        #expect(try app.service.accessRequests(all: true).isEmpty)
    }

    @Test func withAccountsOnlyTheWebTakesNoTokenOrLink() async throws {
        let provider = try TestProvider.get()
        let (_, application) = try provider.app(accountsOnly: true)
        try await application.test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/logga-in")
            #expect(browser.lastPage.contains("id=\"konto\"") && !browser.lastPage.contains("name=\"token\""))
            let token = try await browser.post("/logga-in", [("token", try DemoDatabase.token("Skolförvaltningen"))])
            #expect(token.status != .seeOther && browser.cookies["agenda_session"] == nil)
            #expect(try await browser.get("/logga-in/\(String(repeating: "a", count: 64))").status == .notFound)
        }
    }

    /// The answer is a refusal page (4xx, Swedish, saying `words`) and the browser has no session.
    static func refused(_ response: TestResponse, _ browser: Browser, _ words: String) -> Bool {
        (400..<500).contains(response.status.code) && browser.lastPage.contains("<h1>Inloggningen gick inte att slutföra</h1>")
            && browser.lastPage.contains(words) && browser.cookies["agenda_session"] == nil
    }
}

/// The ID token's checks, with tokens signed by the provider's own key (so only the claim under test is
/// wrong), by other keys, and unsigned — against the provider's real JWKS.
@Suite struct IDTokenTests {
    static let nonce = "n-0123456789"

    static func claims(
        iss: String? = nil, aud: [String] = ["agenda"], azp: String? = "agenda", exp: TimeInterval = 600, iat: TimeInterval = 0,
        nonce: String = nonce, provider: TestProvider
    ) -> IDTokenClaims {
        let now = Date().timeIntervalSince1970
        return IDTokenClaims(
            iss: iss ?? provider.issuer, sub: "anna", aud: AudienceClaim(value: aud), azp: azp, exp: now + exp, iat: now + iat,
            nonce: nonce, email: "anna.svensson@molndal.example", email_verified: BoolClaim(value: true), name: "Anna Svensson")
    }

    /// The provider's key, as jwt-kit signs with it.
    static func providerKeys(_ provider: TestProvider) async throws -> JWTKeyCollection {
        let pem = try String(contentsOfFile: provider.keyFile, encoding: .utf8)
        return await JWTKeyCollection().add(
            rsa: try Insecure.RSA.PrivateKey(pem: pem), digestAlgorithm: .sha256, kid: JWKIdentifier(string: TestProvider.keyID))
    }

    @Test func onlyATokenOfThisProviderForThisClientWithTheNonceIsTrusted() async throws {
        let provider = try TestProvider.get()
        let settings = try OpenIDSettings(issuer: provider.issuer, clientID: "agenda", secretFile: provider.secretFile, baseURL: TestProvider.base)
        let openID = OpenIDProvider(settings: settings)
        let keys = try await Self.providerKeys(provider)
        func check(_ claims: IDTokenClaims, with provider: OpenIDProvider? = nil) async throws -> OpenIDRefusal? {
            let token = try await keys.sign(claims, kid: JWKIdentifier(string: TestProvider.keyID))
            do {
                _ = try await (provider ?? openID).check(token, nonce: Self.nonce, now: Date())
                return nil
            } catch { return error }
        }
        #expect(try await check(Self.claims(provider: provider)) == nil, "the provider's own token is trusted")
        #expect(try await check(Self.claims(aud: ["another-client"], azp: "another-client", provider: provider)) == .badToken(.audience))
        #expect(try await check(Self.claims(aud: ["agenda", "another"], azp: "another", provider: provider)) == .badToken(.audience))
        #expect(try await check(Self.claims(iss: "http://127.0.0.1:1", provider: provider)) == .badToken(.issuer))
        #expect(try await check(Self.claims(exp: -600, provider: provider)) == .badToken(.expired))
        #expect(try await check(Self.claims(iat: 3_600, provider: provider)) == .badToken(.issuedInFuture))
        #expect(try await check(Self.claims(nonce: "another", provider: provider)) == .badToken(.nonce))
        #expect(try await check(Self.claims(exp: -60, provider: provider)) == nil, "within the clock skew")

        // A bad signature: the provider's token with one byte of its signature changed.
        let good = try await keys.sign(Self.claims(provider: provider), kid: JWKIdentifier(string: TestProvider.keyID))
        // (Not the last character: its low bits are padding, and changing them may decode to the same bytes.)
        var characters = Array(good)
        let middle = characters.count - 20
        characters[middle] = characters[middle] == "A" ? "B" : "A"
        let flipped = String(characters)
        await #expect(throws: OpenIDRefusal.badToken(.signature)) { try await openID.check(flipped, nonce: Self.nonce, now: Date()) }

        // Unsigned, and HMAC with the client secret as the key (the algorithm-confusion attack).
        let unsigned = try await JWTKeyCollection().addUnsecuredNone().sign(Self.claims(provider: provider))
        await #expect(throws: OpenIDRefusal.badToken(.algorithm)) { try await openID.check(unsigned, nonce: Self.nonce, now: Date()) }
        let secret = try String(contentsOfFile: provider.secretFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let hmac = try await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: TestProvider.keyID))
            .sign(Self.claims(provider: provider), kid: JWKIdentifier(string: TestProvider.keyID))
        await #expect(throws: OpenIDRefusal.badToken(.algorithm)) { try await openID.check(hmac, nonce: Self.nonce, now: Date()) }

        // A key the provider does not have (ES256, unknown kid): refused; the keys are fetched again for it
        // (key rotation) only once per 30 s.
        let stranger = ES256PrivateKey()
        let foreign = try await JWTKeyCollection().add(ecdsa: stranger, kid: JWKIdentifier(string: "not-the-providers"))
            .sign(Self.claims(provider: provider), kid: JWKIdentifier(string: "not-the-providers"))
        let fetchesBefore = await openID.keyFetches
        await #expect(throws: OpenIDRefusal.badToken(.signature)) { try await openID.check(foreign, nonce: Self.nonce, now: Date()) }
        #expect(await openID.keyFetches == fetchesBefore, "the keys were fetched less than 30 s ago")
        let rotating = OpenIDProvider(settings: settings, keyRefreshInterval: .zero)
        #expect(try await check(Self.claims(provider: provider), with: rotating) == nil)
        await #expect(throws: OpenIDRefusal.badToken(.signature)) { try await rotating.check(foreign, nonce: Self.nonce, now: Date()) }
        #expect(await rotating.keyFetches == 2, "an unknown kid fetches the keys again")
        // Garbage is malformed, not a crash.
        await #expect(throws: OpenIDRefusal.badToken(.malformed)) { try await openID.check("not.a.token", nonce: Self.nonce, now: Date()) }
    }

    @Test func anES256TokenOfAKnownKeyIsTrusted() async throws {
        let provider = try TestProvider.get()
        let key = ES256PrivateKey()
        let signing = await JWTKeyCollection().add(ecdsa: key, kid: JWKIdentifier(string: "ec-1"))
        let token = try await signing.sign(Self.claims(provider: provider), kid: JWKIdentifier(string: "ec-1"))
        #expect(try OpenIDProvider.header(token) == "ec-1")
        let verifying = await JWTKeyCollection().add(ecdsa: key.publicKey, kid: JWKIdentifier(string: "ec-1"))
        let claims = try await OpenIDProvider.verified(token, keys: verifying)
        let account = try IDTokenCheck.account(claims, issuer: provider.issuer, clientID: "agenda", nonce: Self.nonce, now: Date())
        #expect(account.subject == "anna" && account.emailVerified && account.name == "Anna Svensson")
    }
}
