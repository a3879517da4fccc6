@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReportGen
import Testing
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

    @Test func theReportIsTheSameXHTMLTheCLIWritesWithItsOwnStylePolicy() async throws {
        let (app, application) = try demoApp()
        let expected = try Self.written("2018Q4", .xhtml, app: app)
        try await application.test(.router) { client in
            let reader = Browser(client)
            _ = try await reader.signIn(token: try DemoDatabase.token("IT-rådet"))
            let report = try await reader.get("/rapporter/2018Q4")
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "application/xhtml+xml; charset=utf-8")
            #expect(Self.bytes(report) == expected, "the same bytes as `agenda report --period 2018Q4 --format xhtml`")
            #expect(reader.lastPage.contains("<style"), "the report inlines its stylesheet")
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
                #expect(response.status == .seeOther && response.headers[.location] == "/logga-in", "\(uri)")
            }
        }
    }
}
