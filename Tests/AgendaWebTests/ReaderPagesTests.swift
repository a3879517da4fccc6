@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReportGen
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import AgendaWeb

@Suite struct ReaderPagesTests {
    /// The bytes `agenda report` (ReportGenerator.write) writes for `period` in `format` from the app's database.
    static func written(_ period: String, _ format: ReportFormat, app: WebApp) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-web-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try ReportGenerator.write(
            ReportRequest(period: try Period(parsing: period), formats: [format], directory: dir), service: app.service,
            templates: app.templates)
        return try Data(contentsOf: try #require(files.first))
    }

    static func bytes(_ response: TestResponse) -> Data {
        Data(buffer: response.body)
    }

    @Test func theReaderSeesThePeriodsWithPublicationTimeAndDownloads() async throws {
        let (app, application) = try demoApp()
        let published = try #require(try app.service.publication(for: Period(parsing: "2018Q3")))
        try await application.test(.router) { client in
            let reader = Browser(client)
            let signIn = try await reader.signIn(token: try DemoDatabase.token("IT-rådet"))
            #expect(signIn.headers[.location] == "/rapporter")
            let page = try await reader.get("/rapporter")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/xhtml+xml; charset=utf-8")
            let html = reader.lastPage
            #expect(html.contains("href=\"/rapporter/2018Q4\"") && html.contains("href=\"/rapporter/2018Q3\""))
            #expect(html.contains("Publicerad \(published.publishedAt.swedishDisplay) av IT-chef"))
            #expect(published.publishedAt.swedishDisplay.hasSuffix("+02:00"), "October 2018 is summer time in Sweden")
            for ext in ["odt", "ods", "xhtml", "fodt", "fods"] {
                #expect(html.contains("href=\"/rapporter/2018Q4/agenda-2018Q4.\(ext)\""), "\(ext)")
            }
            #expect(!html.contains("/publicera"), "a reader is offered nothing to write")
            #expect(html.components(separatedBy: "<h1").count == 2)
        }
    }

