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

        /// The phrase after "får inte": "importera en plan".
        var phrase: String {
            switch self {
            case .importPlan: "importera en plan"
            case .changePlan: "ändra planen"
            case .changeRegister: "ändra organisationsregistret"
            case .manageIdentities: "hantera identiteter"
            case .reportStatus: "rapportera status"
            case .openRound: "öppna en rapporteringsomgång"
            case .publish: "publicera en rapport"
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
                "\(identity.department ?? identity.name) får inte \(write.phrase): en förvaltning rapporterar bara status för sina egna aktiviteter")
        case (.reader, _):
            throw AccessError.forbidden("\(identity.name) (läsare) får inte \(write.phrase): en läsare läser och tar fram rapporter men ändrar ingenting")
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
