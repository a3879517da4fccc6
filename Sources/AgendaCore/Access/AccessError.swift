/// A write refused for who is asking. The description is one line and never contains a token.
public enum AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No identity has this token, or its token was revoked or replaced.
    case invalidToken
    /// The identity `who` (a förvaltning's name for a reporter), whose role is `role`, may not make `write`.
    case forbidden(who: String, role: Role, write: AccessPolicy.Write)
    /// The förvaltning `department` may not assess `unit`, which belongs to `unitDepartment` (nil: to none).
    case assessmentOutOfScope(department: String, unit: String, unitDepartment: String?)
    /// A förvaltning asked to report on an action that `responsible` (förvaltningar, with the enhet
    /// in parentheses where one is named) answer for, and it is not among them.
    case outOfScope(department: String, action: String, responsible: [String])

    public var description: String {
        switch self {
        case .invalidToken:
            "token är inte giltig (återkallad eller okänd); be IT-chefen om en ny"
        case let .forbidden(who, role, write):
            role == .reader
                ? "\(who) (läsare) får inte \(write.phrase): en läsare läser och tar fram rapporter men ändrar ingenting"
                : "\(who) får inte \(write.phrase): en förvaltning rapporterar bara status för sina egna aktiviteter"
        case let .assessmentOutOfScope(department, unit, unitDepartment):
            unitDepartment.map { "\(department) får inte registrera en självskattning för \(unit): verksamheten hör till \($0)" }
                ?? "\(department) får inte registrera en självskattning för \(unit): verksamheten hör inte till någon förvaltning; "
                + "IT-chefen registrerar den, eller kopplar den till \(department)"
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
        case .forbidden, .outOfScope, .assessmentOutOfScope: .notPermitted
        }
    }
}
