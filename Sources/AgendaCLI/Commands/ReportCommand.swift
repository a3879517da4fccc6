import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation
import ReportGen

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Skriv periodens statusrapport till IT-rådet som XHTML och OpenDocument.",
        discussion: """
            Skriver DIR/agenda-PERIOD.xhtml, .fodt, .fods, .odt och .ods (alla format om inte --format säger \
            annat). Rapporten visar planen som den såg ut vid periodens slut och varje aktivitets status för \
            perioden. Läser bara databasen, utom med --publish.

            --publish (med ägarens token) låser periodens rapport så som IT-rådet får den: skapas den igen \
            senare blir den byte för byte densamma; statusrapporter för perioden som lämnas in i efterhand \
            visas i stället bland förändringarna i nästa periods rapport.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option("period", help: ArgumentHelp("Perioden: 2018 (år), 2018H1 (halvår), 2018T2 (tertial) eller 2018Q2 (kvartal).", valueName: "period"))
    var period: Period

    @OptionGroup var output: ReportOutputOptions

    @Option("area", help: ArgumentHelp("Bara detta insatsområde.", valueName: "number"))
    var area: Int?

    @Option("department", help: ArgumentHelp("Bara aktiviteter där förvaltningen är ledande eller medansvarig (namn eller alias).", valueName: "name"))
    var department: String?

    @Option("generated-at", help: ArgumentHelp("Skriv detta datum som rapportens datum, ÅÅÅÅ-MM-DD.", valueName: "date"))
    var generatedAt: CalendarDate?

    @Flag("publish", help: "Publicera periodens rapport till IT-rådet (bara ägaren): därefter är den låst.")
    var publish = false

    func run() throws {
        let templateSet = try output.templateSet()
        let request = ReportRequest(
            period: period, formats: output.format, directory: output.directory,
            filter: ReportFilter(areaNumber: area, department: department), generatedAt: generatedAt
        )
        let files: [URL]
        if publish {
            let service = try global.service(.write)
            let published = try ReportGenerator.publish(request, service: service, by: try global.caller(service), templates: templateSet)
            Output.line("Rapporten för \(period) är publicerad \(published.publication.publishedAt.swedishDisplay); från och med nu är den låst.")
            files = published.files
        } else {
            files = try ReportGenerator.write(request, service: try global.service(), templates: templateSet)
        }
        for file in files { Output.line(file.path) }
    }
}

extension Period: ExpressibleByArgument {
    public init?(argument: String) {
        try? self.init(parsing: argument)
    }
}

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Arbeta med rapportmallarna (CSS, ODF-format, logotyp, svenska texter).",
        subcommands: [ExportTemplates.self]
    )
}

struct ExportTemplates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Skriv de inbyggda mallarna till DIR för redigering; använd dem sedan med `agenda report --templates DIR`."
    )

    @Argument("directory", help: "Mappen som mallarna skrivs till (skapas vid behov; befintliga filer skrivs inte över).")
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        try TemplateSet.export(to: url)
        Output.line("Mallarna är skrivna till \(url.path); redigera dem och ange --templates \(directory) till `agenda report`.")
    }
}
