@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AgendaWeb

@Suite struct SignInTests {
    @Test func theStartPageShowsTheSignInFormToAVisitor() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = Browser(client)
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/xhtml+xml; charset=utf-8")
            #expect(browser.lastPage.contains("<label for=\"token\">Token</label>"))
            #expect(browser.lastPage.contains("lang=\"sv\""))
        }
    }

    @Test func aReporterSignsInWithItsTokenAndLandsOnItsActions() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = Browser(client)
            let signIn = try await browser.signIn(token: try DemoDatabase.token("Skolförvaltningen"))
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers[.location] == "/aktiviteter")
            let cookie = try #require(signIn.headers[values: .setCookie].first { $0.hasPrefix("agenda_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let page = try await browser.get("/aktiviteter")
            #expect(page.status == .ok)
            #expect(browser.lastPage.contains("Våra aktiviteter") && browser.lastPage.contains("Skolförvaltningen"))
            #expect(browser.lastPage.contains("href=\"/aktiviteter/6.2\""))
            #expect(!browser.lastPage.contains("href=\"/aktiviteter/1.2\""), "another förvaltning's action")
        }
    }

    @Test func aWrongTokenIsRefusedAndRepeatedFailuresMustWait() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = Browser(client)
            let first = try await browser.signIn(token: "agenda_fel")
            #expect(first.status == .unauthorized)
            #expect(!browser.lastPage.contains("agenda_fel"), "the page never repeats what was typed as a token")
            #expect(SignInRoutes.waitMessage(seconds: 1) == "För många försök. Vänta 1 sekund och försök igen.", "the number agrees")
            #expect(SignInRoutes.waitMessage(seconds: 16) == "För många försök. Vänta 16 sekunder och försök igen.")
            // Four more failures from the same client: it now waits 16 s before a token is even checked.
            for _ in 0..<4 { app.throttle.failed("okänd") }
            let next = try await browser.signIn(token: try DemoDatabase.token("Skolförvaltningen"))
            #expect(next.status == .tooManyRequests, "failed sign-ins slow the client down")
            #expect(browser.cookies["agenda_session"] == nil)
        }
    }

    /// Behind a trusted proxy the client is the address the proxy forwarded for; from anyone else the
    /// header is ignored, so a client cannot pick its own address to escape the wait.
    @Test func theClientIsTheForwardedAddressOnlyBehindATrustedProxy() {
        let proxy = ["127.0.0.1", "10.0.0.2"]
        #expect(ClientAddress.of(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"], trusted: proxy) == "203.0.113.7")
        #expect(ClientAddress.of(peer: "127.0.0.1", forwardedFor: ["1.1.1.1, 203.0.113.7"], trusted: proxy) == "203.0.113.7",
                "the right-most hop: what the client wrote itself comes first")
        #expect(ClientAddress.of(peer: "127.0.0.1", forwardedFor: ["203.0.113.7, 10.0.0.2"], trusted: proxy) == "203.0.113.7")
        #expect(ClientAddress.of(peer: "127.0.0.1", forwardedFor: [], trusted: proxy) == "127.0.0.1")
        #expect(ClientAddress.of(peer: "198.51.100.9", forwardedFor: ["203.0.113.7"], trusted: proxy) == "198.51.100.9")
        #expect(ClientAddress.of(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"], trusted: []) == "127.0.0.1")
    }

    /// Over a real socket from a trusted proxy: one client's failures slow that client down, not the others.
    @Test func behindATrustedProxyOneClientsFailuresSlowOnlyThatClient() async throws {
        let settings = WebSettings(databasePath: try DemoDatabase.copy(), trustedProxies: ["127.0.0.1"])
        let app = try WebApp(settings: settings)
        try await Application(router: app.router()).test(.live) { client in
            for _ in 0..<4 { app.throttle.failed("203.0.113.7") }
            func attempt(from address: String) async throws -> HTTPResponse.Status {
                let browser = Browser(client)
                browser.extraHeaders[.xForwardedFor] = address
                return try await browser.signIn(token: "agenda_fel").status
            }
            let slowed = try await attempt(from: "203.0.113.7"), other = try await attempt(from: "198.51.100.9")
            #expect(slowed == .tooManyRequests)
            #expect(other == .unauthorized)
        }
    }

    @Test func everyPageAnswersHEADLikeGET() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let style = try await client.execute(uri: "/stil.css", method: .head) { $0 }
            #expect(style.status == .ok)
            #expect(style.body.readableBytes == 0)
            #expect(style.headers[.contentType] == "text/css; charset=utf-8")
            #expect(try await client.execute(uri: "/logga-in", method: .head) { $0.status } == .ok)
            #expect(try await client.execute(uri: "/aktiviteter", method: .head) { $0.status } == .seeOther)
        }
    }

    /// A path that exists, asked with a method it does not answer: 405 with what it answers (RFC 9110),
    /// not 404; a path that does not exist stays 404.
    @Test func aWrongMethodIs405WithAllow() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            // (A POST meets the CSRF check before the router: it is refused as a forged form first.)
            let css = try await client.execute(uri: "/stil.css", method: .put) { $0 }
            #expect(css.status == .methodNotAllowed)
            #expect(css.headers[.allow] == "GET, HEAD")
            let round = try await client.execute(uri: "/omgang", method: .delete) { $0 }
            #expect(round.status == .methodNotAllowed)
            #expect(round.headers[.allow] == "GET, HEAD, POST")
            let action = try await client.execute(uri: "/aktiviteter/6.2/effekt", method: .get) { $0 }
            #expect(action.status == .methodNotAllowed, "the effect form only posts")
            #expect(action.headers[.allow] == "POST")
            #expect(try await client.execute(uri: "/finns-inte", method: .put) { $0.status } == .notFound)
            #expect(try await client.execute(uri: "/oppet/a/b/c.html", method: .put) { $0.status } == .methodNotAllowed)
        }
    }

    @Test func theWaitDoublesWithEachFailureAndASuccessClearsIt() {
        let throttle = SignInThrottle()
        let start = Date(timeIntervalSince1970: 1_000_000)
        #expect(throttle.wait(for: "a", now: start) == nil)
        throttle.failed("a", now: start)
        #expect(throttle.wait(for: "a", now: start) == 1)
        throttle.failed("a", now: start)
        #expect(throttle.wait(for: "a", now: start) == 2)
        for _ in 0..<10 { throttle.failed("a", now: start) }
        #expect(throttle.wait(for: "a", now: start) == 60, "at most a minute")
        #expect(throttle.wait(for: "b", now: start) == nil, "per client")
        #expect(throttle.wait(for: "a", now: start.addingTimeInterval(61)) == nil)
        throttle.succeeded("a")
        #expect(throttle.wait(for: "a", now: start) == nil)
    }

    @Test func aFormWithoutItsCSRFTokenIsRefused() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/logga-in")
            let forged = try await browser.post("/logga-in", [("token", try DemoDatabase.token("IT-chef"))], csrf: "0000")
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["agenda_session"] == nil)
        }
    }

    @Test func aOneTimeLinkSignsInOnceAndTheURLAfterwardsHoldsNoSecret() async throws {
        let (app, application) = try demoApp()
        let owner = try app.service.authenticate(token: try DemoDatabase.token("IT-chef"))
        let secret = try app.service.createSignInLink(for: "Skolförvaltningen", validFor: 3600, by: owner)
        try await application.test(.router) { client in
            // Opening the link (as a mail scanner or a link preview would) shows whom it signs in and uses nothing.
            let scanner = Browser(client)
            let preview = try await scanner.get("/logga-in/\(secret)")
            #expect(preview.status == .ok && String(buffer: preview.body).contains("Logga in som Skolförvaltningen"))
            #expect(scanner.cookies["agenda_session"] == nil)
            let browser = Browser(client)
            #expect(try await browser.get("/logga-in/\(secret)").status == .ok, "the link still works after the preview")
            let forged = try await Browser(client).post("/logga-in/\(secret)", [], csrf: "0000")
            #expect(forged.status == .forbidden, "the confirmation needs the page's CSRF token")
            let first = try await browser.post("/logga-in/\(secret)", [])
            #expect(first.status == .seeOther && first.headers[.location] == "/aktiviteter")
            #expect(browser.cookies["agenda_session"] != nil)
            #expect(try await browser.get("/aktiviteter").status == .ok)
            let other = Browser(client)
            let second = try await other.get("/logga-in/\(secret)")
            #expect(second.status == .unauthorized, "a link works once")
            // Refused (401, or 429 once the failures above slow this client down), and no session.
            let late = try await scanner.post("/logga-in/\(secret)", [])
            #expect([.unauthorized, .tooManyRequests].contains(late.status))
            #expect(scanner.cookies["agenda_session"] == nil)
        }
        let audit = try app.service.auditLog(identity: "Skolförvaltningen", target: nil, limit: 10)
        #expect(audit.entries.filter { $0.operation == "sign in with link" }.count == 1, "one sign-in, not one per request")
    }

    @Test func revokingAnIdentityEndsItsSessionAtTheNextRequest() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.signIn(token: try DemoDatabase.token("Skolförvaltningen"))
            #expect(try await browser.get("/aktiviteter").status == .ok)
            let owner = try app.service.authenticate(token: try DemoDatabase.token("IT-chef"))
            try app.service.revokeIdentity(name: "Skolförvaltningen", by: owner)
            let after = try await browser.get("/aktiviteter")
            #expect(after.status == .seeOther && after.headers[.location] == "/logga-in?till=%2Faktiviteter")
        }
    }

    @Test func everyResponseCarriesTheSecurityHeadersAndUnknownPathsAre404WithoutEcho() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = Browser(client)
            let missing = try await browser.get("/finns-inte-<script>")
            #expect(missing.status == .notFound)
            #expect(!browser.lastPage.contains("finns-inte"))
            for response in [missing, try await browser.get("/")] {
                let policy = try #require(response.headers[.contentSecurityPolicyHeader])
                #expect(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.referrerPolicy] != nil)
            }
        }
    }
}

@Suite struct SessionStoreTests {
    @Test func aSessionEndsAfterItsIdleTimeAndIsKeptOnlyHashed() throws {
        let store = SessionStore(idleTimeout: 30 * 60)
        let start = Date(timeIntervalSince1970: 2_000_000)
        let identity = Identity(name: "Skolförvaltningen", role: .reporter, department: "Skolförvaltningen", createdAt: Timestamp(secondsSinceEpoch: 0))
        let id = store.start(identity, now: start)
        #expect(id.count == 64, "256 random bits")
        #expect(store.session(id, now: start.addingTimeInterval(29 * 60)) != nil)
        #expect(store.session(id, now: start.addingTimeInterval(29 * 60 + 29 * 60)) != nil, "every request restarts the idle clock")
        #expect(store.session(id, now: start.addingTimeInterval(29 * 60 + 29 * 60 + 31 * 60)) == nil, "idle too long")
        let other = store.start(identity, now: start)
        #expect(AccessToken.hash(other) != other && AccessToken.hash(other).count == 64)
        store.end(other)
        #expect(store.session(other, now: start) == nil, "signed out")
    }
}
