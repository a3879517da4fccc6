/// A change to the plan between two dates: an action added, revised, closed, withdrawn or reopened
/// by a decision (``Revision``).
public struct PlanChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case added, revised, closed, withdrawn, reopened
    }

    /// The action as it stood before the change; nil for an action the change added.
    public var before: Action?
    public var after: Action
    public var revision: Revision

    public init(before: Action?, after: Action, revision: Revision) {
        self.before = before
        self.after = after
        self.revision = revision
    }

    public var kind: Kind {
        guard let before else { return .added }
        if before.state != after.state {
            switch after.state {
            case .withdrawn: return .withdrawn
            case .closed: return .closed
            case .active: return .reopened
            }
        }
        return .revised
    }
}
