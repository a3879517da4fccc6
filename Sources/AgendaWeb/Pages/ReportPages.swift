import AgendaCore
import Foundation
import ReportGen

/// The pages about period reports: the list of periods with their reports and downloads.
enum ReportPages {
    /// The formats offered for download, in the order listed: the packaged ones first (they open in
    /// LibreOffice, Word and Excel), then the report as one web page and the flat XML files.
    static let downloads: [(format: ReportFormat, label: String)] = [
        (.odt, "text"), (.ods, "kalkylblad"), (.xhtml, "webbsida"), (.fodt, "text, platt XML"), (.fods, "kalkylblad, platt XML"),
    ]

    /// "Rapporter": one row per period, newest first, linking to its report and downloads.
    static func periods(_ periods: [ReportPeriod], on page: PageWriter) throws {
        try page.element("h1", text: "Rapporter")
        try page.element(
            "p", [("class", "lead")],
            text: "Periodens rapport till IT-rådet visar planen som den stod vid periodens slut och varje aktivitets status för perioden. "
                + "En publicerad rapport är låst: den visas alltid precis som den publicerades.")
        guard !periods.isEmpty else {
            try page.element("p", text: "Det finns inga perioder att visa än.")
            return
        }
        try page.table([("class", "report-table")], caption: "Perioder, den senaste först") {
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Period", "Läge", "Ladda ner"] { try page.element("th", [("scope", "col")], text: title) }
                }
            }
            try page.element("tbody") {
                for entry in periods {
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")]) {
                            try page.element("a", [("href", "/rapporter/\(entry.period)")], text: "Rapport \(entry.period.swedishLabel)")
                            try page.element("span", [("class", "meta")], text: " (\(entry.period))")
                        }
                        try page.element("td", text: state(of: entry))
                        try page.element("td") {
                            try page.element("ul", [("class", "download-list")]) {
                                for download in downloads {
                                    let file = ReportFile.fileName(for: entry.period, format: download.format)
                                    try page.element("li") {
                                        try page.element("a", [("href", "/rapporter/\(entry.period)/\(file)"), ("download", file)], text: file)
                                        try page.element("span", [("class", "meta")], text: " (\(download.label))")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Above a report in the web: a way back to the list and the report's files to download.
    static func downloads(of period: Period, on page: PageWriter) throws {
        try page.element("p", [("class", "report-links")]) {
            try page.element("a", [("href", "/rapporter")], text: "Alla rapporter")
            try page.text(". Ladda ner rapporten: ")
            for (index, download) in downloads.enumerated() {
                let file = ReportFile.fileName(for: period, format: download.format)
                try page.element("a", [("href", "/rapporter/\(period)/\(file)"), ("download", file)], text: file)
                try page.text(" (\(download.label))" + (index == downloads.count - 1 ? "." : ", "))
            }
        }
    }

    /// "Publicerad 2018-10-25 12:00 +02:00 av IT-chef", "Rapporteringsomgång öppen, sista dag 2019-01-15", …
    static func state(of entry: ReportPeriod) -> String {
        if let publication = entry.publication {
            return "Publicerad \(publication.publishedAt.swedishDisplay) av \(publication.publishedBy)"
        }
        var parts: [String] = ["Inte publicerad"]
        if let round = entry.round { parts.append("rapporteringsomgång med sista dag \(round.deadline)") }
        if entry.isCurrent { parts.append("pågående period") }
        return parts.joined(separator: "; ")
    }
}
