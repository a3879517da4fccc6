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

        init(_ text: String, numeric: Bool = false, category: StatusCategory? = nil) {
            paragraphs = text.isEmpty ? [] : [text]
            self.numeric = numeric
            self.category = category
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
