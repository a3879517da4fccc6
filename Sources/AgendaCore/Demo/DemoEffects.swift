/// The demo's effektmål: IT-rådet gives a few goals a measure, and the förvaltningar assess their goals
/// for 2017 and 2018 early the following year — every word of the scale, measured values for the
/// measured goals, one correction, and actions that are Klar while an effect is Ej uppnått (1.4, 5.5).
/// Goals are named by their number within the action, as `agenda show action` lists them.
extension DemoHistory {
    struct ScriptedMeasure {
        var action: String
        var goal: Int
        var measure: EffectMeasure
    }

    struct ScriptedEffect {
        var action: String
        var goal: Int
        var period: String
        var outcome: EffectOutcome
        var value: Double? = nil
        var measuredOn: String? = nil
        var source: String = ""
        var comment: String
        /// A correction filed the day after.
        var correction: (outcome: EffectOutcome, comment: String)? = nil
    }

    /// The decision that gave the measures, and when the IT-chef recorded it.
    static let measureDecision = Decision(reference: "IT-rådet 2017-09-13 §4", date: CalendarDate(iso: "2017-09-13"))
    static let measuresRecorded = moment("2017-09-14", 9)

    static let measures: [ScriptedMeasure] = [
        ScriptedMeasure(action: "1.2", goal: 1, measure: EffectMeasure(
            indicator: "Antal e-tjänster i drift", unit: "st", baseline: 12, baselineDate: CalendarDate(iso: "2017-01-01"),
            target: 30, targetYear: 2019, direction: .higher)),
        ScriptedMeasure(action: "1.4", goal: 1, measure: EffectMeasure(
            indicator: "Kostnad för porto och material för utskick", unit: "tkr per år", baseline: 1_450,
            baselineDate: CalendarDate(iso: "2016-12-31"), target: 1_000, targetYear: 2018, direction: .lower)),
        ScriptedMeasure(action: "1.6", goal: 1, measure: EffectMeasure(
            indicator: "Deltagare i bibliotekens digitala handledning", unit: "personer per år", baseline: 150,
            baselineDate: CalendarDate(iso: "2017-12-31"), target: 600, targetYear: 2018, direction: .higher)),
        ScriptedMeasure(action: "6.3", goal: 5, measure: EffectMeasure(
            indicator: "Licenskostnad för elevernas programvara", unit: "tkr per år", baseline: 1_900,
            baselineDate: CalendarDate(iso: "2016-06-30"), target: 1_300, targetYear: 2018, direction: .lower)),
    ]

