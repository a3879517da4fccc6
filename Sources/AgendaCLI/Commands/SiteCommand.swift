import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation
import ReportGen

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Skriv den publika webbplatsen med öppna data för de publicerade perioderna.",
        discussion: """
            Skriver en statisk webbplats till DIR: en startsida, en sida per insatsområde, per aktivitet och \
            per publicerad period, öppna data (oppna-data/aktiviteter.csv, .json, dcat.rdf) och ett Atom-flöde \
            (flode.atom). Bara publicerade perioder, så som de var kända när de publicerades, och bara de \
            uppgifter som mallarnas public.tsv gör publika. Läser bara databasen; ingen token behövs.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option("out", help: ArgumentHelp("Mappen att skriva till (skapas vid behov).", valueName: "dir"))
    var out: String

    @Option("base-url", 
        help: ArgumentHelp("Sökvägen eller adressen som webbplatsen nås under, t.ex. /digital-agenda/ eller https://kommun.se/agenda/ (standard: relativa länkar).", valueName: "url"))
    var baseURL: String?

    @Option("templates", help: ArgumentHelp("En mallmapp (se `agenda templates export`); standard: de inbyggda mallarna.", valueName: "dir"))
    var templates: String?

    func run() throws {
        let templateSet = try TemplateSet.load(from: templates.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        // Read and written in one pass, one period and one action at a time: flat in memory at national size.
        let files = try PublicSite.write(from: try global.service(), templates: templateSet, baseURL: baseURL, to: directory)
        Output.line("Webbplatsen är skriven till \(directory.path) (\(files.count) filer); öppna \(directory.appendingPathComponent("index.html").path).")
    }
}
