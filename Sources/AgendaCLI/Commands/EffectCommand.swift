import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation
import ReportGen

struct EffectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effect",
        abstract: "Bedöm effektmålen: nåddes effekterna? Mått på effektmålen sätts efter beslut.",
        subcommands: [EffectSet.self, EffectList.self, EffectHistory.self, EffectMeasureCommand.self]
    )
}

/// A measured value as typed: "12,5", "12.5", "1 234".
struct SwedishValue: ExpressibleByArgument {
    var value: Double

    init?(argument: String) {
        guard let value = SwedishDecimal.parse(argument) else { return nil }
        self.value = value
    }
}

struct EffectSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Bedöm ett effektmål för en period (en ny bedömning för samma mål och period rättar den förra).",
        discussion: """
            GOAL är målets nummer inom aktiviteten, räknat från 1, så som `agenda show action CODE` listar \
            målen.

            Bedömning: Uppnått, Delvis uppnått, Ej uppnått, För tidigt att bedöma eller Går ej att bedöma \
            (stora och små bokstäver spelar ingen roll). Behörighet som för statusrapporter: förvaltningen \
            som ansvarar för aktiviteten, eller ägaren.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument("action", help: "Aktivitetens kod.") var action: String
    @Argument("goal", help: "Målets nummer inom aktiviteten (1, 2, …).") var goal: Int
    @Option("period", help: ArgumentHelp("Perioden, t.ex. 2018Q2, 2018T1, 2018H1 eller 2018.", valueName: "period")) var period: Period
    @Option("assessment", help: ArgumentHelp("Bedömningen enligt skalan, t.ex. \"Delvis uppnått\".", valueName: "assessment"))
    var assessment: EffectOutcome
    @Option("value", help: ArgumentHelp("Uppmätt värde i målets enhet, t.ex. 12,5.", valueName: "number")) var value: SwedishValue?
    @Option("measured-on", help: ArgumentHelp("När värdet mättes, ÅÅÅÅ-MM-DD.", valueName: "date"))
    var measuredOn: CalendarDate?
    @Option("source", help: "Var värdet kommer ifrån.") var source: String?
    @Option("comment", help: "Vad bedömningen grundar sig på.") var comment: String?
    @Option("comment-file", help: ArgumentHelp("Läs kommentaren från den här filen (- för standard input).", valueName: "file"))
    var commentFile: String?

    func validate() throws {
        guard (comment == nil) != (commentFile == nil) else { throw ValidationError("ange kommentaren med --comment eller --comment-file (en av dem)") }
        if value == nil, measuredOn != nil || source != nil {
            throw ValidationError("--measured-on och --source hör till ett uppmätt värde; ange också --value")
        }
    }

    func run() throws {
        let service = try global.service(.write)
        let input = EffectInput(
            action: action, goalNumber: goal, period: period,
            content: EffectContent(
                outcome: assessment, value: value?.value, measuredOn: measuredOn, source: source ?? "",
                comment: try comment ?? TextInput.read(commentFile!)))
        let filed = try service.reportEffect(input, by: try global.caller(service))
        let measured = filed.value.map { ", uppmätt \(SwedishNumber.format($0))" } ?? ""
        let corrected = filed.supersedes.map { " (rättar bedömning \($0))" } ?? ""
        Output.line("Effektmål \(goal) i \(filed.action) för \(filed.period) är bedömt: \(filed.outcome.swedish)\(measured) — bedömning \(filed.number)\(corrected).")
    }
}

struct EffectList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Gällande effektbedömningar: den senaste per aktivitet, mål och period (rättelser inräknade).")

    @OptionGroup var global: GlobalOptions
    @Option("action", help: ArgumentHelp("Bara den här aktivitetens mål.", valueName: "code")) var action: String?
    @Option("period", help: ArgumentHelp("Bara bedömningar för exakt denna period.", valueName: "period")) var period: Period?
    @Flag("json", help: "Skriv ut JSON för skript: ett objekt per bedömning med nycklarna action, goal, text, period, assessment, value, comment.")
    var json = false

    func run() throws {
        let listings = try global.service().effectAssessments(code: action, period: period)
        if json { return try JSONOutput.print(listings.map(EffectListingJSON.init)) }
        if listings.isEmpty {
            Output.line("Inga effektmål är bedömda\(action.map { " för \($0)" } ?? "")\(period.map { " för \($0)" } ?? "") ännu.")
            return
        }
        var table = TextTable([
            .init(Words["action.code"]), .init(Words["effect.goalNumber"]), .init(Words["effect.goal"], maxWidth: 40),
            .init(Words["title.period"]), .init(Words["effect.assessment"]), .init(Words["effect.value"]),
        ])
        for listing in listings {
            let assessment = listing.assessment
            table.append([
                assessment.action, listing.goalNumber.map(String.init) ?? "–",
                listing.goal.text.isEmpty ? Words["effect.removedGoal"] : listing.goal.text, assessment.period,
                assessment.outcome.swedish, EffectLines.value(assessment, unit: listing.goal.measure?.unit ?? ""),
            ])
        }
        Output.line(table.render())
        Output.line(Words.count(listings.count, "bedömning", "bedömningar"))
    }
}

struct EffectHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Alla bedömningar av en aktivitets effektmål, även ersatta bedömningar.")

    @OptionGroup var global: GlobalOptions
    @Argument("action", help: "Aktivitetens kod.") var action: String
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false

    func run() throws {
        let listings = try global.service().effectHistory(code: action)
        if json { return try JSONOutput.print(listings.map(\.assessment)) }
        if listings.isEmpty { Output.line("Inget effektmål i \(action) är bedömt ännu.") }
        let superseded = Set(listings.compactMap(\.assessment.supersedes))
        for listing in listings {
            let a = listing.assessment
            let flag = superseded.contains(a.number) ? " [\(Words["cli.superseded"])]" : ""
            let goal = listing.goalNumber.map { "\(Words["effect.goal"]) \($0)" } ?? "\(Words["effect.goal"]) (\(Words["effect.removedGoal"]))"
            var lines = ["#\(a.number) \(a.period)  \(goal): \(a.outcome.swedish)\(flag) — \(a.reporter), \(a.reportedAt.swedishDisplay)"]
            if !listing.goal.text.isEmpty { lines.append("  \(listing.goal.text)") }
            if let earlier = a.supersedes { lines.append("  \(Words["cli.corrects"]) #\(earlier)") }
            if a.value != nil { lines.append("  \(Words["effect.value"]): \(EffectLines.value(a, unit: listing.goal.measure?.unit ?? ""))") }
            if !a.comment.isEmpty { lines.append("  \(a.comment)") }
            Output.line(lines.joined(separator: "\n"))
        }
    }
}

struct EffectMeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Bestäm eller ändra hur ett effektmål mäts (bara ägaren); sparas som en revision med sitt beslut.",
        discussion: """
            GOAL är målets nummer inom aktiviteten, så som `agenda show action CODE` listar målen. Uppgifter \
            som inte anges behåller måttets nuvarande värden; --remove tar bort måttet.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument("action", help: "Aktivitetens kod.") var action: String
    @Argument("goal", help: "Målets nummer inom aktiviteten (1, 2, …).") var goal: Int
    @Option("indicator", help: "Indikatorn, t.ex. \"Andel ärenden som inkommer digitalt\".") var indicator: String?
    @Option("unit", help: "Enheten, t.ex. %, st, kr.") var unit: String?
    @Option("baseline", help: ArgumentHelp("Utgångsvärdet.", valueName: "number")) var baseline: SwedishValue?
    @Option("baseline-date", help: ArgumentHelp("När utgångsvärdet mättes, ÅÅÅÅ-MM-DD.", valueName: "date"))
    var baselineDate: CalendarDate?
    @Option("target", help: ArgumentHelp("Målvärdet, det värde som ska nås.", valueName: "number")) var target: SwedishValue?
    @Option("target-year", help: ArgumentHelp("Året då målvärdet ska vara nått.", valueName: "year"))
    var targetYear: Int?
    @Option("direction", help: ArgumentHelp("higher (högre är bättre) eller lower (lägre är bättre).", valueName: "higher|lower")) var direction: EffectDirection?
    @Flag("remove", help: "Ta bort målets mått.") var remove = false
    @OptionGroup var decision: DecisionOptions

    func validate() throws {
        let given = indicator != nil || unit != nil || baseline != nil || baselineDate != nil || target != nil || targetYear != nil || direction != nil
        if remove && given { throw ValidationError("--remove tar bort måttet; ange inga andra uppgifter om måttet samtidigt") }
        if !remove && !given { throw ValidationError("inget att ändra: ange --indicator, --target, --baseline … eller --remove") }
    }

    func run() throws {
        let service = try global.service(.write)
        let change = remove ? nil : MeasureChange(
            indicator: indicator, unit: unit, baseline: baseline?.value, baselineDate: baselineDate,
            target: target?.value, targetYear: targetYear, direction: direction)
        let revised = try service.setEffectMeasure(
            code: action, goalNumber: goal, change: change, decision: decision.value(today: service.today), by: try global.caller(service))
        if let set = revised.goal(number: goal)?.measure {
            Output.line("Effektmål \(goal) i \(action) mäts nu som: \(EffectMeasureText.describe(set)).")
        } else {
            Output.line("Effektmål \(goal) i \(action) har inte längre något mått.")
        }
    }
}

