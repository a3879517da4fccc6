import AgendaCore
import Foundation
import ReportGen

/// One action's page (`/aktiviteter/<code>`): its plan fields, the open round and whether it is reported,
/// its status history newest first, and the form to report for a period (not for a withdrawn action).
struct ActionPage {
    let data: ActionForReporting
    /// What the form shows: as first offered, or as posted.
    var form: StatusForm
    /// Errors beside the fields.
    var errors: [FieldError] = []
    /// A refusal from AgendaCore that belongs to no one field.
    var refusal: String?
    /// The report just saved (`?sparad=P`: the period's report in force), named in the notice with what it changed.
    var saved: Period?
    /// The form holds what was typed before the session ended, restored after signing in again; the effect
    /// form's when `restoredEffect`.
    var restored = false
    var restoredEffect = false
    /// The effect assessment form, its errors and refusal, and the period of an assessment just saved.
    var effectForm: EffectForm
    var effectErrors: [FieldError] = []
    var effectRefusal: String?
    var effectSaved: Period?
    /// Whether the status history shows every report (`?historik=alla`) or the latest ``historyShown``.
    var wholeHistory = false
    /// How many reports the history shows unless the whole is asked for: two years of quarters with
    /// their corrections. An action reported on for years keeps a page of the same size.
    static let historyShown = 20

    init(data: ActionForReporting, form: StatusForm, effectForm: EffectForm? = nil) {
        self.data = data
        self.form = form
        self.effectForm = effectForm ?? EffectForm(for: data)
    }

    var action: Action { data.action }

    /// What went wrong with the form just sent, shown first on the page; nil when nothing did.
    var problem: ErrorSummary? {
        ErrorSummary.of(errors, message: refusal, heading: "Rapporten sparades inte")
            ?? ErrorSummary.of(effectErrors, message: effectRefusal, heading: "Bedömningen sparades inte")
    }

    func render(_ page: PageWriter, csrf: String) throws {
        try page.element("h1", text: "\(action.code) \(action.title)")
        if let saved, let text = savedNotice(saved) {
            try page.element("p", [("class", "notice-ok"), ("role", "status")], text: text)
        }
        if restored {
            try page.element("p", [("class", "notice"), ("role", "status")]) {
                try page.text("Du loggades ut innan det du skrev skickades, så inget har sparats än. Formuläret har det du skrev: "
                    + "kontrollera det och skicka igen. ")
                try page.element("a", [("href", restoredEffect ? "#bedom" : "#rapportera")], text: "Till formuläret")
            }
        }
        if let effectSaved {
            try page.element("p", [("class", "notice-ok"), ("role", "status")], text: "Bedömningen av effektmålet för \(effectSaved) är sparad.")
        }
        try stateAndRound(page)
        try planFields(page)
        try history(page)
        if action.state != .withdrawn { try reportForm(page, csrf: csrf) }
        try effects(page, csrf: csrf)
    }

    /// "Rättelsen för 2018Q3 är sparad. Ändrat: status (Påbörjad → Klar) och kommentar." for the report in
    /// force for `period`; nil when the period has none (nothing was saved).
    func savedNotice(_ period: Period) -> String? {
        guard let report = data.report(for: period) else { return nil }
        guard let number = report.supersedes, let earlier = data.history.first(where: { $0.number == number }) else {
            return "Rapporten för \(period) är sparad."
        }
        let changes = report.content.changes(from: earlier.content)
        guard !changes.isEmpty else {
            return "Rättelsen för \(period) är sparad. Den säger samma sak som rapporten den ersätter."
        }
        let described = changes.map { part -> String in
            switch part {
            case .status: "status (\(earlier.status.swedish) → \(report.status.swedish))"
            case .light: "bedömning (\(earlier.light.swedish) → \(report.light.swedish))"
            case .actualCost:
                "verklig kostnad (\(earlier.actualCost.map(Kronor.exact) ?? "ingen") → \(report.actualCost.map(Kronor.exact) ?? "ingen"))"
            case .comment, .obstacles, .nextSteps: part.swedish
            }
        }
        return "Rättelsen för \(period) är sparad. Ändrat: \(Self.list(described))."
    }

    // MARK: - The plan

