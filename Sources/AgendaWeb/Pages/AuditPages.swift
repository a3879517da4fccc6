import AgendaCore
import Foundation
import ReportGen

/// The audit log for the IT-chef: newest first, filtered by identity and by what was written.
enum AuditPages {
    static func log(
        _ selection: AuditSelection, names: [String], identity: String, target: String, on page: PageWriter
    ) throws {
        try page.element("h1", text: "Logg")
        try page.element("p", text: "Varje ändring i databasen: vem, när och vad. Den senaste först.")
        try page.element("form", [("method", "get"), ("action", "/logg"), ("class", "form filter")]) {
            var options: [(value: String, label: String)] = [("", "Alla")]
            options += names.map { ($0, $0) }
            if !identity.isEmpty, !names.contains(identity) { options.append((identity, identity)) }
            try page.select("identitet", label: "Identitet", options: options, selected: identity)
            try page.textField(
                "aktivitet", label: "Aktivitet eller annat som ändrades", value: target,
                hint: "En aktivitets kod (till exempel 1.2), en period (2018Q4) eller en identitets namn.")
            try page.submit("Visa")
        }
        let shown = selection.entries.count
        let filtered = !identity.isEmpty || !target.isEmpty
        let summary: String
        if selection.matching == 0 {
            summary = filtered ? "Inga händelser matchar urvalet." : "Loggen är tom."
        } else if shown < selection.matching {
            summary = "Visar de \(shown) senaste av \(selection.matching) händelser. Avgränsa med identitet eller aktivitet för att se äldre."
        } else {
            summary = "\(selection.matching) händelser."
        }
        try page.element("p", [("class", "meta"), ("role", "status")], text: summary)
        guard shown > 0 else { return }
        try page.table([("class", "report-table")], caption: filtered ? "Loggen i urval, den senaste först" : "Loggen, den senaste först") {
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Nr", "Tid", "Identitet", "Händelse", "Avser"] { try page.element("th", [("scope", "col")], text: title) }
                }
            }
            try page.element("tbody") {
                for entry in selection.entries {
                    try page.element("tr") {
                        try page.element("th", [("scope", "row"), ("class", "num")], text: String(entry.number))
                        try page.element("td", text: entry.at.swedishDisplay)
                        try page.element("td", text: entry.identity ?? "–")
                        try page.element("td", text: entry.operationSwedish)
                        try page.element("td", text: entry.target)
                    }
                }
            }
        }
    }
}