    static let effects: [ScriptedEffect] = [
        // 2017, assessed in January 2018.
        ScriptedEffect(action: "1.2", goal: 1, period: "2017", outcome: .partlyAchieved, value: 17, measuredOn: "2017-12-31",
                       source: "E-tjänsteplattformens statistik", comment: "Fem nya e-tjänster under året; plattformen försenad."),
        ScriptedEffect(action: "3.1", goal: 1, period: "2017", outcome: .achieved,
                       comment: "Informationsklassning genomförd för alla system med känslig information."),
        ScriptedEffect(action: "9.1", goal: 1, period: "2017", outcome: .tooEarly,
                       comment: "Söktjänsten öppnade i december; besöksstatistik finns först efter ett halvår."),
        ScriptedEffect(action: "5.8", goal: 1, period: "2017", outcome: .achieved,
                       comment: "Manuell tidrapportering har upphört; kontrollen av underlagen tar en dag i stället för tre per månad."),
        ScriptedEffect(action: "6.3", goal: 1, period: "2017", outcome: .notAssessable,
                       comment: "Det finns ingen mätning av formativ undervisning att jämföra med."),
        ScriptedEffect(action: "6.3", goal: 5, period: "2017", outcome: .partlyAchieved, value: 1_550, measuredOn: "2017-12-31",
                       source: "Ekonomisystemet, konto 6540", comment: "Hälften av skolorna har gått över till molntjänsten."),
        // 2018, assessed in January 2019.
        ScriptedEffect(action: "1.2", goal: 1, period: "2018", outcome: .achieved, value: 24, measuredOn: "2018-12-31",
                       source: "E-tjänsteplattformens statistik", comment: "24 e-tjänster i drift.",
                       correction: (.partlyAchieved, "Rättelse: 24 av 30 e-tjänster i drift; målet gäller 2019.")),
        ScriptedEffect(action: "1.4", goal: 1, period: "2018", outcome: .notAchieved, value: 1_390, measuredOn: "2018-12-31",
                       source: "Ekonomisystemet, porto och tryck",
                       comment: "Den digitala brevlådan är införd, men få invånare har anslutit sig; utskicken har minskat marginellt."),
        ScriptedEffect(action: "1.4", goal: 2, period: "2018", outcome: .partlyAchieved,
                       comment: "Posthanteringen i kontaktcenter är digital; förvaltningarnas registratur skannar fortfarande."),
        ScriptedEffect(action: "1.4", goal: 4, period: "2018", outcome: .tooEarly,
                       comment: "Svarstiderna mäts från 2019."),
        ScriptedEffect(action: "1.6", goal: 1, period: "2018", outcome: .achieved, value: 640, measuredOn: "2018-12-31",
                       source: "Bibliotekens besöksstatistik", comment: "Digital handledning på alla bibliotek varje vecka."),
        ScriptedEffect(action: "1.8", goal: 2, period: "2018", outcome: .partlyAchieved,
                       comment: "Detaljplanerna är digitala; e-tjänsten för bygglov upphandlas 2019."),
        ScriptedEffect(action: "1.8", goal: 4, period: "2018", outcome: .achieved,
                       comment: "Planinformationen nås direkt i kartan i stället för ur pärmar."),
        ScriptedEffect(action: "5.2", goal: 2, period: "2018", outcome: .partlyAchieved,
                       comment: "Dubbeldokumentationen i hemsjukvården har upphört; i hemtjänsten återstår den."),
        ScriptedEffect(action: "5.5", goal: 1, period: "2018", outcome: .notAchieved,
                       comment: "Piloten stoppades efter larm om felaktig dosering; ingen ökad självständighet kan visas."),
        ScriptedEffect(action: "5.8", goal: 1, period: "2018", outcome: .achieved,
                       comment: "Effekten från 2017 står sig."),
        ScriptedEffect(action: "6.3", goal: 5, period: "2018", outcome: .achieved, value: 1_280, measuredOn: "2018-12-31",
                       source: "Ekonomisystemet, konto 6540", comment: "Alla skolor använder molntjänsten."),
        ScriptedEffect(action: "6.4", goal: 3, period: "2018", outcome: .notAssessable,
                       comment: "Måluppfyllelsen påverkas av mycket annat än Maker-satsningen."),
        ScriptedEffect(action: "6.4", goal: 4, period: "2018", outcome: .tooEarly,
                       comment: "Eleverna väljer gymnasieprogram först 2020."),
        ScriptedEffect(action: "9.1", goal: 1, period: "2018", outcome: .achieved,
                       comment: "Söktjänsten har haft 4 100 besök; förfrågningar till arkivet har minskat."),
    ]

    /// The events of the measures and the assessments, for ``build(into:agenda:)`` to run in time order.
    static func effectEvents(
        store: AgendaStore, agenda: Agenda, owner: Identity, reporters: [String: Identity]
    ) -> [(Timestamp, () throws -> Void)] {
        var events: [(Timestamp, () throws -> Void)] = []
        for (offset, scripted) in measures.enumerated() {
            let at = measuresRecorded.adding(seconds: Int64(60 * offset))
            events.append((at, {
                try store.setEffectMeasure(
                    code: scripted.action, goalNumber: scripted.goal, measure: scripted.measure, decision: measureDecision,
                    by: owner, at: at)
            }))
        }
        for (offset, scripted) in effects.enumerated() {
            guard let action = agenda.actions.first(where: { $0.code == scripted.action }),
                  let lead = action.responsibility.lead, let reporter = reporters[lead.department]
            else { continue }
            let period = try! Period(parsing: scripted.period)
            let at = Timestamp(period.end, hour: 9).adding(seconds: Int64(86_400 * (20 + offset % 5) + 600 * offset))
            func input(_ outcome: EffectOutcome, _ comment: String) -> EffectInput {
                EffectInput(
                    action: scripted.action, goalNumber: scripted.goal, period: period,
                    content: EffectContent(
                        outcome: outcome, value: scripted.value, measuredOn: scripted.measuredOn.flatMap(CalendarDate.init(iso:)),
                        source: scripted.source, comment: comment))
            }
            events.append((at, { try store.reportEffect(input(scripted.outcome, scripted.comment), by: reporter, at: at) }))
            if let correction = scripted.correction {
                let later = at.adding(seconds: 86_400)
                events.append((later, { try store.reportEffect(input(correction.outcome, correction.comment), by: reporter, at: later) }))
            }
        }
        return events
    }
}
