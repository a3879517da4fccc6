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
        case recordAssessment = "record assessment"

        /// The phrase after "får inte": "importera en plan".
        public var phrase: String {
            switch self {
            case .importPlan: "importera en plan"
            case .changePlan: "ändra planen"
            case .changeRegister: "ändra organisationsregistret"
            case .manageIdentities: "hantera identiteter"
            case .reportStatus: "rapportera status"
            case .openRound: "öppna en rapporteringsomgång"
            case .publish: "publicera en rapport"
            case .recordAssessment: "registrera en självskattning"
            }
        }
    }

    /// Throws ``AccessError/forbidden(_:)`` unless `identity` may make a write of this kind.
    /// A status report also needs ``checkScope(_:action:responsible:)``.
    public static func check(_ identity: Identity, _ write: Write) throws {
        switch (identity.role, write) {
        case (.owner, _), (.reporter, .reportStatus), (.reporter, .recordAssessment):
            return
        case (.reporter, _):
            throw AccessError.forbidden(who: identity.department ?? identity.name, role: .reporter, write: write)
        case (.reader, _):
            throw AccessError.forbidden(who: identity.name, role: .reader, write: write)
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

    /// Throws unless `identity` may record a self-assessment for the unit `unit`, which belongs to the
    /// förvaltning `department` (nil: to none): the owner always, a reporter for its own förvaltning's units.
    public static func checkAssessmentScope(_ identity: Identity, unit: String, department: String?) throws {
        try check(identity, .recordAssessment)
        guard identity.role == .reporter else { return }
        let own = identity.department ?? ""
        guard department != own else { return }
        throw AccessError.assessmentOutOfScope(department: own, unit: unit, unitDepartment: department)
    }
}
