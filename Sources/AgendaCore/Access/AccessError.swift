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
            "token är inte giltig (återkallad eller okänd); be IT-chefen om en ny med `agenda identity renew NAME`"
        case let .forbidden(reason):
            reason
        case let .outOfScope(department, action, responsible):
            "\(department) får inte rapportera för \(action): "
                + (responsible.isEmpty
                    ? "ingen förvaltning är registrerad som ansvarig"
                    : "ansvaret ligger hos \(responsible.joined(separator: ", "))")
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
