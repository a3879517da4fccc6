import AgendaCore
import Foundation

/// The effect section's table widths, kept beside the section; ``TableWidths/all`` lists them too.
extension TableWidths {
    static let effectCounts = [23] + EffectCategory.allCases.map { _ in 11 } + [11]
    static let effectFinished = [7, 25, 30, 26, 12]
    static let effectGoals = [6, 25, 18, 14, 12, 25]
}

extension ReportLayout {
    /// "Uppnått" … "Går ej att bedöma", "Ej bedömd": the words `agenda effect` prints too.
    func effectLabel(_ category: EffectCategory) -> String { labels["effect.\(category.key)"] }

    /// "Delvis uppnått (2018Q2)", "Ej uppnått (från 2017Q4)", "Ej bedömt".
    func effectAssessmentText(_ goal: EffectGoalEntry) -> String {
        guard let assessment = goal.assessment else { return effectLabel(.notAssessed) }
        let period = goal.carriedOver ? labels["effect.from", assessment.period] : assessment.period
        return "\(effectLabel(goal.category)) (\(period))"
    }

    /// The measure's lines: indicator and unit, baseline, target, direction.
    func effectMeasureLines(_ measure: EffectMeasure) -> [String] {
        var lines = [measure.unit.isEmpty ? measure.indicator : "\(measure.indicator) (\(measure.unit))"]
        if let baseline = measure.baseline {
            lines.append(labels["effect.baseline", SwedishNumber.format(baseline, unit: measure.unit),
                                measure.baselineDate?.description ?? labels["action.missing"]])
        }
        if let target = measure.target {
            lines.append(labels["effect.target", SwedishNumber.format(target, unit: measure.unit),
                                measure.targetYear.map(String.init) ?? labels["action.missing"]])
        }
        lines.append(labels["effect.direction.\(measure.direction.rawValue)"])
        return lines
    }

    func effectGoalText(_ goal: EffectGoalEntry) -> String { "\(goal.number). \(goal.goal.text)" }

    /// The effect section: only when the report's actions have effektmål.
    func effects(_ emit: (ReportBlock) throws -> Void) throws {
        guard let section = model.effects else { return }
        let period = model.period
        try emit(.heading(level: 1, text: labels["effect.heading"], id: "effekter", newPage: true))
        try emit(.paragraph(labels["effect.intro", period.swedishLabel, period.start.description, period.end.description]))
        let assessed = section.goals.filter { $0.assessment != nil }.count
        let measured = section.goals.filter { $0.goal.measure != nil }.count
        try emit(.paragraph(labels["effect.scope", String(section.goals.count), String(assessed), String(measured)]))

        let categories = EffectCategory.allCases
        var rows = section.perArea.map { item in
            [ReportTable.Cell(areaHeading(item.area))]
                + categories.map { ReportTable.Cell(String(item.counts.count(of: $0)), numeric: true) }
                + [ReportTable.Cell(String(item.counts.total), numeric: true)]
        }
        rows.append([ReportTable.Cell(labels["effect.total"])]
            + categories.map { ReportTable.Cell(String(section.total.count(of: $0)), numeric: true) }
            + [ReportTable.Cell(String(section.total.total), numeric: true)])
        try emit(.table(ReportTable(
            caption: labels["effect.caption"],
            header: [labels["effect.area"]] + categories.map(effectLabel) + [labels["effect.total"]],
            rows: rows, rowHeaders: true, hasTotalRow: true,
            widths: TableWidths.effectCounts, numericColumns: Set(1...(categories.count + 1)), kind: .numbers)))

        try emit(.heading(level: 2, text: labels["effect.finished.heading"], id: "effekter-klara", newPage: false))
        if section.finishedNotAchieved.isEmpty {
            try emit(.paragraph(labels["effect.finished.none"]))
        } else {
            try emit(.paragraph(labels["effect.finished.intro"]))
            try emit(.table(ReportTable(
                caption: labels["effect.finished.caption", String(section.finishedNotAchieved.count)],
                header: [labels["action.code"], labels["action.title"], labels["effect.goal"], labels["effect.comment"], labels["effect.assessedPeriod"]],
                rows: section.finishedNotAchieved.map { goal in
                    [ReportTable.Cell(goal.entry.action.code), ReportTable.Cell(goal.entry.action.title),
                     ReportTable.Cell(effectGoalText(goal)),
                     ReportTable.Cell(paragraphs: paragraphs(goal.assessment?.comment ?? "")),
                     ReportTable.Cell(effectAssessmentText(goal))]
                },
                rowHeaders: true, widths: TableWidths.effectFinished)))
        }

        try emit(.heading(level: 2, text: labels["effect.goals.heading"], id: "effekter-per-mal", newPage: false))
        try emit(.table(ReportTable(
            caption: labels["effect.goals.caption"],
            header: [labels["action.code"], labels["effect.goal"], labels["effect.measure"], labels["effect.assessment"],
                     labels["effect.latestValue"], labels["effect.comment"]],
            rows: section.goals.map { goal in
                var comment = paragraphs(goal.assessment?.comment ?? "")
                if let source = goal.assessment?.source, !source.isEmpty { comment.append("\(labels["effect.source"]): \(source)") }
                if let reporter = goal.assessment?.reporter, !reporter.isEmpty { comment.append("\(labels["effect.reporter"]): \(reporter)") }
                let latest = goal.measurements.last.map { point in
                    "\(SwedishNumber.format(point.value, unit: goal.goal.measure?.unit ?? "")) (\(point.date))"
                }
                return [ReportTable.Cell(goal.entry.action.code), ReportTable.Cell(effectGoalText(goal)),
                        ReportTable.Cell(paragraphs: goal.goal.measure.map(effectMeasureLines) ?? []),
                        ReportTable.Cell(effectAssessmentText(goal)), ReportTable.Cell(latest ?? ""),
                        ReportTable.Cell(paragraphs: comment)]
            },
            rowHeaders: true, widths: TableWidths.effectGoals)))

        let measuredGoals = section.measured
        guard !measuredGoals.isEmpty else { return }
        try emit(.heading(level: 2, text: labels["effect.charts.heading"], id: "effekter-diagram", newPage: false))
        try emit(.paragraph(labels["effect.charts.intro"]))
        for (index, goal) in measuredGoals.enumerated() {
            try emit(.effectChart(effectChart(goal, number: index + 1)))
        }
    }

    /// The series of one measured goal: baseline, measured values, target.
    func effectChart(_ goal: EffectGoalEntry, number: Int) -> EffectChart {
        let measure = goal.goal.measure ?? EffectMeasure(indicator: "")
        var points: [EffectChart.Point] = []
        if let baseline = measure.baseline {
            points.append(.init(kind: .baseline, label: measure.baselineDate?.description ?? "", value: baseline))
        }
        points += goal.measurements.map { .init(kind: .measured, label: $0.date.description, value: $0.value) }
        if let target = measure.target {
            points.append(.init(kind: .target, label: measure.targetYear.map(String.init) ?? "", value: target))
        }
        let name = labels["effect.chart.title", goal.entry.action.code, String(goal.number), measure.indicator]
        let series = points.map { point in
            let word = labels["effect.chart.\(point.kind.rawValue)"]
            let value = SwedishNumber.format(point.value, unit: measure.unit)
            return point.label.isEmpty ? "\(word) \(value)" : "\(word) \(value) (\(point.label))"
        }.joined(separator: "; ")
        return EffectChart(
            id: "effektdiagram-\(number)", title: name,
            description: labels["effect.chart.desc", name, series, labels["effect.direction.\(measure.direction.rawValue)"]],
            unit: measure.unit, points: points)
    }
}
