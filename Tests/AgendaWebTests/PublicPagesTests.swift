@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReportGen
import Testing
@testable import AgendaWeb

/// The public site under /oppet: no sign-in, the same bytes `agenda site` writes, published periods only.
@Suite struct PublicPagesTests {
    @Test func thePublicSiteIsServedWithoutSignInAsAgendaSiteWritesIt() async throws {
        let (app, application) = try demoApp()
        let site = try PublicSite.read(from: app.service, templates: app.templates, baseURL: "/oppet/")
        try await application.test(.router) { client in
            let browser = Browser(client)
            let start = try await browser.get("/oppet/")
            #expect(start.status == .ok)
            #expect(start.headers[.contentType] == "text/html; charset=utf-8")
            #expect(Data(buffer: start.body) == (try site.file(at: "")))
            for path in ["aktiviteter/6.2.html", "oppna-data/aktiviteter.csv", "flode.atom", "stil.css"] {
                let response = try await browser.get("/oppet/\(path)")
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == PublicSite.contentType(for: path))
                #expect(Data(buffer: response.body) == (try site.file(at: path)), "\(path)")
            }
            #expect(try await browser.get("/oppet/../agenda.sqlite").status == .notFound)
            #expect(try await browser.get("/oppet/finns-inte.html").status == .notFound)
        }
    }

    @Test func aReportFiledAfterPublicationIsNotOnThePublicSite() async throws {
        let (app, application) = try demoApp()
        let skola = try app.service.authenticate(token: try DemoDatabase.token("Skolförvaltningen"))
        // 2018Q3 is published in the demo; a late report about it must not reach the public.
        try app.service.reportStatus(
            StatusInput(action: "6.2", period: try Period(parsing: "2018Q3"), status: .almostDone, light: .yellow,
                        comment: "Sen rapport som inte är publicerad 7f3a"),
            by: skola)
        try await application.test(.router) { client in
            let page = try await Browser(client).get("/oppet/aktiviteter/6.2.html")
            #expect(page.status == .ok)
            #expect(!String(buffer: page.body).contains("7f3a"))
        }
    }
}
