import AgendaCore
import ReportGen

/// An action rendered as readable text for `agenda show action`.
enum ActionText {
    /// `effects`, when given, lists each effektmål with its measure and latest assessment.
    static func render(_ action: Action, in agenda: Agenda, effects: ActionEffects? = nil) -> String {
        let area = agenda.areas.first { $0.number == action.areaNumber }
        var lines = ["\(action.code)  \(action.title)"]
        if action.state != .active { lines.append("\(Words["sheet.state"]): \(action.state.swedish)") }
        lines.append("\(Words["summary.area"]): \(action.areaNumber). \(area?.title ?? "")")
        if !action.background.isEmpty { lines += ["", action.background] }
        section(&lines, Words["action.plan"], action.plan.text)
        section(&lines, Words["action.responsibility"], action.responsibility.text)
        if let lead = action.responsibility.lead {
            lines.append("  ledande: \(lead.displayName)")
            for unit in action.responsibility.coResponsible { lines.append("  \(Words["appendix.co"].lowercased()): \(unit.displayName)") }
            for note in action.responsibility.notes { lines.append("  anteckning: \(note)") }
            for unsure in action.responsibility.unsure { lines.append("  osäker koppling: \(unsure)") }
        }
        section(&lines, Words["action.schedule"], action.schedule.text ?? Words["cli.notInPlan"])
        if action.schedule.startYear != nil { lines.append("  år: \(action.schedule.yearsText)") }
        for phase in action.schedule.phases {
            let years = phase.startYear == phase.endYear ? "\(phase.startYear)" : "\(phase.startYear)–\(phase.endYear)"
            lines.append("  \(years): \(phase.label)")
        }
        section(&lines, Words["action.cost"], action.cost.text ?? Words["cli.notInPlan"])
        for part in action.cost.parts { lines.append("  \(describe(part))") }
        if action.cost.withinExistingBudget { lines.append("  \(Words["cost.withinBudget"].lowercased())") }
        if action.cost.decisionPending { lines.append("  kostnad presenteras för beslut senare") }
        for funding in action.cost.externalFunding { lines.append("  extern finansiering: \(funding)") }
        for staff in action.cost.staff { lines.append("  personal: \(staff.role), \(staff.fullTimeEquivalent) årsarbetare") }
        if !action.goals.isEmpty {
            lines += ["", "\(Words["action.effectGoals"]):"]
            for (index, goal) in action.goals.enumerated() {
                lines.append("  \(index + 1). \(goal.text)")
                if let measure = goal.measure { lines.append("     \(Words["effect.measure"].lowercased()): \(EffectMeasureText.describe(measure))") }
                if let latest = effects?.goals.first(where: { $0.goal.id == goal.id })?.latest {
                    let value = latest.value.map { _ in ", \(EffectLines.value(latest, unit: goal.measure?.unit ?? ""))" } ?? ""
                    lines.append("     \(Words["effect.assessment"].lowercased()) \(latest.period): \(latest.outcome.swedish)\(value)")
                }
            }
        }
        for field in action.otherFields { section(&lines, field.label, field.text) }
        return lines.joined(separator: "\n")
    }

    private static func section(_ lines: inout [String], _ label: String, _ text: String) {
        lines += ["", "\(label):"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }
    }

    private static func describe(_ part: CostPart) -> String {
        let kind = switch part.kind {
        case .oneTime: "engångskostnad"
        case .recurring: "per år"
        case .investment: "investering"
        }
        let years = part.years.isEmpty ? "" : " \(part.years.map(String.init).joined(separator: ", "))\(part.yearsDerived ? " (enligt tidsplanen)" : "")"
        return "\(SwedishAmount.format(part.amount, approximate: part.approximate)) \(kind)\(years)"
    }
}
