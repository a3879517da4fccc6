/// Reads an ansvarig text into a lead unit and co-responsible units, resolving names
/// through the organisation register and adding new förvaltningar/enheter to it.
public enum ResponsibilityParser {
    public static func parse(_ text: String, register: inout OrganisationRegister) -> Responsibility {
        // STUB: to be implemented.
        Responsibility(text: text)
    }
}