    private func stateAndRound(_ page: PageWriter) throws {
        switch action.state {
        case .withdrawn:
            try page.element("p", [("class", "notice")], text: "Aktiviteten är struken ur planen. Det går inte att rapportera för den; historiken finns kvar.")
        case .closed:
            try page.element("p", [("class", "notice")], text: "Aktiviteten är avslutad. Rapporter som redan lämnats finns kvar, och en rättelse kan fortfarande skickas.")
        case .active:
            break
        }
        // The report in force for the latest period reported (a correction of an earlier period is filed later).
        let ends: [(report: StatusReport, end: CalendarDate?)] = data.history.map { ($0, (try? Period(parsing: $0.period))?.end) }
        let latest = ends.max { a, b in
            guard a.end != b.end else { return a.report.number < b.report.number }
            guard let endA = a.end else { return true }
            guard let endB = b.end else { return false }
            return endA < endB
        }.map { entry in
            let report = entry.report
            return "Senaste status: \(report.status.swedish), \(report.light.swedish) (\(report.period))."
        } ?? "Ingen status har rapporterats än."
        try page.element("p", [("class", "lead")], text: latest)
        guard action.state != .withdrawn else { return }
        if let round = data.round {
            var text = "Rapporteringsomgången för \(round.period) är öppen. Sista dag att rapportera: \(round.deadline)."
            if let period = try? Period(parsing: round.period) {
                text += data.report(for: period) == nil
                    ? " Rapport för \(round.period) saknas." : " Rapport för \(round.period) är lämnad."
            }
            try page.element("p", [("class", "notice")], text: text)
        } else {
            try page.element("p", [("class", "meta")], text: "Ingen rapporteringsomgång är öppen just nu. Du kan ändå rapportera för innevarande eller tidigare perioder.")
        }
    }

    private func planFields(_ page: PageWriter) throws {
        try page.element("h2", text: "Planen")
        try page.element("dl", [("class", "plan-fields")]) {
            try entry(page, "Insatsområde") {
                let area = data.area.map { "\($0.number). \($0.title)" } ?? String(action.areaNumber)
                try page.text(area)
            }
            if !action.background.isEmpty {
                try entry(page, "Bakgrund") { try page.paragraphs(action.background, breakingAt: .blankLine) }
            }
            try entry(page, "Handlingsplan") {
                action.plan.text.isEmpty ? try page.text("–") : try page.paragraphs(action.plan.text, breakingAt: .line)
            }
            try entry(page, "Ansvarig") { try page.text(responsible) }
            try entry(page, "Tidsplan") { try page.text(schedule) }
            try entry(page, "Kostnad") { try page.text(action.cost.text.map { $0.isEmpty ? "–" : $0 } ?? "–") }
            try entry(page, "Effektmål") { try effectGoals(page) }
            for field in action.otherFields {
                try entry(page, field.label) { try page.paragraphs(field.text, breakingAt: .line) }
            }
        }
    }

    private var responsible: String {
        let responsibility = action.responsibility
        guard let lead = responsibility.lead else { return responsibility.text.isEmpty ? "–" : responsibility.text }
        let together = responsibility.coResponsible.map(\.displayName)
        return together.isEmpty ? lead.displayName : "\(lead.displayName), tillsammans med \(Self.list(together))"
    }

    private var schedule: String {
        let schedule = action.schedule
        if let text = schedule.text, !text.isEmpty { return text }
        switch (schedule.startYear, schedule.endYear) {
        case let (start?, end?): return start == end ? String(start) : "\(start)–\(end)"
        case let (start?, nil): return "från \(start)"
        case let (nil, end?): return "till \(end)"
        default: return "–"
        }
    }

    private func entry(_ page: PageWriter, _ term: String, _ body: () throws -> Void) throws {
        try page.element("dt", text: term)
        try page.element("dd", [], body)
    }


    // MARK: - History

