import AgendaCore
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

/// Reflow (WCAG 1.4.10): every data table of the web and the public site stands in its own scroll region,
/// so that on a narrow screen the table scrolls sideways and the page does not. A keyboard reaches the
/// region (tabindex="0"), and a screen reader hears it named by the table's caption.
@Suite struct TableRegionTests {
    /// Every `<table>` on `page` is the only child of a `div.table-scroll` region named by its caption.
    static func expectTablesInRegions(_ page: String, _ uri: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let markup = try Markup(page)
        let el = Markup.el
        let tables = try markup.elements("//\(el("table"))")
        #expect(!tables.isEmpty, "\(uri) has tables", sourceLocation: sourceLocation)
        for table in tables {
            let caption = try markup.elements("./\(el("caption"))", in: table).first?.text
            let region = table.parent as? XMLElement
            #expect(region?.name == "div" && region?.value(of: "class") == "table-scroll", "\(uri): \(caption ?? "?")", sourceLocation: sourceLocation)
            #expect(region?.value(of: "role") == "region", "\(uri): \(caption ?? "?")", sourceLocation: sourceLocation)
            #expect(region?.value(of: "tabindex") == "0", "\(uri): \(caption ?? "?")", sourceLocation: sourceLocation)
            #expect(caption != nil && region?.value(of: "aria-label") == caption, "\(uri): \(caption ?? "?")", sourceLocation: sourceLocation)
            #expect(region?.childCount == 1, "\(uri): the region holds the table alone", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        ("IT-chef", ["/omgang", "/aktiviteter", "/identiteter", "/logg", "/rapporter", "/rapporter/2018Q4", "/lika", "/lika/IFO"]),
        ("Skolförvaltningen", ["/aktiviteter", "/aktiviteter/6.2"]),
        ("IT-rådet", ["/rapporter", "/rapporter/2018Q3"]),
    ])
    func everyTableOfTheWebStandsInItsOwnNamedFocusableRegion(_ who: String, _ uris: [String]) async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = try await Browser.signedIn(client, as: who)
            for uri in uris {
                #expect(try await browser.get(uri).status == .ok, "\(uri)")
                try Self.expectTablesInRegions(browser.lastPage, uri)
            }
        }
    }

    @Test func everyTableOfThePublicSiteStandsInItsOwnRegion() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let browser = Browser(client)
            for uri in ["/oppet/", "/oppet/omraden/6.html", "/oppet/perioder/2018Q3.html"] {
                #expect(try await browser.get(uri).status == .ok, "\(uri)")
                try Self.expectTablesInRegions(browser.lastPage, uri)
            }
        }
    }

    /// The standalone report file changes only in its CSS for reflow: its tables keep their column widths
    /// and stand without regions, while the stylesheet breaks long words and lets narrow screens wrap.
    @Test func theReportFileReflowsByItsStylesheet() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let reader = try await Browser.signedIn(client, as: "IT-rådet")
            #expect(try await reader.get("/rapporter/2018Q4/agenda-2018Q4.xhtml").status == .ok)
            let markup = try Markup(reader.lastPage)
            #expect(try markup.elements("//*[@class='table-scroll']").isEmpty)
            #expect(try !markup.elements("//*[local-name()='col'][@style]").isEmpty)
            let style = try markup.elements("//*[local-name()='style']").first?.stringValue ?? ""
            #expect(style.contains("overflow-wrap: anywhere") && style.contains("table.report-table col { width: auto !important; }"))
            try await reader.get("/stil.css")
            #expect(reader.lastPage.contains(".table-scroll { overflow-x: auto;"))
        }
    }
}
