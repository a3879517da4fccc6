import AgendaArguments
import AgendaCommandLine
import AgendaCore
import Foundation

/// `agenda-bench-data`: writes a synthetic agenda of a given size for the benchmarks (bench/run).
///
/// A benchmark-only executable rather than an `agenda` subcommand, so the IT-chef's CLI carries
/// nothing that exists only to measure it. Deterministic: the same arguments give the same bytes.
@main
struct BenchDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda-bench-data",
        abstract: "Write a synthetic agenda of a given size for benchmarks: plan text, JSON export and database.",
        discussion: """
            Writes DIR/plan.txt (Mölndal's layout, importable with `agenda import`), DIR/agenda.json (that
            plan imported and exported, importable with `agenda import`), DIR/agenda.sqlite (the plan with a
            quarterly status history: every action, every quarter), and for bench/run the owner's and a
            reporter's token, an action to report on, the latest period and its statuses as JSON.
            Sizes used by bench/run: municipal --actions 34 --years 4; regional --actions 2000 --years 5
            --municipalities 49; national --actions 15000 --years 10 --municipalities 290.
            """
    )

    @Option("actions", help: "Number of actions.") var actions: Int
    @Option("years", help: "Years the plan (and its status history) covers, from --first-year.") var years: Int
    @Option("first-year", help: "The plan's first year.") var firstYear = 2017
    @Option("municipalities", help: "Municipalities whose agendas the plan follows (1: one municipality's own plan).")
    var municipalities = 1
    @Option("seed", help: "Seed of the pseudo-random choices.") var seed: UInt64 = 2017
    @Argument("directory", help: "The folder to write to (created if needed; files in it are replaced).") var directory: String

    func validate() throws {
        guard actions >= 1 else { throw ValidationError("--actions must be 1 or more") }
        guard (1...40).contains(years) else { throw ValidationError("--years must be 1 to 40") }
        guard (1990...2100).contains(firstYear) else { throw ValidationError("--first-year must be 1990 to 2100") }
        guard (1...999).contains(municipalities), municipalities <= actions else {
            throw ValidationError("--municipalities must be 1 to 999 and at most --actions")
        }
        guard actions <= municipalities * 99 * 26 else {
            throw ValidationError("at most 99 sub-areas per area: use more --municipalities for this many actions")
        }
    }

    static func main() { CommandMain.run(Self.self) }

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var clock = StepClock()

        var plan = SyntheticPlan(actions: actions, years: years, municipalities: municipalities, seed: seed)
        plan.firstYear = firstYear
        let text = Data(plan.text().utf8)
        try text.write(to: folder.appendingPathComponent("plan.txt"))
        clock.lap("plan.txt (\(text.count) bytes)")

        let result = try PlanImporter.parse(text, format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        for warning in result.warnings.prefix(5) { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        guard result.agenda.actions.count == actions else {
            throw ValidationError("the importer read \(result.agenda.actions.count) actions from the plan, not \(actions)")
        }
        clock.lap("parsed: \(result.agenda.actions.count) actions, \(result.agenda.departments.count) förvaltningar, \(result.warnings.count) warnings")

        // The plan as imported (revision 1, the owner's import), exported: agenda.json.
        let scratchPath = folder.appendingPathComponent(".plan-only.sqlite").path
        let databasePath = folder.appendingPathComponent("agenda.sqlite").path
        for path in [scratchPath, databasePath] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let importedAt = Timestamp(CalendarDate(year: plan.firstYear - 1, month: 12, day: 19), hour: 9, minute: 5)
        var planDocument: AgendaDocument
        do {
            _ = try AgendaService.importNew(.parsed(result), at: scratchPath, clock: { importedAt })
            planDocument = try AgendaService(path: scratchPath).exportDocument()
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratchPath + suffix) }

        // The status history, and identities with tokens of our own, so the bytes are the same every run.
        let history = try StatusHistory(firstYear: plan.firstYear, years: years, seed: seed).build(plan: planDocument)
        planDocument.identities = history.document.identities
        let json = try AgendaJSON.encode(planDocument)
        try json.write(to: folder.appendingPathComponent("agenda.json"))
        clock.lap("agenda.json (\(json.count) bytes; the plan and its identities, no status history)")

        _ = try AgendaService.importNew(.backup(history.document), at: databasePath, clock: { importedAt })
        clock.lap("agenda.sqlite (\(history.document.statusReports.count) status reports)")

        // What bench/run needs: tokens, an action to report on, and the latest period's statuses for the pandoc route.
        let latest = history.document.statusReports.last?.period ?? ""
        let action = planDocument.actions[planDocument.actions.count / 2].current.action
        let department = action.responsibility.lead?.department
        try Data((history.ownerToken + "\n").utf8).write(to: folder.appendingPathComponent("owner-token.txt"))
        try Data(((department.flatMap { history.reporterTokens[$0] } ?? history.ownerToken) + "\n").utf8)
            .write(to: folder.appendingPathComponent("reporter-token.txt"))
        try Data((action.code + "\n").utf8).write(to: folder.appendingPathComponent("report-action.txt"))
        try Data((latest + "\n").utf8).write(to: folder.appendingPathComponent("period.txt"))
        var statuses: [String: [String: String]] = [:]
        for report in history.document.statusReports where report.period == latest {
            statuses[report.action] = [
                "status": report.status.swedish, "light": report.light.swedish, "comment": report.comment,
                "obstacles": report.obstacles, "nextSteps": report.nextSteps, "reporter": report.reporter,
                "reportedAt": report.reportedAt.description,
            ]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(statuses).write(to: folder.appendingPathComponent("statuses.json"))
        clock.lap("tokens, statuses.json")
    }
}

/// Prints how long each step took, on stderr.
struct StepClock {
    private var last = Date()

    mutating func lap(_ what: String) {
        let now = Date()
        FileHandle.standardError.write(Data((String(format: "%7.2f s  ", now.timeIntervalSince(last)) + what + "\n").utf8))
        last = now
    }
}
