/// The organisation register used while importing: förvaltningar, their enheter, and the
/// aliases that resolve spelling variants to one entry.
public struct OrganisationRegister: Sendable, Equatable {
    public var departments: [Department]

    public init(departments: [Department] = []) {
        self.departments = departments
    }
}
