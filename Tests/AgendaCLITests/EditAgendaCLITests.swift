import Foundation
import Testing

/// `agenda edit agenda --organisation`: the IT-chef names who adopted the plan, under a decision, audited.
@Suite struct EditAgendaCLITests {
    @Test func theOwnerNamesTheOrganisationAndTheReportsCarryIt() throws {
        let folder = try TemporaryFolder()
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
        let tokens = DemoTokens.parse(demo.stdout)
        func agenda(_ token: String?, _ arguments: String...) throws -> AgendaProcess.Result {
            var environment = ["AGENDA_DB": folder.path("agenda.sqlite")]
            if let token { environment["AGENDA_TOKEN"] = token }
            return try AgendaProcess.run(arguments, environment: environment)
        }
        let owner = try #require(tokens["IT-chef"]), school = try #require(tokens["Skolförvaltningen"])

        let refused = try agenda(school, "edit", "agenda", "--organisation", "Skolstaden")
        #expect(refused.status == 1 && refused.stderr.split(separator: "\n").count == 1, "stderr: \(refused.stderr)")

        let set = try agenda(owner, "edit", "agenda", "--organisation", "Mölndals kommun", "--decision", "KS 2019-01-10 §3")
        #expect(set.status == 0, "stderr: \(set.stderr)")
        #expect(set.stdout.contains("Planens organisation är nu Mölndals kommun."))
        let again = try agenda(owner, "edit", "agenda", "--organisation", "Mölndals kommun", "--decision", "KS 2019-01-10 §3")
        #expect(again.status == 1 && again.stderr.contains("heter redan"), "stderr: \(again.stderr)")

        #expect(try agenda(nil, "audit").stdout.contains("Angav organisationen"))
        let out = folder.path("rapporter")
        #expect(try agenda(nil, "report", "--period", "2018Q4", "--format", "xhtml", "--out", out).status == 0)
        let xhtml = try String(contentsOfFile: out + "/agenda-2018Q4.xhtml", encoding: .utf8)
        #expect(xhtml.contains("aria-label=\"Mölndals kommun\""))
    }
}
