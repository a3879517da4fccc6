import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation
import ReportGen

struct LikaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lika",
        abstract: "Självskattningar mot LIKA (eller en annan indikatoruppsättning) och aktiviteterna som ska lyfta dem.",
        subcommands: [LikaSets.self, LikaSetCommand.self, LikaImport.self, LikaList.self, LikaShow.self, LikaSuggest.self, LikaAdopt.self, LikaLink.self, LikaReport.self, LikaCompare.self]
    )
}

/// The indicator set option every LIKA command shares.
struct IndicatorSetOption: ParsableArguments {
    @Option("set", help: ArgumentHelp("Indikatoruppsättningens nyckel.", valueName: "key"))
    var key: String = IndicatorSet.likaSocialtjanstKey
}

struct LikaImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Registrera en självskattning som exporterats från SKR:s LIKA-verktyg (tabbseparerad, så som verktygets tabell kopieras ut).",
        discussion: """
            Svar: Ej planerad, Planerad, Påbörjad, Nästan där, Uppfyllt eller Ej relevant, och de ord som \
            lika-answers.tsv översätter (andra versioner av verktyget säger t.ex. Nästan klar); med --templates \
            läses orden från mallmappens labels-sv.tsv och lika-answers.tsv. Exportens indikatorer registreras i \
            den första kända utgåvan (`agenda lika sets`) som har alla med samma kod och lydelse, eller bara i \
            --set om den anges; annars sparas de med kod och lydelse som i exporten i en egen utgåva, och en \
            varning nämner dem som den närmaste utgåvan saknar. En ny import för samma verksamhet och datum \
            rättar de tidigare svaren, som finns kvar i historiken.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument("file", help: "Den exporterade filen.") var file: String
    @Option("unit", help: ArgumentHelp("Den som har skattat sig: kommunen, en förvaltning eller en verksamhet (t.ex. Äldreomsorg).", valueName: "name"))
    var unit: String
    @Option("date", help: ArgumentHelp("Självskattningens datum, ÅÅÅÅ-MM-DD.", valueName: "date")) var date: CalendarDate
    @Option("department", help: ArgumentHelp("Förvaltningen (namn eller alias) som en ny verksamhet hör till.", valueName: "name")) var department: String?
    @Option("set", help: ArgumentHelp(
        "Utgåvan (indikatoruppsättningens nyckel) som exporten registreras i eller jämförs med (standard: den första kända som har alla exportens indikatorer).",
        valueName: "key"))
    var set: String?
    @Option("templates", help: ArgumentHelp(
        "En mallmapp (se `agenda templates export`) vars ord för svaren läses (labels-sv.tsv, lika-answers.tsv); standard: de inbyggda mallarna.",
        valueName: "dir"))
    var templates: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("kan inte läsa \(file); ange en läsbar fil") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(file) är inte UTF-8-text; spara exporten som UTF-8 och importera igen") }
        let words = try TemplateSet.answerWords(in: templates.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let service = try global.service(.write)
        let caller = try global.caller(service)
        let export = try LikaExportReader.read(text, source: file, set: try set.map { try service.indicatorSet(key: $0) }, answers: words)
        let imported = try service.importAssessment(export, unit: unit, department: department, date: date, set: set, by: caller)
        for warning in imported.warnings { Output.warning(warning.description) }
        let filing = imported.filing
        var notes: [String] = []
        if filing.corrected > 0 { notes.append("\(filing.corrected) rättade") }
        if !filing.newIndicators.isEmpty { notes.append("nya indikatorer: \(filing.newIndicators.joined(separator: ", "))") }
        if !filing.changedIndicators.isEmpty { notes.append("ny lydelse: \(filing.changedIndicators.joined(separator: ", "))") }
        let unitName = filing.answers.first?.unit ?? unit
        Output.line("\(Words["lika.assessment"]) för \(unitName) \(date) är registrerad: \(Words.count(filing.answers.count, "svar", "svar"))\(notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))").")
    }
}

struct LikaSets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sets",
        abstract: "Indikatoruppsättningarna (utgåvorna) som finns: de inlästa och den som följer med Agenda.",
        discussion: """
            En utgåva matchar en annan bara där en indikator har samma kod och lydelse i båda; svar jämförs \
            mellan utgåvor bara för sådana indikatorer.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let sets = try global.service().knownIndicatorSets()
        var table = TextTable([
            .init(Words["cli.set.key"]), .init(Words["cli.set.name"], maxWidth: 40), .init(Words["cli.set.indicators"], alignRight: true),
            .init(Words["cli.set.matches"], maxWidth: 50),
        ])
        for set in sets {
            let matches = sets.filter { $0.key != set.key }.compactMap { other -> String? in
                let count = IndicatorEdition.matchCount(set, in: other)
                return count == 0 ? nil : "\(other.key) \(count)"
            }
            table.append([set.key, set.name, String(set.indicators.count), matches.isEmpty ? "–" : matches.joined(separator: ", ")])
        }
        Output.line(table.render())
        Output.line(Words.count(sets.count, "uppsättning", "uppsättningar"))
    }
}

