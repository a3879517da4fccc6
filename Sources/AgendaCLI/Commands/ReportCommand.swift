import AgendaCore
import ArgumentParser
import Foundation
import ReportGen

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Skriv periodens statusrapport till IT-rådet som XHTML och OpenDocument.",
        discussion: """
            Writes DIR/agenda-PERIOD.xhtml, .fodt, .fods, .odt and .ods (all formats unless --format says
            otherwise). The report shows the plan as it stood at the period's end and each action's status
            for the period. Only reads the database, unless --publish is given.

            --publish (the owner's token) freezes the period's report as IT-rådet receives it: regenerating
            it later gives the same bytes; reports filed late about the period show in the next period's
            changes instead.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The period: 2018 (år), 2018H1 (halvår), 2018T2 (tertial) or 2018Q2 (kvartal).", valueName: "period"))
    var period: Period

    @OptionGroup var output: ReportOutputOptions

    @Option(help: ArgumentHelp("Only this insatsområde.", valueName: "number"))
    var area: Int?

    @Option(help: ArgumentHelp("Only actions this förvaltning leads or shares (name or alias).", valueName: "name"))
    var department: String?

    @Option(name: .customLong("generated-at"), help: ArgumentHelp("Print this date as the report's date, YYYY-MM-DD.", valueName: "date"))
    var generatedAt: CalendarDate?

    @Flag(help: "Publish the period's report to IT-rådet (owner only): from now on it is frozen.")
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
        abstract: "Write the built-in template set to DIR for editing; use it with `agenda report --templates DIR`."
    )

    @Argument(help: "The folder to write the templates to (created if needed; existing files are not overwritten).")
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        try TemplateSet.export(to: url)
        Output.line("Mallarna är skrivna till \(url.path); redigera dem och ange --templates \(directory) till `agenda report`.")
    }
}
