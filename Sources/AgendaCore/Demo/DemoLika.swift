import AgendaTemplates

/// The demo's LIKA history: Vård- och omsorgsförvaltningen's three verksamheter assess themselves against
/// LIKA Socialtjänst on 2017-03-01 and again on 2018-03-01; IT-rådet links some of the agenda's actions
/// to the indicators they are meant to lift (after the first assessment, and more after the second), and
/// the second assessment shows progress, most of all where actions were linked. Built from the shipped
/// sample export (templates/sample); the answers vary by a fixed rule, so the demo is deterministic.
public enum DemoLika {
    static let department = "Vård- och omsorgsförvaltningen"
    /// The assessed verksamheter, all of Vård- och omsorgsförvaltningen.
    public static let units = ["Äldreomsorg", "IFO", "Funktionshinderområde"]

    /// IT-rådet's first decision: actions of insatsområde 5 (E-hälsa) and the indicators they lift.
    static let firstLinks: [(action: String, codes: [String])] = [
        ("5.1", ["L6", "L11"]), ("5.2", ["L6", "I2"]), ("5.3", ["I5", "A3"]), ("5.4", ["K5"]), ("5.7", ["L3", "L19"]),
    ]
    /// After the second assessment: information security and secure communication.
    static let secondLinks: [(action: String, codes: [String])] = [("3.2", ["L12", "I3"]), ("7.1", ["A2"])]

    /// Comments the verksamheter wrote, by "unit year code".
    static let comments: [String: String] = [
        "Äldreomsorg 2018 L3": "Mål för digitaliseringen finns i nämndens verksamhetsplan 2018.",
        "Äldreomsorg 2018 I2": "SITHS-kort används i hemtjänsten sedan hösten 2017.",
        "IFO 2017 A6": "SSBTEK används inte; handläggarna hämtar uppgifter manuellt.",
        "IFO 2018 A6": "SSBTEK infört för ekonomiskt bistånd i januari 2018.",
        "Funktionshinderområde 2018 K5": "Brukarutbildning i surfplatta startad på två gruppbostäder.",
        "Funktionshinderområde 2017 L19": "Nyttan följs inte upp systematiskt än.",
    ]

    /// The events to run, in time order with the rest of the demo's history.
    static func events(store: AgendaStore, owner: Identity, reporter: Identity?) -> [(Timestamp, () throws -> Void)] {
        guard let reporter,
              let text = EmbeddedFiles.sample.text(IndicatorSet.likaSocialtjanstFile),
              let export = try? LikaExportReader.read(text, source: IndicatorSet.likaSocialtjanstFile, answers: nil)
        else { return [] }
        var events: [(Timestamp, () throws -> Void)] = []
        let linked = Set(firstLinks.flatMap(\.codes))
        for (unitIndex, unit) in units.enumerated() {
            for year in [2017, 2018] {
                let items = export.rows.enumerated().map { index, row in
                    AssessmentInput.Item(
                        code: row.code, area: row.area, indicator: row.indicator, suggestion: row.suggestion,
                        answer: answer(code: row.code, index: index, unit: unitIndex, year: year, linked: linked.contains(row.code)),
                        step: row.step, comment: comments["\(unit) \(year) \(row.code)"] ?? "")
                }
                let date = CalendarDate(year: year, month: 3, day: 1)
                let at = DemoHistory.moment("\(year)-03-0\(2 + unitIndex)", 14)
                let input = AssessmentInput(unit: unit, date: date, answers: items)
                events.append((at, { try store.recordAssessment(input, by: reporter, at: at) }))
            }
        }
        // IFO corrects one answer of its 2018 assessment the day after.
        let correctedAt = DemoHistory.moment("2018-03-04", 10)
        events.append((correctedAt, {
            try store.recordAssessment(AssessmentInput(unit: "IFO", date: CalendarDate(year: 2018, month: 3, day: 1), answers: [
                AssessmentInput.Item(
                    code: "L4", answer: .almostThere, step: 2,
                    comment: "Rättelse: IT-frågor är stående punkt på ledningsgruppens möten sedan februari."),
            ]), by: reporter, at: correctedAt)
        }))
        let firstAt = DemoHistory.moment("2017-05-11", 9)
        events.append((firstAt, {
            try store.linkIndicators(
                firstLinks, set: IndicatorSet.likaSocialtjanstKey,
                decision: Decision(reference: "IT-rådet 2017-05-10 §4", date: CalendarDate(year: 2017, month: 5, day: 10),
                                   note: "Aktiviteterna kopplas till de LIKA-indikatorer de ska lyfta."),
                by: owner, at: firstAt)
        }))
        let secondAt = DemoHistory.moment("2018-04-12", 9)
        events.append((secondAt, {
            try store.linkIndicators(
                secondLinks, set: IndicatorSet.likaSocialtjanstKey,
                decision: Decision(reference: "IT-rådet 2018-04-11 §3", date: CalendarDate(year: 2018, month: 4, day: 11)),
                by: owner, at: secondAt)
        }))
        return events
    }

    /// A fixed, varied answer: 2017 spreads over the lower steps; 2018 lifts linked indicators two steps,
    /// every third other indicator one step, and keeps the rest. A few indicators are *Ej relevant* for a unit.
    static func answer(code: String, index: Int, unit: Int, year: Int, linked: Bool) -> MaturityAnswer {
        let number = Int(code.drop { $0.isLetter }) ?? index
        if (number * 7 + index + unit * 5) % 17 == 0 { return .notRelevant }
        let base = (number + 2 * unit + index) % 4
        guard year > 2017 else { return MaturityAnswer.scale[base] }
        let lift = linked ? 2 : (number + unit) % 3 == 0 ? 1 : 0
        return MaturityAnswer.scale[min(base + lift, MaturityAnswer.scale.count - 1)]
    }
}
