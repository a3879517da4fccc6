import AgendaCore
import ArgumentParser
import Foundation
import ReportGen

struct LikaReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a unit's self-assessment summary as XHTML and OpenDocument.",
        discussion: """
            Writes DIR/lika-UNIT-DATE.xhtml, .fodt, .fods, .odt and .ods (all formats unless --format says otherwise) \
            for the unit's latest self-assessment: per area the answers and the maturity index with a radar chart, \
            the colour matrix of every assessed unit (thresholds in the template lika-thresholds.tsv), what changed \
            since the unit's previous assessment, and every indicator below Uppfyllt with its comment and its linked \
            actions' latest status. --compare adds an earlier assessment (a date) or another unit's latest (a name) \
            to the radar and the index table. Only reads the database.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The assessed unit.", valueName: "name")) var unit: String
    @Option(help: ArgumentHelp("An earlier assessment's date (YYYY-MM-DD) or another unit's name; repeatable.", valueName: "date|unit"))
    var compare: [String] = []
    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let templates = try output.templateSet()
        let comparands = compare.map(LikaComparand.init)
        let model = try global.service().read { store in
            try LikaReportGenerator.summary(unit: unit, compare: comparands, from: store, templates: templates)
        }
        for file in try LikaReportGenerator.write(model, formats: output.format, to: output.directory, templates: templates) {
            Output.line(file.path)
        }
    }
}

struct LikaCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Set several municipalities' self-assessments side by side in one report (no database needed).",
        discussion: """
            Each FILE is an Agenda JSON export (`agenda export`; each assessed unit's latest LIKA assessment) or a \
            LIKA export from SKR's tool (tab-separated). The municipality's name is the matching --name (given \
            in the files' order), else the JSON export's organisation, else the file's name. --anonymise names \
            them Kommun A, Kommun B, … in the order of the files and leaves comments out. Writes \
            DIR/lika-jamforelse.EXT.
            """)

    @Argument(help: "The exports to compare.") var files: [String]
    @Option(help: ArgumentHelp("The municipality's name for the file in the same place; repeatable.", valueName: "name"))
    var name: [String] = []
    @Flag(help: "Name the municipalities Kommun A, Kommun B, … and leave comments out.") var anonymise = false
    @Option(help: ArgumentHelp("Who compares (e.g. a kommunalförbund), for the title page; default: the template's organisation.", valueName: "name"))
    var organisation: String?
    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("ange minst en fil att jämföra") }
        guard name.count <= files.count else { throw ValidationError("fler --name (\(name.count)) än filer (\(files.count))") }
    }

    func run() throws {
        let templates = try output.templateSet()
        var assessments: [LikaAssessment] = []
        for (index, file) in files.enumerated() {
            let read = try LikaReportGenerator.read(file: URL(fileURLWithPath: file), name: index < name.count ? name[index] : nil)
            if read.isEmpty { Output.warning("\(file) innehåller ingen LIKA-självskattning; filen hoppas över") }
            assessments += read
        }
        guard !assessments.isEmpty else { throw CLIError("ingen av filerna innehåller en självskattning att jämföra") }
        let model = LikaReportGenerator.comparison(assessments, anonymise: anonymise, organisation: organisation, templates: templates)
        for file in try LikaReportGenerator.write(model, formats: output.format, to: output.directory, templates: templates) {
            Output.line(file.path)
        }
    }
}
