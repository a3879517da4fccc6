import Synchronization
@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import AgendaWeb

/// The demo database (Mölndal's plan with its reporting history), built once; every test gets a copy.
enum DemoDatabase {
    struct Built: Sendable {
        var path: String
        /// Identity name → token.
        var tokens: [String: String]
    }

    static let built: Result<Built, any Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("demo.sqlite").path
        let plan = try PlanImporter.parse(
            DemoPlan.data(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        let result = try AgendaService.createDemo(at: path, agenda: plan.agenda)
        return Built(path: path, tokens: Dictionary(uniqueKeysWithValues: result.tokens.map { ($0.identity.name, $0.token) }))
    }

    /// A fresh copy of the demo database.
    static func copy() throws -> String {
        let built = try built.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let copy = dir.appendingPathComponent("agenda.sqlite").path
        try FileManager.default.copyItem(atPath: built.path, toPath: copy)
        return copy
    }

    static func token(_ name: String) throws -> String {
        try #require(try built.get().tokens[name])
    }
}

/// A browser for the tests: keeps its cookies, reads the CSRF token from the last page, follows nothing.
final class Browser: @unchecked Sendable {
    // Used from one test task at a time; the lock-free mutation is confined to that task.
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var lastPage = ""
    /// Headers sent with every request (a proxy's X-Forwarded-For).
    var extraHeaders: HTTPFields = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, method: .get, body: nil)
    }

    /// Posts `fields` with the CSRF token of the last page fetched (unless `csrf` says otherwise), and, as a
    /// browser does, the hidden fields of the last page's form that posts to `uri` that `fields` does not set.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        var fields = fields
        for (name, value) in Self.hiddenFields(in: lastPage, action: uri) where name != "_csrf" && !fields.contains(where: { $0.0 == name }) {
            fields.append((name, value))
        }
        if let token = csrf ?? Self.csrf(in: lastPage) { fields.append(("_csrf", token)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    private func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws -> TestResponse {
        var headers = extraHeaders
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        lastPage = String(buffer: response.body)
        return response
    }

    /// Signs in with a token through the sign-in form.
    func signIn(token: String) async throws -> TestResponse {
        try await get("/logga-in")
        return try await post("/logga-in", [("token", token)])
    }

    /// A browser signed in as the demo identity `name`.
    static func signedIn(_ client: any TestClientProtocol, as name: String) async throws -> Browser {
        let browser = Browser(client)
        _ = try await browser.signIn(token: try DemoDatabase.token(name))
        return browser
    }

    /// Signs in as `name` and opens `page` (for its CSRF token), then posts `fields` to `uri`, the page itself
    /// unless given.
    static func signInAndPost(
        _ client: any TestClientProtocol, as name: String, from page: String, to uri: String? = nil,
        _ fields: [(String, String)]
    ) async throws -> (Browser, TestResponse) {
        let browser = try await signedIn(client, as: name)
        try await browser.get(page)
        return (browser, try await browser.post(uri ?? page, fields))
    }

    /// The hidden inputs (name, value) of the first form in `page` whose action is `action`.
    static func hiddenFields(in page: String, action: String) -> [(String, String)] {
        guard let start = page.range(of: "action=\"\(action)\""), let end = page[start.upperBound...].range(of: "</form>") else { return [] }
        return page[start.upperBound..<end.lowerBound].matches(of: /<input type="hidden" name="([^"]*)" value="([^"]*)"\/>/).map {
            (String($0.output.1), String($0.output.2))
        }
    }

    static func csrf(in page: String) -> String? {
        guard let match = page.firstMatch(of: /name="_csrf" value="([0-9a-f]+)"/) else { return nil }
        return String(match.output.1)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// A web app over a fresh copy of the demo database.
func demoApp() throws -> (WebApp, Application<RouterResponder<WebContext>>) {
    let app = try WebApp(settings: WebSettings(databasePath: try DemoDatabase.copy()))
    return (app, Application(router: app.router()))
}

/// A clock a test moves by hand (sessions idle by it).
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// A page read as XML (every page is XHTML, the public site's polyglot), to ask about its structure.
/// The XPath names elements by local name (`el("table")` is `*[local-name()='table']`), since the pages'
/// elements are in the XHTML namespace.
struct Markup {
    let document: XMLDocument

    init(_ page: String) throws {
        document = try XMLDocument(data: Data(page.utf8), options: [])
    }

    /// The elements `xpath` selects.
    func elements(_ xpath: String, in node: XMLNode? = nil) throws -> [XMLElement] {
        try (node ?? document).nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    /// `*[local-name()='name']`, for an XPath step.
    static func el(_ name: String) -> String { "*[local-name()='\(name)']" }
}

extension XMLElement {
    /// The value of the attribute `name`, nil when it has none. (FoundationXML's `attribute(forName:)`
    /// finds nothing on an element in a namespace, such as XHTML's.)
    func value(of name: String) -> String? { attributes?.first { $0.name == name }?.stringValue }

    /// The element's text, its white space collapsed.
    var text: String {
        (stringValue ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
