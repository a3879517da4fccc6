import AgendaCore
import Foundation

/// The status report form on an action's page, as typed: every field kept verbatim so a page with an
/// error shows it all again, and parsed into AgendaCore's ``StatusInput`` with a Swedish message per field.
///
/// The form is always filled for one period (`?period=P`, else the default period): with that period's
/// report in force when it has one, empty when not. It carries that period (`prefilled`) and the report's
/// number (`basis`), and what is in the fields when sent is the report, an emptied field included.
/// AgendaCore refuses the input when the period sent is not the one the form was filled for and has a
/// report, or when someone filed for the period meanwhile (``StatusBasis``), so another period's texts
/// never become a correction unseen.
struct StatusForm: Sendable, Equatable {
    var period = ""
    var status = ""
    var light = ""
    var comment = ""
    var obstacles = ""
    var next = ""
    var cost = ""
    /// The period the form was filled for.
    var prefilled = ""
    /// The number of the report that filled it; empty for a form shown empty.
    var basis = ""

    /// The form names, as in the web contract.
    enum Field {
        static let period = "period", status = "status", light = "light", comment = "comment"
        static let obstacles = "obstacles", next = "next", cost = "cost", prefilled = "prefilled", basis = "basis"
        /// The "Visa" button: show the form filled for the chosen period instead of sending it.
        static let show = "visa"
    }

    init() {}

    /// The form as the page first shows it: for the default period.
    init(for data: ActionForReporting) {
        if let period = data.periods.first { self.init(for: data, period: period) } else { self.init() }
    }

    /// The form as the page first shows it for `period`: filled with its report in force, or empty.
    init(for data: ActionForReporting, period: Period) {
        self.period = period.description
        prefilled = period.description
        guard let earlier = data.report(for: period) else { return }
        status = earlier.status.swedish
        light = earlier.light.swedish
        comment = earlier.comment
        obstacles = earlier.obstacles
        next = earlier.nextSteps
        cost = earlier.actualCost.map(String.init) ?? ""
        basis = String(earlier.number)
    }

    /// The form as posted, every field as typed.
    init(posted form: Form) {
        period = form[Field.period] ?? ""
        status = form[Field.status] ?? ""
        light = form[Field.light] ?? ""
        comment = form[Field.comment] ?? ""
        obstacles = form[Field.obstacles] ?? ""
        next = form[Field.next] ?? ""
        cost = form[Field.cost] ?? ""
        prefilled = form[Field.prefilled] ?? ""
        basis = form[Field.basis] ?? ""
    }

    /// The chosen period, if it reads as one.
    var chosenPeriod: Period? { try? Period(parsing: period) }

    /// What the form was filled from. A form that does not say (not sent by this page) counts as filled
    /// for the period sent and from no report, so it cannot replace a report either.
    func basis(posted period: Period) -> StatusBasis {
        StatusBasis(period: (try? Period(parsing: prefilled)) ?? period, report: Int(basis))
    }

    /// The report for `action`, or the fields in error, in the form's order.
    func parse(action: String) -> Parsed {
        var errors: [FieldError] = []
        let period = chosenPeriod
        if period == nil { errors.append(FieldError(field: Field.period, message: "Välj en period")) }
        let status = ProgressStatus(swedish: self.status.trimmingCharacters(in: .whitespaces))
        if status == nil { errors.append(FieldError(field: Field.status, message: "Välj en status i listan")) }
        let light = TrafficLight(swedish: self.light.trimmingCharacters(in: .whitespaces))
        if light == nil { errors.append(FieldError(field: Field.light, message: "Välj grön, gul eller röd")) }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if comment.isEmpty { errors.append(FieldError(field: Field.comment, message: "Skriv en kommentar om läget")) }
        let cost = Self.amount(self.cost)
        switch cost {
        case nil: errors.append(FieldError(field: Field.cost, message: "Skriv kostnaden i hela kronor, till exempel 240000"))
        case .tooLarge?:
            errors.append(FieldError(
                field: Field.cost, message: "Beloppet är för stort: en verklig kostnad är högst \(Kronor.exact(StatusContent.largestCost))"))
        default: break
        }
        guard errors.isEmpty, let period, let status, let light, let cost else { return .invalid(errors) }
        var actualCost: Int?
        if case let .kronor(value) = cost { actualCost = value }
        return .report(StatusInput(
            action: action, period: period,
            content: StatusContent(
                status: status, light: light, comment: comment,
                obstacles: obstacles.trimmingCharacters(in: .whitespacesAndNewlines),
                nextSteps: next.trimmingCharacters(in: .whitespacesAndNewlines), actualCost: actualCost),
            basis: basis(posted: period)))
    }

    /// What a posted form reads as.
    enum Parsed {
        case report(StatusInput)
        /// The fields in error, in the form's order.
        case invalid([FieldError])
    }

    /// What the cost field says.
    enum Amount: Equatable {
        /// Left empty.
        case notGiven
        case kronor(Int)
        /// Whole kronor, but more than ``StatusContent/largestCost``.
        case tooLarge
    }

    /// Whole kronor as typed: digits, optionally grouped with spaces and followed by "kr"; nil for text
    /// that is not such an amount.
    static func amount(_ text: String) -> Amount? {
        var digits = text.filter { !$0.isWhitespace }
        if digits.lowercased().hasSuffix("kr") { digits.removeLast(2) }
        if digits.isEmpty { return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .notGiven : nil }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let value = Int(digits), value <= StatusContent.largestCost else { return .tooLarge }
        return .kronor(value)
    }
}
