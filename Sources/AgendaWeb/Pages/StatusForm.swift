import AgendaCore
import Foundation

/// The status report form on an action's page, as typed: every field kept verbatim so a page with an
/// error shows it all again, and parsed into AgendaCore's ``StatusInput`` with a Swedish message per field.
///
/// Corrections: when the default period already has a report, the form is pre-filled with it and carries
/// that period in `prefilled`; what is in the fields when sent is what is stored (an emptied field is
/// emptied). When a person picks another period that has a report, the form was not filled from it, so an
/// optional field left empty is taken from that report (AgendaCore's carried-over fields) — the page says so.
struct StatusForm: Sendable, Equatable {
    var period = ""
    var status = ""
    var light = ""
    var comment = ""
    var obstacles = ""
    var next = ""
    var cost = ""
    /// The period whose report filled the form, if any.
    var prefilled = ""

    /// The form names, as in the web contract.
    enum Field {
        static let period = "period", status = "status", light = "light", comment = "comment"
        static let obstacles = "obstacles", next = "next", cost = "cost", prefilled = "prefilled"
    }

    init() {}

    /// The form as the page first shows it: the default period, pre-filled from its report when it has one.
    init(for data: ActionForReporting) {
        guard let period = data.periods.first else { return }
        self.period = period.description
        guard let earlier = data.report(for: period) else { return }
        status = earlier.status.swedish
        light = earlier.light.swedish
        comment = earlier.comment
        obstacles = earlier.obstacles
        next = earlier.nextSteps
        cost = earlier.actualCost.map(String.init) ?? ""
        prefilled = period.description
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
    }

    /// The chosen period, if it reads as one.
    var chosenPeriod: Period? { try? Period(parsing: period) }

    /// The report for `action`, or the fields in error, in the form's order.
    func parse(action: String, earlier: (Period) -> StatusReport?) -> Parsed {
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
        if cost == nil { errors.append(FieldError(field: Field.cost, message: "Skriv kostnaden i hela kronor, till exempel 240000")) }
        guard errors.isEmpty, let period, let status, let light, let cost else { return .invalid(errors) }

        let obstacles = obstacles.trimmingCharacters(in: .whitespacesAndNewlines)
        let next = next.trimmingCharacters(in: .whitespacesAndNewlines)
        var actualCost: Int?
        if case let .kronor(value) = cost { actualCost = value }
        // A correction of a period the form was not filled from: what is left empty is carried over.
        // Otherwise what the fields say is the report, an emptied field included.
        var omitted = Set<StatusField>()
        if earlier(period) != nil && prefilled != period.description {
            if obstacles.isEmpty { omitted.insert(.obstacles) }
            if next.isEmpty { omitted.insert(.nextSteps) }
            if actualCost == nil { omitted.insert(.actualCost) }
        }
        return .report(StatusInput(
            action: action, period: period,
            content: StatusContent(
                status: status, light: light, comment: comment, obstacles: obstacles, nextSteps: next, actualCost: actualCost),
            omitted: omitted))
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
    }

    /// Whole kronor as typed: digits, optionally grouped with spaces and followed by "kr"; nil for text
    /// that is not such an amount.
    static func amount(_ text: String) -> Amount? {
        var digits = text.filter { !$0.isWhitespace }
        if digits.lowercased().hasSuffix("kr") { digits.removeLast(2) }
        if digits.isEmpty { return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .notGiven : nil }
        guard digits.count <= 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        return .kronor(value)
    }
}
