@testable import AgendaCore
import Foundation
import Testing

/// Many processes against one file, and processes killed mid-write: nothing lost, nothing half-written,
/// no "database is locked" reaching a user.
@Suite(.serialized) struct ReliabilityTests {
    let folder: TemporaryFolder
    let db: String

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("agenda.sqlite")
    }

    /// Collects results from concurrent work. `@unchecked Sendable`: every access goes through `lock`.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    private func integrityCheck(_ path: String) throws -> String {
        let database = try Database(path: path, create: false)
        return try database.first("PRAGMA integrity_check", []) { $0.string(0) } ?? ""
    }

    private func count(_ sql: String, in path: String) throws -> Int {
        try Database(path: path, create: false).first(sql, []) { $0.int(0) } ?? -1
    }

    private func demoTokens() throws -> [String: String] {
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0)
        return DemoTokens.parse(demo.stdout)
    }

    static let periods = ["2017Q1", "2017Q2", "2017Q3", "2017Q4", "2018Q1", "2018Q2", "2018Q3", "2018Q4"]

    @Test func eightProcessesFileSixteenHundredReportsInParallelAndNoneIsLost() throws {
        var tokens = try demoTokens()
        let added = try AgendaProcess.run(
            ["identity", "add", "Stadsarkivet", "--role", "reporter", "--department", "SLF"],
            environment: ["AGENDA_DB": db, "AGENDA_TOKEN": try #require(tokens["IT-chef"])])
        tokens["Stadsarkivet"] = String(added.stdout.split(separator: "\n").last ?? "")
        // Reporters with different scopes, each on an action of its own förvaltning.
        let writers: [(String, String)] = [
            ("IT-chef", "1.2"), ("Stadsledningsförvaltningen", "3.1"), ("Kultur- och fritidsförvaltningen", "1.6"),
            ("Serviceförvaltningen", "1.7"), ("Stadsbyggnadsförvaltningen", "1.8"), ("Vård- och omsorgsförvaltningen", "5.1"),
            ("Skolförvaltningen", "6.2"), ("Stadsarkivet", "8.2"),
        ]
        let environments = try writers.map { name, _ in ["AGENDA_DB": db, "AGENDA_TOKEN": try #require(tokens[name])] }
        let before = try count("SELECT count(*) FROM status_report", in: db)
        let failures = Collector()
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: writers.count) { writer in
            for index in 0..<200 {
                let arguments = [
                    "status", "set", writers[writer].1, "--period", Self.periods[index % 8], "--status", "Påbörjad",
                    "--light", "grön", "--comment", "burst \(writer) #\(index)",
                ]
                do {
                    let result = try AgendaProcess.run(arguments, environment: environments[writer])
                    if result.status != 0 || result.stderr.lowercased().contains("locked") {
                        failures.add("writer \(writer) #\(index): \(result.status) \(result.stderr)")
                    }
                } catch {
                    failures.add("writer \(writer) #\(index): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
        #expect(Date().timeIntervalSince(started) < 240)
        #expect(try count("SELECT count(*) FROM status_report", in: db) == before + 1600)
        #expect(try count("SELECT count(DISTINCT comment) FROM status_report WHERE comment LIKE 'burst %'", in: db) == 1600)
        #expect(try count("SELECT count(*) FROM audit_log WHERE operation = 'report status'", in: db) == before + 1600)
        #expect(try integrityCheck(db) == "ok")
    }

    @Test func processesKilledInABurstOfReportsLeaveEveryWriteWholeOrAbsent() throws {
        let owner = try #require(try demoTokens()["IT-chef"])
        let before = try count("SELECT count(*) FROM status_report", in: db)
        var processes: [Process] = []
        for index in 0..<16 {
            processes.append(try AgendaProcess.start(
                ["status", "set", "1.2", "--period", "2018Q4", "--status", "Påbörjad", "--light", "gul", "--comment", "kill \(index)",
                 "--obstacles", "hinder \(index)", "--next", "nästa \(index)", "--cost", String(1000 + index)],
                environment: ["AGENDA_DB": db, "AGENDA_TOKEN": owner]))
        }
        for (index, process) in processes.enumerated() {
            usleep(useconds_t(index % 2 == 0 ? 4_000 : 9_000))
            kill(process.processIdentifier, SIGKILL)
        }
        for process in processes { process.waitUntilExit() }
        #expect(try integrityCheck(db) == "ok")
        let database = try Database(path: db, create: false)
        let rows = try database.query(
            "SELECT comment, obstacles, next_steps, actual_cost FROM status_report WHERE comment LIKE 'kill %'", []
        ) { ($0.string(0), $0.string(1), $0.string(2), $0.int(3)) }
        for (comment, obstacles, next, cost) in rows {
            let index = String(comment.dropFirst("kill ".count))
            #expect(obstacles == "hinder \(index)" && next == "nästa \(index)" && cost == 1000 + Int(index)!)
        }
        let audited = try database.first(
            "SELECT count(*) FROM audit_log WHERE operation = 'report status' AND after_json LIKE '%\"comment\":\"kill %'", []) { $0.int(0) }
        #expect(audited == rows.count, "each report and its audit entry are written together or not at all")
        #expect(try count("SELECT count(*) FROM status_report", in: db) == before + rows.count)
        // The file is still fully usable.
        let after = try AgendaProcess.run(
            ["status", "set", "1.2", "--period", "2018Q4", "--status", "Klar", "--light", "grön", "--comment", "efteråt"],
            environment: ["AGENDA_DB": db, "AGENDA_TOKEN": owner])
        #expect(after.status == 0, "\(after.stderr)")
    }

    /// A plan of `count` actions with long texts, as an Agenda JSON document.
    static func largePlan(actions count: Int) throws -> Data {
        let department = Department(name: "Stadsledningsförvaltningen", aliases: ["SLF"], units: ["IT-avdelningen"])
        let areas = (1...9).map { FocusArea(number: $0, title: "Insatsområde \($0)", description: "Beskrivning \($0)") }
        let filler = String(repeating: "Förvaltningarna samverkar kring digitala tjänster för invånarna. ", count: 20)
        let records = (0..<count).map { index in
            let action = Action(
                code: "\(index % 9 + 1).\(index / 9 + 1)", areaNumber: index % 9 + 1, title: "Åtgärd \(index)", background: filler,
                responsibility: Responsibility(
                    text: "Stadsledningsförvaltningen, IT-avdelningen",
                    lead: UnitRef(department: department.name, unit: "IT-avdelningen")),
                schedule: Schedule(text: "2018", startYear: 2018))
            return AgendaDocument.ActionRecord(current: ActionVersion(revision: 1, validFrom: CalendarDate(year: 2017, month: 1, day: 1), action: action))
        }
        let document = AgendaDocument(
            metadata: AgendaDocument.Metadata(title: "Stor plan", organisation: "Mölndals stad", period: YearSpan(start: 2017, end: 2019)),
            areas: areas, subAreas: [], departments: [department],
            revisions: [Revision(number: 1, date: CalendarDate(year: 2017, month: 1, day: 1))], actions: records)
        return try AgendaJSON.encode(document)
    }

    @Test func aProcessKilledInTheMiddleOfALargeImportLeavesAConsistentFile() throws {
        let actions = 4000
        let plan = folder.path("large.json")
        try Self.largePlan(actions: actions).write(to: URL(fileURLWithPath: plan))
        let started = Date()
        let whole = try AgendaProcess.run(["import", plan, "--db", folder.path("whole.sqlite")])
        let duration = Date().timeIntervalSince(started)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try count("SELECT count(*) FROM action", in: folder.path("whole.sqlite")) == actions)

        for (attempt, fraction) in [0.4, 0.6, 0.75, 0.9].enumerated() {
            let path = folder.path("killed-\(attempt).sqlite")
            let process = try AgendaProcess.start(["import", plan, "--db", path])
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard FileManager.default.fileExists(atPath: path) else { continue }  // killed while still parsing
            #expect(try integrityCheck(path) == "ok")
            // Killed before the schema was committed: an empty, valid file.
            guard try count("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'", in: path) == 1 else { continue }
            let stored = try count("SELECT count(*) FROM action", in: path)
            #expect(stored == 0 || stored == actions, "attempt \(attempt): \(stored) of \(actions) actions")
            let versions = try count("SELECT count(*) FROM action_version", in: path)
            let audit = try count("SELECT count(*) FROM audit_log WHERE operation = 'import'", in: path)
            #expect(versions == stored && audit == (stored == 0 ? 0 : 1))
        }
    }
}
