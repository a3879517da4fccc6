import AgendaCore

/// An e-mail address (`local@domain`) with an optional display name, as written in a header
/// (`Anna Svensson <anna.svensson@molndal.example>`).
///
/// The address is checked once, when it is made, by the one rule AgendaCore holds for every address
/// (`EmailAddress.isValid`): the addresses people enter are the ones the mail can go to.
public struct MailAddress: Sendable, Equatable, Hashable {
    /// The name shown to the reader; line breaks are made spaces when the header is written.
    public let displayName: String?
    /// `local@domain`, without angle brackets.
    public let address: String

    /// Nil when `address` is not a usable address (see the type's documentation).
    public init?(parsing address: String, displayName: String? = nil) {
        guard EmailAddress.isValid(address) else { return nil }
        self.address = address
        self.displayName = displayName
    }

    /// Whether the address (not the display name) is plain ASCII.
    public var isASCII: Bool { address.utf8.allSatisfy { $0 < 0x80 } }
}
