/// A write refused for who is asking. The description is one line and never contains a token.
public enum AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No identity has this token, or its token was revoked or replaced.
    case invalidToken
    /// The identity's role may not make this write; the text says who, what and why.
    case forbidden(String)
    /// A förvaltning asked to report on an action that `responsible` (förvaltningar, with the enhet
    /// in parentheses where one is named) answer for, and it is not among them.
    case outOfScope(department: String, action: String, responsible: [String])

    public var description: String {
        switch self {
        case .invalidToken:
            "the token is not valid (revoked or unknown); ask the IT-chef for a new one with `agenda identity renew NAME`"
        case let .forbidden(reason):
            reason
        case let .outOfScope(department, action, responsible):
            "\(department) may not report on \(action): "
                + (responsible.isEmpty
                    ? "no förvaltning is registered as responsible"
                    : "it is the responsibility of \(responsible.joined(separator: ", "))")
        }
    }
}

extension AccessError: Refusal {
    public var kind: RefusalKind {
        switch self {
        case .invalidToken: .notSignedIn
        case .forbidden, .outOfScope: .notPermitted
        }
    }
}
