import Foundation

/// Signing in with the municipality's accounts: Agenda as a confidential OpenID Connect client
/// (authorization code flow with PKCE) of the provider at `issuer`.
public struct OpenIDSettings: Sendable {
    /// Why the settings cannot be used, for `agenda serve` to word.
    public enum Problem: Error, Equatable, Sendable {
        /// The issuer is not an https:// URL (http:// only on loopback), or has a query or fragment.
        case issuer(String)
        /// The base URL is not an http(s):// URL with a host and no path beyond "/".
        case baseURL(String)
        case secretFileUnreadable(path: String)
        case secretFileEmpty(path: String)
    }

    /// The provider's issuer identifier, exactly as its ID tokens' `iss` and its discovery document say it.
    public let issuer: String
    public let clientID: String
    /// The client secret, read from a file (never from the command line); only in memory.
    let clientSecret: String
    /// Where Agenda is reached, without a trailing slash: "https://agenda.molndal.example".
    public let baseURL: String
    /// Turns the förvaltning-wide tokens and sign-in links off in the web (`--sign-in oidc`).
    public var accountsOnly: Bool

    /// The redirect URI the IT-chef registers at the provider.
    public var redirectURI: String { baseURL + "/logga-in/oidc" }
    /// Where the provider sends the browser after signing out there.
    public var postLogoutURI: String { baseURL + "/logga-in" }

    public init(issuer: String, clientID: String, secretFile: String, baseURL: String, accountsOnly: Bool = false) throws {
        // The addresses first: a wrong issuer is the likelier mistake, and says so before the file is read.
        let base = try Self.checkedBase(issuer: issuer, baseURL: baseURL)
        guard let secret = try? String(contentsOfFile: secretFile, encoding: .utf8) else {
            throw Problem.secretFileUnreadable(path: secretFile)
        }
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Problem.secretFileEmpty(path: secretFile) }
        self.issuer = issuer
        self.clientID = clientID
        clientSecret = trimmed
        self.baseURL = base
        self.accountsOnly = accountsOnly
    }

    /// Refuses an issuer that is not ``acceptable(_:)`` and a base URL that is not http(s) with a host and no
    /// path, query or fragment; the base URL without its trailing slash.
    private static func checkedBase(issuer: String, baseURL: String) throws -> String {
        guard acceptable(issuer) else { throw Problem.issuer(issuer) }
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard let url = URLComponents(string: base), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false,
              url.path.isEmpty, url.query == nil, url.fragment == nil
        else { throw Problem.baseURL(baseURL) }
        return base
    }

    /// https with a host, or http on loopback (a provider on the same machine, as in the tests); no query or fragment.
    static func acceptable(_ address: String) -> Bool {
        guard let url = URLComponents(string: address), let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil
        else { return false }
        switch url.scheme {
        case "https": return true
        case "http": return Self.isLoopback(host)
        default: return false
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The scheme, host and port of `address`: what a Content-Security-Policy names.
    static func origin(_ address: String) -> String? {
        guard let url = URLComponents(string: address), let scheme = url.scheme, let host = url.host else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