struct LikaSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Läs in en indikatoruppsättning (en utgåva av LIKA eller en annan).", subcommands: [LikaSetImport.self])
}

struct LikaSetImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Läs in en indikatoruppsättning från SKR:s export av ett verktyg eller från en tabell (tabbseparerad).",
        discussion: """
            Filen är en export från SKR:s verktyg (en utgåva av LIKA Socialtjänst, LIKA för en annan sektor; \
            svaren läses inte) eller en tabell med rubrikraden Område, Kod, Indikator och Aktivitetsförslag. \
            Uppsättningen blir en egen utgåva bredvid de andra; en indikator matchar en annan utgåvas bara där \
            kod och lydelse är desamma.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument("file", help: "Filen med indikatorerna.") var file: String
    @Option("name", help: ArgumentHelp("Uppsättningens namn, t.ex. \"LIKA Socialtjänst 2016\".", valueName: "name")) var name: String
    @Option("key", help: ArgumentHelp("Uppsättningens nyckel (standard: av namnet, t.ex. lika-socialtjanst-2016).", valueName: "key")) var key: String?

    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("ange uppsättningens namn med --name") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("kan inte läsa \(file); ange en läsbar fil") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(file) är inte UTF-8-text; spara filen som UTF-8 och läs in den igen") }
        let name = self.name.trimmingCharacters(in: .whitespaces)
        let read = try IndicatorSetReader.read(text, source: file, key: key ?? IndicatorSetReader.key(fromName: name), name: name)
        for warning in read.warnings { Output.warning(warning.description) }
        let service = try global.service(.write)
        let matches = try service.loadIndicatorSet(read.set, by: try global.caller(service))
        Output.line("\(read.set.name) (\(read.set.key)) är inläst: \(Words.count(read.set.indicators.count, "indikator", "indikatorer")).")
        for (other, matched) in matches {
            Output.line("  \(matched) av dem har samma kod och lydelse som i \(other.name) (\(other.key)).")
        }
    }
}

struct LikaList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Gällande svar, per verksamhet och självskattning (ersatta svar utelämnas).")

    @OptionGroup var global: GlobalOptions
    @Option("unit", help: ArgumentHelp("Bara den här verksamhetens svar.", valueName: "name")) var unit: String?
    @Option("date", help: ArgumentHelp("Bara självskattningen med detta datum.", valueName: "date")) var date: CalendarDate?
    @Flag("latest", help: "Bara varje verksamhets senaste självskattning.") var latest = false
    @Flag("json", help: "Skriv ut JSON för skript: ett objekt per svar med nycklarna unit, date, code, area, indicator, answer, step, comment.")
    var json = false

    func run() throws {
        let answers = try global.service().answers(AnswerQuery(unit: unit, date: date, latestOnly: latest))
        if json { return try JSONOutput.print(answers.map(AssessmentAnswerJSON.init)) }
        var table = TextTable([
            .init(Words["lika.unit"], maxWidth: 24), .init(Words["lika.date"]), .init(Words["lika.indicatorCode"]),
            .init(Words["lika.area"]), .init(Words["lika.answer"]), .init(Words["lika.step"], alignRight: true),
            .init(Words["lika.indicator"], maxWidth: 50), .init(Words["lika.comment"], maxWidth: 30),
        ])
        for answer in answers {
            table.append([
                answer.unit, answer.date.description, answer.code, answer.area.name, answer.answer.swedish,
                answer.step.map(String.init) ?? "–", answer.indicator, answer.comment,
            ])
        }
        Output.line(table.render())
        Output.line(Words.count(answers.count, "svar", "svar"))
    }
}

struct LikaShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "En självskattning per område, bredvid verksamhetens föregående, med aktiviteterna som är kopplade till varje indikator.")

    @OptionGroup var global: GlobalOptions
    @Option("unit", help: ArgumentHelp("Verksamheten (behövs när flera har skattat sig).", valueName: "name")) var unit: String?
    @Option("date", help: ArgumentHelp("Självskattningens datum (standard: verksamhetens senaste).", valueName: "date")) var date: CalendarDate?

    func run() throws {
        let service = try global.service()
        let units = try service.assessedUnits()
        guard let name = unit ?? (units.count == 1 ? units[0].name : nil) else {
            throw CLIError(units.isEmpty
                ? "ingen verksamhet har gjort en självskattning än; registrera en med `agenda lika import FIL --unit NAMN --date ÅÅÅÅ-MM-DD`"
                : "vilken verksamhet? ange --unit, en av \(units.map(\.name).joined(separator: ", "))")
        }
        let assessments = try service.assessments(unit: name)
        guard let chosen = date.map({ wanted in assessments.last { $0.date == wanted } }) ?? assessments.last else {
            throw CLIError("\(name) har ingen självskattning \(date!); de som finns är från \(assessments.map(\.date.description).joined(separator: ", "))")
        }
        let previous = assessments.last { $0.set == chosen.set && $0.date < chosen.date }
        let answers = try service.answers(AnswerQuery(unit: name, date: chosen.date, set: chosen.set))
        let before = Dictionary(
            try previous.map { try service.answers(AnswerQuery(unit: name, date: $0.date, set: chosen.set)) }?.map { ($0.code, $0) } ?? [],
            uniquingKeysWith: { a, _ in a })
        let set = try service.indicatorSet(key: chosen.set)
        var lines = ["\(Words["lika.assessment"]): \(chosen.unit.name), \(chosen.date) (\(set.name))"]
        if let department = chosen.unit.department { lines.append("Förvaltning: \(department)") }
        let counts = MaturityAnswer.allCases.compactMap { answer in chosen.counts[answer].map { "\(answer.swedish) \($0)" } }
        lines.append("\(Words["lika.answer"]): \(counts.joined(separator: ", "))")
        if let previous { lines.append("Jämförs med: \(previous.date)") }
        var area: String?
        for answer in answers {
            if answer.area.name != area {
                area = answer.area.name
                lines += ["", "\(answer.area.name) (\(answer.area.code))"]
            }
            let step = answer.step.map { ", \(Words["lika.step"].lowercased()) \($0)" } ?? ""
            var change = ""
            if let earlier = before[answer.code] {
                if earlier.answer == answer.answer {
                    change = " (oförändrat)"
                } else {
                    let direction = (earlier.answer.rank ?? -1) < (answer.answer.rank ?? -1) ? "upp från" : "ned från"
                    change = " (\(answer.answer.rank == nil || earlier.answer.rank == nil ? "förut" : direction) \(earlier.answer.swedish))"
                }
            }
            lines.append("  \(answer.code)  \(answer.answer.swedish)\(step)\(change)")
            lines.append("      \(answer.indicator)")
            if !answer.comment.isEmpty { lines.append("      \(Words["lika.comment"].lowercased()): \(answer.comment)") }
            let linked = try service.linkedActions(code: answer.code, set: chosen.set)
            if !linked.isEmpty {
                let names = linked.map { "\($0.action.code) \($0.action.title) (\($0.latest?.status.swedish ?? Words["status.noReport"].lowercased()))" }
                lines.append("      \(Words["lika.linkedActions"].lowercased()): \(names.joined(separator: "; "))")
            }
        }
        Output.line(lines.joined(separator: "\n"))
    }
}

struct LikaSuggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Indikatorerna under en viss nivå i varje verksamhets senaste självskattning, med uppsättningens aktivitetsförslag.",
        discussion: "Gör ett förslag till en aktivitet med `agenda lika adopt CODE --area N --responsible NAME --decision REF`.")

    @OptionGroup var global: GlobalOptions
    @Option("unit", help: ArgumentHelp("Bara den här verksamhetens indikatorer.", valueName: "name")) var unit: String?
    @Option("below", help: ArgumentHelp("Nivån: indikatorer med svar under den (standard: Uppfyllt, alltså alla som ännu inte är uppfyllda).", valueName: "answer"))
    var below: MaturityAnswer?
    @Flag("json", help: "Skriv ut JSON för skript.") var json = false
    @OptionGroup var set: IndicatorSetOption

    func run() throws {
        // Uppfyllt unless --below says otherwise; optional rather than a default value because
        // --help would print the default as its case name, "fulfilled".
        let below = self.below ?? .fulfilled
        let suggestions = try global.service().suggestions(unit: unit, below: below, set: set.key)
        if json { return try JSONOutput.print(suggestions.map(IndicatorSuggestionJSON.init)) }
        var table = TextTable([
            .init(Words["lika.unit"], maxWidth: 24), .init(Words["lika.indicatorCode"]), .init(Words["lika.answer"]),
            .init(Words["lika.step"], alignRight: true), .init(Words["lika.suggestion"], maxWidth: 60), .init(Words["lika.linkedActions"]),
        ])
        for entry in suggestions {
            table.append([
                entry.answer.unit, entry.answer.code, entry.answer.answer.swedish, entry.answer.step.map(String.init) ?? "–",
                entry.suggestion, entry.linkedActions.isEmpty ? "–" : entry.linkedActions.joined(separator: ", "),
            ])
        }
        Output.line(table.render())
        Output.line("\(Words.count(suggestions.count, "indikator", "indikatorer")) under \(below.swedish)")
    }
}

struct LikaAdopt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Gör en indikators aktivitetsförslag till en aktivitet i planen, kopplad till indikatorn (enligt ett beslut).",
        discussion: """
            Om inget annat anges blir rubriken förslagets första led, handlingsplanens text hela förslaget och \
            bakgrunden indikatorn; koden blir nästa lediga nummer i insatsområdet.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument("indicator", help: "Indikatorns kod, t.ex. L3.") var indicator: String
    @Option("area", help: ArgumentHelp("Insatsområdets nummer.", valueName: "n")) var area: Int
    @Option("sub-area", help: ArgumentHelp("Delområdets kod.", valueName: "code")) var subArea: String?
    @Option("code", help: ArgumentHelp("Den nya aktivitetens kod (standard: nästa lediga nummer i insatsområdet).", valueName: "code")) var code: String?
    @OptionGroup var fields: ActionFieldOptions
    @OptionGroup var decision: DecisionOptions
    @Flag("new-unit", help: "Lägg till en förvaltning eller enhet som står som ansvarig men saknas i organisationsregistret.") var newUnit = false
    @OptionGroup var set: IndicatorSetOption

    func validate() throws {
        guard fields.responsible != nil else { throw ValidationError("ange ansvarig med --responsible") }
        guard decision.decision != nil else { throw ValidationError("ange beslutet med --decision, t.ex. \"IT-rådet 2018-03-14 §5\"") }
    }

    func run() throws {
        let service = try global.service(.write)
        let action = try service.adoptSuggestion(
            indicator: indicator, set: set.key, area: area, subArea: subArea, actionCode: code, fields: fields.value,
            decision: decision.value(today: service.today), newUnits: newUnit, by: try global.caller(service))
        Output.line("Aktivitet \(action.code) \"\(action.title)\" är tillagd och kopplad till \(indicator.uppercased()).")
    }
}

