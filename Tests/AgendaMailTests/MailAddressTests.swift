import Testing
@testable import AgendaMail

@Suite struct MailAddressTests {
    @Test(arguments: [
        "anna.svensson@molndal.example", "postmaster@localhost", "it-chef+runda@agenda.molndal.example",
        "åsa.öberg@mölndal.example",  // UTF-8 local part and domain (RFC 6531)
        String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 181) + ".example",  // 254 octets
    ])
    func accepts(_ address: String) {
        #expect(MailAddress(parsing: address)?.address == address)
    }

    @Test(arguments: [
        "", "anna", "@molndal.example", "anna@", "anna@@molndal.example", "a@b@molndal.example",
        "anna svensson@molndal.example", "anna@molndal.example ", "<anna@molndal.example>", "anna,bo@molndal.example",
        "anna\r\nBcc: x@y.example", "anna@molndal.example\n", "an\u{0}na@molndal.example", "an\u{85}na@molndal.example",
        "anna@molndal", ".anna@molndal.example", "anna.@molndal.example", "an..na@molndal.example",
        "anna@molndal..example", "anna@.molndal.example", "\"anna\"@molndal.example", "anna;bo@molndal.example",
        String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 182) + ".example",  // 255 octets
    ])
    func refuses(_ address: String) {
        #expect(MailAddress(parsing: address) == nil)
    }

    @Test func keepsTheDisplayNameAndTellsASCIIFromUTF8() throws {
        let anna = try #require(MailAddress(parsing: "anna.svensson@molndal.example", displayName: "Anna Svensson"))
        #expect(anna.displayName == "Anna Svensson")
        #expect(anna.isASCII)
        #expect(MailAddress(parsing: "åsa@molndal.example")?.isASCII == false)
    }
}
