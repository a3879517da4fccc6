import AgendaCore
import Foundation
import ReportGen

/// Paths of the LIKA pages: unit names percent-encoded (unreserved ASCII stays as it is).
enum LikaPath {
    static let root = "/lika"

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet()
        allowed.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A path segment as sent: percent escapes decoded (Hummingbird hands them over as they came).
    static func decode(_ segment: String) -> String { segment.removingPercentEncoding ?? segment }

    /// The unit's summary.
    static func summary(_ unit: String) -> String { "\(root)/\(encode(unit))" }

    /// The workshop page of one area.
    static func workshop(_ unit: String, _ date: CalendarDate, _ area: String) -> String {
        "\(root)/\(encode(unit))/\(date)/\(encode(area))"
    }
}

/// "Förra gången", "Sparat av": a moment in Swedish local time, "kl 10:42" on `today`, else "2019-03-01 kl 10:42".
func swedishMoment(_ moment: Timestamp, today: CalendarDate) -> String {
    let parts = moment.swedishDisplay.split(separator: " ")
    let time = parts.count > 1 ? String(parts[1]) : moment.swedishDisplay
    return moment.swedishDate == today ? "kl \(time)" : "\(moment.swedishDate) kl \(time)"
}

// MARK: - The workshop

/// The LIKA workshop (`/lika/<unit>/<date>/<area>`): one area of a unit's self-assessment at a time, each
/// indicator with its own small form (answer, step, comment) that saves that indicator alone, prefilled with
/// the answer in force and showing the previous assessment's answer beside it.
struct LikaWorkshopPage {
    var unit: AssessedUnit
    /// Whether the unit is on record (else the first saved answer adds it).
    var exists: Bool
    var date: CalendarDate
    var set: IndicatorSet
    var area: IndicatorArea
    /// The answers in force of this assessment, by indicator code (all areas).
    var inForce: [String: AssessmentAnswer]
    /// The unit's assessment before this date, if any, by indicator code.
    var previous: (date: CalendarDate, answers: [String: AssessmentAnswer])?
    var today: CalendarDate
    /// The templates' words of the answer scale.
    var words: MaturityWords
    /// Forms as posted (with an error), by indicator code; the others show the answer in force.
    var posted: [String: LikaAnswerForm] = [:]
    var errors: [FieldError] = []
    /// A refusal from AgendaCore that belongs to no one field.
    var refusal: String?
    /// The indicator just saved, and the answer by someone else that the save replaced.
    var saved: String?
    var replaced: AssessmentAnswer?

    var indicators: [Indicator] { self.set.indicators.filter { $0.area == area.code } }

    var title: String { "Självskattning \(unit.name) \(date): \(area.name)" }

    func render(_ page: PageWriter, csrf: String) throws {
        try page.element("h1", text: "Självskattning: \(unit.name) \(date)")
        var lead = "\(set.name). Fyll i ett område i taget; varje indikator sparas för sig med sin egen knapp, så flera kan arbeta samtidigt."
        if let previous { lead += " Förra självskattningen är från \(previous.date)." }
        try page.element("p", [("class", "lead")], text: lead)
        if !exists {
            let owner = unit.department.map { " (\($0))" } ?? ""
            try page.element("p", [("class", "notice")], text: "\(unit.name)\(owner) har ingen självskattning än; verksamheten läggs till när det första svaret sparas.")
        }
        try areaNavigation(page)
        try page.element("h2", text: "\(area.name) (\(area.code))")
        for indicator in indicators { try indicatorForm(indicator, page: page, csrf: csrf) }
        try page.element("p") {
            try page.element("a", [("href", LikaPath.summary(unit.name))], text: "Till sammanställningen för \(unit.name)")
        }
    }

    private func areaNavigation(_ page: PageWriter) throws {
        try page.element("nav", [("class", "area-nav"), ("aria-label", "Självskattningens områden")]) {
            try page.element("ul") {
                for other in set.areas {
                    let codes = set.indicators.filter { $0.area == other.code }.map(\.code)
                    let answered = codes.filter { inForce[$0] != nil }.count
                    var attributes = [("href", LikaPath.workshop(unit.name, date, other.code))]
                    if other.code == area.code { attributes.append(("aria-current", "page")) }
                    try page.element("li") {
                        try page.element("a", attributes, text: "\(other.name): \(answered) av \(codes.count) besvarade")
                    }
                }
            }
        }
    }

