/// A write refused for who is asking. The description is one line and never contains a token.
public enum AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No identity has this token, or its token was revoked or replaced.
    case invalidToken
    /// The identity may not make this write; the text says who, what and why.
    case forbidden(String)

    public var description: String {
        switch self {
        case .invalidToken:
            "the token is not valid (revoked or unknown); ask the IT-chef for a new one with `agenda identity renew NAME`"
        case let .forbidden(reason):
            reason
        }
    }
}
