import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// What a förvaltning does: its actions ("Våra aktiviteter"), one page per action with the form to report.
struct ReporterRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
        router.get("aktiviteter") { _, context -> Response in try actionsPage(context) }
    }

    /// "Våra aktiviteter": the förvaltning's actions (those it leads or shares) with their latest status,
    /// the open round and what is still missing. The owner sees every action.
    func actionsPage(_ context: WebContext) throws -> Response {
        let identity = try context.requireIdentity()
        let round = try app.service.rounds().last { $0.cancelledAt == nil }
        let entries: [ActionWithStatus]
        let heading: String
        var missing = Set<String>()
        switch identity.role {
        case .reporter:
            let mine = try app.service.myActions(department: nil, caller: identity)
            entries = mine.actions
            heading = "Våra aktiviteter"
            if let round, let period = try? Period(parsing: round.period) {
                let list = try app.service.missing(period: period, department: mine.department.department)
                missing = Set(list.missing.flatMap(\.actions))
            }
        case .owner:
            let latest = try app.service.read { store in try store.latestStatuses() }
            entries = try app.service.actions(matching: ActionFilter()).map { ActionWithStatus(action: $0, latest: latest[$0.code]) }
            heading = "Aktiviteter"
        case .reader:
            throw WebError.forbidden("IT-rådet läser rapporterna under Rapporter; aktiviteterna rapporteras av förvaltningarna.")
        }
        let page = try app.page(heading, context: context, current: "/aktiviteter")
        try page.element("h1", text: heading)
        if identity.role == .reporter, let department = identity.department {
            try page.element("p", [("class", "lead")], text: "\(department) ansvarar för eller delar ansvaret för \(entries.count) aktiviteter.")
        }
        if let round {
            let count = entries.filter { missing.contains($0.action.code) }.count
            let text = identity.role == .reporter
                ? "Rapporteringsomgången för \(round.period) är öppen. Sista dag att rapportera: \(round.deadline)."
                    + (count == 0 ? " Ni har rapporterat för alla aktiviteter ni leder." : " \(count) av era aktiviteter saknar rapport.")
                : "Rapporteringsomgången för \(round.period) är öppen. Sista dag att rapportera: \(round.deadline)."
            try page.element("p", [("class", "notice")], text: text)
        } else {
            try page.element("p", [("class", "meta")], text: "Ingen rapporteringsomgång är öppen just nu. Du kan ändå rapportera för innevarande eller tidigare perioder.")
        }
        try page.element("table", [("class", "report-table")]) {
            try page.element("caption", text: heading)
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Kod", "Aktivitet", "Senaste status", "Period", "Ljus", "Att göra"] {
                        try page.element("th", [("scope", "col")], text: title)
                    }
                }
            }
            try page.element("tbody") {
                for entry in entries {
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")]) {
                            try page.element("a", [("href", "/aktiviteter/\(entry.action.code)")], text: entry.action.code)
                        }
                        try page.element("td") {
                            try page.element("a", [("href", "/aktiviteter/\(entry.action.code)")], text: entry.action.title)
                        }
                        try page.element("td", text: entry.latest?.status.swedish ?? "Ingen rapport")
                        try page.element("td", text: entry.latest?.period ?? "–")
                        try page.element("td", text: entry.latest?.light.swedish ?? "–")
                        try page.element("td", text: missing.contains(entry.action.code) ? "Rapport saknas för \(round?.period ?? "")" : "")
                    }
                }
            }
        }
        return .page(try page.finish())
    }
}
