import AgendaArguments
import Foundation
import ReportGen

/// Where and how a report is written: its formats, its folder and its templates, the same for
/// `agenda report`, `agenda lika report` and `agenda lika compare`.
struct ReportOutputOptions: ParsableArguments {
    @Option("format", 
        help: ArgumentHelp("Kommaseparerad lista med format: xhtml,fodt,fods,odt,ods (standard: alla).", valueName: "list"),
        transform: { list in
            try list.split(separator: ",").map { name in
                do { return try ReportFormat(parsing: String(name)) } catch {
                    throw ValidationError(String(describing: error))
                }
            }
        })
    var format: [ReportFormat] = ReportFormat.allCases

    @Option("out", help: ArgumentHelp("Mappen att skriva till (skapas vid behov).", valueName: "dir"))
    var out: String = "."

    @Option("templates", help: ArgumentHelp("En mallmapp (se `agenda templates export`); standard: de inbyggda mallarna.", valueName: "dir"))
    var templates: String?

    func templateSet() throws -> TemplateSet {
        try TemplateSet.load(from: templates.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    var directory: URL { URL(fileURLWithPath: out, isDirectory: true) }
}
