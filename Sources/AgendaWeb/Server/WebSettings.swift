import AgendaMail
import Foundation
import NIOCore

/// How `agenda serve` runs.
public struct WebSettings: Sendable {
    /// Largest request body accepted, in bytes (a status report's texts fit many times over).
    static let maxBodySize = 256 * 1024

    public var host: String
    public var port: Int
    /// The database file.
    public var databasePath: String
    /// A template folder, or nil for the built-in set.
    public var templates: URL?
    /// A session ends after this long without a request.
    public var idleTimeout: TimeInterval
    /// Set the session cookie's Secure attribute: the site is served over TLS (behind nginx or Caddy).
    public var secureCookies: Bool
    /// Addresses of reverse proxies (nginx, Caddy) in front of the server: from them, the client a
    /// sign-in attempt counts against is the one `X-Forwarded-For` names (``ClientAddress``).
    public var trustedProxies: [String]
    /// The machine's mail system: when set, the server sends the outbox (``MailLoop``) every ``mailInterval``.
    public var mail: MailSettings?
    /// Signing in with the municipality's accounts (OpenID Connect), when set.
    public var openID: OpenIDSettings?
    /// How long one call to the OpenID provider may take; tests shorten it.
    var providerTimeout: TimeAmount = .seconds(10)
    /// How often the outbox is sent and due reminders written.
    public var mailInterval: Duration = .seconds(60)
    /// The clock sessions idle by; tests move it instead of waiting.
    var clock: @Sendable () -> Date = { Date() }
    /// How long a connection may take to send a request's head, and how long a body still arriving
    /// may hold the shutdown (``ConnectionRules``); tests shorten them.
    var connectionLimits = ConnectionRules.Limits()

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String, templates: URL? = nil,
        idleTimeout: TimeInterval = 30 * 60, secureCookies: Bool = false, trustedProxies: [String] = [], mail: MailSettings? = nil
    ) {
        self.mail = mail
        self.trustedProxies = trustedProxies
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.templates = templates
        self.idleTimeout = idleTimeout
        self.secureCookies = secureCookies
    }
}
