@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReportGen
import Testing
@testable import AgendaWeb

/// The LIKA self-assessment in the web: the workshop (one area, one small form per indicator, saved as it
/// goes), several people at once, the rights, the errors, the summary. The demo's Vård- och
/// omsorgsförvaltningen has assessed Äldreomsorg, IFO and Funktionshinderområde on 2017-03-01 and 2018-03-01.
@Suite struct LikaPagesTests {
    static let reporter = "Vård- och omsorgsförvaltningen"
    static let newDate = CalendarDate(year: 2019, month: 3, day: 1)
    static let workshop = "/lika/IFO/2019-03-01/L"

    static func answer(
        _ code: String, _ answer: String, step: String = "", comment: String = "", seen: String = ""
    ) -> [(String, String)] {
        [("code", code), ("answer", answer), ("step", step), ("comment", comment), ("seen", seen)]
    }

    /// The value of the hidden `seen` field in indicator `code`'s form on `page`.
    static func seen(_ code: String, in page: String) -> String? {
        guard let start = page.range(of: "name=\"code\" value=\"\(code)\"") else { return nil }
        let rest = page[start.upperBound...]
        guard let match = rest.firstMatch(of: /name="seen" value="([0-9]*)"/) else { return nil }
        return String(match.output.1)
    }

    @Test func theWorkshopListsTheAreasIndicatorsWithTheAnswerInForce() async throws {
        let (app, application) = try demoApp()
        let set = try app.service.indicatorSet()
        let inForce = try app.service.answers(AnswerQuery(unit: "IFO", date: CalendarDate(year: 2018, month: 3, day: 1)))
        let l4 = try #require(inForce.first { $0.code == "L4" })
        #expect(l4.answer == .almostThere && l4.supersedes != nil, "the demo's correction is in force")
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: Self.reporter)
            let response = try await browser.get("/lika/IFO/2018-03-01/L")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/xhtml+xml; charset=utf-8")
            let page = browser.lastPage
            #expect(page.components(separatedBy: "<h1").count == 2, "one h1")
            let ledning = set.indicators.filter { $0.area == "L" }
            for indicator in ledning {
                #expect(page.contains(">Spara \(indicator.code)</button>"), "a form for \(indicator.code)")
                #expect(page.contains("<legend>Svar på \(indicator.code)</legend>"))
                #expect(page.contains("<label for=\"steg-\(indicator.code)\""))
                #expect(page.contains("<label for=\"kommentar-\(indicator.code)\""))
            }
            #expect(!page.contains(">Spara I1</button>"), "one area at a time")
            #expect(page.contains("id=\"svar-L4-almostThere\" name=\"answer\" value=\"Nästan där\" checked=\"checked\""))
            #expect(page.contains("Rättelse: IT-frågor är stående punkt"))
            #expect(page.contains("name=\"seen\" value=\"\(l4.number)\""))
            #expect(page.contains("Förra gången: "))
            #expect(page.contains("<summary>Aktivitetsförslag för L1</summary>"))
            #expect(page.contains("Ledning: \(ledning.count) av \(ledning.count) besvarade"))
            #expect(page.contains("href=\"/lika/IFO/2018-03-01/I\""))
            #expect(page.contains("<form method=\"post\" action=\"/lika/IFO/2018-03-01/L#ind-L1\""))