    private func indicatorForm(_ indicator: Indicator, page: PageWriter, csrf: String) throws {
        let code = indicator.code
        let current = inForce[code]
        let form = posted[code] ?? LikaAnswerForm(code: code, inForce: current, words: words)
        let fieldErrors = errors.filter { $0.field.hasSuffix("-\(code)") || $0.field.hasPrefix("svar-\(code)-") }
        func error(_ id: String) -> String? { fieldErrors.first { $0.field == id }?.message }
        try page.element("section", [("class", "indicator"), ("id", "ind-\(code)"), ("aria-labelledby", "rubrik-\(code)")]) {
            try page.element("h3", [("id", "rubrik-\(code)")], text: "\(code) \(indicator.text)")
            // The notice of a save stands with the indicator saved, where the page lands (#ind-CODE), not at the top.
            if saved == code {
                var text = "\(code) sparad."
                if let replaced {
                    text += " \(replaced.recordedBy) sparade ett svar på \(code) \(swedishMoment(replaced.recordedAt, today: today)) (\(words.word(for: replaced.answer))) som nu ersatts av ditt; båda finns kvar i historiken."
                }
                try page.element("p", [("class", replaced == nil ? "notice-ok" : "notice"), ("role", "status")], text: text)
            }
            if let previous {
                let before = previous.answers[code].map { words.word(for: $0.answer) } ?? "inte besvarad"
                try page.element("p", [("class", "previous")], text: "Förra gången: \(before) (\(previous.date))")
            }
            if let current {
                try page.element("p", [("class", "meta")], text: "Sparat av \(current.recordedBy) \(swedishMoment(current.recordedAt, today: today)).")
            }
            if !indicator.suggestion.isEmpty {
                try page.element("details") {
                    try page.element("summary", text: "Aktivitetsförslag för \(code)")
                    try page.element("p", text: indicator.suggestion)
                }
            }
            try page.element("form", [
                ("method", "post"), ("action", "\(LikaPath.workshop(unit.name, date, area.code))#ind-\(code)"), ("class", "form indicator-form"),
            ]) {
                try page.csrf(csrf)
                try page.empty("input", [("type", "hidden"), ("name", LikaAnswerForm.Field.code), ("value", code)])
                try page.empty("input", [("type", "hidden"), ("name", LikaAnswerForm.Field.seen), ("value", form.seen)])
                if !exists, let department = unit.department {
                    try page.empty("input", [("type", "hidden"), ("name", LikaAnswerForm.Field.department), ("value", department)])
                }
                let answerError = error(LikaAnswerForm.answerID(code, MaturityAnswer.allCases[0]))
                var fieldset = [("class", answerError == nil ? "field choices" : "field choices has-error")]
                if answerError != nil { fieldset.append(("aria-describedby", "svar-\(code)-error")) }
                try page.element("fieldset", fieldset) {
                    try page.element("legend", text: "Svar på \(code)")
                    if let answerError { try page.element("span", [("class", "error"), ("id", "svar-\(code)-error")], text: "Fel: \(answerError)") }
                    let chosen = words.answer(for: form.answer.trimmingCharacters(in: .whitespaces))
                    for answer in MaturityAnswer.allCases {
                        let id = LikaAnswerForm.answerID(code, answer)
                        try page.element("div", [("class", "choice")]) {
                            var attributes = [("type", "radio"), ("id", id), ("name", LikaAnswerForm.Field.answer), ("value", words.word(for: answer))]
                            if answer == chosen { attributes.append(("checked", "checked")) }
                            try page.empty("input", attributes)
                            try page.element("label", [("for", id)], text: words.word(for: answer))
                        }
                    }
                }
                try page.select(
                    LikaAnswerForm.Field.step, id: LikaAnswerForm.stepID(code), label: "Steg (prioritet) för \(code)",
                    options: [("", "Inget steg"), ("1", "Steg 1"), ("2", "Steg 2"), ("3", "Steg 3")], selected: form.step,
                    error: error(LikaAnswerForm.stepID(code)))
                try page.textArea(
                    LikaAnswerForm.Field.comment, id: LikaAnswerForm.commentID(code), label: "Kommentar till \(code)", value: form.comment,
                    error: error(LikaAnswerForm.commentID(code)))
                try page.submit("Spara \(code)")
            }
        }
    }
}

// MARK: - The list of units

/// `/lika`: the units the caller may read with their assessments, and the form to start a new one.
struct LikaOverviewPage {
    var units: [AssessedUnit]
    /// Dates of each unit's assessments, by unit name.
    var dates: [String: [CalendarDate]]
    /// Units the caller may assess (the select of the start form).
    var assessable: [AssessedUnit]
    /// The owner may name a new unit and its förvaltning.
    var departments: [String]?
    var mayAssess: Bool
    var form: LikaStartForm
    var errors: [FieldError] = []
    var firstArea: String

