import AgendaCore
import Foundation

/// The effect assessment form on an action's page (`POST /aktiviteter/<code>/effekt`), as typed: every
/// field kept verbatim so a page with an error shows it all again, and parsed into AgendaCore's
/// ``EffectInput`` with a Swedish message per field. Its field names are the web contract's; its ids
/// carry the prefix `effekt-`, since the status form on the same page has a `period` and a `comment` too.
struct EffectForm: Sendable, Equatable {
    var goal = ""
    var period = ""
    var assessment = ""
    var value = ""
    var measuredOn = ""
    var source = ""
    var comment = ""

    /// The form names, as in the web contract.
    enum Field {
        static let goal = "goal", period = "period", assessment = "assessment", value = "value"
        static let measuredOn = "measuredOn", source = "source", comment = "comment"

        /// The id of the field named `name` on the page (and the anchor the error summary links to).
        static func id(_ name: String) -> String { "effekt-\(name)" }
    }

    init() {}

    /// The form as the page first shows it: the default period and, when the action has one goal only, that goal.
    init(for data: ActionForReporting) {
        period = data.periods.first?.description ?? ""
        if data.action.goals.count == 1 { goal = "1" }
    }

    /// The form as posted, every field as typed.
    init(posted form: Form) {
        goal = form[Field.goal] ?? ""
        period = form[Field.period] ?? ""
        assessment = form[Field.assessment] ?? ""
        value = form[Field.value] ?? ""
        measuredOn = form[Field.measuredOn] ?? ""
        source = form[Field.source] ?? ""
        comment = form[Field.comment] ?? ""
    }

    /// What a posted form reads as.
    enum Parsed {
        case assessment(EffectInput)
        /// The fields in error (by id), in the form's order.
        case invalid([FieldError])
    }

    /// The assessment of one of `goalCount` goals of `action`, or the fields in error, in the form's order.
    func parse(action: String, goalCount: Int) -> Parsed {
        var errors: [FieldError] = []
        func fail(_ name: String, _ message: String) { errors.append(FieldError(field: Field.id(name), message: message)) }
        let number = Int(goal.trimmingCharacters(in: .whitespaces)).flatMap { (1...max(goalCount, 1)).contains($0) ? $0 : nil }
        if number == nil { fail(Field.goal, "Välj ett effektmål i listan") }
        let period = try? Period(parsing: self.period.trimmingCharacters(in: .whitespaces))
        if period == nil { fail(Field.period, "Välj en period") }
        let outcome = EffectOutcome(swedish: assessment.trimmingCharacters(in: .whitespaces))
        if outcome == nil { fail(Field.assessment, "Välj en bedömning i listan") }
        let measured = Self.number(value)
        if measured == nil { fail(Field.value, "Skriv värdet som ett tal, till exempel 41 eller 4,4, eller lämna fältet tomt") }
        let date = measuredOn.trimmingCharacters(in: .whitespaces)
        let day = date.isEmpty ? nil : CalendarDate(iso: date)
        if !date.isEmpty && day == nil {
            fail(Field.measuredOn, "Skriv mätdatumet som ÅÅÅÅ-MM-DD, till exempel 2018-06-30")
        } else if day != nil, case .notGiven? = measured {
            fail(Field.measuredOn, "Ett mätdatum hör till ett uppmätt värde; fyll i också värdet")
        }
        guard errors.isEmpty, let number, let period, let outcome, let measured else { return .invalid(errors) }
        var content = EffectContent(
            outcome: outcome, source: source.trimmingCharacters(in: .whitespacesAndNewlines),
            comment: comment.trimmingCharacters(in: .whitespacesAndNewlines))
        if case let .value(given) = measured { content.value = given }
        content.measuredOn = day
        return .assessment(EffectInput(action: action, goalNumber: number, period: period, content: content))
    }

    /// What the value field says.
    enum Number: Equatable {
        case notGiven
        case value(Double)
    }

    /// A value as a Swedish person types it ("41", "4,4", "1 234,5", "−2", "80 %"), read by AgendaCore's
    /// ``SwedishDecimal`` as `agenda effect set` reads it; nil for text that is no number.
    static func number(_ text: String) -> Number? {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .notGiven }
        return SwedishDecimal.parse(text).map(Number.value)
    }
}
