import AgendaCore
import Foundation
import Testing
@testable import ReportGen

/// A plan that names no organisation anywhere still gives reports a name and the logo an accessible
/// name: its title (axe's role-img-alt fails on `aria-label=""`).
@Suite struct OrganisationFallbackTests {
    static let plan = """
        Digital agenda 2018–2020

        1. Extern service

        1.1 E-tjänster

        Invånarna ska kunna sköta sina ärenden digitalt.
        """

    @Test func theTitleStandsInForAMissingOrganisation() throws {
        let folder = try Support.tempDirectory()
        let path = folder.appendingPathComponent("agenda.sqlite").path
        let source = try PlanSource.read(Data(Self.plan.utf8), filename: "plan.txt")
        let outcome = try AgendaService.importNew(source, at: path)
        #expect(outcome.agenda.organisation == "")
        let service = try AgendaService(path: path)
        let urls = try service.read { snapshot in
            try ReportGenerator.write(
                ReportRequest(period: try Period(parsing: "2018Q4"), formats: [.xhtml, .fodt], directory: folder),
                from: snapshot, templates: try TemplateSet.bundled())
        }
        let xhtml = try String(contentsOf: try #require(urls.first { $0.pathExtension == "xhtml" }), encoding: .utf8)
        #expect(xhtml.contains("aria-label=\"Digital agenda 2018–2020\""))
        #expect(!xhtml.contains("aria-label=\"\""))
        let fodt = try String(contentsOf: try #require(urls.first { $0.pathExtension == "fodt" }), encoding: .utf8)
        #expect(fodt.contains("<svg:title>Digital agenda 2018–2020</svg:title>"))
        #expect(try TemplateSet.bundled().logoAlt(for: "") == "Logotyp")
    }
}