extension EffectOutcome: ExpressibleByArgument {
    public init?(argument: String) { self.init(swedish: argument) }
    public static var allValueStrings: [String] { allCases.map(\.swedish) }
}

extension EffectDirection: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { ["higher", "lower"] }
}

/// One assessment in force as `agenda effect list --json` prints it: exactly these keys, `value` a
/// number or null, `goal` the goal's number within the action now (null for a goal since removed).
struct EffectListingJSON: Encodable {
    let listing: EffectListing

    private enum Key: String, CodingKey { case action, goal, text, period, assessment, value, comment }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(listing.assessment.action, forKey: .action)
        try c.encode(listing.goalNumber, forKey: .goal)
        try c.encode(listing.goal.text, forKey: .text)
        try c.encode(listing.assessment.period, forKey: .period)
        try c.encode(listing.assessment.outcome.swedish, forKey: .assessment)
        try c.encode(listing.assessment.value, forKey: .value)
        try c.encode(listing.assessment.comment, forKey: .comment)
    }
}

/// How the CLI writes an assessment's measured value: "12,5 % (2018-06-30, Ärendestatistik)".
enum EffectLines {
    static func value(_ a: EffectAssessment, unit: String) -> String {
        guard let value = a.value else { return "–" }
        let detail = [a.measuredOn?.description, a.source.isEmpty ? nil : a.source].compactMap { $0 }
        return SwedishNumber.format(value, unit: unit) + (detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))")
    }
}
