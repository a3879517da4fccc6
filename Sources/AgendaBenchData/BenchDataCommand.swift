import AgendaCore
import ArgumentParser
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
            Writes DIR/plan.txt (Mölndal's layout, importable with `agenda import`), DIR/agenda.sqlite
            (that plan imported) and DIR/agenda.json (its export, importable with `agenda import`).
            Sizes used by bench/run: municipal --actions 34 --years 4; regional --actions 2000 --years 5
            --municipalities 49; national --actions 15000 --years 10 --municipalities 290.
            """
    )

    @Option(help: "Number of actions.") var actions: Int
    @Option(help: "Years the plan (and its status history) covers, from 2017.") var years: Int
    @Option(help: "Municipalities whose agendas the plan follows (1: one municipality's own plan).")
    var municipalities = 1
    @Option(help: "Seed of the pseudo-random choices.") var seed: UInt64 = 2017
    @Argument(help: "The folder to write to (created if needed; files in it are replaced).") var directory: String

    func validate() throws {
        guard actions >= 1 else { throw ValidationError("--actions must be 1 or more") }
        guard (1...40).contains(years) else { throw ValidationError("--years must be 1 to 40") }
        guard (1...999).contains(municipalities), municipalities <= actions else {
            throw ValidationError("--municipalities must be 1 to 999 and at most --actions")
        }
        guard actions <= municipalities * 99 * 26 else {
            throw ValidationError("at most 99 sub-areas per area: use more --municipalities for this many actions")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var clock = StepClock()

        let plan = SyntheticPlan(actions: actions, years: years, municipalities: municipalities, seed: seed)
        let text = Data(plan.text().utf8)
        try text.write(to: folder.appendingPathComponent("plan.txt"))
        clock.lap("plan.txt (\(text.count) bytes)")

        let result = try PlanImporter.parse(text, format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        for warning in result.warnings.prefix(5) { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        guard result.agenda.actions.count == actions else {
            throw ValidationError("the importer read \(result.agenda.actions.count) actions from the plan, not \(actions)")
        }
        clock.lap("parsed: \(result.agenda.actions.count) actions, \(result.agenda.departments.count) förvaltningar, \(result.warnings.count) warnings")

        let databasePath = folder.appendingPathComponent("agenda.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        let store = try AgendaStore(path: databasePath)
        try store.importAgenda(result.agenda)
        clock.lap("agenda.sqlite")

        let json = try AgendaJSON.encode(store.exportDocument())
        try json.write(to: folder.appendingPathComponent("agenda.json"))
        clock.lap("agenda.json (\(json.count) bytes)")
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
