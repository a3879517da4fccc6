import Foundation
import Testing

/// End-to-end: the token flow, status reporting and the audit, through the built binary.
@Suite struct AccessCLITests {
    let folder: TemporaryFolder
    let db: String

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
    }

    private func agenda(token: String? = nil, _ arguments: String...) throws -> AgendaProcess.Result {
        var environment = ["AGENDA_DB": db]
        if let token { environment["AGENDA_TOKEN"] = token }
        return try AgendaProcess.run(arguments, environment: environment)
    }

    private func lastLine(_ result: AgendaProcess.Result) -> String {
        String(result.stdout.split(separator: "\n").last ?? "")
    }

    private func isToken(_ text: String) -> Bool {
        text.wholeMatch(of: /agenda_[0-9a-f]{64}/) != nil
    }

    private func expectOneLineRefusal(_ result: AgendaProcess.Result, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func initPrintsTheOwnersTokenOnceOnTheLastLine() throws {
        let created = try agenda("init")
        #expect(created.status == 0)
        let owner = lastLine(created)
        #expect(isToken(owner))
        let again = try agenda("init")
        #expect(again.status == 0)
        #expect(!again.stdout.contains("agenda_"), "the token is shown only once")
        let plan = folder.path("plan.txt")
        try "1. Extern service\n\n1.1 Mina sidor\n\nHandlingsplan: Inför Mina sidor.\n\nAnsvarig: SLF, IT-avdelningen\n\nTidsplan: 2018\n"
            .write(toFile: plan, atomically: true, encoding: .utf8)
        expectOneLineRefusal(try agenda("import", plan), containing: "kräver en token")
        #expect(try agenda(token: owner, "import", plan).status == 0)
        #expect(try agenda("list", "actions").status == 0, "reading needs no token")
    }

    @Test func importIntoANewDatabaseCreatesTheOwnerAndPrintsItsTokenLast() throws {
        let plan = folder.path("plan.txt")
        try "1. Extern service\n\n1.1 Mina sidor\n\nHandlingsplan: Inför Mina sidor.\n\nAnsvarig: SLF, IT-avdelningen\n\nTidsplan: 2018\n"
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let imported = try agenda("import", plan)
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        let owner = lastLine(imported)
        #expect(isToken(owner))
        let listed = try agenda("identity", "list", "--json")
        let identities = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
        #expect(identities.map { $0["name"] as? String } == ["IT-chef"])
        #expect(try agenda(token: owner, "add", "unit", "SKF").status == 0)
    }

    @Test func importWarnsWhereTheAnsvarigLinkIsUnsure() throws {
        let plan = folder.path("plan.txt")
        try "1. Extern service\n\n1.1 Mina sidor\n\nHandlingsplan: Inför Mina sidor.\n\nAnsvarig: Stadsledningsförvaltnigen\n\nTidsplan: 2018\n"
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let imported = try agenda("import", plan)
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("aktivitet 1.1: ansvarig kopplad med låg säkerhet (\"Stadsledningsförvaltnigen\")"))
        #expect(imported.stderr.contains("agenda edit action 1.1 --responsible TEXT"))
    }

    @Test func reportersReportOnlyOnTheirOwnActionsAndRevokedTokensWriteNothing() throws {
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        let tokens = DemoTokens.parse(demo.stdout)
        let owner = try #require(tokens["IT-chef"])
        let added = try agenda(token: owner, "identity", "add", "Skolans rapportör", "--role", "reporter", "--department", "SKF")
        #expect(added.status == 0, "stderr: \(added.stderr)")
        let school = lastLine(added)
        #expect(isToken(school))

        let inScope = try agenda(token: school, "status", "set", "6.2", "--period", "2018Q4", "--status", "nästan klar",
                                 "--light", "GUL", "--comment", "Årskurs 4–6 får datorer i januari.", "--obstacles", "Leveransförsening",
                                 "--next", "Utvärdering", "--cost", "2600000")
        #expect(inScope.status == 0, "stderr: \(inScope.stderr)")
        let before = try agenda("export").stdoutData
        let outside = try agenda(token: school, "status", "set", "1.2", "--period", "2018Q4", "--status", "Klar", "--light", "grön", "--comment", "x")
        expectOneLineRefusal(outside, containing: "får inte rapportera för 1.2: ansvaret ligger hos Stadsledningsförvaltningen (IT-avdelningen)")
        expectOneLineRefusal(try agenda(token: school, "edit", "action", "6.2", "--title", "x"), containing: "får inte ändra planen")
        expectOneLineRefusal(try agenda(token: tokens["IT-rådet"], "status", "set", "6.2", "--period", "2018Q4",
                                        "--status", "Klar", "--light", "grön", "--comment", "x"), containing: "läsare")
        #expect(try agenda("export").stdoutData == before, "refused writes change nothing")

        #expect(try agenda(token: owner, "identity", "revoke", "Skolans rapportör").status == 0)
        expectOneLineRefusal(try agenda(token: school, "status", "set", "6.2", "--period", "2018Q4", "--status", "Klar",
                                        "--light", "grön", "--comment", "x"), containing: "token är inte giltig")
        let renewed = try agenda(token: owner, "identity", "renew", "Skolans rapportör")
        let fresh = lastLine(renewed)
        #expect(isToken(fresh) && fresh != school)
        #expect(try agenda(token: fresh, "status", "set", "6.2", "--period", "2018Q4", "--status", "Klar", "--light", "grön",
                           "--comment", "Alla elever har datorer.").status == 0)

        let history = try #require(try JSONSerialization.jsonObject(with: agenda("status", "history", "6.2", "--json").stdoutData) as? [[String: Any]])
        let latest = try #require(history.last)
        #expect(latest["status"] as? String == "done" && latest["reporter"] as? String == "Skolans rapportör, Skolförvaltningen")
        #expect(latest["supersedes"] as? Int == history[history.count - 2]["number"] as? Int)
        #expect(history[history.count - 2]["actualCost"] as? Int == 2_600_000)

        let audit = try #require(try JSONSerialization.jsonObject(with: agenda("audit", "--json").stdoutData) as? [[String: Any]])
        #expect(audit.suffix(4).map { $0["operation"] as? String } == ["report status", "revoke identity", "renew identity", "report status"])
        let everything = [demo.stdout, try agenda("audit", "--json").stdout, try agenda("export").stdout, outside.stderr]
        let stored = [db, db + "-wal", db + "-shm"].compactMap { FileManager.default.contents(atPath: $0) }
        for token in tokens.values + [school, fresh] {
            #expect(!everything.dropFirst().contains { $0.contains(token) }, "a token leaked into audit, export or an error")
            #expect(!stored.contains { $0.range(of: Data(token.utf8)) != nil }, "a token is in the database file")
        }
    }

    @Test func missingMineRoundsAndRevisionsShowTheDemoHistory() throws {
        let tokens = DemoTokens.parse(try AgendaProcess.run(["demo", folder.url.path]).stdout)
        let missing = try agenda("status", "missing")
        #expect(missing.status == 0)
        #expect(missing.stdout.contains("Rapporter som saknas för 2018Q4, sista dag 2019-01-15"))
        #expect(missing.stdout.contains("Stadsbyggnadsförvaltningen: 2.3b, 9.2"))
        let byAlias = try #require(try JSONSerialization.jsonObject(
            with: agenda("status", "missing", "2018Q4", "--department", "Vård-och omsorgsförvaltningen", "--json").stdoutData) as? [[String: Any]])
        #expect(byAlias.count == 1 && byAlias.first?["department"] as? String == "Vård- och omsorgsförvaltningen")
        #expect(byAlias.first?["actions"] as? [String] == ["5.3", "5.4"])
        let mine = try agenda(token: tokens["Skolförvaltningen"], "status", "mine")
        #expect(mine.status == 0)
        #expect(mine.stdout.contains("6.2") && !mine.stdout.contains("1.2"))
        let revisions = try #require(try JSONSerialization.jsonObject(with: agenda("revisions", "--json").stdoutData) as? [[String: Any]])
        #expect(revisions.compactMap { $0["reference"] as? String }.contains("IT-rådet 2018-03-14 §5"))
        #expect(revisions.last?["reference"] as? String == "IT-rådet 2018-04-11 §3", "the demo's LIKA links are decisions too")
        let owner = try #require(tokens["IT-chef"])
        #expect(try agenda(token: owner, "status", "round", "open", "2019Q1", "--deadline", "2019-04-15").status == 0)
        #expect(try agenda("status", "missing").stdout.contains("2019Q1, sista dag 2019-04-15"))
        expectOneLineRefusal(try agenda(token: tokens["Skolförvaltningen"], "status", "round", "open", "2019Q2", "--deadline", "2019-07-15"),
                             containing: "får inte öppna en rapporteringsomgång")
    }

    @Test func inputIsCheckedWhereItEntersAndRoundsOpenedByMistakeAreCancelled() throws {
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        let owner = try #require(DemoTokens.parse(demo.stdout)["IT-chef"])
        let before = try agenda("export").stdoutData
        for code in ["9,3", "10.1 --area 9", " ", "1.\u{7}2"] {
            expectOneLineRefusal(try agenda(token: owner, "add", "action", code, "--area", "1", "--title", "X",
                                            "--responsible", "Serviceförvaltningen", "--schedule", "2019",
                                            "--decision", "IT-rådet 2018-11-10 §2"), containing: "1.2, 2.3a eller 4")
        }
        expectOneLineRefusal(try agenda(token: owner, "identity", "add", "Två\u{1B}rader", "--role", "reader"), containing: "styrtecknet")
        expectOneLineRefusal(try agenda("status", "missing", "1899Q1"), containing: "1899Q1 slutar innan planen börjar gälla")
        expectOneLineRefusal(try agenda(token: owner, "status", "round", "open", "2099Q1", "--deadline", "2099-04-15"),
                             containing: "2099Q1 har inte börjat än")
        #expect(try agenda("export").stdoutData == before, "refused writes change nothing")

        let defaultBefore = try agenda("status", "missing")
        #expect(try agenda(token: owner, "status", "round", "open", "2018Q1", "--deadline", "2018-04-15").status == 0)
        #expect(try agenda("status", "missing").stdout.contains("Rapporter som saknas för 2018Q1, sista dag 2018-04-15"))
        let cancelled = try agenda(token: owner, "status", "round", "cancel", "2018Q1")
        #expect(cancelled.status == 0, "stderr: \(cancelled.stderr)")
        #expect(try agenda("status", "missing").stdout == defaultBefore.stdout, "the cancelled round is no longer the default")
        #expect(try agenda("status", "round", "list").stdout.contains("2018Q1 (inställd"))
        expectOneLineRefusal(try agenda(token: owner, "status", "round", "cancel", "2018Q1"), containing: "ingen öppen rapporteringsomgång för 2018Q1")
    }

    @Test func aCorrectionKeepsWhatItLeavesOutAndHistoryIsInSwedishTime() throws {
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        let owner = try #require(DemoTokens.parse(demo.stdout)["IT-chef"])
        let first = try agenda(token: owner, "status", "set", "6.2", "--period", "2018Q4", "--status", "Påbörjad", "--light", "gul",
                               "--comment", "Pågår.", "--obstacles", "Leveransförsening", "--next", "Utvärdera", "--cost", "2400000")
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let second = try agenda(token: owner, "status", "set", "6.2", "--period", "2018Q4", "--status", "Nästan klar", "--light", "grön",
                                "--comment", "Rättelse.")
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("överfört: hinder, nästa steg, verklig kostnad)"), "stdout: \(second.stdout)")
        let history = try agenda("status", "history", "6.2")
        #expect(history.stdout.contains("Verklig kostnad: 2\u{00A0}400\u{00A0}000\u{00A0}kr"), "stdout: \(history.stdout)")
        #expect(history.stdout.contains(/— IT-chef, \d{4}-\d{2}-\d{2} \d{2}:\d{2} \+0[12]:00/), "stdout: \(history.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: agenda("status", "history", "6.2", "--json").stdoutData) as? [[String: Any]])
        #expect(json.last?["actualCost"] as? Int == 2_400_000, "JSON keeps whole kronor")
        #expect((json.last?["reportedAt"] as? String)?.hasSuffix("Z") == true, "and UTC")
    }
}

