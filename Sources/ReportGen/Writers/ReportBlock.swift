import AgendaCore

/// One piece of the report's text in reading order, as the document writers lay it out.
/// Produced one at a time by ``ReportLayout`` so writers stream without holding the whole document.
enum ReportBlock {
    case titlePage(TitlePage)
    case tableOfContents([TOCEntry])
    /// A section heading: level 1 is a main section, 2 a subsection. `newPage` starts a page in print.
    case heading(level: Int, text: String, id: String, newPage: Bool)
    case paragraph(String, emphasis: Bool = false)
    case table(ReportTable)
    case chart(StatusChart)
    /// One effektmål's series from baseline through measured values to target (``EffectChartWriter``).
    case effectChart(EffectChart)
    /// A radar (spider) chart: one axis per area, one polygon per assessment.
    case radar(RadarChart)
}

struct TitlePage {
    var kind: String
    var title: String
    var organisation: String
    var period: String
    /// (label, value) rows under the title.
    var facts: [(String, String)]
}

struct TOCEntry {
    var level: Int
    var text: String
    var id: String
}

/// A table with a caption, one header row, and cells of one or more paragraphs.
struct ReportTable {
    struct Cell {
        var paragraphs: [String]
        var numeric = false
        /// Set on status cells so the XHTML can give them a class.
        var category: StatusCategory?
        /// A background colour (the LIKA matrix's grön / gul / röd); the text names it too.
        var tone: CellTone?

        init(_ text: String, numeric: Bool = false, category: StatusCategory? = nil, tone: CellTone? = nil) {
            paragraphs = text.isEmpty ? [] : [text]
            self.numeric = numeric
            self.category = category
            self.tone = tone
        }

        init(paragraphs: [String]) { self.paragraphs = paragraphs }
    }

    /// What the table holds, for styling (`table.kind-fields` in the CSS).
    enum Kind: String { case list, fields, numbers }

    var caption: String
    var header: [String]
    var rows: [[Cell]]
    /// The first cell of each body row heads its row (th scope="row").
    var rowHeaders: Bool
    /// The last body row is a total.
    var hasTotalRow = false
    /// Relative column widths for ODF, one per column.
    var widths: [Int]
    var numericColumns: Set<Int> = []
    var kind: Kind = .list
}

/// The data of the summary bar chart: per insatsområde, counts per status.
struct StatusChart {
    var title: String
    var description: String
    var bars: [(label: String, counts: StatusCounts)]
    var categories: [StatusCategory]
}

/// The relative column widths of every kind of table the layout writes, in one place: the ODF text
/// writer declares a column style for each before the body, without building the report twice
/// to find out which it uses.
enum TableWidths {
    static let summary = [24] + StatusCategory.allCases.map { _ in 9 } + [7]
    static let actionList = [7, 30, 25, 22, 16]
    static let unreported = [40, 12, 48]
    static let statusChanges = [10, 50, 20, 20]
    static let planChanges = [10, 44, 16, 30]
    static let decisions = [7, 25, 25, 43]
    static let costFacts = [40, 60]
    static let costsByYear = [20, 20, 20, 20, 20]
    static let costTotals = [46, 14, 20, 20]
    static let actionFacts = [24, 76]
    static let appendix = [8, 38, 14, 22, 18]

    /// Each distinct profile once, in a fixed order.
    static let all: [[Int]] = [
        summary, actionList, unreported, statusChanges, planChanges, decisions, costFacts, costsByYear, costTotals,
        actionFacts, appendix, effectCounts, effectFinished, effectGoals,
    ].reduce(into: []) { list, widths in if !list.contains(widths) { list.append(widths) } }
}
