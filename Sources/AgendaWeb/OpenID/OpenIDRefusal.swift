/// Why a sign-in with the municipality's account did not end in a session, as data: the web words it
/// (``AccountPages``), the log names only its kind — never a code, token or state.
enum OpenIDRefusal: Error, Equatable, Sendable {
    /// The return carries no attempt this browser started (no or an expired attempt cookie): a link to
    /// the return made elsewhere (login CSRF), a second use of the same return, or over ten minutes at the provider.
    case noAttempt
    /// The return's `state` is not the attempt's.
    case stateMismatch
    /// The provider sent the person back with an error (`access_denied` when she cancelled).
    case providerError(code: String)
    /// The return carries no code.
    case noCode
    /// The provider could not be reached, answered too slowly or not as OpenID Connect says.
    case providerUnavailable
    /// The provider refused the code (already used, expired, for another client).
    case codeRefused
    /// The ID token is not one to trust.
    case badToken(IDTokenProblem)
}

/// What is wrong with an ID token (``IDTokenCheck``).
enum IDTokenProblem: String, Equatable, Sendable {
    /// Not a signed JWT that can be read.
    case malformed
    /// Unsigned (`none`), HMAC or another algorithm than RS*/PS*/ES*.
    case algorithm
    /// The signature does not verify against the provider's keys.
    case signature
    case issuer
    case audience
    case expired
    /// Issued in the future (beyond the clock skew).
    case issuedInFuture
    case nonce
    /// No subject.
    case subject
}
