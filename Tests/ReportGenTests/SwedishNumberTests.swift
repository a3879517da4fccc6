@testable import AgendaCore
import Testing
@testable import ReportGen

/// Measured values and measures read the Swedish way: decimal comma, no-break space between groups
/// and before the unit.
@Suite struct SwedishNumberTests {
    static let nbsp = "\u{00A0}"

    @Test(arguments: [
        (12.5, "12,5"), (80, "80"), (1234.567, "1\u{00A0}234,57"), (-3, "−3"), (0.1 + 0.2, "0,3"), (600_000, "600\u{00A0}000"),
        (-0.001, "0"),
    ])
    func valuesAreWrittenWithADecimalComma(value: Double, expected: String) {
        #expect(SwedishNumber.format(value) == expected)
    }

    @Test func aUnitFollowsAfterANoBreakSpace() {
        #expect(SwedishNumber.format(80, unit: "%") == "80\(Self.nbsp)%")
        #expect(SwedishNumber.format(4.4, unit: "") == "4,4")
    }

    @Test func aMeasureReadsAsOneLine() {
        let measure = EffectMeasure(
            indicator: "Antal e-tjänster i drift", unit: "st", baseline: 12, baselineDate: CalendarDate(iso: "2017-01-01"), target: 30,
            targetYear: 2019, direction: .higher)
        #expect(EffectMeasureText.describe(measure) == "Antal e-tjänster i drift: 12\(Self.nbsp)st (2017-01-01) → 30\(Self.nbsp)st till 2019, högre är bättre")
        #expect(EffectMeasureText.describe(EffectMeasure(indicator: "Antal avvikelser", unit: "st", direction: .lower))
                == "Antal avvikelser (st), lägre är bättre")
    }

    @Test func typedNumbersAreRead() {
        #expect(SwedishDecimal.parse("12,5") == 12.5)
        #expect(SwedishDecimal.parse("12.5") == 12.5)
        #expect(SwedishDecimal.parse("1 234") == 1234)
        #expect(SwedishDecimal.parse("−3") == -3)
        #expect(SwedishDecimal.parse("80 %") == 80)
        #expect(SwedishDecimal.parse("tolv") == nil)
        #expect(SwedishDecimal.parse("1,2,3") == nil)
        #expect(SwedishDecimal.parse("nan") == nil)
        #expect(SwedishDecimal.parse("") == nil)
    }
}
