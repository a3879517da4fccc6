import AgendaCore
import Foundation
import JWTKit

/// The claims Agenda reads from an ID token. Decoded by jwt-kit; checked by ``IDTokenCheck``.
struct IDTokenClaims: JWTPayload, Equatable {
    var iss: String?
    var sub: String?
    var aud: AudienceClaim?
    var azp: String?
    var exp: Double?
    var iat: Double?
    var nonce: String?
    var email: String?
    var email_verified: BoolClaim?
    var name: String?
    var given_name: String?
    var family_name: String?
    var preferred_username: String?

    /// The signature is checked by jwt-kit before this runs; the claims by ``IDTokenCheck`` after, with
    /// the attempt's nonce and the clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The person's name: `name`, else given and family name, else the user name.
    var personName: String? {
        if let name, !name.trimmingCharacters(in: .whitespaces).isEmpty { return name }
        let parts = [given_name, family_name].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? preferred_username : parts.joined(separator: " ")
    }
}

/// The rules for an ID token's claims (OpenID Connect Core 1.0, 3.1.3.7), one function: the issuer is the
/// provider's, the audience this client (and `azp` this client when there are several or it is given),
/// not expired, not issued in the future, and the nonce the one this browser's attempt sent.
enum IDTokenCheck {
    /// Signing algorithms accepted: asymmetric only. `none` and HMAC (whose key would be the client secret) never.
    static let algorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]
    /// How far the provider's clock may be from ours.
    static let skew: TimeInterval = 120

    static func account(
        _ claims: IDTokenClaims, issuer: String, clientID: String, nonce: String, now: Date
    ) throws(OpenIDRefusal) -> Account {
        guard claims.iss == issuer else { throw .badToken(.issuer) }
        let audiences = claims.aud?.value ?? []
        guard audiences.contains(clientID) else { throw .badToken(.audience) }
        if audiences.count > 1 || claims.azp != nil {
            guard claims.azp == clientID else { throw .badToken(.audience) }
        }
        let time = now.timeIntervalSince1970
        guard let exp = claims.exp, exp + skew > time else { throw .badToken(.expired) }
        guard let iat = claims.iat, iat - skew <= time else { throw .badToken(.issuedInFuture) }
        guard let sent = claims.nonce, SessionMiddleware.equal(sent, nonce) else { throw .badToken(.nonce) }
        guard let subject = claims.sub, !subject.isEmpty else { throw .badToken(.subject) }
        return Account(
            issuer: issuer, subject: subject, name: claims.personName, email: claims.email,
            emailVerified: claims.email_verified?.value ?? false)
    }
}
