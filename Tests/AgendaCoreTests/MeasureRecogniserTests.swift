import Foundation
import Testing
@testable import AgendaCore

/// The importer proposes a measure only where an effektmål states something measurable, and the
/// proposal says what it rests on and what the plan leaves open.
@Suite struct MeasureRecogniserTests {
    /// Of Mölndal's 52 effektmål, exactly these three state something measurable. Checked by hand against
    /// the plan (templates/sample): every other goal names a direction at most ("minskade
    /// materialkostnader för utskick", "snabbare svarstid"), or a date that is no target ("träder i kraft
    /// i maj 2018", 3.2), which would be a guess.
    @Test func theMölndalPlanGetsThreeProposalsEachCheckedByHand() throws {
        let agenda = try PlanImporter.parse(
            try ImportTestSupport.molndalData(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard()
        ).agenda
        #expect(agenda.actions.reduce(0) { $0 + $1.goals.count } == 52)
        let proposals = MeasureRecogniser.proposals(for: agenda)
        #expect(proposals.map { "\($0.action) \($0.goalNumber)" } == ["5.9 1", "6.3 5", "8.3 1"])
        let byGoal = Dictionary(uniqueKeysWithValues: proposals.map { ("\($0.action) \($0.goalNumber)", $0) })

        // 5.9: "… Antal avvikelser ska minska vid överlämnade av läkemedel och vid andra hälso- och
        // sjukvårdsinsatser." A count that is to fall; the plan gives no figures.
        let deviations = try #require(byGoal["5.9 1"])
        #expect(deviations.measure == EffectMeasure(
            indicator: "Antal avvikelser vid överlämnade av läkemedel och vid andra hälso- och sjukvårdsinsatser", unit: "st",
            direction: .lower))
        #expect(deviations.evidence.hasPrefix("Antal avvikelser ska minska"))
        #expect(deviations.note == "planen anger inga siffror; ange utgångsvärdet och målvärdet")

        // 6.3, goal 5: "Lägre licenskostnader för elever motsvarande ca 600 000 kr/år efter fullt
        // genomförande": the cost is to fall by 600 000 kr a year; baseline and target are the IT-chef's.
        let licences = try #require(byGoal["6.3 5"])
        #expect(licences.measure == EffectMeasure(indicator: "Licenskostnader för elever", unit: "kr/år", direction: .lower))
        #expect(licences.evidence == "Lägre licenskostnader för elever motsvarande ca 600 000 kr/år")
        #expect(licences.note == "målet är en minskning med 600 000 kr/år från utgångsvärdet; ange utgångsvärdet och målvärdet")

        // 8.3: "Kostnadsbesparing med 10 tkr per år för avslut av Visual Arkiv." A saving, from 0 to 10 tkr a year.
        let archive = try #require(byGoal["8.3 1"])
        #expect(archive.measure == EffectMeasure(
            indicator: "Kostnadsbesparing för avslut av Visual Arkiv", unit: "tkr per år", baseline: 0, target: 10, direction: .higher))
        #expect(archive.evidence == "Kostnadsbesparing med 10 tkr per år för avslut av Visual Arkiv")
    }

    @Test func aChangeBetweenTwoValuesGivesBaselineTargetAndYear() throws {
        let found = try #require(MeasureRecogniser.propose("Utbudet ska växa från 12 till 30 e-tjänster till 2019."))
        #expect(found.measure == EffectMeasure(
            indicator: "Utbudet ska växa", unit: "st", baseline: 12, target: 30, targetYear: 2019, direction: .higher))
        #expect(found.evidence == "från 12 till 30 e-tjänster till 2019")
        let down = try #require(MeasureRecogniser.propose("Handläggningstiden ska gå från 20 till 5 dagar senast 2018"))
        #expect(down.measure.direction == .lower)
        #expect(down.measure.unit == "dagar")
        #expect(down.measure.targetYear == 2018)
    }

    @Test func aShareGivesATargetInPercent() throws {
        let found = try #require(MeasureRecogniser.propose("Minst 80 % av ärendena ska kunna inledas digitalt år 2019."))
        #expect(found.measure.indicator == "Andel av ärendena ska kunna inledas digitalt")
        #expect(found.measure.unit == "%")
        #expect(found.measure.target == 80)
        #expect(found.measure.targetYear == 2019)
        #expect(found.measure.direction == .higher)
        #expect(MeasureRecogniser.propose("Högst 5 procent felaktiga utbetalningar")?.measure.direction == .lower)
    }

    @Test func changesByAnAmountHalvingAndDoublingLeaveTheValuesOpen() throws {
        let up = try #require(MeasureRecogniser.propose("Andelen digitala ansökningar ska öka med 20 % till 2019."))
        #expect(up.measure.direction == .higher)
        #expect(up.measure.target == nil && up.measure.baseline == nil)
        #expect(up.measure.targetYear == 2019)
        #expect(up.note?.contains("en ökning med 20 %") == true)
        let halve = try #require(MeasureRecogniser.propose("Vi ska halvera handläggningstiden för bygglov."))
        #expect(halve.measure == EffectMeasure(indicator: "Handläggningstiden för bygglov", direction: .lower))
        #expect(MeasureRecogniser.propose("Fördubbla antalet besökare på webbplatsen")?.measure.direction == .higher)
    }

    @Test(arguments: [
        "minskade materialkostnader för utskick",
        "snabbare svarstid och kortare väntetid",
        "Tvingande när EU:s dataskyddsförordning träder i kraft i maj 2018.",
        "Ökad självständighet och säkerhet för vårdtagare.",
        "Enkel tillgång till internet överallt i världen där det finns Eduroam.",
    ])
    func aDirectionOrADateAloneIsNoProposal(text: String) {
        #expect(MeasureRecogniser.propose(text) == nil)
    }
}