    @Test func theReportShowsInTheSiteFrameWithItsMenuAndSignOut() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let reader = Browser(client)
            _ = try await reader.signIn(token: try DemoDatabase.token("IT-rådet"))
            let report = try await reader.get("/rapporter/2018Q4")
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "application/xhtml+xml; charset=utf-8")
            let page = try Markup(reader.lastPage)
            let el = Markup.el
            // The site's frame: its header with the menu (Rapporter current) and the sign-out button.
            let header = try #require(try page.elements("//\(el("header"))[@class='site-header']").first)
            let menu = try page.elements(".//\(el("nav"))[@aria-label='Huvudmeny']//\(el("a"))", in: header)
            #expect(menu.map { $0.value(of: "href") } == ["/rapporter", "/lika"])
            #expect(menu.first?.value(of: "aria-current") == "page")
            let signOut = try page.elements(".//\(el("form"))[@action='/logga-ut']//\(el("button"))", in: header)
            #expect(signOut.map(\.text) == ["Logga ut"])
            #expect(try page.elements("//\(el("a"))[@class='skip-link'][@href='#innehall']").count == 1)
            // The report in the page's one <main>: its title, table of contents, sections and footer.
            #expect(try page.elements("//\(el("main"))").count == 1)
            let main = try #require(try page.elements("//\(el("main"))[@id='innehall']").first)
            let body = try #require(try page.elements("./\(el("div"))[@class='report']", in: main).first)
            #expect(try page.elements("//\(el("h1"))").map(\.text) == ["Handlingsplan - Digital agenda för Mölndals stad"], "the report's title, the page's one h1")
            #expect(try page.elements(".//\(el("nav"))[@class='toc']", in: body).count == 1)
            let sections = try page.elements(".//\(el("section"))/\(el("h2"))", in: body).map(\.text)
            #expect(sections.first == "Sammanfattning" && sections.contains("1. Extern service"), "\(sections)")
            #expect(try page.elements(".//\(el("footer"))[@class='report-footer']", in: body).count == 1)
            // The files beside it, and no way out of the frame but the menu's.
            let downloads = try page.elements(".//\(el("p"))[@class='report-links']/\(el("a"))", in: main).map { $0.value(of: "href") ?? "" }
            #expect(downloads.first == "/rapporter")
            #expect(downloads.contains("/rapporter/2018Q4/agenda-2018Q4.odt") && downloads.contains("/rapporter/2018Q4/agenda-2018Q4.xhtml"))
            // The page keeps the site's stylesheet and strict policy: no inline style, no logo of the report's own.
            #expect(try page.elements("//\(el("link"))[@rel='stylesheet']").map { $0.value(of: "href") } == ["/stil.css"])
            #expect(try page.elements("//\(el("style"))").isEmpty && !reader.lastPage.contains("style="))
            #expect(try page.elements("//*[@class='logo']").isEmpty, "the site's header shows the logo")
            #expect(report.headers[.contentSecurityPolicyHeader] == SecurityHeaders<WebContext>.policy)
        }
    }

    /// The headings carry their numbers ("1. Extern service"); an ordered list numbered them again
    /// ("9. 1. Extern service"). The contents are a list without numbers, in the page and in the file.
    @Test func theTableOfContentsIsNotNumberedTwice() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let reader = Browser(client)
            _ = try await reader.signIn(token: try DemoDatabase.token("IT-rådet"))
            for uri in ["/rapporter/2018Q4", "/rapporter/2018Q4/agenda-2018Q4.xhtml"] {
                #expect(try await reader.get(uri).status == .ok)
                let page = try Markup(reader.lastPage)
                let el = Markup.el
                let toc = try #require(try page.elements("//\(el("nav"))[@class='toc']").first, "\(uri)")
                #expect(try page.elements(".//\(el("ol"))", in: toc).isEmpty, "\(uri): no numbered list")
                let entries = try page.elements("./\(el("ul"))/\(el("li"))/\(el("a"))", in: toc)
                #expect(entries.count > 9, "\(uri)")
                for entry in entries {
                    // Each entry says what its heading says, number included, once.
                    let id = String((entry.value(of: "href") ?? "").dropFirst())
                    let heading = try page.elements("//*[@id='\(id)']").first
                    #expect(heading?.text == entry.text, "\(uri): \(entry.text)")
                }
                #expect(entries.map(\.text).contains("1. Extern service"), "\(uri)")
                #expect(uri.hasSuffix(".xhtml") == reader.lastPage.contains(".toc ul { list-style: none;"), "the file's own CSS: no bullets")
            }
            try await reader.get("/stil.css")
            #expect(reader.lastPage.contains(".toc ul { list-style: none;"), "the web's CSS: no bullets either")
        }
    }

    @Test func theReportFileIsTheSameXHTMLTheCLIWritesWithItsOwnStylePolicy() async throws {
        let (app, application) = try demoApp()
        let expected = try Self.written("2018Q4", .xhtml, app: app)
        try await application.test(.router) { client in
            let reader = Browser(client)
            _ = try await reader.signIn(token: try DemoDatabase.token("IT-rådet"))
            let report = try await reader.get("/rapporter/2018Q4/agenda-2018Q4.xhtml")
            #expect(report.status == .ok)
            #expect(Self.bytes(report) == expected, "the same bytes as `agenda report --period 2018Q4 --format xhtml`")
            #expect(reader.lastPage.contains("<style"), "the report file inlines its stylesheet")
            let policy = try #require(report.headers[.contentSecurityPolicyHeader])
            #expect(policy.contains("style-src 'self' 'unsafe-inline';"))
            #expect(policy.contains("script-src 'self';") && !policy.contains("script-src 'self' 'unsafe-inline'"), "inline scripts stay forbidden")
            #expect(report.headers[.xContentTypeOptions] == "nosniff")
            let list = try await reader.get("/rapporter")
            #expect(list.headers[.contentSecurityPolicyHeader] == SecurityHeaders<WebContext>.policy, "other pages keep the strict policy")
            #expect(!(list.headers[.contentSecurityPolicyHeader] ?? "").contains("unsafe-inline"))
        }
    }

    @Test func aPublishedPeriodReadsTheSameBeforeAndAfterALateReport() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let reader = Browser(client)
            _ = try await reader.signIn(token: try DemoDatabase.token("IT-rådet"))
            let before = Self.bytes(try await reader.get("/rapporter/2018Q3"))
            let beforeOpen = Self.bytes(try await reader.get("/rapporter/2018Q4"))
            let school = try app.service.authenticate(token: try DemoDatabase.token("Skolförvaltningen"))
            let code = try #require(try app.service.myActions(department: nil, caller: school).actions.first { action in
                action.action.responsibility.lead?.department == "Skolförvaltningen" && action.action.state == .active
            }?.action.code)
            for period in ["2018Q3", "2018Q4"] {
                try app.service.reportStatus(
                    StatusInput(
                        action: code, period: try Period(parsing: period), status: .started, light: .red,
                        comment: "Sen rapport: ny leverantör \(period)."),
                    by: school)
            }
            let after = try await reader.get("/rapporter/2018Q3")
            #expect(after.status == .ok)
            #expect(Self.bytes(after) == before, "a published period is served exactly as published")
            #expect(!reader.lastPage.contains("Sen rapport"))
            let afterOpen = try await reader.get("/rapporter/2018Q4")
            #expect(Self.bytes(afterOpen) != beforeOpen, "an unpublished period shows the new report")
            #expect(reader.lastPage.contains("Sen rapport: ny leverantör 2018Q4."))
        }
    }

    @Test(arguments: [
        (ReportFormat.odt, "application/vnd.oasis.opendocument.text"),
        (.ods, "application/vnd.oasis.opendocument.spreadsheet"),
        (.xhtml, "application/xhtml+xml; charset=utf-8"),
        (.fodt, "application/vnd.oasis.opendocument.text-flat-xml; charset=utf-8"),
        (.fods, "application/vnd.oasis.opendocument.spreadsheet-flat-xml; charset=utf-8"),
    ])
    func downloadsCarryTheirTypeAndFileName(_ format: ReportFormat, _ type: String) async throws {
        let (app, application) = try demoApp()
        let expected = try Self.written("2018Q3", format, app: app)
        try await application.test(.router) { client in
            let reporter = Browser(client)
            _ = try await reporter.signIn(token: try DemoDatabase.token("Skolförvaltningen"))
            let download = try await reporter.get("/rapporter/2018Q3/agenda-2018Q3.\(format.rawValue)")
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == type)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"agenda-2018Q3.\(format.rawValue)\"")
            #expect(Self.bytes(download) == expected)
        }
    }

    @Test func unknownPeriodsAndFormatsAreNotFoundAndPeriodsOutsideThePlanAreRefused() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let reader = Browser(client)
            _ = try await reader.signIn(token: try DemoDatabase.token("IT-rådet"))
            for uri in [
                "/rapporter/2018X4", "/rapporter/hej", "/rapporter/2018Q4/agenda-2018Q4.pdf", "/rapporter/2018Q4/agenda-2018Q3.odt",
                "/rapporter/2018Q4/rapport.odt", "/rapporter/%3Cscript%3E",
            ] {
                let response = try await reader.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!reader.lastPage.contains("<script>"))
            }
            let future = try await reader.get("/rapporter/2999Q1")
            #expect(future.status == .unprocessableContent)
            #expect(reader.lastPage.contains("har inte börjat än"))
            let early = try await reader.get("/rapporter/2001Q1/agenda-2001Q1.odt")
            #expect(early.status == .unprocessableContent)
            #expect(reader.lastPage.contains("slutar innan planen börjar gälla"))
        }
    }

    @Test func thePeriodsAreTheCurrentOneThosePublishedAndThoseWithRoundsNewestFirst() throws {
        let (app, _) = try demoApp()
        let periods = try app.service.reportPeriods()
        let current = Period.containing(app.service.today, kind: .quarter)
        #expect(periods.first?.period == current && periods.first?.isCurrent == true)
        #expect(periods.map(\.period) == periods.map(\.period).sorted(by: >))
        #expect(periods.filter { $0.publication != nil }.map(\.period.description) == ["2018Q3"])
        #expect(periods.contains { $0.period.description == "2017Q1" && $0.round != nil })
        #expect(Period.containing(CalendarDate(year: 2018, month: 11, day: 30), kind: .quarter).description == "2018Q4")
        #expect(Period.containing(CalendarDate(year: 2018, month: 5, day: 1), kind: .tertial).description == "2018T2")
        #expect(Period.containing(CalendarDate(year: 2018, month: 7, day: 1), kind: .halfYear).description == "2018H2")
        #expect(Period.containing(CalendarDate(year: 2018, month: 7, day: 1), kind: .year).description == "2018")
    }

    @Test func reportsAreForSignedInPeopleOnly() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let visitor = Browser(client)
            for uri in ["/rapporter", "/rapporter/2018Q3", "/rapporter/2018Q3/agenda-2018Q3.odt"] {
                let response = try await visitor.get(uri)
                #expect(response.status == .seeOther && response.headers[.location] == "/logga-in?till=\(Browser.encode(uri))", "\(uri)")
            }
        }
    }
}