    private func history(_ page: PageWriter) throws {
        try page.element("h2", text: "Statushistorik")
        guard !data.history.isEmpty else {
            try page.element("p", [("class", "meta")], text: "Inga rapporter än.")
            return
        }
        let superseded = data.superseded
        let shown = wholeHistory ? data.history.count : min(data.history.count, Self.historyShown)
        try page.table([("class", "report-table history"), ("id", "historik")], caption: "Rapporter för \(action.code), den senaste först") {
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Period", "Status", "Bedömning", "Kommentar", "Hinder", "Nästa steg", "Verklig kostnad", "Rapporterad av", "Tidpunkt"] {
                        try page.element("th", [("scope", "col")], text: title)
                    }
                }
            }
            try page.element("tbody") {
                for report in data.history.suffix(shown).reversed() {
                    let replaced = superseded.contains(report.number)
                    try page.element("tr", replaced ? [("class", "superseded")] : []) {
                        try page.element("th", [("scope", "row")]) {
                            try page.text(report.period)
                            if replaced { try page.element("span", [("class", "tag")], text: " ersatt") }
                            if report.supersedes != nil { try page.element("span", [("class", "tag")], text: " rättelse") }
                        }
                        // Short values keep their words whole (a förvaltning's name, a date); the free
                        // texts take the rest of the width and break a long word where they must.
                        let whole = [("class", "whole-words")]
                        try page.element("td", whole, text: report.status.swedish)
                        try page.element("td", whole, text: report.light.swedish)
                        try page.element("td", text: report.comment)
                        try page.element("td", text: report.obstacles)
                        try page.element("td", text: report.nextSteps)
                        try page.element("td", text: report.actualCost.map(Kronor.exact) ?? "")
                        try page.element("td", whole, text: report.reporter)
                        try page.element("td", whole, text: report.reportedAt.swedishDisplay)
                    }
                }
            }
        }
        if shown < data.history.count {
            try page.element("p", [("class", "meta")]) {
                try page.text("Visar de \(shown) senaste av \(data.history.count) rapporter. ")
                try page.element("a", [("href", "/aktiviteter/\(action.code)?historik=alla#historik")],
                                 text: "Visa alla \(data.history.count) rapporter")
            }
        }
    }

    // MARK: - The form

    private func reportForm(_ page: PageWriter, csrf: String) throws {
        try page.element("h2", [("id", "rapportera")], text: "Rapportera status")
        let filledFor = try? Period(parsing: form.prefilled)
        if let filledFor, let earlier = data.report(for: filledFor) {
            try page.element(
                "p", [("class", "notice"), ("id", "rattelse")],
                text: "Det finns redan en rapport för \(filledFor) (\(earlier.status.swedish), \(earlier.reportedAt.swedishDate)), "
                    + "och formuläret är ifyllt med den. Det som står i fälten när du skickar blir en rättelse som ersätter den, "
                    + "också ett fält du tömmer; den gamla finns kvar i historiken.")
        }
        try page.element(
            "p", [("class", "meta")],
            text: "Vill du rapportera eller rätta en annan period? Välj den under Period och tryck Visa, så fylls formuläret i med periodens rapport.")
        let switchTarget = "/aktiviteter/\(action.code)"
        try page.element("form", [
            ("method", "post"), ("action", switchTarget), ("class", "form"), ("novalidate", "novalidate"),
            ("data-period-switch", switchTarget),
        ]) {
            try page.csrf(csrf)
            typealias F = StatusForm.Field
            try page.empty("input", [("type", "hidden"), ("name", F.prefilled), ("value", form.prefilled)])
            try page.empty("input", [("type", "hidden"), ("name", F.basis), ("value", form.basis)])
            var periods = data.periods.map { period in
                (value: period.description, label: period.description + " – " + period.swedishLabel
                    + (data.report(for: period) == nil ? "" : " (har rapport)"))
            }
            if !form.period.isEmpty, !periods.contains(where: { $0.value == form.period }) {
                periods.insert((value: "", label: "Välj period"), at: 0)
            }
            try page.select(F.period, label: "Period", options: periods, selected: form.period, error: error(F.period))
            try page.select(
                F.status, label: "Status",
                options: [(value: "", label: "Välj status")] + ProgressStatus.allCases.map { ($0.swedish, $0.swedish) },
                selected: form.status, error: error(F.status))
            try page.select(
                F.light, label: "Bedömning (ljus)",
                options: [(value: "", label: "Välj bedömning")] + TrafficLight.allCases.map { ($0.swedish, $0.swedish) },
                selected: form.light, error: error(F.light),
                hint: "Grön: enligt plan. Gul: risk för att målen inte nås. Röd: målen nås inte utan åtgärder.")
            try page.textArea(F.comment, label: "Kommentar", value: form.comment, error: error(F.comment),
                              hint: "Hur går arbetet? Måste fyllas i.", required: true)
            try page.textArea(F.obstacles, label: "Hinder", value: form.obstacles, error: error(F.obstacles))
            try page.textArea(F.next, label: "Nästa steg", value: form.next, error: error(F.next))
            try page.textField(F.cost, label: "Verklig kostnad hittills (kr)", value: form.cost, error: error(F.cost),
                               hint: "Hela kronor, till exempel 240000. Lämna tomt om ingen kostnad ska anges.")
            try page.element("div", [("class", "buttons")]) {
                try page.submit("Skicka rapporten")
                try page.element(
                    "button", [("type", "submit"), ("name", F.show), ("value", "1"), ("class", "button secondary"), ("formnovalidate", "formnovalidate")],
                    text: "Visa")
            }
        }
    }

    private func error(_ field: String) -> String? {
        errors.first { $0.field == field }?.message
    }

    /// "a", "a och b", "a, b och c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " och " + items[items.count - 1]
    }
}