struct LikaLink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Koppla en befintlig aktivitet till en eller flera indikatorer (enligt ett beslut).")

    @OptionGroup var global: GlobalOptions
    @Argument("action", help: "Aktivitetens kod.") var action: String
    @Argument("indicators", help: "Indikatorernas koder, t.ex. L3 I2.") var indicators: [String]
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var set: IndicatorSetOption

    func validate() throws {
        guard !indicators.isEmpty else { throw ValidationError("ange minst en indikator, t.ex. L3") }
        guard decision.decision != nil else { throw ValidationError("ange beslutet med --decision, t.ex. \"IT-rådet 2018-03-14 §5\"") }
    }

    func run() throws {
        let service = try global.service(.write)
        let revision = try service.linkIndicators(
            action: action, codes: indicators, set: set.key, decision: decision.value(today: service.today), by: try global.caller(service))
        Output.line("Aktivitet \(action) är kopplad till \(indicators.map { $0.uppercased() }.joined(separator: ", ")) (revision \(revision.number)).")
    }
}

extension MaturityAnswer: ExpressibleByArgument {
    /// A word of the built-in templates, as the command line prints them.
    public init?(argument: String) {
        guard let answer = MaturityWords.builtIn.answer(for: argument) else { return nil }
        self = answer
    }
    public static var allValueStrings: [String] { allCases.map(\.swedish) }
}