    func render(_ page: PageWriter, csrf: String) throws {
        try page.element("h1", text: "Självskattning (LIKA)")
        try page.element("p", [("class", "lead")], text: mayAssess
            ? "Verksamheternas självskattningar. Öppna en självskattning för att fylla i den område för område, eller läs sammanställningen."
            : "Verksamheternas självskattningar och deras sammanställningar.")
        if units.isEmpty {
            try page.element("p", text: "Ingen verksamhet som du kan se har gjort en självskattning än.")
        } else {
            try page.table([("class", "report-table")], caption: "Verksamheter och deras självskattningar") {
                try page.element("thead") {
                    try page.element("tr") {
                        for title in ["Verksamhet", "Förvaltning", "Självskattningar", "Sammanställning"] {
                            try page.element("th", [("scope", "col")], text: title)
                        }
                    }
                }
                try page.element("tbody") {
                    for unit in units {
                        let canAssess = assessable.contains { $0.name == unit.name }
                        try page.element("tr") {
                            try page.element("th", [("scope", "row")], text: unit.name)
                            try page.element("td", text: unit.department ?? "–")
                            try page.element("td") {
                                try page.element("ul", [("class", "date-list")]) {
                                    for date in (dates[unit.name] ?? []).reversed() {
                                        try page.element("li") {
                                            if canAssess {
                                                try page.element("a", [("href", LikaPath.workshop(unit.name, date, firstArea))], text: "\(date)")
                                            } else {
                                                try page.text("\(date)")
                                            }
                                        }
                                    }
                                }
                            }
                            try page.element("td") {
                                try page.element("a", [("href", LikaPath.summary(unit.name))], text: "Sammanställning för \(unit.name)")
                            }
                        }
                    }
                }
            }
        }
        guard mayAssess else { return }
        try page.element("h2", text: "Börja en ny självskattning")
        try page.element("form", [("method", "post"), ("action", LikaPath.root), ("class", "form")]) {
            try page.csrf(csrf)
            try page.select(
                LikaStartForm.Field.unit, label: "Verksamhet",
                options: [("", "Välj verksamhet")] + assessable.map { ($0.name, $0.name) }, selected: form.unit,
                error: errors.first { $0.field == LikaStartForm.Field.unit }?.message)
            if let departments {
                try page.textField(
                    LikaStartForm.Field.newUnit, label: "Eller en ny verksamhet", value: form.newUnit,
                    hint: "Namnet på en verksamhet som inte har gjort någon självskattning än.")
                try page.select(
                    LikaStartForm.Field.department, label: "Den nya verksamhetens förvaltning",
                    options: [("", "Ingen förvaltning")] + departments.map { ($0, $0) }, selected: form.department)
            }
            try page.textField(
                LikaStartForm.Field.date, label: "Datum", value: form.date,
                error: errors.first { $0.field == LikaStartForm.Field.date }?.message, hint: "ÅÅÅÅ-MM-DD", type: "date")
            try page.submit("Öppna självskattningen")
        }
    }
}

// MARK: - The summary

/// `/lika/<unit>`: per area the distribution over the scale and the maturity index (ReportGen's
/// ``LikaIndex``, as the LIKA report computes it), the latest assessment beside the previous one, and the
/// indicators below the top step with their comments and their linked actions' latest status; a link to the
/// full LIKA report (`/lika/<unit>/rapport`, ReportGen's summary with its radar chart and colour matrix).
struct LikaSummaryPage {
    struct Assessment {
        var date: CalendarDate
        var answers: [AssessmentAnswer]

        func answers(in area: IndicatorArea) -> [MaturityAnswer] { answers.filter { $0.area.code == area.code }.map(\.answer) }
        func index(_ area: IndicatorArea) -> Int? { LikaIndex.index(answers(in: area)) }
    }

    var unit: AssessedUnit
    var set: IndicatorSet
    var latest: Assessment
    var previous: Assessment?
    /// The linked actions of each indicator below the top step, by code.
    var linked: [String: [LinkedAction]]
    var mayAssess: Bool
    /// The templates' words of the answer scale.
    var words: MaturityWords

    var areas: [IndicatorArea] {
        self.set.areas.filter { area in latest.answers.contains { $0.area.code == area.code } || (previous?.answers.contains { $0.area.code == area.code } ?? false) }
    }

    func render(_ page: PageWriter) throws {
        try page.element("h1", text: "Sammanställning: \(unit.name)")
        var lead = "\(set.name), självskattningen \(latest.date)"
        lead += previous.map { " jämförd med \($0.date)." } ?? "; det finns ingen tidigare att jämföra med."
        try page.element("p", [("class", "lead")], text: lead)
        if mayAssess {
            try page.element("p") {
                try page.element("a", [("href", LikaPath.workshop(unit.name, latest.date, set.areas.first?.code ?? "L"))],
                                 text: "Öppna självskattningen \(latest.date)")
            }
        }
        try page.element("p") {
            try page.element("a", [("href", LikaPath.summary(unit.name) + "/rapport")],
                             text: "Hela LIKA-rapporten för \(unit.name) (med diagram och färgmatris)")
        }
        try indexTable(page)
        try distribution(latest, page: page, id: "fordelning-senaste")
        if let previous { try distribution(previous, page: page, id: "fordelning-forra") }
        try belowTop(page)
    }

