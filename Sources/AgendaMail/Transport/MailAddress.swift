/// An e-mail address (`local@domain`) with an optional display name, as written in a header
/// (`Anna Svensson <anna.svensson@molndal.example>`).
///
/// The address is checked once, when it is made: exactly one `@`, a non-empty local part and domain,
/// no white space, control characters or the characters that delimit addresses in a header
/// (`<>()[],;:\"`), no empty dot-separated label, a domain with a dot (or `localhost`), at most
/// 254 octets. UTF-8 local parts and domains are accepted (RFC 6531); the mail system must relay them.
public struct MailAddress: Sendable, Equatable, Hashable {
    /// The name shown to the reader; line breaks are made spaces when the header is written.
    public let displayName: String?
    /// `local@domain`, without angle brackets.
    public let address: String

    /// Nil when `address` is not a usable address (see the type's documentation).
    public init?(parsing address: String, displayName: String? = nil) {
        guard MailAddress.isValid(address) else { return nil }
        self.address = address
        self.displayName = displayName
    }

    /// Whether the address (not the display name) is plain ASCII.
    public var isASCII: Bool { address.utf8.allSatisfy { $0 < 0x80 } }

    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.utf8.count <= 254, parts.count == 2 else { return false }
        let (local, domain) = (parts[0], parts[1])
        let forbidden: Set<Character> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\""]
        for character in address {
            if character.isWhitespace || forbidden.contains(character) { return false }
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return false }
        }
        // No empty label: rules out an empty part, a leading or trailing dot and "..".
        for part in [local, domain] where part.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return false
        }
        return domain.contains(".") || domain.lowercased() == "localhost"
    }
}
