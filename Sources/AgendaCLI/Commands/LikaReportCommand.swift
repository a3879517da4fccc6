import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation
import ReportGen

struct LikaReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Skriv en sammanställning av en verksamhets självskattning som XHTML och OpenDocument.",
        discussion: """
            Skriver DIR/lika-UNIT-DATE.xhtml, .fodt, .fods, .odt och .ods (alla format om inte --format säger annat) \
            för verksamhetens senaste självskattning: per område svaren och mognadsindex med ett radardiagram, \
            färgmatrisen för alla verksamheter som har skattat sig (gränserna står i mallen lika-thresholds.tsv), \
            vad som har ändrats sedan verksamhetens föregående självskattning, och varje indikator under Uppfyllt \
            med sin kommentar och de kopplade aktiviteternas senaste status. --compare lägger till en tidigare \
            självskattning (ett datum) eller en annan verksamhets senaste (ett namn) i radardiagrammet och \
            indextabellen. Läser bara databasen.
            """)

    @OptionGroup var global: GlobalOptions
    @Option("unit", help: ArgumentHelp("Verksamheten som har skattat sig.", valueName: "name")) var unit: String
    @Option("compare", help: ArgumentHelp("Datum för en tidigare självskattning (ÅÅÅÅ-MM-DD) eller namnet på en annan verksamhet; kan upprepas.", valueName: "date|unit"))
    var compare: [String] = []
    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let templates = try output.templateSet()
        let comparands = compare.map(LikaComparand.init)
        let model = try global.service().read { snapshot in
            try LikaReportGenerator.summary(unit: unit, compare: comparands, from: snapshot, templates: templates)
        }
        for file in try LikaReportGenerator.write(model, formats: output.format, to: output.directory, templates: templates) {
            Output.line(file.path)
        }
    }
}

struct LikaCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Ställ flera kommuners självskattningar sida vid sida i en rapport (ingen databas behövs).",
        discussion: """
            Varje fil är en JSON-export från Agenda (`agenda export`; varje verksamhets senaste LIKA-självskattning) \
            eller en LIKA-export från SKR:s verktyg (tabbseparerad). Kommunens namn är motsvarande --name (anges i \
            filernas ordning), annars JSON-exportens organisation, annars filens namn. --anonymise kallar kommunerna \
            Kommun A, Kommun B, … i filernas ordning och utelämnar kommentarerna. Skriver DIR/lika-jamforelse.EXT.
            """)

    @Argument("files", help: "Exporterna som ska jämföras.") var files: [String]
    @Option("name", help: ArgumentHelp("Namnet på kommunen i filen på samma plats i ordningen; kan upprepas.", valueName: "name"))
    var name: [String] = []
    @Flag("anonymise", help: "Kalla kommunerna Kommun A, Kommun B, … och utelämna kommentarerna.") var anonymise = false
    @Option("organisation", help: ArgumentHelp("Vem som jämför (t.ex. ett kommunalförbund), för titelsidan; standard: mallens organisation.", valueName: "name"))
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
            let read = try LikaReportGenerator.read(
                file: URL(fileURLWithPath: file), name: index < name.count ? name[index] : nil, answers: templates.answerWords)
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