            // A unit name with letters outside ASCII, percent-encoded in the path.
            let encoded = try await browser.get("/lika/Funktionshinderomr%C3%A5de/2018-03-01/A")
            #expect(encoded.status == .ok)
            #expect(browser.lastPage.contains("Självskattning: Funktionshinderområde 2018-03-01"))
            #expect(browser.lastPage.contains("action=\"/lika/Funktionshinderomr%C3%A5de/2018-03-01/A#ind-A1\""))
        }
    }

    @Test func aSaveStoresThatIndicatorAndRedirectsWithANotice() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: Self.reporter)
            try await browser.get(Self.workshop)
            #expect(browser.lastPage.contains("Ledning: 0 av "))
            let response = try await browser.post(Self.workshop, Self.answer("L1", "Påbörjad", step: "2", comment: "Mål finns i verksamhetsplanen."))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/lika/IFO/2019-03-01/L?sparad=L1#ind-L1")
            let stored = try app.service.answers(AnswerQuery(unit: "IFO", date: Self.newDate))
            #expect(stored.count == 1)
            #expect(stored.first?.code == "L1" && stored.first?.answer == .started && stored.first?.step == 2)
            #expect(stored.first?.comment == "Mål finns i verksamhetsplanen.")
            try await browser.get("/lika/IFO/2019-03-01/L?sparad=L1")
            let page = browser.lastPage
            #expect(page.contains("<p class=\"notice-ok\" role=\"status\">L1 sparad.</p>"))
            #expect(page.contains("id=\"svar-L1-started\" name=\"answer\" value=\"Påbörjad\" checked=\"checked\""))
            #expect(page.contains("Ledning: 1 av "))
        }
    }

    /// `agenda serve --templates DIR`: the workshop shows and reads the folder's words for the answers (its
    /// labels' `lika.answer.*` and its lika-answers.tsv), as the command line's imports do.
    @Test func theWorkshopUsesTheTemplatesWords() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-web-\(UUID().uuidString)/mall")
        try TemplateSet.export(to: dir)
        let labels = dir.appendingPathComponent("labels-sv.tsv")
        try (try String(contentsOf: labels, encoding: .utf8))
            .replacingOccurrences(of: "lika.answer.fulfilled\tUppfyllt", with: "lika.answer.fulfilled\tHelt uppfyllt")
            .write(to: labels, atomically: true, encoding: .utf8)
        let synonyms = dir.appendingPathComponent("lika-answers.tsv")
        try (try String(contentsOf: synonyms, encoding: .utf8) + "Klart\tfulfilled\n").write(to: synonyms, atomically: true, encoding: .utf8)
        let app = try WebApp(settings: WebSettings(databasePath: try DemoDatabase.copy(), templates: dir))
        try await Application(router: app.router()).test(.router) { client in
            let browser = try await Browser.signedIn(client, as: Self.reporter)
            try await browser.get(Self.workshop)
            #expect(browser.lastPage.contains("id=\"svar-L1-fulfilled\" name=\"answer\" value=\"Helt uppfyllt\""), "\(browser.lastPage)")
            #expect(browser.lastPage.contains(">Helt uppfyllt</label>"))
            #expect(try await browser.post(Self.workshop, Self.answer("L1", "Helt uppfyllt")).status == .seeOther)
            try await browser.get(Self.workshop)
            #expect(try await browser.post(Self.workshop, Self.answer("L2", "Klart")).status == .seeOther)
            let stored = try app.service.answers(AnswerQuery(unit: "IFO", date: Self.newDate))
            #expect(stored.map(\.answer) == [.fulfilled, .fulfilled])
            try await browser.get(Self.workshop)
            #expect(browser.lastPage.contains("id=\"svar-L1-fulfilled\" name=\"answer\" value=\"Helt uppfyllt\" checked=\"checked\""))
            let refused = try await browser.post(Self.workshop, Self.answer("L3", "Kanske"))
            #expect(refused.status == .unprocessableContent)
            #expect(browser.lastPage.contains("Välj ett svar för L3: Ej planerad, Planerad, Påbörjad, Nästan där, Helt uppfyllt, Ej relevant"))
        }
    }

    @Test func twoPeopleOnDifferentIndicatorsBothGetStored() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let first = try await Browser.signedIn(client, as: Self.reporter)
            let second = try await Browser.signedIn(client, as: Self.reporter)
            try await first.get(Self.workshop)
            try await second.get(Self.workshop)
            let a = try await first.post(Self.workshop, Self.answer("L1", "Planerad", comment: "Från första datorn."))
            let b = try await second.post(Self.workshop, Self.answer("L2", "Uppfyllt", step: "1", comment: "Från andra datorn."))
            #expect(a.status == .seeOther && b.status == .seeOther)
            #expect(b.headers[.location] == "/lika/IFO/2019-03-01/L?sparad=L2#ind-L2", "no one else's answer was replaced")
            let stored = try app.service.answers(AnswerQuery(unit: "IFO", date: Self.newDate))
            #expect(stored.map(\.code) == ["L1", "L2"])
            #expect(stored.map(\.answer) == [.planned, .fulfilled])
        }
    }

    @Test func onTheSameIndicatorTheLaterSupersedesAndBothStayOnRecord() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let first = try await Browser.signedIn(client, as: Self.reporter)
            let second = try await Browser.signedIn(client, as: Self.reporter)
            try await first.get(Self.workshop)
            try await second.get(Self.workshop)
            let seenBySecond = try #require(Self.seen("L3", in: second.lastPage))
            #expect(seenBySecond == "")
            _ = try await first.post(Self.workshop, Self.answer("L3", "Planerad", comment: "Först."))
            let earlier = try #require(try app.service.answers(AnswerQuery(unit: "IFO", date: Self.newDate)).first)
            let later = try await second.post(Self.workshop, Self.answer("L3", "Nästan där", comment: "Sedan.", seen: seenBySecond))
            #expect(later.status == .seeOther)
            #expect(later.headers[.location] == "/lika/IFO/2019-03-01/L?sparad=L3&ersatt=\(earlier.number)#ind-L3")

            let history = try app.service.answerHistory(unit: "IFO", date: Self.newDate).filter { $0.code == "L3" }
            #expect(history.map(\.answer) == [.planned, .almostThere], "both on record")
            #expect(history.last?.supersedes == history.first?.number)
            #expect(try app.service.answers(AnswerQuery(unit: "IFO", date: Self.newDate)).map(\.answer) == [.almostThere])

            try await second.get("/lika/IFO/2019-03-01/L?sparad=L3&ersatt=\(earlier.number)")
            #expect(second.lastPage.contains("L3 sparad. \(Self.reporter) sparade ett svar på L3 kl "))
            #expect(second.lastPage.contains("(Planerad) som nu ersatts av ditt"))

            // The first person saves again from a page built after the second save: no one else's answer replaced.
            try await first.get(Self.workshop)
            let seen = try #require(Self.seen("L3", in: first.lastPage))
            #expect(seen == String(try #require(history.last).number))
            let again = try await first.post(Self.workshop, Self.answer("L3", "Uppfyllt", seen: seen))
            #expect(again.headers[.location] == "/lika/IFO/2019-03-01/L?sparad=L3#ind-L3")
        }
    }

    @Test func anotherFörvaltningAndReadersAre403AndNothingIsStored() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.answerHistory(unit: "IFO", date: CalendarDate(year: 2018, month: 3, day: 1)).count
        try await application.test(.router) { client in
            for name in ["Skolförvaltningen", "IT-rådet"] {
                let browser = try await Browser.signedIn(client, as: name)
                let page = try await browser.get("/lika/IFO/2018-03-01/L")
                #expect(page.status == .forbidden, "\(name) may not open the workshop")
                try await browser.get("/lika")
                let post = try await browser.post("/lika/IFO/2018-03-01/L", Self.answer("L1", "Uppfyllt"))
                #expect(post.status == .forbidden, "\(name) may not save")
            }
            // Reading is open to every signed-in role, like the reports: the summary, but no workshop link.
            let other = try await Browser.signedIn(client, as: "Skolförvaltningen")
            #expect(try await other.get("/lika/IFO").status == .ok, "another förvaltning's summary is readable")
            try await other.get("/lika")
            #expect(other.lastPage.contains("<th scope=\"row\">IFO</th>"))
            #expect(!other.lastPage.contains("href=\"/lika/IFO/2018-03-01/L\""), "no workshop for another förvaltning's unit")
            #expect(!other.lastPage.contains("Börja en ny självskattning"), "nothing it may start")
        }
        #expect(try app.service.answerHistory(unit: "IFO", date: CalendarDate(year: 2018, month: 3, day: 1)).count == before)
    }

    @Test func anInvalidAnswerOrStepIs422WithWhatWasTypedKept() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: Self.reporter)
            try await browser.get(Self.workshop)
            let response = try await browser.post(Self.workshop, Self.answer("L2", "Kanske", step: "2", comment: "Vi <b>vet</b> inte & tvekar."))
            #expect(response.status == .unprocessableContent)
            var page = browser.lastPage
            #expect(page.contains("<a href=\"#svar-L2-notPlanned\">Välj ett svar för L2"))
            #expect(page.contains("id=\"svar-L2-error\""))
            #expect(page.contains(">Vi &lt;b&gt;vet&lt;/b&gt; inte &amp; tvekar.</textarea>"))
            #expect(page.contains("<option value=\"2\" selected=\"selected\">Steg 2</option>"))

            try await browser.get(Self.workshop)
            let step = try await browser.post(Self.workshop, Self.answer("L2", "Planerad", step: "7", comment: "Kvar."))
            #expect(step.status == .unprocessableContent)
            page = browser.lastPage
            #expect(page.contains("<a href=\"#steg-L2\">Välj steg 1, 2 eller 3 för L2"))
            #expect(page.contains("id=\"svar-L2-planned\" name=\"answer\" value=\"Planerad\" checked=\"checked\""))
            #expect(page.contains(">Kvar.</textarea>"))
        }
        #expect(try app.service.answerHistory(unit: "IFO", date: Self.newDate).isEmpty)
    }

    @Test func theOverviewListsTheUnitsAndStartsAnAssessment() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: Self.reporter)
            let response = try await browser.get("/lika")
            #expect(response.status == .ok)
            let page = browser.lastPage
            for unit in ["Äldreomsorg", "IFO", "Funktionshinderområde"] {
                #expect(page.contains("<th scope=\"row\">\(unit)</th>"))
                #expect(page.contains("<option value=\"\(unit)\">\(unit)</option>"))
            }
            #expect(page.contains("href=\"/lika/IFO/2018-03-01/L\""))
            #expect(page.contains("href=\"/lika/Funktionshinderomr%C3%A5de\""))
            #expect(page.contains("<a href=\"/lika\" aria-current=\"page\">Självskattning</a>"))
            #expect(!page.contains("name=\"newUnit\""), "only the owner names a new unit")

            let start = try await browser.post("/lika", [("unit", "Äldreomsorg"), ("date", "2019-03-01")])
            #expect(start.status == .seeOther)
            #expect(start.headers[.location] == "/lika/%C3%84ldreomsorg/2019-03-01/L")
            try await browser.get("/lika")
            let bad = try await browser.post("/lika", [("unit", ""), ("date", "1 mars")])
            #expect(bad.status == .unprocessableContent)
            #expect(browser.lastPage.contains("<a href=\"#date\">Skriv datumet som ÅÅÅÅ-MM-DD"))
            #expect(browser.lastPage.contains("value=\"1 mars\""))
        }
    }

    /// A self-assessment is dated the day it is made: a date after today or before 2000 is refused at the
    /// start form and when an answer is saved, and nothing is stored.
    @Test(arguments: ["0000-01-01", "1899-01-01", "3000-01-01", "9999-12-31"])
    func aDateAfterTodayOrBefore2000IsRefused(_ date: String) async throws {
        let (app, application) = try demoApp()
        let before = try app.service.assessments().count
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: Self.reporter)
            try await browser.get("/lika")
            let start = try await browser.post("/lika", [("unit", "IFO"), ("date", date)])
            #expect(start.status == .unprocessableContent)
            #expect(browser.lastPage.contains("<title>Fel: Självskattning (LIKA)"))
            #expect(browser.lastPage.contains("<a href=\"#date\">Datumet \(date)"))
            #expect(browser.lastPage.contains("value=\"\(date)\""))
            // The workshop's address typed by hand: the save is refused by the core.
            let workshop = "/lika/IFO/\(date)/L"
            try await browser.get(workshop)
            let saved = try await browser.post(workshop, Self.answer("L1", "Påbörjad"))
            #expect(saved.status == .unprocessableContent)
            #expect(browser.lastPage.contains("Datumet \(date)"))
        }
        #expect(try app.service.assessments().count == before, "nothing stored")
    }

    /// The notice that an answer was saved (and whose it replaced) stands at the indicator the page lands on.
    @Test func theSavedNoticeStandsAtTheIndicatorSaved() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: Self.reporter)
            try await browser.get(Self.workshop)
            _ = try await browser.post(Self.workshop, Self.answer("L2", "Planerad"))
            try await browser.get("/lika/IFO/2019-03-01/L?sparad=L2")
            let page = browser.lastPage
            let section = try #require(page.range(of: "id=\"ind-L2\""))
            let notice = try #require(page.range(of: "<p class=\"notice-ok\" role=\"status\">L2 sparad.</p>"))
            let next = try #require(page.range(of: "id=\"ind-L3\""))
            #expect(section.upperBound < notice.lowerBound && notice.upperBound < next.lowerBound)
        }
    }

    @Test func theSummaryShowsTheIndexPerAreaAndTheIndicatorsBelowTheTop() async throws {
        let (app, application) = try demoApp()
        let latest = try app.service.answers(AnswerQuery(unit: "Äldreomsorg", date: CalendarDate(year: 2018, month: 3, day: 1)))
        let ledning = try #require(LikaIndex.index(latest.filter { $0.area.code == "L" }.map(\.answer)))
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "IT-rådet")
            let response = try await browser.get("/lika/%C3%84ldreomsorg")
            #expect(response.status == .ok)
            let page = browser.lastPage
            #expect(page.contains("<h1>Sammanställning: Äldreomsorg</h1>"))
            #expect(page.contains("<caption>Mognadsindex per område, Äldreomsorg</caption>"))
            #expect(page.contains("<th scope=\"col\">2017-03-01</th>") && page.contains("<th scope=\"col\">2018-03-01</th>"))
            #expect(page.contains("<td class=\"num\">\(ledning)</td>"))
            #expect(page.contains("Mål för digitaliseringen finns i nämndens verksamhetsplan 2018.") == (latest.first { $0.code == "L3" }?.answer.isBelow(.fulfilled) ?? false))
            #expect(page.contains("<li>5.7 Nulägesanalys via LIKA"), "a linked action with its latest status")
            #expect(page.contains("Klar, grön (2017Q4)</li>"))
            #expect(!page.contains("Öppna självskattningen"), "a reader does not assess")
            #expect(page.contains("href=\"/lika/%C3%84ldreomsorg/rapport\""))

            // The full LIKA report from ReportGen, served as the period report is.
            let report = try await browser.get("/lika/%C3%84ldreomsorg/rapport")
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "application/xhtml+xml; charset=utf-8")
            #expect(report.headers[.contentSecurityPolicyHeader] == ReaderRoutes.reportPolicy)
            #expect(browser.lastPage.contains("Äldreomsorg") && browser.lastPage.contains("<svg"))
            #expect(try await browser.get("/lika/Ingen%20s%C3%A5dan/rapport").status == .notFound)
        }
    }
}
