import ArgumentParser
import Foundation
import ReportGen

/// Where and how a report is written: its formats, its folder and its templates, the same for
/// `agenda report`, `agenda lika report` and `agenda lika compare`.
struct ReportOutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Comma-separated formats: xhtml,fodt,fods,odt,ods (default: all).", valueName: "list"),
        transform: { list in
            try list.split(separator: ",").map { name in
                do { return try ReportFormat(parsing: name.trimmingCharacters(in: .whitespaces)) } catch {
                    throw ValidationError(String(describing: error))
                }
            }
        })
    var format: [ReportFormat] = ReportFormat.allCases

    @Option(help: ArgumentHelp("The folder to write to (created if needed).", valueName: "dir"))
    var out: String = "."

    @Option(help: ArgumentHelp("A template folder (see `agenda templates export`); default: the built-in set.", valueName: "dir"))
    var templates: String?

    func templateSet() throws -> TemplateSet {
        try TemplateSet.load(from: templates.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    var directory: URL { URL(fileURLWithPath: out, isDirectory: true) }
}
