@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AgendaWeb

/// The effect form on the action page (`POST /aktiviteter/<code>/effekt`): stored and redirected, the rights
/// of status reports, and a page with every field kept when the input is wrong.
@Suite struct EffectFormTests {
    static func fields(
        goal: String = "1", period: String = "2018Q4", assessment: String = "Delvis uppnått", value: String = "4,4",
        measuredOn: String = "2018-12-31", source: String = "LIKA-enkäten", comment: String = "Hälften av eleverna har egen dator."
    ) -> [(String, String)] {
        [("goal", goal), ("period", period), ("assessment", assessment), ("value", value), ("measuredOn", measuredOn),
         ("source", source), ("comment", comment)]
    }

    @Test func thePageListsTheGoalsAndOffersTheForm() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            let response = try await browser.get("/aktiviteter/6.2")
            #expect(response.status == .ok)
            let page = browser.lastPage
            #expect(page.contains("<ol class=\"effect-goals\">"))
            #expect(page.contains("Inte bedömt än."))
            #expect(page.contains("<form method=\"post\" action=\"/aktiviteter/6.2/effekt\""))
            #expect(page.contains(">Spara bedömningen</button>"))
            for id in ["effekt-goal", "effekt-period", "effekt-assessment", "effekt-value", "effekt-measuredOn", "effekt-source", "effekt-comment"] {
                #expect(page.contains("<label for=\"\(id)\""), "label for \(id)")
                #expect(page.components(separatedBy: "id=\"\(id)\"").count == 2, "one element with id \(id)")
            }
            for outcome in EffectOutcome.allCases { #expect(page.contains("<option value=\"\(outcome.swedish)\">")) }
            #expect(page.contains("id=\"effekt-period\" name=\"period\""), "the contract's name, an id of its own")
            #expect(page.components(separatedBy: "name=\"_csrf\"").count >= 3, "both forms carry the token")
        }
    }

    @Test func anAssessmentIsStoredAndThePageSaysSo() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.effectHistory(code: "6.2").count
        try await application.test(.router) { client in
            let (browser, response) = try await Browser.signInAndPost(
                client, as: "Skolförvaltningen", from: "/aktiviteter/6.2", to: "/aktiviteter/6.2/effekt", Self.fields())
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/aktiviteter/6.2?effekt=2018Q4")
            let history = try app.service.effectHistory(code: "6.2")
            #expect(history.count == before + 1)
            let stored = try #require(history.last)
            #expect(stored.goalNumber == 1 && stored.assessment.period == "2018Q4")
            #expect(stored.assessment.outcome == .partlyAchieved && stored.assessment.value == 4.4)
            #expect(stored.assessment.measuredOn == CalendarDate(iso: "2018-12-31"))
            #expect(stored.assessment.source == "LIKA-enkäten" && stored.assessment.comment == "Hälften av eleverna har egen dator.")
            #expect(stored.assessment.reporter == "Skolförvaltningen")

            try await browser.get("/aktiviteter/6.2?effekt=2018Q4")
            let page = browser.lastPage
            #expect(page.contains("<p class=\"notice-ok\" role=\"status\">Bedömningen av effektmålet för 2018Q4 är sparad.</p>"))
            #expect(page.contains("Senaste bedömning: Delvis uppnått (2018Q4), uppmätt 4,4 den 2018-12-31."))
            #expect(page.contains("Hälften av eleverna har egen dator."), "in the history table")

            // A second assessment of the same goal and period corrects the first.
            let again = try await browser.post("/aktiviteter/6.2/effekt", Self.fields(assessment: "Uppnått", value: "", measuredOn: ""))
            #expect(again.status == .seeOther)
            let corrected = try #require(try app.service.effectHistory(code: "6.2").last)
            #expect(corrected.assessment.outcome == .achieved && corrected.assessment.supersedes == stored.assessment.number)
        }
    }

    @Test func anotherFörvaltningsActionAnswers403AndStoresNothing() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.effectHistory(code: "1.2").count
        try await application.test(.router) { client in
            let (_, post) = try await Browser.signInAndPost(
                client, as: "Skolförvaltningen", from: "/aktiviteter/6.2", to: "/aktiviteter/1.2/effekt", Self.fields())
            #expect(post.status == .forbidden)
            #expect(try app.service.effectHistory(code: "1.2").count == before)
        }
    }

    @Test func aReaderMayNotPost() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.effectHistory(code: "6.2").count
        try await application.test(.router) { client in
            let (_, post) = try await Browser.signInAndPost(
                client, as: "IT-rådet", from: "/aktiviteter/6.2", to: "/aktiviteter/6.2/effekt", Self.fields())
            #expect(post.status == .forbidden)
            #expect(try app.service.effectHistory(code: "6.2").count == before)
        }
    }

    @Test func invalidInputIs422WithEverythingTypedKept() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.effectHistory(code: "6.2").count
        try await application.test(.router) { client in
            let (browser, response) = try await Browser.signInAndPost(
                client, as: "Skolförvaltningen", from: "/aktiviteter/6.2", to: "/aktiviteter/6.2/effekt",
                Self.fields(goal: "9", assessment: "Nästan", value: "fyra", measuredOn: "31/12/2018",
                            source: "Egen <mätning> & enkät", comment: "Kommentaren <b>står kvar</b>."))
            #expect(response.status == .unprocessableContent)
            let page = browser.lastPage
            #expect(try app.service.effectHistory(code: "6.2").count == before)
            #expect(page.contains("Bedömningen sparades inte"))
            for id in ["effekt-goal", "effekt-assessment", "effekt-value", "effekt-measuredOn"] {
                #expect(page.contains("<a href=\"#\(id)\">"), "summary links to \(id)")
                #expect(page.contains("id=\"\(id)-error\""), "error beside \(id)")
            }
            #expect(page.contains("value=\"fyra\""))
            #expect(page.contains("value=\"31/12/2018\""))
            #expect(page.contains("value=\"Egen &lt;mätning&gt; &amp; enkät\""))
            #expect(page.contains(">Kommentaren &lt;b&gt;står kvar&lt;/b&gt;.</textarea>"))
            #expect(page.contains("<option value=\"2018Q4\" selected=\"selected\">"))

            // A period AgendaCore refuses (not begun) is an error beside the period field.
            try await browser.get("/aktiviteter/6.2")
            let future = try await browser.post("/aktiviteter/6.2/effekt", Self.fields(period: "2030Q1"))
            #expect(future.status == .unprocessableContent)
            #expect(browser.lastPage.contains("id=\"effekt-period-error\""))
            #expect(try app.service.effectHistory(code: "6.2").count == before)
        }
    }

    @Test func swedishNumbersAreRead() {
        #expect(EffectForm.number("4,4") == .value(4.4))
        #expect(EffectForm.number(" 1 234,5 ") == .value(1234.5))
        #expect(EffectForm.number("−2") == .value(-2))
        #expect(EffectForm.number("") == .notGiven)
        #expect(EffectForm.number("fyra") == nil)
        #expect(EffectForm.number("1e400") == nil)
    }
}
