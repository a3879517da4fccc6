import AgendaCore
import Foundation

/// One indicator's form in the LIKA workshop (`POST /lika/<unit>/<date>/<area>`), as typed: every field
/// kept verbatim so a page with an error shows it again, and parsed into one ``AssessmentInput/Item``.
/// Its field names are the web contract's: `code`, `answer` (a word of the scale), `step` (empty, 1, 2 or
/// 3), `comment`, and `seen`, the number of the answer in force the form was built from (empty: none), so
/// that a save after someone else's can say whose answer it replaced.
struct LikaAnswerForm: Sendable, Equatable {
    var code = ""
    var answer = ""
    var step = ""
    var comment = ""
    var seen = ""
    /// The förvaltning of a unit not yet recorded (the owner's start form chose it); empty: none given.
    var department = ""

    enum Field {
        static let code = "code", answer = "answer", step = "step", comment = "comment", seen = "seen"
        static let department = "department"
    }

    init(code: String) { self.code = code }

    /// The form as the page shows it: the answer in force, if any, in the templates' `words`.
    init(code: String, inForce: AssessmentAnswer?, words: MaturityWords) {
        self.code = code
        guard let inForce else { return }
        answer = words.word(for: inForce.answer)
        step = inForce.step.map(String.init) ?? ""
        comment = inForce.comment
        seen = String(inForce.number)
    }

    /// The form as posted, every field as typed.
    init(posted form: Form) {
        code = form.text(Field.code)
        answer = form[Field.answer] ?? ""
        step = form[Field.step] ?? ""
        comment = form[Field.comment] ?? ""
        seen = form.text(Field.seen)
        department = form.text(Field.department)
    }

    /// The ids of this indicator's fields on the page (the error summary links to them).
    static func answerID(_ code: String, _ answer: MaturityAnswer) -> String { "svar-\(code)-\(answer.rawValue)" }
    static func stepID(_ code: String) -> String { "steg-\(code)" }
    static func commentID(_ code: String) -> String { "kommentar-\(code)" }

    /// The answer in force the form was built from.
    var seenNumber: Int? { Int(seen) }

    /// The one answered indicator, or the fields in error (by id), in the form's order; the answer is a word
    /// of the templates' `words`.
    func parse(words: MaturityWords) -> Parsed {
        var errors: [FieldError] = []
        let chosen = words.answer(for: answer.trimmingCharacters(in: .whitespaces))
        if chosen == nil {
            errors.append(FieldError(
                field: Self.answerID(code, MaturityAnswer.allCases[0]),
                message: "Välj ett svar för \(code): \(words.known.joined(separator: ", "))"))
        }
        let stepText = step.trimmingCharacters(in: .whitespaces)
        let number = Int(stepText)
        if !stepText.isEmpty, number.map({ !(1...3).contains($0) }) ?? true {
            errors.append(FieldError(field: Self.stepID(code), message: "Välj steg 1, 2 eller 3 för \(code), eller inget steg"))
        }
        guard errors.isEmpty, let chosen else { return .invalid(errors) }
        return .item(AssessmentInput.Item(
            code: code, answer: chosen, step: stepText.isEmpty ? nil : number,
            comment: comment.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    enum Parsed {
        case item(AssessmentInput.Item)
        case invalid([FieldError])
    }
}

/// The form on `/lika` that starts a self-assessment: a unit the caller may assess (or, for the owner, a
/// new unit's name and förvaltning) and a date. Starting stores nothing: the workshop opens, and the
/// assessment is on record from its first saved answer.
struct LikaStartForm: Sendable, Equatable {
    var unit = ""
    var newUnit = ""
    var department = ""
    var date = ""

    enum Field {
        static let unit = "unit", newUnit = "newUnit", department = "department", date = "date"
    }

    init(date: CalendarDate) { self.date = date.description }

    init(posted form: Form) {
        unit = form.text(Field.unit)
        newUnit = form.text(Field.newUnit)
        department = form.text(Field.department)
        date = form.text(Field.date)
    }

    /// The unit's name (a new name before a chosen one), its förvaltning for a new unit, and the date; or
    /// the fields in error.
    func parse(today: CalendarDate) -> Result<(unit: String, department: String?, date: CalendarDate), Invalid> {
        var errors: [FieldError] = []
        let name = newUnit.isEmpty ? unit : newUnit
        if name.isEmpty { errors.append(FieldError(field: Field.unit, message: "Välj en verksamhet i listan eller skriv namnet på en ny")) }
        let day = CalendarDate(iso: date)
        if day == nil { errors.append(FieldError(field: Field.date, message: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2019-03-01")) }
        if let day, let problem = AssessmentInput.dateProblem(day, today: today) {
            errors.append(FieldError(field: Field.date, message: WebWords.sentence(problem.sentence(.date))))
        }
        guard errors.isEmpty, let day else { return .failure(Invalid(errors: errors)) }
        return .success((name, newUnit.isEmpty || department.isEmpty ? nil : department, day))
    }

    struct Invalid: Error { var errors: [FieldError] }
}
