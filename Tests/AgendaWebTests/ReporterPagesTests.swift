@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AgendaWeb

/// The action page (`/aktiviteter/<code>`): plan, history and the status report form, over HTTP.
@Suite struct ReporterPagesTests {
    /// A report's fields as the form posts them.
    static func fields(
        period: String = "2018Q4", status: String = "Nästan klar", light: String = "gul",
        comment: String = "Årskurs 4–6 har fått sina datorer.", obstacles: String = "", next: String = "Utvärdera med LIKA.",
        cost: String = "", prefilled: String? = "2018Q4"
    ) -> [(String, String)] {
        var fields = [
            ("period", period), ("status", status), ("light", light), ("comment", comment), ("obstacles", obstacles),
            ("next", next), ("cost", cost),
        ]
        if let prefilled { fields.append(("prefilled", prefilled)) }
        return fields
    }

    @Test func theActionPageShowsThePlanFieldsAndTheHistoryNewestFirst() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            let response = try await browser.get("/aktiviteter/6.2")
            #expect(response.status == .ok)
            let page = browser.lastPage
            #expect(page.contains("<h1>6.2 Ökad datortäthet</h1>"))
            for term in ["Insatsområde", "Bakgrund", "Handlingsplan", "Ansvarig", "Tidsplan", "Kostnad", "Effektmål"] {
                #expect(page.contains("<dt>\(term)</dt>"), "plan field \(term)")
            }
            #expect(page.contains("<dd>6. Utbildning</dd>"))
            #expect(page.contains("Sista dag att rapportera: 2019-01-15"))
            #expect(page.contains(Kronor.exact(2_400_000)), "actual cost written like the reports")
            #expect(page.contains("Leveransförsening av datorer"))
            let q4 = try #require(page.range(of: "<th scope=\"row\">2018Q4</th>"))
            let q3 = try #require(page.range(of: "<th scope=\"row\">2018Q3</th>"))
            #expect(q4.lowerBound < q3.lowerBound, "newest first")
            #expect(page.contains("<form method=\"post\" action=\"/aktiviteter/6.2\""))
            #expect(page.contains("<option value=\"2018Q4\" selected=\"selected\">"), "the open round's period is the default")
            #expect(page.contains(">Skicka rapporten</button>"))
        }
    }

    /// An action reported on for years keeps a page of the same size: the latest reports, and a link
    /// to the whole history.
    @Test func theHistoryShowsTheLatestReportsAndLinksToTheWhole() async throws {
        let (app, application) = try demoApp()
        let school = try app.service.authenticate(token: try DemoDatabase.token("Skolförvaltningen"))
        let before = try app.service.statusHistory(code: "6.2").count
        for n in 1...(ActionPage.historyShown + 5) {
            try app.service.reportStatus(
                StatusInput(action: "6.2", period: try Period(parsing: "2018Q4"), status: .started, light: .yellow,
                            comment: "Rättelse nummer \(n)."),
                by: school)
        }
        let total = before + ActionPage.historyShown + 5
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            _ = try await browser.get("/aktiviteter/6.2")
            let rows = browser.lastPage.components(separatedBy: "<th scope=\"row\">").count - 1
            #expect(rows == ActionPage.historyShown)
            #expect(browser.lastPage.contains("Rättelse nummer \(ActionPage.historyShown + 5)."), "the newest is shown")
            #expect(!browser.lastPage.contains("Rättelse nummer 5."), "the oldest corrections are not")
            // Who reported and when keep their words whole (web.css: table.history td.whole-words); the
            // comment, a free text, may break a long word.
            #expect(browser.lastPage.contains("<td class=\"whole-words\">Skolförvaltningen</td>"))
            #expect(browser.lastPage.contains("<td>Rättelse nummer \(ActionPage.historyShown + 5).</td>"))
            #expect(browser.lastPage.contains("Visar de \(ActionPage.historyShown) senaste av \(total) rapporter."))
            #expect(browser.lastPage.contains("<a href=\"/aktiviteter/6.2?historik=alla#historik\">Visa alla \(total) rapporter</a>"))
            let whole = try await browser.get("/aktiviteter/6.2?historik=alla")
            #expect(whole.status == .ok)
            #expect(browser.lastPage.components(separatedBy: "<th scope=\"row\">").count - 1 == total)
            #expect(browser.lastPage.contains("Rättelse nummer 1."))
            #expect(!browser.lastPage.contains("Visa alla"))
        }
    }

    @Test func aReportIsStoredAndThePageSaysSo() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "6.2")
        try await application.test(.router) { client in
            let (browser, response) = try await Browser.signInAndPost(
                client, as: "Skolförvaltningen", from: "/aktiviteter/6.2", Self.fields(cost: "2 650 000"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/aktiviteter/6.2?sparad=2018Q4")
            let history = try app.service.statusHistory(code: "6.2")
            #expect(history.count == before.count + 1)
            let stored = try #require(history.last)
            #expect(stored.period == "2018Q4" && stored.status == .almostDone && stored.light == .yellow)
            #expect(stored.comment == "Årskurs 4–6 har fått sina datorer." && stored.nextSteps == "Utvärdera med LIKA.")
            #expect(stored.actualCost == 2_650_000 && stored.reporter == "Skolförvaltningen")
            #expect(stored.supersedes == before.last { $0.period == "2018Q4" }?.number, "a second report corrects the first")
            let page = try await browser.get("/aktiviteter/6.2?sparad=2018Q4")
            #expect(page.status == .ok)
            #expect(browser.lastPage.contains(
                "<p class=\"notice-ok\" role=\"status\">Rättelsen för 2018Q4 är sparad. Ändrat: status (Påbörjad → Nästan klar), bedömning (grön → gul), kommentar"))
            #expect(browser.lastPage.contains("verklig kostnad (ingen → 2\u{A0}650\u{A0}000\u{A0}kr).</p>"))
            #expect(browser.lastPage.contains("ersatt"), "the superseded report is marked")
        }
    }

    @Test func aCorrectionIsAnnouncedAndThePrefilledFormIsWhatIsStored() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            try await browser.get("/aktiviteter/6.2")
            #expect(browser.lastPage.contains("Det finns redan en rapport för 2018Q4 (Påbörjad, 2019-01-09)"))
            #expect(browser.lastPage.contains("blir en rättelse som ersätter den, också ett fält du tömmer; den gamla finns kvar i historiken"))
            #expect(browser.lastPage.contains("name=\"prefilled\" value=\"2018Q4\""))
            #expect(browser.lastPage.contains(">Arbetet pågår enligt plan under kvartal 4 2018.</textarea>"), "pre-filled")
            // The form filled from 2018Q4: an emptied field is stored empty.
            let emptied = try await browser.post("/aktiviteter/6.2", Self.fields(next: ""))
            #expect(emptied.status == .seeOther)
            #expect(try app.service.statusHistory(code: "6.2").last?.nextSteps == "")
        }
    }

    /// The defect found by trying it: the form filled from one period's report, another period chosen and
    /// only the status changed stored the first period's texts as the second's correction.
    @Test func aFormFilledForOnePeriodNeverCorrectsAnother() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "6.2")
        let q3 = try #require(before.last { $0.period == "2018Q3" })
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            try await browser.get("/aktiviteter/6.2")
            #expect(browser.lastPage.contains("name=\"prefilled\" value=\"2018Q4\""))
            // The page's 2018Q4 texts, sent for 2018Q3 with only the status changed: refused, nothing stored.
            let refused = try await browser.post(
                "/aktiviteter/6.2", Self.fields(period: "2018Q3", status: "Klar", comment: "Arbetet pågår enligt plan under kvartal 4 2018."))
            #expect(refused.status == .conflict)
            #expect(try app.service.statusHistory(code: "6.2") == before, "nothing stored")
            #expect(browser.lastPage.contains("<title>Fel: 6.2 Ökad datortäthet"))
            #expect(browser.lastPage.contains("Formuläret var ifyllt för 2018Q4, men du valde 2018Q3, som redan har en rapport. Inget har sparats."))
            #expect(browser.lastPage.contains(">Arbetet pågår enligt plan under kvartal 4 2018.</textarea>"), "what was typed is kept")

            // ?period=2018Q3 fills the form with 2018Q3's report; changing only the status keeps its texts.
            try await browser.get("/aktiviteter/6.2?period=2018Q3")
            #expect(browser.lastPage.contains("<option value=\"2018Q3\" selected=\"selected\">"))
            #expect(browser.lastPage.contains("name=\"prefilled\" value=\"2018Q3\""))
            #expect(browser.lastPage.contains("name=\"basis\" value=\"\(q3.number)\""))
            #expect(browser.lastPage.contains(">\(q3.comment)</textarea>"))
            let saved = try await browser.post("/aktiviteter/6.2", Self.fields(
                period: "2018Q3", status: "Klar", light: q3.light.swedish, comment: q3.comment, obstacles: q3.obstacles,
                next: q3.nextSteps, cost: q3.actualCost.map(String.init) ?? "", prefilled: nil))
            #expect(saved.status == .seeOther)
            let stored = try #require(try app.service.statusHistory(code: "6.2").last)
            #expect(stored.period == "2018Q3" && stored.status == .done && stored.supersedes == q3.number)
            #expect(stored.comment == q3.comment && stored.light == q3.light && stored.obstacles == q3.obstacles)
            try await browser.get(try #require(saved.headers[.location]))
            #expect(browser.lastPage.contains("Rättelsen för 2018Q3 är sparad. Ändrat: status (\(q3.status.swedish) → Klar)."))
        }
    }

    @Test func aPeriodWithoutAReportShowsAnEmptyFormAndVisaSwitchesWithoutStoring() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "2.3b")
        let data = try app.service.actionForReporting(code: "2.3b", caller: try app.service.authenticate(token: try DemoDatabase.token("IT-chef")))
        let empty = try #require(data.periods.first { data.report(for: $0) == nil }, "the demo has an offered period without a report")
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "IT-chef")
            try await browser.get("/aktiviteter/2.3b")
            #expect(browser.lastPage.contains("data-period-switch=\"/aktiviteter/2.3b\""), "the script's hook")
            #expect(browser.lastPage.contains("<script src=\"/skript.js\" defer=\"defer\"></script>"))
            let skicka = try #require(browser.lastPage.range(of: ">Skicka rapporten</button>"))
            let visa = try #require(browser.lastPage.range(of: "name=\"visa\" value=\"1\""))
            #expect(skicka.lowerBound < visa.lowerBound, "Visa comes after Skicka rapporten")
            let shown = try await browser.post("/aktiviteter/2.3b", Self.fields(period: empty.description) + [("visa", "1")])
            #expect(shown.status == .seeOther)
            #expect(shown.headers[.location] == "/aktiviteter/2.3b?period=\(empty)#rapportera")
            #expect(try app.service.statusHistory(code: "2.3b") == before, "Visa stores nothing")
            try await browser.get("/aktiviteter/2.3b?period=\(empty)")
            #expect(browser.lastPage.contains("<option value=\"\(empty)\" selected=\"selected\">"))
            #expect(browser.lastPage.contains("<option value=\"\" selected=\"selected\">Välj status</option>"))
            #expect(browser.lastPage.contains("<option value=\"\" selected=\"selected\">Välj bedömning</option>"))
            #expect(browser.lastPage.contains("<textarea id=\"comment\" name=\"comment\" rows=\"5\" aria-describedby=\"comment-hint\" required=\"required\"></textarea>"))
            #expect(browser.lastPage.contains("name=\"basis\" value=\"\""))
            // A period the page does not offer falls back to the default.
            try await browser.get("/aktiviteter/2.3b?period=1999Q1")
            #expect(browser.lastPage.contains("<option value=\"\(try #require(data.periods.first))\" selected=\"selected\">"))
        }
        try await application.test(.router) { client in
            let script = try await client.execute(uri: "/skript.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(String(buffer: script.body).contains("data-period-switch"))
        }
    }

    /// A report filed for the period by someone else after the form was filled is not replaced unseen.
    @Test func aReportFiledMeanwhileIsNotReplacedUnseen() async throws {
        let (app, application) = try demoApp()
        let owner = try app.service.authenticate(token: try DemoDatabase.token("IT-chef"))
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            try await browser.get("/aktiviteter/6.2")
            try app.service.reportStatus(
                StatusInput(action: "6.2", period: try Period(parsing: "2018Q4"), status: .dormant, light: .red, comment: "Vilande enligt IT-chefen."),
                by: owner)
            let count = try app.service.statusHistory(code: "6.2").count
            let refused = try await browser.post("/aktiviteter/6.2", Self.fields(comment: "Min text."))
            #expect(refused.status == .conflict)
            #expect(try app.service.statusHistory(code: "6.2").count == count, "nothing stored")
            #expect(browser.lastPage.contains("IT-chef lämnade en rapport för 2018Q4"))
            #expect(browser.lastPage.contains(">Min text.</textarea>"))
            // Seen now: sending again makes the correction.
            let again = try await browser.post("/aktiviteter/6.2", Self.fields(comment: "Min text."))
            #expect(again.status == .seeOther)
            #expect(try app.service.statusHistory(code: "6.2").last?.comment == "Min text.")
        }
    }

    /// A refused form: the title begins "Fel:", the error summary comes first in main and takes the focus,
    /// and each of its items links to its field.
    @Test func theErrorSummaryComesFirstAndTakesTheFocus() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let (browser, response) = try await Browser.signInAndPost(
                client, as: "Skolförvaltningen", from: "/aktiviteter/6.2", Self.fields(comment: " "))
            #expect(response.status == .unprocessableContent)
            let page = browser.lastPage
            #expect(page.contains("<title>Fel: 6.2 Ökad datortäthet"))
            #expect(page.contains("<main id=\"innehall\"><div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"fel\" autofocus=\"autofocus\"><h2>Rapporten sparades inte</h2>"))
            #expect(page.contains("<a href=\"#comment\">Skriv en kommentar om läget</a>"))
            #expect(page.contains("<textarea id=\"comment\""))
        }
    }

    @Test(arguments: ["10000000001", "1000000000000", "1000000000000000", "99999999999999999999999"])
    func anAmountTooLargeIsRefusedAsTooLarge(_ cost: String) async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "6.2").count
        try await application.test(.router) { client in
            let (browser, response) = try await Browser.signInAndPost(
                client, as: "Skolförvaltningen", from: "/aktiviteter/6.2", Self.fields(cost: cost))
            #expect(response.status == .unprocessableContent)
            #expect(browser.lastPage.contains("Beloppet är för stort: en verklig kostnad är högst 10\u{A0}000\u{A0}000\u{A0}000\u{A0}kr"))
            #expect(browser.lastPage.contains("value=\"\(cost)\""))
            #expect(try app.service.statusHistory(code: "6.2").count == before)
        }
    }

    @Test func aFormThatIsNotUTF8IsRefusedAndNothingStored() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "6.2").count
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            try await browser.get("/aktiviteter/6.2")
            let csrf = try #require(Browser.csrf(in: browser.lastPage))
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[.cookie] = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let body = "period=2018Q4&status=Klar&light=gr%C3%B6n&comment=%FF%FE&prefilled=2018Q4&_csrf=\(csrf)"
            let response = try await client.execute(uri: "/aktiviteter/6.2", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            let page = String(buffer: response.body)
            #expect(page.contains("inte UTF-8") && page.contains("Kommentar") && page.contains("Inget har sparats."))
            #expect(try app.service.statusHistory(code: "6.2").count == before)
        }
    }

    /// A session that ended while the form was open: nothing is stored, and after signing in again the
    /// person is back on the form with everything typed, told that nothing was saved yet.
    @Test func aReportSentAfterTheSessionEndedIsKeptUntilSentAgain() async throws {
        let path = try DemoDatabase.copy()
        let clock = TestClock()
        var settings = WebSettings(databasePath: path, idleTimeout: 30 * 60)
        settings.clock = { clock.now }
        let app = try WebApp(settings: settings)
        let application = Application(router: app.router())
        let before = try app.service.statusHistory(code: "6.2").count
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            try await browser.get("/aktiviteter/6.2")
            clock.advance(by: 31 * 60)
            let typed = "Skrivet medan sessionen gick ut. <b>&</b>"
            let late = try await browser.post("/aktiviteter/6.2", Self.fields(status: "Klar", comment: typed))
            #expect(late.status == .seeOther && late.headers[.location] == "/logga-in")
            #expect(try app.service.statusHistory(code: "6.2").count == before, "nothing stored")
            let draftCookie = try #require(late.headers[values: .setCookie].first { $0.hasPrefix("agenda_draft=") })
            #expect(draftCookie.contains("HttpOnly") && draftCookie.contains("SameSite=Strict"))
            try await browser.get("/logga-in")
            #expect(browser.lastPage.contains("Du hann bli utloggad innan det du skickade sparades, så inget har sparats än."))
            let signedIn = try await browser.post("/logga-in", [("token", try DemoDatabase.token("Skolförvaltningen"))])
            #expect(signedIn.headers[.location] == "/aktiviteter/6.2", "back to the form's page")
            try await browser.get("/aktiviteter/6.2")
            #expect(browser.lastPage.contains("Du loggades ut innan det du skrev skickades, så inget har sparats än."))
            #expect(browser.lastPage.contains(">Skrivet medan sessionen gick ut. &lt;b&gt;&amp;&lt;/b&gt;</textarea>"))
            #expect(browser.lastPage.contains("<option value=\"Klar\" selected=\"selected\">Klar</option>"))
            #expect(browser.cookies["agenda_draft"] == nil, "the draft is used once")
            let sent = try await browser.post("/aktiviteter/6.2", Self.fields(status: "Klar", comment: typed))
            #expect(sent.status == .seeOther)
            #expect(try app.service.statusHistory(code: "6.2").last?.comment == typed)
        }
    }

    @Test func aValidationErrorKeepsEverythingTypedAndShowsTheErrorsBesideTheFields() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "6.2").count
        try await application.test(.router) { client in
            let (browser, response) = try await Browser.signInAndPost(
                client, as: "Skolförvaltningen", from: "/aktiviteter/6.2",
                Self.fields(period: "2018Q9", status: "Halvklar", light: "lila", comment: "  ",
                            obstacles: "Budgeten räcker inte.", next: "Söka medel.", cost: "12 tusen"))
            #expect(response.status == .unprocessableContent)
            let page = browser.lastPage
            #expect(page.contains("<span class=\"error\" id=\"period-error\">Fel: Välj en period</span>"))
            #expect(page.contains("<span class=\"error\" id=\"status-error\">Fel: Välj en status i listan</span>"))
            #expect(page.contains("<span class=\"error\" id=\"light-error\">Fel: Välj grön, gul eller röd</span>"))
            #expect(page.contains("<span class=\"error\" id=\"comment-error\">Fel: Skriv en kommentar om läget</span>"))
            #expect(page.contains("Fel: Skriv kostnaden i hela kronor, till exempel 240000"))
            #expect(page.contains("<a href=\"#cost\">Skriv kostnaden i hela kronor, till exempel 240000</a>"), "in the summary")
            #expect(page.contains(">Budgeten räcker inte.</textarea>") && page.contains(">Söka medel.</textarea>"))
            #expect(page.contains("value=\"12 tusen\""))
            #expect(try app.service.statusHistory(code: "6.2").count == before, "nothing stored")

            // The core's refusal of a period that has not begun, beside the period.
            let future = try await browser.post("/aktiviteter/6.2", Self.fields(period: "2999Q1", comment: "Snart."))
            #expect(future.status == .unprocessableContent)
            #expect(browser.lastPage.contains("id=\"period-error\">Fel: 2999Q1 har inte börjat än"))
            #expect(browser.lastPage.contains(">Snart.</textarea>"))
            #expect(try app.service.statusHistory(code: "6.2").count == before)
        }
    }

    @Test func hostileTextIsShownLiterally() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let (browser, response) = try await Browser.signInAndPost(
                client, as: "Skolförvaltningen", from: "/aktiviteter/6.2",
                Self.fields(comment: "<script>alert(1)</script>", obstacles: "\"><img src=x onerror=alert(1)>"))
            #expect(response.status == .seeOther)
            try await browser.get("/aktiviteter/6.2")
            let page = browser.lastPage
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains("<script>"))
            #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") || page.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!page.contains("<img src=x"))
            // And in the form kept after an error.
            let invalid = try await browser.post("/aktiviteter/6.2", Self.fields(light: "<script>x</script>", comment: "</textarea><script>y</script>"))
            #expect(invalid.status == .unprocessableContent)
            #expect(!browser.lastPage.contains("<script>"))
            #expect(browser.lastPage.contains("&lt;/textarea&gt;&lt;script&gt;y&lt;/script&gt;"))
        }
    }

    @Test func anotherFörvaltningsActionAnswers403AndStoresNothing() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "1.2").count
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            let page = try await browser.get("/aktiviteter/1.2")
            #expect(page.status == .forbidden)
            #expect(!browser.lastPage.contains("Skicka rapporten"))
            #expect(browser.lastPage.contains("<a href=\"/aktiviteter\">Till era aktiviteter</a>"), "the way on: its own list")
            #expect(browser.lastPage.contains("Logga ut"), "the refusal stands in the signed-in frame")
            try await browser.get("/aktiviteter/6.2")
            let post = try await browser.post("/aktiviteter/1.2", Self.fields())
            #expect(post.status == .forbidden)
            #expect(try app.service.statusHistory(code: "1.2").count == before)
        }
    }

    @Test func aReaderMayNeitherSeeNorPostTheForm() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "6.2").count
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "IT-rådet")
            let page = try await browser.get("/aktiviteter/6.2")
            #expect(page.status == .forbidden)
            #expect(!browser.lastPage.contains("Skicka rapporten"))
            #expect(browser.lastPage.contains("<a href=\"/rapporter\">Till rapporterna</a>"))
            let post = try await browser.post("/aktiviteter/6.2", Self.fields())
            #expect(post.status == .forbidden)
            #expect(try app.service.statusHistory(code: "6.2").count == before)
        }
    }

    @Test func aPostWithoutItsCSRFTokenIsRefused() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "6.2").count
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            try await browser.get("/aktiviteter/6.2")
            let forged = try await browser.post("/aktiviteter/6.2", Self.fields(), csrf: "0000")
            #expect(forged.status == .forbidden)
            #expect(try app.service.statusHistory(code: "6.2").count == before)
        }
    }

    @Test func aWithdrawnActionHasNoForm() async throws {
        let (app, application) = try demoApp()
        let owner = try app.service.authenticate(token: try DemoDatabase.token("IT-chef"))
        try app.service.withdrawAction(code: "6.2", decision: Decision(reference: "IT-rådet 2019-01-02 §1", date: CalendarDate(year: 2019, month: 1, day: 2)), by: owner)
        let before = try app.service.statusHistory(code: "6.2").count
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            let page = try await browser.get("/aktiviteter/6.2")
            #expect(page.status == .ok)
            #expect(browser.lastPage.contains("Aktiviteten är struken ur planen."))
            #expect(!browser.lastPage.contains("<form method=\"post\" action=\"/aktiviteter/6.2\""))
            #expect(browser.lastPage.contains("Statushistorik"), "the history stays")
            let post = try await browser.post("/aktiviteter/6.2", Self.fields())
            #expect(post.status == .conflict)
            #expect(try app.service.statusHistory(code: "6.2").count == before)
        }
    }

    /// Status reporting over HTTP for each role: the owner on any action, a förvaltning on its own only,
    /// a reader on none, a revoked identity back to sign-in.
    @Test(arguments: [
        ("IT-chef", "6.2", 303), ("IT-chef", "1.2", 303),
        ("Skolförvaltningen", "6.2", 303), ("Skolförvaltningen", "1.2", 403),
        ("Stadsledningsförvaltningen", "1.2", 303), ("Stadsledningsförvaltningen", "6.2", 403),
        ("IT-rådet", "6.2", 403), ("IT-rådet", "1.2", 403),
    ])
    func theRoleDecidesWhoMayReport(name: String, code: String, expected: Int) async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: code).count
        try await application.test(.router) { client in
            // The CSRF token from any page of the session (a 403 page carries the sign-out form).
            let (_, response) = try await Browser.signInAndPost(
                client, as: name, from: "/aktiviteter/\(code)", Self.fields(prefilled: nil))
            #expect(response.status.code == expected)
            #expect(try app.service.statusHistory(code: code).count == before + (expected == 303 ? 1 : 0))
        }
    }

    @Test func aRevokedIdentityStoresNothingAndIsSentToSignIn() async throws {
        let (app, application) = try demoApp()
        let before = try app.service.statusHistory(code: "6.2").count
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "Skolförvaltningen")
            try await browser.get("/aktiviteter/6.2")
            let owner = try app.service.authenticate(token: try DemoDatabase.token("IT-chef"))
            try app.service.revokeIdentity(name: "Skolförvaltningen", by: owner)
            // The session ended with the identity: the POST is sent to sign in, and so is the next page.
            let response = try await browser.post("/aktiviteter/6.2", Self.fields())
            #expect(response.status == .seeOther && response.headers[.location] == "/logga-in")
            #expect(try app.service.statusHistory(code: "6.2").count == before)
            let page = try await browser.get("/aktiviteter/6.2")
            #expect(page.status == .seeOther && page.headers[.location] == "/logga-in?till=%2Faktiviteter%2F6.2")
        }
    }

    @Test func anUnknownActionIsNotFound() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: "IT-chef")
            #expect(try await browser.get("/aktiviteter/99.9").status == .notFound)
        }
    }

    @Test func costIsReadAsWholeKronor() {
        #expect(StatusForm.amount("") == .notGiven)
        #expect(StatusForm.amount("240000") == .kronor(240_000))
        #expect(StatusForm.amount("2 400 000 kr") == .kronor(2_400_000))
        #expect(StatusForm.amount("-5") == nil)
        #expect(StatusForm.amount("12,5") == nil)
        #expect(StatusForm.amount("kr") == nil)
        #expect(StatusForm.amount("١٢") == nil, "ASCII digits only")
    }
}
