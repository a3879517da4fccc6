import AgendaCore
import Foundation
import ReportGen

/// The action page's effektmål: the numbered list with measures and latest assessments, the assessments
/// filed, and the form to assess a goal for a period (`POST /aktiviteter/<code>/effekt`).
extension ActionPage {
    /// The goals as `agenda show action` numbers them, each with its measure and latest assessment.
    var goals: [GoalWithAssessment] {
        data.effects?.goals ?? action.goals.enumerated().map { GoalWithAssessment(action: action.code, number: $0.offset + 1, goal: $0.element, latest: nil) }
    }

    /// "Mått: Andel ärenden digitalt: 12,5 % (2017-01-01) → 80 % till 2019, högre är bättre", as `agenda show action` says it.
    static func measureText(_ measure: EffectMeasure) -> String { "Mått: " + EffectMeasureText.describe(measure) }

    /// "Senaste bedömning: Delvis uppnått (2018Q2), uppmätt 41 % den 2018-06-30."
    static func latestText(_ assessment: EffectAssessment?, unit: String) -> String {
        guard let assessment else { return "Inte bedömt än." }
        var text = "Senaste bedömning: \(assessment.outcome.swedish) (\(assessment.period))"
        if let value = assessment.value {
            text += ", uppmätt \(SwedishNumber.format(value, unit: unit))" + (assessment.measuredOn.map { " den \($0)" } ?? "")
        }
        return text + "."
    }

    /// The plan field's list: numbered goals with measure and latest assessment.
    func effectGoals(_ page: PageWriter) throws {
        guard !goals.isEmpty else {
            try page.text("–")
            return
        }
        try page.element("ol", [("class", "effect-goals")]) {
            for goal in goals {
                try page.element("li") {
                    try page.element("p", text: goal.goal.text)
                    if let measure = goal.goal.measure { try page.element("p", [("class", "meta")], text: Self.measureText(measure)) }
                    try page.element("p", [("class", "meta")], text: Self.latestText(goal.latest, unit: goal.goal.measure?.unit ?? ""))
                }
            }
        }
    }

    /// The assessments filed, newest first, and the form (not for a withdrawn action nor one without goals).
    func effects(_ page: PageWriter, csrf: String) throws {
        guard !goals.isEmpty else { return }
        try page.element("h2", [("id", "effektmal")], text: "Effektmål")
        try effectHistory(page)
        guard action.state != .withdrawn else { return }
        try effectForm(page, csrf: csrf)
    }

    private func effectHistory(_ page: PageWriter) throws {
        let history = data.effects?.history ?? []
        guard !history.isEmpty else {
            try page.element("p", [("class", "meta")], text: "Inga bedömningar av effektmålen än.")
            return
        }
        let superseded = data.effects?.superseded ?? []
        let numbers = Dictionary(goals.map { ($0.goal.id, $0) }, uniquingKeysWith: { first, _ in first })
        try page.table([("class", "report-table history")], caption: "Bedömningar av effektmålen för \(action.code), den senaste först") {
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Period", "Effektmål", "Bedömning", "Uppmätt värde", "Källa", "Kommentar", "Bedömd av", "Tidpunkt"] {
                        try page.element("th", [("scope", "col")], text: title)
                    }
                }
            }
            try page.element("tbody") {
                for assessment in history.reversed() {
                    let replaced = superseded.contains(assessment.number)
                    let goal = numbers[assessment.goal]
                    try page.element("tr", replaced ? [("class", "superseded")] : []) {
                        try page.element("th", [("scope", "row")]) {
                            try page.text(assessment.period)
                            if replaced { try page.element("span", [("class", "tag")], text: " ersatt") }
                            if assessment.supersedes != nil { try page.element("span", [("class", "tag")], text: " rättelse") }
                        }
                        try page.element("td", text: goal.map { "\($0.number). \($0.goal.text)" } ?? "Borttaget effektmål")
                        try page.element("td", text: assessment.outcome.swedish)
                        try page.element("td", text: assessment.value.map { value in
                            SwedishNumber.format(value, unit: goal?.goal.measure?.unit ?? "") + (assessment.measuredOn.map { " (\($0))" } ?? "")
                        } ?? "")
                        try page.element("td", text: assessment.source)
                        try page.element("td", text: assessment.comment)
                        try page.element("td", text: assessment.reporter)
                        try page.element("td", text: assessment.reportedAt.swedishDisplay)
                    }
                }
            }
        }
    }

    private func effectForm(_ page: PageWriter, csrf: String) throws {
        typealias F = EffectForm.Field
        try page.element("h2", [("id", "bedom")], text: "Bedöm ett effektmål")
        try page.element("p", [("class", "meta")], text: "En ny bedömning av samma effektmål för samma period blir en rättelse som ersätter den tidigare; den gamla finns kvar i historiken.")
        try page.element("form", [
            ("method", "post"), ("action", "/aktiviteter/\(action.code)/effekt"), ("class", "form"), ("novalidate", "novalidate"),
        ]) {
            try page.csrf(csrf)
            var goalOptions = goals.map { (value: String($0.number), label: "\($0.number). \($0.goal.text)") }
            if goals.count > 1 || !goalOptions.contains(where: { $0.value == effectForm.goal }) {
                goalOptions.insert((value: "", label: "Välj effektmål"), at: 0)
            }
            try page.select(F.goal, id: F.id(F.goal), label: "Effektmål", options: goalOptions, selected: effectForm.goal,
                            error: effectError(F.goal))
            var periods = data.periods.map { (value: $0.description, label: $0.description + " – " + $0.swedishLabel) }
            if !periods.contains(where: { $0.value == effectForm.period }) { periods.insert((value: "", label: "Välj period"), at: 0) }
            try page.select(F.period, id: F.id(F.period), label: "Period", options: periods, selected: effectForm.period,
                            error: effectError(F.period))
            try page.select(
                F.assessment, id: F.id(F.assessment), label: "Bedömning",
                options: [(value: "", label: "Välj bedömning")] + EffectOutcome.allCases.map { ($0.swedish, $0.swedish) },
                selected: effectForm.assessment, error: effectError(F.assessment))
            try page.textField(F.value, id: F.id(F.value), label: "Uppmätt värde", value: effectForm.value, error: effectError(F.value),
                               hint: "I måttets enhet, till exempel 41 eller 4,4. Lämna tomt om inget har mätts.")
            try page.textField(F.measuredOn, id: F.id(F.measuredOn), label: "Mätdatum", value: effectForm.measuredOn,
                               error: effectError(F.measuredOn), hint: "ÅÅÅÅ-MM-DD, till exempel 2018-06-30.")
            try page.textField(F.source, id: F.id(F.source), label: "Källa", value: effectForm.source, error: effectError(F.source),
                               hint: "Var värdet kommer ifrån, till exempel Ärendestatistik, Kontaktcenter.")
            try page.textArea(F.comment, id: F.id(F.comment), label: "Kommentar", value: effectForm.comment, error: effectError(F.comment))
            try page.submit("Spara bedömningen")
        }
    }

    private func effectError(_ name: String) -> String? {
        effectErrors.first { $0.field == EffectForm.Field.id(name) }?.message
    }
}
