import AgendaCore
import ArgumentParser
import Foundation
import ReportGen

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Skriv den publika webbplatsen med öppna data för de publicerade perioderna.",
        discussion: """
            Writes a static website to DIR: a start page, a page per insatsområde, per action and per
            published period, open data (oppna-data/aktiviteter.csv, .json, dcat.rdf) and an Atom feed
            (flode.atom). Only published periods, as they were known when published, and only the fields
            the templates' public.tsv makes public. Only reads the database; no token is needed.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The folder to write to (created if needed).", valueName: "dir"))
    var out: String

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("The path or URL the site is served under, e.g. /digital-agenda/ or https://kommun.se/agenda/ (default: relative links).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("A template folder (see `agenda templates export`); default: the built-in set.", valueName: "dir"))
    var templates: String?

    func run() throws {
        let templateSet = try TemplateSet.load(from: templates.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        // Read and written in one pass, one period and one action at a time: flat in memory at national size.
        let files = try PublicSite.write(from: try global.service(), templates: templateSet, baseURL: baseURL, to: directory)
        Output.line("Webbplatsen är skriven till \(directory.path) (\(files.count) filer); öppna \(directory.appendingPathComponent("index.html").path).")
    }
}
