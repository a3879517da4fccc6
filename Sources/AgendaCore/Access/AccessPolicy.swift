/// Who may make which write. The store asks this inside each write's transaction.
public enum AccessPolicy {
    /// A kind of write, as the policy and the audit log name it.
    public enum Write: String, Sendable, CaseIterable {
        case importPlan = "import"
        case changePlan = "change plan"
        case changeRegister = "change register"
        case manageIdentities = "manage identities"
        case reportStatus = "report status"
        case openRound = "open round"
        case publish = "publish"

        /// The phrase after "may not": "import a plan".
        var phrase: String {
            switch self {
            case .importPlan: "import a plan"
            case .changePlan: "change the plan"
            case .changeRegister: "change the organisation register"
            case .manageIdentities: "manage identities"
            case .reportStatus: "report status"
            case .openRound: "open a reporting round"
            case .publish: "publish a report"
            }
        }
    }

    /// Throws ``AccessError/forbidden(_:)`` unless `identity` may make a write of this kind.
    /// A status report also needs ``checkScope(_:action:responsible:)``.
    public static func check(_ identity: Identity, _ write: Write) throws {
        switch (identity.role, write) {
        case (.owner, _), (.reporter, .reportStatus):
            return
        case (.reporter, _):
            throw AccessError.forbidden(
                "\(identity.department ?? identity.name) may not \(write.phrase): a förvaltning only reports status on its own actions")
        case (.reader, _):
            throw AccessError.forbidden("\(identity.name) (reader) may not \(write.phrase): a reader reads and produces reports and writes nothing")
        }
    }

    /// Throws unless `identity` may report on the action `action`, whose responsible units are `responsible`:
    /// the owner always, a reporter when its förvaltning is among them (as a whole or through an enhet).
    public static func checkScope(_ identity: Identity, action: String, responsible: [UnitRef]) throws {
        try check(identity, .reportStatus)
        guard identity.role == .reporter else { return }
        let department = identity.department ?? ""
        guard !responsible.contains(where: { $0.department == department }) else { return }
        let named = responsible.map { ref in ref.unit.map { "\(ref.department) (\($0))" } ?? ref.department }
        throw AccessError.outOfScope(department: department, action: action, responsible: named)
    }
}
