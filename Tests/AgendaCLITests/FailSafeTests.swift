import Foundation
import Testing
@testable import AgendaCore

/// A failed, killed or mistaken command leaves everything as it was, and says what to do.
@Suite struct FailSafeTests {
    let folder: TemporaryFolder
    let db: String

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
    }

    private func agenda(_ arguments: String..., token: String? = nil, database: String? = nil) throws -> AgendaProcess.Result {
        var environment = ["AGENDA_DB": database ?? db]
        if let token { environment["AGENDA_TOKEN"] = token }
        return try AgendaProcess.run(arguments, environment: environment)
    }

    @discardableResult
    private func demo() throws -> [String: String] {
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
        return DemoTokens.parse(demo.stdout)
    }

    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    // MARK: - Reading never writes

    @Test func readingCommandsLeaveOtherFilesAsTheyWere() throws {
        let empty = folder.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let other = folder.path("other.sqlite")
        do {
            let foreign = try Database(path: other)
            try foreign.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        }
        let before = bytes(other)
        for path in [empty, other] {
            for command in [["list", "areas"], ["status", "missing", "2018Q2"], ["export"], ["audit"], ["identity", "list"]] {
                let result = try AgendaProcess.run(command, environment: ["AGENDA_DB": path])
                #expect(result.status == 1, "\(command) on \(path)")
                #expect(result.stderr.contains("är inte en Agenda-databas"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
            }
            // Writing commands refuse it too, unchanged.
            #expect(try agenda("status", "set", "1.1", "--period", "2018Q2", "--status", "Klar", "--light", "grön",
                               "--comment", "x", token: "agenda_x", database: path).status == 1)
        }
        #expect(bytes(empty) == Data())
        #expect(bytes(other) == before)
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
    }

    @Test func readingAnAgendaDatabaseDoesNotChangeIt() throws {
        try demo()
        let before = bytes(db)
        for command in [["list", "actions"], ["show", "action", "1.5"], ["status", "missing"], ["report", "--period", "2018Q4", "--out", folder.path("r")]] {
            #expect(try AgendaProcess.run(command, environment: ["AGENDA_DB": db]).status == 0, "\(command)")
        }
        #expect(bytes(db) == before)
    }

    // MARK: - Creating a database

    @Test func aNewDatabaseIsReadableByItsOwnerOnly() throws {
        #expect(try agenda("init").status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try demo()
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aFailedFirstImportLeavesNoFileAndNoStrayScratch() throws {
        let plan = folder.path("plan.txt")
        try Data("Inte en plan\n\nbara text utan rubriker\n".utf8).write(to: URL(fileURLWithPath: plan))
        #expect(try agenda("import", plan).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["plan.txt"])
    }

    @Test func aFirstImportKilledMidwayLeavesNothingAtThePath() throws {
        // A large plan, so that the import is still writing when it is killed.
        let plan = folder.path("plan.txt")
        try DemoPlan.data().write(to: URL(fileURLWithPath: plan))
        let process = Process()
        process.executableURL = AgendaProcess.executable
        process.arguments = ["import", plan, "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(150_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        if FileManager.default.fileExists(atPath: db) {
            // Finished before the kill: then it is whole, with its owner.
            #expect(try agenda("list", "areas").status == 0)
        } else {
            #expect(try agenda("import", plan).status == 0, "the retry works")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("creating") }
        #expect(left.isEmpty, "the retry swept what the killed run left: \(left)")
    }

    @Test func aLostOwnerTokenCanBeRecoveredWithWriteAccessToTheFile() throws {
        let tokens = try demo()
        let recovered = try agenda("identity", "recover-owner")
        #expect(recovered.status == 0, "stderr: \(recovered.stderr)")
        let token = try #require(recovered.stdout.split(separator: "\n").last.map(String.init))
        #expect(token.hasPrefix("agenda_") && token != tokens["IT-chef"])
        #expect(try agenda("status", "round", "open", "2018Q4", "--deadline", "2019-02-01", token: tokens["IT-chef"]!).status == 1,
                "the lost token no longer works")
        #expect(try agenda("status", "round", "open", "2018Q4", "--deadline", "2019-02-01", token: token).status == 0)
        let audit = try agenda("audit", "--json")
        #expect(audit.stdout.contains("\"recover owner\""))
        #expect(!audit.stdout.contains(token))
        #expect(try agenda("audit").stdout.contains("Återställde ägaren"), "the table says what happened in Swedish")
    }

    // MARK: - Publishing

    @Test(arguments: ["plain file", "unwritable folder"])
    func aPublicationThatCannotBeWrittenIsNotRecordedAndTheRetryWorks(target: String) throws {
        let tokens = try demo()
        let out = folder.path("ut")
        if target == "plain file" {
            try Data("x".utf8).write(to: URL(fileURLWithPath: out))
        } else {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o500])
        }
        let owner = tokens["IT-chef"]!
        let failed = try agenda("report", "--period", "2018Q4", "--publish", "--format", "odt,xhtml", "--out", out, token: owner)
        if getuid() == 0 && target == "unwritable folder" {
            // root writes anyway; then it simply succeeds.
            #expect(failed.status == 0)
            return
        }
        #expect(failed.status == 1)
        #expect(!failed.stdout.contains("är publicerad"), "\(failed.stdout)")
        #expect(!(try agenda("export").stdout.contains("\"2018Q4\",\n      \"publishedAt\"")))
        let good = folder.path("rapporter")
        let retry = try agenda("report", "--period", "2018Q4", "--publish", "--format", "odt,xhtml", "--out", good, token: owner)
        #expect(retry.status == 0, "stderr: \(retry.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: good).sorted() == ["agenda-2018Q4.odt", "agenda-2018Q4.xhtml"])
        // A run killed while writing leaves hidden temporary files; the next run of the report sweeps them.
        _ = FileManager.default.createFile(atPath: good + "/.agenda-2018Q4.odt.tmp-dead", contents: Data("x".utf8))
        #expect(try agenda("report", "--period", "2018Q4", "--format", "odt", "--out", good).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: good).sorted() == ["agenda-2018Q4.odt", "agenda-2018Q4.xhtml"])
        let again = try agenda("report", "--period", "2018Q4", "--publish", "--out", good, token: owner)
        #expect(again.status == 1)
        #expect(again.stderr.contains("utan --publish"), "the refusal says how to get the published report again")
    }

    // MARK: - The same question, the same answer

    @Test func aSharedActionIsMissingForItsLeadOnly() throws {
        try demo()
        let missing = try agenda("status", "missing", "2018Q2", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: missing.stdoutData) as? [[String: Any]])
        let holders = entries.filter { ($0["actions"] as? [String])?.contains("1.6") == true }.compactMap { $0["department"] as? String }
        #expect(holders.count <= 1, "1.6 is chased once, from its lead: \(holders)")
    }

    @Test(arguments: [
        ["list", "actions", "--department", "Skolförvaltnigen"],
        ["status", "missing", "2018Q4", "--department", "Skolförvaltnigen"],
        ["status", "mine", "--department", "Skolförvaltnigen"],
    ])
    func anUnknownDepartmentIsRefusedWithTheClosestName(command: [String]) throws {
        try demo()
        let result = try AgendaProcess.run(command, environment: ["AGENDA_DB": db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\"Skolförvaltningen\""), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func anEnhetAndDecomposedTextFindTheSameActions() throws {
        try demo()
        let byUnit = try agenda("list", "actions", "--department", "IT-avdelningen", "--json")
        let decomposed = try agenda("list", "actions", "--department", "it-avdelningen".decomposedStringWithCanonicalMapping, "--json")
        #expect(byUnit.status == 0 && byUnit.stdout == decomposed.stdout)
        let nfc = try agenda("list", "actions", "--department", "SKOLFÖRVALTNINGEN")
        let nfd = try agenda("list", "actions", "--department", "Skolförvaltningen".decomposedStringWithCanonicalMapping)
        #expect(nfc.status == 0 && nfd.stdout == nfc.stdout)
    }

    @Test func anUnknownUnitInAnAnsvarigIsRefusedUnlessAdded() throws {
        let tokens = try demo()
        let owner = tokens["IT-chef"]!
        let refused = try agenda("add", "action", "9.9", "--area", "9", "--title", "Prov", "--responsible", "Okänd förvaltning",
                                 "--decision", "IT-rådet 2019-03-01 §1", token: owner)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Okänd förvaltning") && refused.stderr.contains("--new-unit"), "\(refused.stderr)")
        #expect(!(try agenda("list", "units").stdout.contains("Okänd")))
        let added = try agenda("add", "action", "9.9", "--area", "9", "--title", "Prov", "--responsible", "Okänd förvaltning",
                               "--decision", "IT-rådet 2019-03-01 §1", "--new-unit", token: owner)
        #expect(added.status == 0, "stderr: \(added.stderr)")
    }

    // MARK: - Typed options, long input, no SQL

    @Test func versionAndTypedOptions() throws {
        for help in [["--help"], ["status", "--help"], []] {
            let result = try AgendaProcess.run(help)
            #expect(result.status == 0 && result.stdout.contains("ÖVERSIKT:") && result.stderr.isEmpty, "\(help): \(result.stderr)")
        }
        let version = try agenda("--version")
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == AgendaVersion.current)
        for bad in [["--light", "blå"], ["--status", "Färdig"]] {
            var arguments = ["status", "set", "1.1", "--period", "2018Q2", "--status", "Klar", "--light", "grön", "--comment", "x"]
            if let index = arguments.firstIndex(of: bad[0]) { arguments[index + 1] = bad[1] }
            #expect(try AgendaProcess.run(arguments, environment: ["AGENDA_DB": db]).status == 64)
        }
    }

    @Test func aCommentFromAFileOrStandardInput() throws {
        let tokens = try demo()
        let long = String(repeating: "Lång kommentar om läget. ", count: 20_000)
        let file = folder.path("kommentar.txt")
        try long.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try agenda("status", "set", "6.2", "--period", "2018Q4", "--status", "Påbörjad", "--light", "gul",
                                "--comment-file", file, token: tokens["Skolförvaltningen"]!)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let history = try agenda("status", "history", "6.2", "--json")
        #expect(history.stdout.contains(long.trimmingCharacters(in: .whitespaces)))
    }

    @Test func aDamagedDatabaseIsOneLineWithoutSQL() throws {
        try demo()
        do {
            let database = try Database(path: db, create: false)
            try database.execute("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE TABLE status_report (x' WHERE name = 'status_report'; PRAGMA writable_schema = OFF;")
        }
        let result = try agenda("status", "missing", "2018Q4")
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("CREATE TABLE") && !result.stderr.contains("SELECT"))
    }
}
