import Testing
@testable import ReportGen

@Suite struct SwedishAmountTests {
    static let nb = "\u{00A0}"

    @Test(arguments: [
        (200_000, false, SwedishAmount.Style.automatic, "200 tkr"),
        (4_400_000, true, .automatic, "ca 4,4 mnkr"),
        (4_400_000, false, .automatic, "4,4 mnkr"),
        (1_000_000, false, .automatic, "1,0 mnkr"),
        (1_234_000, false, .thousands, "1 234 tkr"),
        (1_234_000, false, .automatic, "1,2 mnkr"),
        (12_345_678, false, .automatic, "12,3 mnkr"),
        (999_499, false, .automatic, "999 tkr"),
        (150_000, false, .thousands, "150 tkr"),
        (500, false, .automatic, "500 kr"),
        (0, false, .automatic, "0 kr"),
        (0, false, .thousands, "0 tkr"),
        (-30_000, false, .automatic, "−30 tkr"),
        (2_500_000_000, false, .automatic, "2 500,0 mnkr"),
    ])
    func formatsKronorTheSwedishWay(_ kronor: Int, _ approximate: Bool, _ style: SwedishAmount.Style, _ expected: String) {
        let formatted = SwedishAmount.format(kronor, approximate: approximate, style: style)
        #expect(formatted == expected.replacingOccurrences(of: " ", with: Self.nb))
        #expect(!formatted.contains(" "), "only no-break spaces")
    }
}
