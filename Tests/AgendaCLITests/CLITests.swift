import Foundation
import Testing

/// End-to-end: the built `agenda` binary, as a user runs it.
@Suite struct CLITests {
    let folder: TemporaryFolder
    let db: String

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
    }

    private func agenda(_ arguments: String...) throws -> AgendaProcess.Result {
        try AgendaProcess.run(arguments, environment: ["AGENDA_DB": db])
    }

    /// Runs a command that writes, with `token` in $AGENDA_TOKEN.
    private func agenda(token: String, _ arguments: String...) throws -> AgendaProcess.Result {
        try AgendaProcess.run(arguments, environment: ["AGENDA_DB": db, "AGENDA_TOKEN": token])
    }

    private func json(_ result: AgendaProcess.Result) throws -> Any {
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: result.stdoutData)
    }

    /// Builds the demo in the test's folder and returns its sample tokens by identity name.
    @discardableResult
    private func importDemo() throws -> [String: String] {
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
        return DemoTokens.parse(demo.stdout)
    }

    @Test func demoBuildsTheWholeMolndalAgenda() throws {
        try importDemo()
        let areas = try #require(try json(agenda("list", "areas", "--json")) as? [[String: Any]])
        #expect(areas.count == 9)
        #expect(areas.map { $0["number"] as? Int } == Array(1...9))
        #expect(areas.first?["title"] as? String == "Extern service")
        #expect(areas.last?["title"] as? String == "Öppna data")

        let actions = try #require(try json(agenda("list", "actions", "--json")) as? [[String: Any]])
        #expect(actions.count == 34)
        let codes = actions.compactMap { $0["code"] as? String }
        #expect(codes.contains("2.3a") && codes.contains("2.3b") && codes.contains("4"))
        #expect(!codes.contains("2.1"), "2.1 only points to 1.2")
        for action in actions {
            for key in ["code", "title", "area", "subArea", "responsible", "schedule", "cost", "effectGoals"] {
                #expect(action.keys.contains(key), "action \(action["code"] ?? "?") lacks \(key)")
            }
        }
        let bredband = try #require(actions.first { $0["code"] as? String == "4" })
        #expect(bredband["area"] as? Int == 4)
        #expect(bredband["subArea"] is NSNull)
        let schedule = try #require(bredband["schedule"] as? [String: Any])
        #expect(schedule["text"] as? String == "2017")
        #expect(schedule["startYear"] as? Int == 2017)
        #expect(schedule["endYear"] as? Int == 2017)
        let geodata = try #require(actions.first { $0["code"] as? String == "2.3b" })
        let unknown = try #require(geodata["schedule"] as? [String: Any])
        #expect(unknown["text"] is NSNull && unknown["startYear"] is NSNull && unknown["endYear"] is NSNull)
    }

    @Test func listFiltersByDepartmentAreaAndYear() throws {
        try importDemo()
        let school = try #require(try json(agenda("list", "actions", "--json", "--department", "SKF")) as? [[String: Any]])
        #expect(school.compactMap { $0["code"] as? String } == ["6.1", "6.2", "6.3", "6.4"])
        let area8 = try #require(try json(agenda("list", "actions", "--json", "--area", "8")) as? [[String: Any]])
        #expect(area8.compactMap { $0["code"] as? String } == ["8.1", "8.2", "8.3"])
        let in2020 = try #require(try json(agenda("list", "actions", "--json", "--year", "2020")) as? [[String: Any]])
        #expect(in2020.compactMap { $0["code"] as? String } == ["1.2", "6.2"], "the demo's IT-rådet 2018-03-14 §5 extends 1.2 to 2020")
        let table = try agenda("list", "actions", "--area", "8")
        #expect(table.status == 0)
        #expect(table.stdout.contains("Informationssökning i e-arkivet"))
        let header = try #require(table.stdout.split(separator: "\n").first)
        #expect(header.hasPrefix("Kod") && header.contains("Aktivitet") && header.contains("Ansvarig") && header.contains("Tidsplan")
                && header.contains("Kostnad"), "the report's words: \(header)")
        #expect(table.stdout.split(separator: "\n").last?.hasSuffix(" aktiviteter") == true, "\(table.stdout)")
    }

    @Test func showPrintsEveryFieldOfAnAction() throws {
        try importDemo()
        let shown = try agenda("show", "action", "1.5")
        #expect(shown.status == 0)
        for text in ["Fria surfzoner", "Stadsledningsförvaltningen, IT-avdelningen", "2017 – utredning", "300 tkr i engångskostnad", "positivt varumärke"] {
            #expect(shown.stdout.contains(text), "missing \(text)")
        }
        let missing = try agenda("show", "action", "9.9")
        #expect(missing.status != 0)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stderr.contains("9.9"))
    }

    @Test func exportImportExportIsByteIdentical() throws {
        let owner = try #require(try importDemo()["IT-chef"])
        #expect(try agenda(token: owner, "edit", "action", "1.2", "--schedule", "2017-2021", "--decision", "IT-rådet 2018-11-14 §5").status == 0)
        #expect(try agenda(token: owner, "withdraw", "1.3", "--decision", "IT-rådet 2018-10-12 §3").status == 0)
        #expect(try agenda(token: owner, "effect", "measure", "5.8", "1", "--indicator", "Timmar för kontroll av tidrapporter",
                           "--unit", "timmar per månad", "--baseline", "24,5", "--target", "8", "--target-year", "2018", "--direction", "lower",
                           "--decision", "IT-rådet 2018-11-14 §6").status == 0)
        #expect(try agenda(token: owner, "effect", "set", "5.8", "1", "--period", "2018Q4", "--assessment", "Uppnått", "--value", "7,25",
                           "--measured-on", "2018-12-31", "--comment", "Mätt i december.").status == 0)
        let first = try agenda("export")
        #expect(first.status == 0)
        let file = folder.path("export.json")
        try first.stdoutData.write(to: URL(fileURLWithPath: file))
        let copy = folder.path("copy.sqlite")
        let imported = try AgendaProcess.run(["import", file, "--db", copy])
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        #expect(!imported.stdout.contains("agenda_"), "the copy keeps the document's identities; no new owner")
        let second = try AgendaProcess.run(["export", "--db", copy])
        #expect(second.stdoutData == first.stdoutData)
        let document = try #require(try JSONSerialization.jsonObject(with: first.stdoutData) as? [String: Any])
        #expect((document["statusReports"] as? [Any])?.count ?? 0 > 150)
        #expect((document["identities"] as? [Any])?.count == 8)
        #expect((document["rounds"] as? [Any])?.count == 8)
        #expect((document["publications"] as? [Any])?.count == 1)
        #expect((document["effectAssessments"] as? [Any])?.count ?? 0 >= 20, "the demo's and the one above")
        #expect(String(decoding: first.stdoutData, as: UTF8.self).contains("\"value\" : 7.25"))
        #expect(try AgendaProcess.run(["status", "set", "1.2", "--period", "2018Q4", "--status", "Klar", "--light", "grön",
                                       "--comment", "Klart.", "--db", copy], environment: ["AGENDA_TOKEN": owner]).status == 0,
                "the restored database accepts the same tokens")
    }

    @Test func importIntoADatabaseWithAnAgendaIsRefusedAndChangesNothing() throws {
        let owner = try #require(try importDemo()["IT-chef"])
        let before = try agenda("export").stdoutData
        let plan = folder.path("plan.txt")
        try "1. Område\n\n1.1 Delområde\n\nHandlingsplan: Gör något.\n\nAnsvarig: Skolförvaltningen\n".write(toFile: plan, atomically: true, encoding: .utf8)
        let refused = try agenda(token: owner, "import", plan)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("innehåller redan en agenda"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try agenda("export").stdoutData == before)
    }

    @Test(arguments: [
        ("empty.txt", Data()),
        ("binary.txt", Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x00, 0x00])),
        ("latin1.txt", Data("1. Extern service\n\nAnsvarig: Stadsledningsf\u{00F6}rvaltningen\n".utf8.map { $0 == 0xC3 ? 0xF6 : $0 }.filter { $0 != 0xB6 })),
        ("prose.txt", Data("Det här är bara löptext utan rubriker.\nOch en rad till.\n".utf8)),
    ])
    func badInputGivesOneLineAndCreatesNoDatabase(name: String, content: Data) throws {
        let file = folder.path(name)
        try content.write(to: URL(fileURLWithPath: file))
        let result = try agenda("import", file)
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func addEditAndWithdrawAreRecordedAndNothingIsDeleted() throws {
        let owner = try #require(try importDemo()["IT-chef"])
        let added = try agenda(token: owner, "add", "action", "1.9", "--area", "1", "--title", "Chattbot för medborgarfrågor",
                               "--responsible", "Serviceförvaltningen", "--schedule", "2019", "--cost", "150 tkr",
                               "--decision", "IT-rådet 2018-11-10 §2")
        #expect(added.status == 0, "stderr: \(added.stderr)")
        let shown = try json(agenda("show", "action", "1.9", "--json")) as? [String: Any]
        #expect(shown?["title"] as? String == "Chattbot för medborgarfrågor")
        #expect((shown?["schedule"] as? [String: Any])?["startYear"] as? Int == 2019)

        #expect(try agenda(token: owner, "withdraw", "1.9", "--decision", "IT-rådet 2018-12-01 §4").status == 0)
        let active = try #require(try json(agenda("list", "actions", "--json")) as? [[String: Any]])
        #expect(!active.contains { $0["code"] as? String == "1.9" })
        let all = try #require(try json(agenda("list", "actions", "--json", "--withdrawn")) as? [[String: Any]])
        #expect(all.first { $0["code"] as? String == "1.9" }?["state"] as? String == "withdrawn")

        let again = try agenda(token: owner, "withdraw", "1.9")
        #expect(again.status != 0)
        #expect(again.stderr.split(separator: "\n").count == 1)
    }

    @Test func readingCommandsExplainAMissingDatabase() throws {
        let result = try agenda("list", "actions")
        #expect(result.status != 0)
        #expect(result.stderr.contains("ingen databas"))
        #expect(result.stderr.hasPrefix("fel: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// Every command's `--help`, nested ones included, is Swedish: what the project writes there (abstracts,
    /// discussions, option and argument help) carries none of the English it once had. ArgumentParser's own
    /// lines ("Show the version.", "Show help information.", "See 'agenda help …'") are not ours and left out.
    @Test func everyHelpTextIsSwedish() throws {
        let english = [" the ", " or ", " and ", " of ", "e.g.", "YYYY", "(default: all", "Print JSON",
                       "OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show ", "See '", "subcommand", "(default:"]
        var pending: [[String]] = [[]]
        var seen: [String] = []
        while let command = pending.popLast() {
            let result = try AgendaProcess.run(command + ["--help"])
            let name = (["agenda"] + command).joined(separator: " ")
            #expect(result.status == 0 && result.stdout.contains("ÖVERSIKT: "), "\(name): \(result.stderr)")
            seen.append(name)
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines {
                for word in english where line.contains(word) { Issue.record("\(name) --help: \"\(word)\" in \"\(line)\"") }
            }
            // The subcommands: the names listed under SUBCOMMANDS:, up to the blank line after them.
            guard let start = lines.firstIndex(of: "UNDERKOMMANDON:") else { continue }
            for line in lines[(start + 1)...].prefix(while: { !$0.isEmpty }) where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                pending.append(command + [String(line.dropFirst(2).prefix(while: { $0 != " " }))])
            }
        }
        for nested in ["agenda status set", "agenda lika report", "agenda identity link", "agenda effect measure", "agenda status round open"] {
            #expect(seen.contains(nested), "\(nested) --help was not reached")
        }
    }

    /// A mistyped command line is answered in Swedish too: ArgumentParser's usage errors are
    /// translated, one "fel: " line first, exit status 64.
    @Test(arguments: [
        (["status", "set"], "fel: Argument saknas: '<action>'"),
        (["status", "set", "1.1", "--period"], "fel: Värde saknas för '--period <period>'"),
        (["status", "set", "1.1", "--period", "2018Q1", "--status", "Planerad", "--light", "blå"],
         "fel: Värdet 'blå' går inte att använda för '--light <light>'. Ange ett av 'grön', 'gul' eller 'röd'."),
        (["status", "set", "1.1", "--period", "2018Q1", "--status", "Klar$1", "--light", "grön"],
         "fel: Värdet 'Klar$1' går inte att använda för '--status <status>'. Ange ett av följande:"),
        (["list", "--bogus"], "fel: Okänd flagga '--bogus'"),
        (["nope"], "fel: Oväntat argument 'nope'"),
    ])
    func usageErrorsAreSwedish(arguments: [String], first: String) throws {
        let result = try AgendaProcess.run(arguments)
        #expect(result.status == 64)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == first)
        for english in ["Missing", "Unknown", "Unexpected", "invalid", "Usage:", "See '", "Help:", " or ", "Please"] {
            #expect(!result.stderr.contains(english), "\(english) in \(result.stderr)")
        }
    }
}
