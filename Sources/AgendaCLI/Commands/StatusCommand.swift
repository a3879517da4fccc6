import AgendaCore
import ArgumentParser

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Report the status of actions each period, and follow who has reported.",
        subcommands: [StatusSet.self, StatusMine.self, StatusMissing.self, StatusHistory.self, StatusRound.self]
    )
}

/// A period as the user wrote it, read with ``Period/init(parsing:)``.
func parsePeriod(_ text: String) throws -> Period {
    do { return try Period(parsing: text) } catch { throw ValidationError(String(describing: error)) }
}

struct StatusSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Report an action's status for a period (a second report for the same period corrects the first).",
        discussion: """
            Status: Ej påbörjad, Planerad, Påbörjad, Nästan klar, Klar, Vilande or Avbruten.
            Light: grön (on track), gul (at risk) or röd (off track). Both ignore case.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The action's code.") var action: String
    @Option(help: ArgumentHelp("The period, e.g. 2018Q2, 2018T1, 2018H1 or 2018.", valueName: "period")) var period: String
    @Option(help: ArgumentHelp("The status on the Swedish scale, e.g. Påbörjad.", valueName: "status")) var status: String
    @Option(help: ArgumentHelp("grön, gul or röd.", valueName: "light")) var light: String
    @Option(help: "How the work is going.") var comment: String
    @Option(help: "Hinder: what stands in the way (a correction keeps the earlier one when not given).") var obstacles: String?
    @Option(name: .customLong("next"), help: "Next steps (a correction keeps the earlier ones when not given).") var nextSteps: String?
    @Option(help: ArgumentHelp("Actual cost so far, whole kronor.", valueName: "kronor")) var cost: Int?

    func validate() throws {
        _ = try parsePeriod(period)
        guard ProgressStatus(swedish: status) != nil else {
            throw ValidationError("unknown status \"\(status)\"; use one of: \(ProgressStatus.allCases.map(\.swedish).joined(separator: ", "))")
        }
        guard TrafficLight(swedish: light) != nil else { throw ValidationError("unknown light \"\(light)\"; use grön, gul or röd") }
        if let cost, cost < 0 { throw ValidationError("--cost is whole kronor, 0 or more") }
    }

    func run() throws {
        let store = try global.openAgendaStore()
        let input = StatusInput(
            action: action, period: try parsePeriod(period), status: ProgressStatus(swedish: status)!,
            light: TrafficLight(swedish: light)!, comment: TextCleaner.clean(comment), obstacles: obstacles.map(TextCleaner.clean),
            nextSteps: nextSteps.map(TextCleaner.clean), actualCost: cost)
        let filing = try store.reportStatus(input, by: try global.actor(store), at: .now)
        let report = filing.report
        let carried = filing.carriedOver.isEmpty ? "" : "; carried over: \(filing.carriedOver.map(\.swedish).joined(separator: ", "))"
        let corrected = report.supersedes.map { " (corrects report \($0)\(carried))" } ?? ""
        Output.line("Reported \(report.action) \(report.period): \(report.status.swedish), \(report.light.swedish) — report \(report.number)\(corrected).")
    }
}

struct StatusMine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine", abstract: "Your förvaltning's actions with their latest status (needs your token, or --department).")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Show this förvaltning's actions instead (name or alias).", valueName: "name")) var department: String?

    func run() throws {
        let store = try global.openAgendaStore()
        var name = department
        if name == nil {
            guard global.givenToken != nil else {
                throw CLIError("whose actions? pass your token (--token or AGENDA_TOKEN) or --department NAME")
            }
            name = try global.actor(store).department
        }
        let actions = try store.actions(matching: ActionFilter(department: name))
        let latest = try store.latestStatuses()
        var table = TextTable([.init("Kod"), .init("Åtgärd", maxWidth: 40), .init("Period"), .init("Status"), .init("Ljus"), .init("Rapporterad")])
        for action in actions {
            let report = latest[action.code]
            table.append([action.code, action.title, report?.period ?? "–", report?.status.swedish ?? "ej rapporterad",
                          report?.light.swedish ?? "–", report?.reportedAt.swedishDisplay ?? "–"])
        }
        Output.line(table.render())
        Output.line("\(actions.count) actions\(try name.map { " for \(try store.departmentName($0))" } ?? "")")
    }
}

struct StatusMissing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing", abstract: "Per förvaltning, the actions without a report for a period (default: the latest round's).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The period; default: the period of the latest round opened.") var period: String?
    @Option(help: ArgumentHelp("Only this förvaltning (name or alias).", valueName: "name")) var department: String?
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let store = try global.openAgendaStore()
        let period: Period
        if let text = self.period {
            period = try parsePeriod(text)
        } else if let round = try store.defaultRound() {
            period = try Period(parsing: round.period)
        } else {
            throw CLIError("no reporting round is open; give a period (agenda status missing 2018Q2) or open one with `agenda status round open`")
        }
        var missing = try store.missingReports(for: period, at: .now)
        if let department {
            let canonical = try store.departmentName(department)
            missing = missing.filter { $0.department == canonical }
        }
        if json { return try JSONOutput.print(missing) }
        let deadline = try store.round(for: period).map { ", deadline \($0.deadline)" } ?? ""
        Output.line("Missing reports for \(period)\(deadline):")
        if missing.isEmpty { Output.line("  none — every active action has a report") }
        for entry in missing { Output.line("  \(entry.department): \(entry.actions.joined(separator: ", "))") }
    }
}

struct StatusHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Everything ever reported on an action, superseded reports included.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The action's code.") var action: String
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let reports = try global.openAgendaStore().statusHistory(code: action)
        if json { return try JSONOutput.print(reports) }
        let superseded = Set(reports.compactMap(\.supersedes))
        if reports.isEmpty { Output.line("Nothing reported on \(action) yet.") }
        for report in reports {
            let flag = superseded.contains(report.number) ? " [ersatt]" : ""
            var lines = ["#\(report.number) \(report.period)  \(report.status.swedish), \(report.light.swedish)\(flag) — \(report.reporter), \(report.reportedAt.swedishDisplay)"]
            if let earlier = report.supersedes { lines.append("  rättar #\(earlier)") }
            lines.append("  \(report.comment)")
            if !report.obstacles.isEmpty { lines.append("  Hinder: \(report.obstacles)") }
            if !report.nextSteps.isEmpty { lines.append("  Nästa steg: \(report.nextSteps)") }
            if let cost = report.actualCost { lines.append("  Faktisk kostnad: \(Kronor.exact(cost))") }
            Output.line(lines.joined(separator: "\n"))
        }
    }
}

struct StatusRound: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Open reporting rounds (owner) and list them.",
        subcommands: [RoundOpen.self, RoundCancel.self, RoundList.self])
}

struct RoundOpen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a round for a period with a deadline.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The period, e.g. 2018Q2.") var period: String
    @Option(help: ArgumentHelp("The last day to report, YYYY-MM-DD.", valueName: "date")) var deadline: CalendarDate

    func validate() throws { _ = try parsePeriod(period) }

    func run() throws {
        let store = try global.openAgendaStore()
        let round = try store.openRound(period: try parsePeriod(period), deadline: deadline, by: try global.actor(store), at: .now)
        Output.line("Opened the reporting round for \(round.period), deadline \(round.deadline).")
    }
}

struct RoundCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a round opened by mistake (it stays on record).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The period, e.g. 2018Q1.") var period: String

    func validate() throws { _ = try parsePeriod(period) }

    func run() throws {
        let store = try global.openAgendaStore()
        let round = try store.cancelRound(period: try parsePeriod(period), by: try global.actor(store), at: .now)
        Output.line("Cancelled the reporting round for \(round.period).")
    }
}

struct RoundList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rounds opened.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var table = TextTable([.init("Period"), .init("Sista dag"), .init("Öppnad av"), .init("Öppnad")])
        for round in try global.openAgendaStore().rounds() {
            let cancelled = round.cancelledAt.map { " (inställd \($0.swedishDisplay))" } ?? ""
            table.append([round.period + cancelled, round.deadline.description, round.openedBy, round.openedAt.swedishDisplay])
        }
        Output.line(table.render())
    }
}
