import AgendaTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
@testable import AgendaWeb
#if canImport(Glibc)
import Glibc
#endif

/// The OpenID provider the sign-in tests use: LemonLDAP::NG from Debian on loopback (scripts/oidc-provider,
/// scripts/oidc-provider.md) — CI's instance (AGENDA_TEST_OIDC_ISSUER, AGENDA_TEST_OIDC_DIR) or one
/// started for this test process and stopped when it ends. Its client `agenda` sends browsers back to
/// ``base``/logga-in/oidc: Agenda as the tests run it, never dialled (the test client calls the router).
struct TestProvider: Sendable {
    static let base = "http://127.0.0.1:8080"
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/oidc-provider").path

    let issuer: String
    let directory: URL
    var secretFile: String { directory.appendingPathComponent("client-secret").path }
    /// The provider's own signing key: the tests sign hostile ID tokens that pass its signature check.
    var keyFile: String { directory.appendingPathComponent("rs256-key.pem").path }
    static let keyID = "agenda-test-rs256"

    static let shared: Result<TestProvider, any Error> = Result { try start() }
    private static let started = Mutex<String?>(nil)

    static func get() throws -> TestProvider { try shared.get() }

    private static func start() throws -> TestProvider {
        let environment = ProcessInfo.processInfo.environment
        if let issuer = environment["AGENDA_TEST_OIDC_ISSUER"], let directory = environment["AGENDA_TEST_OIDC_DIR"] {
            return TestProvider(issuer: issuer, directory: URL(fileURLWithPath: directory))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-oidc-\(UUID().uuidString)")
        let result = try Spawn.run(script, ["start", directory.path, String(try freePort()), base + "/logga-in/oidc", base + "/logga-in"])
        guard result.status == 0 else {
            throw Spawn.Failure(
                "scripts/oidc-provider start failed (\(result.status)): \(result.error.suffix(600)) — LemonLDAP::NG missing? "
                    + "Run `scripts/oidc-provider install` (as root) before the sign-in tests; CI does.")
        }
        started.withLock { $0 = directory.path }
        atexit { TestProvider.stop() }
        return TestProvider(issuer: result.output.trimmingCharacters(in: .whitespacesAndNewlines), directory: directory)
    }

    private static func stop() {
        guard let directory = started.withLock({ $0 }) else { return }
        _ = try? Spawn.run(script, ["stop", directory])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Signs `user` in through the provider's own login form (scripts/oidc_login.py, as a browser would),
    /// starting at `authorization`; the path and query the provider sends the browser back to Agenda with.
    func login(_ user: String, at authorization: String) throws -> String {
        let result = try Spawn.run(Self.script, ["login", "--user", user, authorization])
        let back = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, back.hasPrefix(Self.base) else {
            throw Spawn.Failure("the provider did not send \(user) back (\(result.status)): \(result.error.suffix(400))")
        }
        return String(back.dropFirst(Self.base.count))
    }

    /// A web app over a fresh demo database that signs in at this provider (or at `issuer`).
    func app(
        issuer: String? = nil, timeout: TimeAmount = .seconds(10), accountsOnly: Bool = false
    ) throws -> (WebApp, Application<RouterResponder<WebContext>>) {
        var settings = WebSettings(databasePath: try DemoDatabase.copy())
        settings.openID = try OpenIDSettings(
            issuer: issuer ?? self.issuer, clientID: "agenda", secretFile: secretFile, baseURL: Self.base, accountsOnly: accountsOnly)
        settings.providerTimeout = timeout
        let app = try WebApp(settings: settings)
        return (app, Application(router: app.router()))
    }
}

extension Browser {
    /// "Logga in med kommunens konto" as `user`: to the provider, through its form, and back to Agenda.
    /// The answer to the return (the landing page, or a refusal).
    func signIn(account user: String, at provider: TestProvider, till: String? = nil) async throws -> TestResponse {
        let start = try await get("/logga-in/konto" + (till.map { "?till=" + Browser.encode($0) } ?? ""))
        let authorization = try #require(start.headers[.location], "the start leads to the provider")
        let back = try await offThePool { try provider.login(user, at: authorization) }
        return try await get(back)
    }

    /// Where the provider sent the browser back to, without following it: for the tests that tamper with it.
    func providerReturn(for user: String, at provider: TestProvider) async throws -> String {
        let start = try await get("/logga-in/konto")
        let authorization = try #require(start.headers[.location])
        return try await offThePool { try provider.login(user, at: authorization) }
    }
}
