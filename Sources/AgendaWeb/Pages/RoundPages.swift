import AgendaCore
import Foundation
import ReportGen

/// The IT-chef's round dashboard: per förvaltning reported / missing / late, opening and cancelling a
/// round, publishing a period's report.
enum RoundPages {
    /// The open-round form as typed.
    struct OpenForm: Sendable {
        var period: String
        var deadline: String
        /// Days before the deadline when förvaltningar still missing reports are reminded by e-mail.
        var reminders = ReminderKind.standardDaysText
        /// The owner ticked that the round opens although its deadline has passed.
        var confirmed = false
        /// Ask for that: the deadline sent has passed.
        var askConfirmation = false
        static let confirmField = "bekrafta"
    }

    static func dashboard(
        _ status: RoundStatus?, periods: [ReportPeriod], notice: String?, form: OpenForm, errors: [FieldError], csrf: String,
        on page: PageWriter
    ) throws {
        try page.element("h1", text: "Rapporteringsomgången")
        if let notice { try page.element("p", [("class", "notice-ok"), ("role", "status")], text: notice) }
        if let status, let round = status.round {
            try progress(status, round: round, csrf: csrf, on: page)
        } else {
            try page.element("p", [("class", "meta")], text: "Ingen rapporteringsomgång är öppen just nu.")
        }
        try openForm(form, errors: errors, csrf: csrf, on: page)
        try publishing(periods, csrf: csrf, on: page)
    }

