import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation
import ReportGen

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Rapportera aktiviteternas status varje period och följ upp vem som har rapporterat.",
        subcommands: [StatusSet.self, StatusMine.self, StatusMissing.self, StatusHistory.self, StatusRound.self]
    )
}

struct StatusSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Rapportera en aktivitets status för en period (en ny rapport för samma period rättar den förra).",
        discussion: """
            Status: Ej påbörjad, Planerad, Påbörjad, Nästan klar, Klar, Vilande eller Avbruten. Trafikljus: \
            grön (enligt plan), gul (i riskzonen) eller röd (avviker från planen). För båda spelar stora och \
            små bokstäver ingen roll.

            En text som är för lång för ett argument i skalet: --comment-file FILE (- läser standard input).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument("action", help: "Aktivitetens kod.") var action: String
    @Option("period", help: ArgumentHelp("Perioden, t.ex. 2018Q2, 2018T1, 2018H1 eller 2018.", valueName: "period")) var period: Period
    @Option("status", help: ArgumentHelp("Status enligt statusskalan, t.ex. Påbörjad.", valueName: "status")) var status: ProgressStatus
    @Option("light", help: ArgumentHelp("Trafikljus: grön, gul eller röd.", valueName: "light")) var light: TrafficLight
    @Option("comment", help: "Hur arbetet går.") var comment: String?
    @Option("comment-file", help: ArgumentHelp("Läs kommentaren från den här filen (- för standard input).", valueName: "file"))
    var commentFile: String?
    @Option("obstacles", help: "Hinder: det som står i vägen (en rättelse behåller den tidigare texten om inget anges).") var obstacles: String?
    @Option("next", help: "Nästa steg (en rättelse behåller de tidigare om inget anges).") var nextSteps: String?
    @Option("cost", help: ArgumentHelp("Verklig kostnad hittills, i hela kronor.", valueName: "kronor")) var cost: Int?

    func validate() throws {
        guard (comment == nil) != (commentFile == nil) else { throw ValidationError("ange kommentaren med --comment eller --comment-file (en av dem)") }
        if let cost, cost < 0 { throw ValidationError("--cost anges i hela kronor, 0 eller mer") }
    }

    func run() throws {
        let service = try global.service(.write)
        let input = StatusInput(
            action: action, period: period, status: status, light: light, comment: try comment ?? TextInput.read(commentFile!),
            obstacles: obstacles, nextSteps: nextSteps, actualCost: cost)
        let filing = try service.reportStatus(input, by: try global.caller(service))
        let report = filing.report
        let carried = filing.carriedOver.isEmpty ? "" : "; överfört: \(filing.carriedOver.map(\.swedish).joined(separator: ", "))"
        let corrected = report.supersedes.map { " (rättar rapport \($0)\(carried))" } ?? ""
        Output.line("Status för \(report.action) \(report.period) är rapporterad: \(report.status.swedish), \(report.light.swedish) — rapport \(report.number)\(corrected).")
    }
}

struct StatusMine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine", abstract: "Din förvaltnings aktiviteter med senaste status (kräver din token, eller --department).")

    @OptionGroup var global: GlobalOptions
    @Option("department", help: ArgumentHelp("Visa i stället den här förvaltningens eller enhetens aktiviteter (namn eller alias).", valueName: "name")) var department: String?

    func run() throws {
        let service = try global.service()
        let mine = try service.myActions(department: department, caller: department == nil ? try global.optionalCaller(service) : nil)
        var table = TextTable([
            .init(Words["action.code"]), .init(Words["action.title"], maxWidth: 40), .init(Words["title.period"]), .init(Words["action.status"]),
            .init(Words["action.light"]), .init(Words["action.reportDate"]),
        ])
        for entry in mine.actions {
            let report = entry.latest
            table.append([entry.action.code, entry.action.title, report?.period ?? "–", report?.status.swedish ?? Words["status.noReport"],
                          report?.light.swedish ?? "–", report?.reportedAt.swedishDisplay ?? "–"])
        }
        Output.line(table.render())
        Output.line("\(Words["cost.countActions", String(mine.actions.count)]) för \(mine.department.displayName)")
    }
}

struct StatusMissing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "Aktiviteterna som saknar rapport för en period, per ledande förvaltning (standard: den senaste rapporteringsomgångens period).")

    @OptionGroup var global: GlobalOptions
    @Argument("period", help: "Perioden; standard: perioden för den senast öppnade rapporteringsomgången.") var period: Period?
    @Option("department", help: ArgumentHelp("Bara denna förvaltning eller enhet (namn eller alias).", valueName: "name")) var department: String?
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let list = try global.service().missing(period: period, department: department)
        if json { return try JSONOutput.print(list.missing) }
        let deadline = list.round.map { ", sista dag \($0.deadline)" } ?? ""
        Output.line("Rapporter som saknas för \(list.period)\(deadline):")
        if list.missing.isEmpty { Output.line("  inga — alla aktiva aktiviteter har en rapport") }
        for entry in list.missing { Output.line("  \(entry.department): \(entry.actions.joined(separator: ", "))") }
    }
}

struct StatusHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Allt som någonsin har rapporterats för en aktivitet, även ersatta rapporter.")

    @OptionGroup var global: GlobalOptions
    @Argument("action", help: "Aktivitetens kod.") var action: String
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let reports = try global.service().statusHistory(code: action)
        if json { return try JSONOutput.print(reports) }
        let superseded = Set(reports.compactMap(\.supersedes))
        if reports.isEmpty { Output.line("Inget är rapporterat för \(action) ännu.") }
        for report in reports {
            let flag = superseded.contains(report.number) ? " [\(Words["cli.superseded"])]" : ""
            var lines = ["#\(report.number) \(report.period)  \(report.status.swedish), \(report.light.swedish)\(flag) — \(report.reporter), \(report.reportedAt.swedishDisplay)"]
            if let earlier = report.supersedes { lines.append("  \(Words["cli.corrects"]) #\(earlier)") }
            lines.append("  \(report.comment)")
            if !report.obstacles.isEmpty { lines.append("  \(Words["action.obstacles"]): \(report.obstacles)") }
            if !report.nextSteps.isEmpty { lines.append("  \(Words["action.nextSteps"]): \(report.nextSteps)") }
            if let cost = report.actualCost { lines.append("  \(Words["action.actualCost"]): \(Kronor.exact(cost))") }
            Output.line(lines.joined(separator: "\n"))
        }
    }
}

struct StatusRound: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Öppna och ställ in rapporteringsomgångar (bara ägaren) och lista dem.",
        subcommands: [RoundOpen.self, RoundCancel.self, RoundList.self])
}

struct RoundOpen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Öppna en rapporteringsomgång för en period, med sista dag för rapporterna.")

    @OptionGroup var global: GlobalOptions
    @Argument("period", help: "Perioden, t.ex. 2018Q2.") var period: Period
    @Option("deadline", help: ArgumentHelp("Sista dag att rapportera, ÅÅÅÅ-MM-DD.", valueName: "date")) var deadline: CalendarDate
    @Option("reminders", help: ArgumentHelp(
        "Dagar före sista dag då förvaltningar som inte har rapporterat påminns med e-post, kommaseparerade (dessutom dagen efter).",
        valueName: "dagar"))
    var reminders = ReminderKind.standardDays.map(String.init).joined(separator: ",")

    func validate() throws {
        guard !reminderDays.isEmpty else { throw ValidationError("--reminders är hela dagar före sista dag, t.ex. 5,1") }
    }

    var reminderDays: [Int] { ReminderKind.days(in: reminders) ?? [] }

    func run() throws {
        let service = try global.service(.write)
        let round = try service.openRound(period: period, deadline: deadline, reminderDays: reminderDays, by: try global.caller(service))
        if service.deadlineHasPassed(deadline) {
            Output.warning("sista dag \(deadline) har redan passerat (i dag är det \(service.today)); alla som inte har rapporterat är sena från början")
        }
        Output.line("Rapporteringsomgången för \(round.period) är öppnad, sista dag \(round.deadline).")
    }
}

struct RoundCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Ställ in en rapporteringsomgång som öppnades av misstag (den finns kvar i historiken).")

    @OptionGroup var global: GlobalOptions
    @Argument("period", help: "Perioden, t.ex. 2018Q1.") var period: Period

    func run() throws {
        let service = try global.service(.write)
        let round = try service.cancelRound(period: period, by: try global.caller(service))
        Output.line("Rapporteringsomgången för \(round.period) är inställd.")
    }
}

struct RoundList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lista rapporteringsomgångarna som har öppnats.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var table = TextTable([.init(Words["title.period"]), .init(Words["cli.deadline"]), .init(Words["cli.openedBy"]), .init(Words["cli.opened"])])
        for round in try global.service().rounds() {
            let cancelled = round.cancelledAt.map { " (\(Words["cli.cancelled"]) \($0.swedishDisplay))" } ?? ""
            table.append([round.period + cancelled, round.deadline.description, round.openedBy, round.openedAt.swedishDisplay])
        }
        Output.line(table.render())
    }
}

extension ProgressStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(swedish: argument) }
    public static var allValueStrings: [String] { allCases.map(\.swedish) }
}

extension TrafficLight: ExpressibleByArgument {
    public init?(argument: String) { self.init(swedish: argument) }
    public static var allValueStrings: [String] { allCases.map(\.swedish) }
}

/// Text given in a file, or on standard input for "-".
enum TextInput {
    static func read(_ path: String) throws -> String {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw CLIError("kan inte läsa \(path); ange en läsbar fil, eller - för standard input") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path) är inte UTF-8-text") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