    private func number(_ index: Int?) -> String { index.map(String.init) ?? "–" }

    private func indexTable(_ page: PageWriter) throws {
        try page.element("h2", text: "Mognadsindex per område")
        try page.element("p", [("class", "meta")], text: "Indexet är medelvärdet av svaren på skalan (Ej planerad 0 … Uppfyllt 100); Ej relevant räknas inte.")
        try page.table([("class", "report-table")], caption: "Mognadsindex per område, \(unit.name)") {
            try page.element("thead") {
                try page.element("tr") {
                    try page.element("th", [("scope", "col")], text: "Område")
                    if let previous { try page.element("th", [("scope", "col")], text: "\(previous.date)") }
                    try page.element("th", [("scope", "col")], text: "\(latest.date)")
                    if previous != nil { try page.element("th", [("scope", "col")], text: "Förändring") }
                }
            }
            try page.element("tbody") {
                for area in areas {
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")], text: area.name)
                        let now = latest.index(area)
                        if let previous {
                            let before = previous.index(area)
                            try page.element("td", [("class", "num")], text: number(before))
                            try page.element("td", [("class", "num")], text: number(now))
                            let change = now.flatMap { a in before.map { a - $0 } }
                            try page.element("td", [("class", "num")], text: change.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\(-$0)" : "0" } ?? "–")
                        } else {
                            try page.element("td", [("class", "num")], text: number(now))
                        }
                    }
                }
            }
        }
    }

    private func distribution(_ assessment: Assessment, page: PageWriter, id: String) throws {
        try page.element("h2", [("id", id)], text: "Svar per område \(assessment.date)")
        try page.table([("class", "report-table")], caption: "Antal indikatorer per svar och område, \(unit.name) \(assessment.date)") {
            try page.element("thead") {
                try page.element("tr") {
                    try page.element("th", [("scope", "col")], text: "Område")
                    for answer in MaturityAnswer.allCases { try page.element("th", [("scope", "col")], text: words.word(for: answer)) }
                    try page.element("th", [("scope", "col")], text: "Mognadsindex")
                }
            }
            try page.element("tbody") {
                for area in areas {
                    let answers = assessment.answers(in: area)
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")], text: area.name)
                        for answer in MaturityAnswer.allCases {
                            try page.element("td", [("class", "num")], text: String(answers.filter { $0 == answer }.count))
                        }
                        try page.element("td", [("class", "num")], text: number(assessment.index(area)))
                    }
                }
            }
        }
    }

    private func belowTop(_ page: PageWriter) throws {
        let below = latest.answers.filter { $0.answer.isBelow(.fulfilled) }
        try page.element("h2", text: "Indikatorer under Uppfyllt")
        guard !below.isEmpty else {
            try page.element("p", text: "Alla indikatorer på skalan är uppfyllda.")
            return
        }
        let before = Dictionary((previous?.answers ?? []).map { ($0.code, $0) }, uniquingKeysWith: { _, b in b })
        try page.table([("class", "report-table history")], caption: "Indikatorer under Uppfyllt \(latest.date), med kommentarer och kopplade aktiviteter") {
            try page.element("thead") {
                try page.element("tr") {
                    var titles = ["Indikator", "Svar", "Steg", "Kommentar", "Kopplade aktiviteter"]
                    if previous != nil { titles.insert("Förra gången", at: 2) }
                    for title in titles { try page.element("th", [("scope", "col")], text: title) }
                }
            }
            try page.element("tbody") {
                for answer in below {
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")], text: "\(answer.code) \(answer.indicator)")
                        try page.element("td", text: words.word(for: answer.answer))
                        if previous != nil { try page.element("td", text: before[answer.code].map { words.word(for: $0.answer) } ?? "–") }
                        try page.element("td", text: answer.step.map { "Steg \($0)" } ?? "–")
                        try page.element("td", text: answer.comment.isEmpty ? "–" : answer.comment)
                        try page.element("td") {
                            let actions = linked[answer.code] ?? []
                            if actions.isEmpty {
                                try page.text("Ingen")
                            } else {
                                try page.element("ul", [("class", "date-list")]) {
                                    for action in actions {
                                        let status = action.latest.map { "\($0.content.status.swedish), \($0.content.light.swedish) (\($0.period))" } ?? "ingen rapport"
                                        try page.element("li", text: "\(action.action.code) \(action.action.title): \(status)")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