    /// The open round: summary, the table per förvaltning, the missing actions, the cancel button.
    static func progress(_ status: RoundStatus, round: ReportingRound, csrf: String, on page: PageWriter) throws {
        let missing = status.departments.reduce(0) { $0 + $1.missing.count }
        let led = status.departments.reduce(0) { $0 + $1.led.count }
        try page.element("h2", text: "Omgången för \(status.period.swedishLabel) (\(status.period))")
        try page.element(
            "p",
            text: "Sista dag att rapportera: \(round.deadline). I dag: \(status.today). "
                + (status.isPastDeadline ? "Sista dagen har passerat." : "Sista dagen har inte passerat än."))
        try page.element(
            "p", [("class", missing == 0 ? "notice-ok" : "notice")],
            text: missing == 0
                ? "Alla förvaltningar har rapporterat för alla aktiviteter de leder."
                : "\(missing) av \(Swedish.count(led, "aktivitet", "aktiviteter")) saknar rapport för \(status.period).")
        try mail(status, on: page)
        try page.table([("class", "report-table")], caption: "Rapportering per förvaltning för \(status.period)") {
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Förvaltning", "Leder", "Rapporterade", "Saknas", "Läge", "Aktiviteter som saknar rapport"] {
                        try page.element("th", [("scope", "col")], text: title)
                    }
                }
            }
            try page.element("tbody") {
                for department in status.departments {
                    try page.element("tr", department.isLate ? [("class", "late")] : []) {
                        try page.element("th", [("scope", "row")]) {
                            try page.text(department.department)
                            if !department.hasAddress {
                                try page.element("span", [("class", "no-address")], text: "saknar e-postadress")
                            }
                        }
                        try page.element("td", [("class", "num")], text: String(department.led.count))
                        try page.element("td", [("class", "num")], text: String(department.reported))
                        try page.element("td", [("class", "num")], text: String(department.missing.count))
                        try page.element(
                            "td",
                            text: department.isLate ? "Försenad" : department.missing.isEmpty ? "Klar" : "Rapport saknas")
                        try page.element("td") {
                            if department.missing.isEmpty {
                                try page.text("–")
                            } else {
                                try page.element("ul", [("class", "missing-list")]) {
                                    for code in department.missing {
                                        try page.element("li") {
                                            try page.element("a", [("href", "/aktiviteter/\(code)")], text: "\(code) \(status.titles[code] ?? "")")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        try page.element("form", [("method", "post"), ("action", "/omgang/\(status.period)/stang"), ("class", "form")]) {
            try page.csrf(csrf)
            try page.element(
                "p", [("class", "meta")],
                text: "Öppnade du omgången av misstag? Då kan du avbryta den. Det som redan har rapporterats finns kvar.")
            try page.submit("Avbryt omgången för \(status.period)", secondary: true)
        }
    }

    /// What the round's mail is doing: messages waiting and why, and förvaltningar the mail cannot reach.
    static func mail(_ status: RoundStatus, on page: PageWriter) throws {
        let unreachable = status.departments.filter { !$0.hasAddress }.map(\.department)
        var sentences: [String] = []
        if status.outbox.waiting > 0 {
            let waiting = "\(Swedish.count(status.outbox.waiting, "meddelande väntar", "meddelanden väntar"))"
            sentences.append(status.outbox.problem.map { "\(waiting): \($0.swedish)." } ?? "\(waiting) på att skickas.")
        }
        if !unreachable.isEmpty {
            sentences.append("\(Swedish.count(unreachable.count, "förvaltning", "förvaltningar")) saknar e-postadress och får inga påminnelser: "
                + unreachable.joined(separator: ", ") + ". Ange adresser under Identiteter.")
        }
        guard !sentences.isEmpty else { return }
        try page.element("p", [("class", "notice"), ("id", "utskick")], text: sentences.joined(separator: " "))
    }

    /// The form to open a round (period and deadline).
    static func openForm(_ form: OpenForm, errors: [FieldError], csrf: String, on page: PageWriter) throws {
        try page.element("h2", text: "Öppna en rapporteringsomgång")
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        try page.element("form", [("method", "post"), ("action", "/omgang"), ("class", "form")]) {
            try page.csrf(csrf)
            try page.textField(
                "period", label: "Period", value: form.period, error: error("period"),
                hint: "Till exempel 2018Q4 (kvartal), 2018T2 (tertial), 2018H1 (halvår) eller 2018 (år).", required: true)
            try page.textField(
                "deadline", label: "Sista dag att rapportera", value: form.deadline, error: error("deadline"),
                hint: "ÅÅÅÅ-MM-DD, till exempel 2019-01-15.", required: true)
            try page.textField(
                "reminders", label: "Påminnelser, dagar före sista dag", value: form.reminders, error: error("reminders"),
                hint: "Förvaltningar som inte har rapporterat påminns med e-post de här dagarna före sista dag, och dagen efter den.")
            if form.askConfirmation {
                let id = OpenForm.confirmField
                try page.element("div", [("class", error(id) == nil ? "field checkbox" : "field checkbox has-error")]) {
                    if let message = error(id) { try page.element("span", [("class", "error"), ("id", "\(id)-error")], text: "Obs: \(message)") }
                    var attributes = [("type", "checkbox"), ("id", id), ("name", id), ("value", "ja")]
                    if error(id) != nil { attributes.append(("aria-describedby", "\(id)-error")) }
                    if form.confirmed { attributes.append(("checked", "checked")) }
                    try page.empty("input", attributes)
                    try page.element("label", [("for", id)], text: "Öppna omgången fast sista dagen har passerat")
                }
            }
            try page.submit("Öppna omgången")
        }
    }

    /// The periods with their publication, and a publish button for each not yet published.
    static func publishing(_ periods: [ReportPeriod], csrf: String, on page: PageWriter) throws {
        try page.element("h2", text: "Publicera")
        try page.element(
            "p",
            text: "När en period är publicerad är dess rapport låst: den visas alltid som den var vid publiceringen, "
                + "och rapporter som kommer in senare syns i nästa periods ändringar. Publiceringen kan inte ångras.")
        guard !periods.isEmpty else {
            try page.element("p", text: "Det finns inga perioder att publicera än.")
            return
        }
        try page.table([("class", "report-table")], caption: "Perioder och publicering, den senaste först") {
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Period", "Läge", "Publicera"] { try page.element("th", [("scope", "col")], text: title) }
                }
            }
            try page.element("tbody") {
                for entry in periods {
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")]) {
                            try page.element("a", [("href", "/rapporter/\(entry.period)")], text: "Rapport \(entry.period)")
                        }
                        try page.element("td", text: ReportPages.state(of: entry))
                        try page.element("td") {
                            if entry.publication == nil {
                                try page.element(
                                    "form", [("method", "post"), ("action", "/rapporter/\(entry.period)/publicera"), ("class", "inline")]
                                ) {
                                    try page.csrf(csrf)
                                    try page.submit("Publicera \(entry.period)", secondary: true)
                                }
                            } else {
                                try page.text("Publicerad")
                            }
                        }
                    }
                }
            }
        }
    }
}
