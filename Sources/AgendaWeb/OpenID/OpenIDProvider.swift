import AgendaCore
import AsyncHTTPClient
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1

/// The municipality's OpenID provider as Agenda uses it: its discovery document, its signing keys (JWKS),
/// the authorization request, the code exchange and the ID token's check. HTTP through AsyncHTTPClient,
/// JOSE through jwt-kit; no token or secret is ever logged.
actor OpenIDProvider {
    /// What discovery (`/.well-known/openid-configuration`) says, as far as Agenda uses it.
    struct Metadata: Decodable, Sendable {
        let issuer: String
        let authorization_endpoint: String
        let token_endpoint: String
        let jwks_uri: String
        let end_session_endpoint: String?
    }

    let settings: OpenIDSettings
    /// How long one call to the provider may take.
    let timeout: TimeAmount
    /// At most one JWKS fetch per this long (an unknown `kid` asks for one: key rotation); tests shorten it.
    let keyRefreshInterval: Duration
    /// Largest answer read from the provider.
    static let maxBody = 1 << 20

    private var metadata: Metadata?
    private var keys: JWTKeyCollection?
    private var keyIDs: Set<String> = []
    private var keysFetched: ContinuousClock.Instant?
    /// How often the keys were fetched (the tests count the refreshes).
    private(set) var keyFetches = 0

    init(settings: OpenIDSettings, timeout: TimeAmount = .seconds(10), keyRefreshInterval: Duration = .seconds(30)) {
        self.settings = settings
        self.timeout = timeout
        self.keyRefreshInterval = keyRefreshInterval
    }

    /// The discovery document, fetched once (again after a failure). Its `issuer` must be the configured one.
    func discovery() async throws(OpenIDRefusal) -> Metadata {
        if let metadata { return metadata }
        let address = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let found = try await fetch(Metadata.self, from: address + "/.well-known/openid-configuration")
        guard found.issuer == settings.issuer,
              [found.authorization_endpoint, found.token_endpoint, found.jwks_uri].allSatisfy({ OpenIDSettings.acceptable($0) })
        else { throw .providerUnavailable }
        metadata = found
        return found
    }

    /// Where the browser goes to sign in: the authorization endpoint with this attempt's state, nonce and PKCE challenge.
    func authorizationURL(for attempt: SignInAttempt) async throws(OpenIDRefusal) -> String {
        let metadata = try await discovery()
        guard var url = URLComponents(string: metadata.authorization_endpoint) else { throw .providerUnavailable }
        url.queryItems = (url.queryItems ?? []) + [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: settings.clientID),
            URLQueryItem(name: "redirect_uri", value: settings.redirectURI),
            URLQueryItem(name: "scope", value: "openid email profile"),
            URLQueryItem(name: "response_mode", value: "query"),
            URLQueryItem(name: "state", value: attempt.state),
            URLQueryItem(name: "nonce", value: attempt.nonce),
            URLQueryItem(name: "code_challenge", value: attempt.challenge),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        // "+" would be read as a space by form decoders.
        url.percentEncodedQuery = url.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let address = url.string else { throw .providerUnavailable }
        return address
    }

    /// Exchanges `code` for the ID token and checks it: the account it names. The token itself is not kept.
    func account(code: String, attempt: SignInAttempt, now: Date) async throws(OpenIDRefusal) -> Account {
        let metadata = try await discovery()
        let idToken = try await exchange(code: code, verifier: attempt.verifier, at: metadata.token_endpoint)
        return try await check(idToken, nonce: attempt.nonce, now: now)
    }

    /// The provider's sign-out address for the end of a session, when it has one; nil otherwise. It names
    /// the client, not the person: no ID token goes into a URL (the provider may ask the person to confirm).
    func endSessionURL() -> String? {
        guard let endpoint = metadata?.end_session_endpoint, OpenIDSettings.acceptable(endpoint),
              var url = URLComponents(string: endpoint)
        else { return nil }
        url.queryItems = (url.queryItems ?? []) + [
            URLQueryItem(name: "client_id", value: settings.clientID),
            URLQueryItem(name: "post_logout_redirect_uri", value: settings.postLogoutURI),
        ]
        return url.string
    }

    // MARK: - The ID token

    /// The account an ID token names, after its algorithm (``header(_:)``), signature (``verified(_:keys:)``,
    /// against the provider's keys) and claims (``IDTokenCheck``).
    func check(_ idToken: String, nonce: String, now: Date) async throws(OpenIDRefusal) -> Account {
        let kid = try Self.header(idToken)
        let claims = try await Self.verified(idToken, keys: try await keys(refreshingFor: kid))
        return try IDTokenCheck.account(claims, issuer: settings.issuer, clientID: settings.clientID, nonce: nonce, now: now)
    }

    /// The token's key id, once its header names an accepted algorithm (``IDTokenCheck/algorithms``).
    static func header(_ idToken: String) throws(OpenIDRefusal) -> String? {
        let header: JWTHeader
        do {
            header = try DefaultJWTParser().parse([UInt8](idToken.utf8), as: IDTokenClaims.self).header
        } catch {
            throw .badToken(.malformed)
        }
        guard let algorithm = header.alg, IDTokenCheck.algorithms.contains(algorithm) else { throw .badToken(.algorithm) }
        return header.kid
    }

    /// The token's claims, once its signature verifies with one of `keys` (jwt-kit).
    static func verified(_ idToken: String, keys: JWTKeyCollection) async throws(OpenIDRefusal) -> IDTokenClaims {
        do {
            return try await keys.verify(idToken, as: IDTokenClaims.self)
        } catch {
            throw .badToken(.signature)
        }
    }

    /// The provider's keys; fetched again when `kid` is one they lack, at most once per ``keyRefreshInterval``.
    private func keys(refreshingFor kid: String?) async throws(OpenIDRefusal) -> JWTKeyCollection {
        if let keys, kid.map(keyIDs.contains) ?? true { return keys }
        if let keys, let fetched = keysFetched, ContinuousClock.now - fetched < keyRefreshInterval { return keys }
        let metadata = try await discovery()
        keysFetched = .now
        keyFetches += 1
        let set = try await fetch(JWKS.self, from: metadata.jwks_uri)
        let collection = JWTKeyCollection()
        var ids: Set<String> = []
        // Public signing keys only (RSA and EC): a symmetric ("oct") key would let the token's own alg decide.
        for var key in set.keys where key.keyType == .rsa || key.keyType == .ecdsa {
            if key.keyIdentifier == nil, set.keys.count == 1 { key.keyIdentifier = JWKIdentifier(string: "") }
            guard let id = key.keyIdentifier else { continue }
            do {
                try await collection.add(jwk: key)
                ids.insert(id.string)
            } catch {
                continue
            }
        }
        guard !ids.isEmpty else { throw .providerUnavailable }
        keys = collection
        keyIDs = ids
        return collection
    }

    // MARK: - HTTP

    /// The token endpoint's answer to the code, with client_secret_basic and the PKCE verifier: its `id_token`.
    private func exchange(code: String, verifier: String, at endpoint: String) async throws(OpenIDRefusal) -> String {
        struct TokenResponse: Decodable { let id_token: String? }
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        let credentials = "\(Self.formEncoded(settings.clientID)):\(Self.formEncoded(settings.clientSecret))"
        request.headers.add(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString())
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        let body = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURI),
            ("code_verifier", verifier), ("client_id", settings.clientID),
        ].map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&")
        request.body = .bytes(ByteBuffer(string: body))
        let (status, bytes) = try await send(request)
        // 400/401: the code was used, expired or is another client's (RFC 6749 5.2).
        guard status == .ok else { throw status.code >= 500 ? .providerUnavailable : .codeRefused }
        guard let token = (try? JSONDecoder().decode(TokenResponse.self, from: bytes))?.id_token else { throw .providerUnavailable }
        return token
    }

    private func fetch<T: Decodable>(_ type: T.Type, from address: String) async throws(OpenIDRefusal) -> T {
        var request = HTTPClientRequest(url: address)
        request.headers.add(name: "Accept", value: "application/json")
        let (status, bytes) = try await send(request)
        guard status == .ok, let value = try? JSONDecoder().decode(T.self, from: bytes) else { throw .providerUnavailable }
        return value
    }

    /// One request within ``timeout``; any failure to reach or read the provider is ``OpenIDRefusal/providerUnavailable``.
    private func send(_ request: HTTPClientRequest) async throws(OpenIDRefusal) -> (HTTPResponseStatus, Data) {
        do {
            let deadline = NIODeadline.now() + timeout
            let response = try await HTTPClient.shared.execute(request, deadline: deadline)
            let body = try await response.body.collect(upTo: Self.maxBody)
            return (response.status, Data(buffer: body))
        } catch {
            throw .providerUnavailable
        }
    }

    /// application/x-www-form-urlencoded for one value (also the client credentials, RFC 6749 2.3.1).
    static func formEncoded(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
