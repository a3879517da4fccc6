import AgendaCore
import Foundation

/// The spreadsheet's second sheet, "Effektmål": one row per effektmål of the report's actions with its
/// measure and the assessment in force for the period, typed cells for sorting and filtering. Only
/// written when the report has an effect section.
extension ODFSheetWriter {
    enum EffectValue {
        case plain(Value)
        /// A measured or planned value: any decimal, shown as LibreOffice's default number.
        case decimal(Double?)
    }

    struct EffectColumn {
        var header: String
        var width: Double
        var cellStyle = "Text"
        var value: (EffectGoalEntry) -> EffectValue
    }

    var effectSheetName: String { layout.labels["effect.sheet.name"] }

    var effectColumns: [EffectColumn] {
        let l = layout.labels
        return [
            EffectColumn(header: l["action.code"], width: 1.6) { .plain(.text($0.entry.action.code)) },
            EffectColumn(header: l["sheet.areaNumber"], width: 2.8, cellStyle: "Tal") { .plain(.number($0.entry.action.areaNumber)) },
            EffectColumn(header: l["action.title"], width: 6) { .plain(.text($0.entry.action.title)) },
            EffectColumn(header: l["sheet.leadDepartment"], width: 5) { .plain(.text($0.entry.leadDepartment ?? "")) },
            EffectColumn(header: l["action.status"], width: 3) { .plain(.text(l.status($0.entry.category))) },
            EffectColumn(header: l["effect.goalNumber"], width: 1.4, cellStyle: "Tal") { .plain(.number($0.number)) },
            EffectColumn(header: l["effect.goal"], width: 8) { .plain(.text($0.goal.text)) },
            EffectColumn(header: l["effect.sheet.indicator"], width: 6) { .plain(.text($0.goal.measure?.indicator ?? "")) },
            EffectColumn(header: l["effect.sheet.unit"], width: 2) { .plain(.text($0.goal.measure?.unit ?? "")) },
            EffectColumn(header: l["effect.sheet.baseline"], width: 2.8) { .decimal($0.goal.measure?.baseline) },
            EffectColumn(header: l["effect.sheet.baselineDate"], width: 2.6) { .plain(.date($0.goal.measure?.baselineDate)) },
            EffectColumn(header: l["effect.sheet.target"], width: 2.6) { .decimal($0.goal.measure?.target) },
            EffectColumn(header: l["effect.sheet.targetYear"], width: 2, cellStyle: "Tal") { .plain(.number($0.goal.measure?.targetYear)) },
            EffectColumn(header: l["effect.sheet.direction"], width: 3.2) { goal in
                .plain(.text(goal.goal.measure.map { l["effect.direction.\($0.direction.rawValue)"] } ?? ""))
            },
            EffectColumn(header: l["effect.assessment"], width: 3.6) { .plain(.text(layout.effectLabel($0.category))) },
            EffectColumn(header: l["effect.assessedPeriod"], width: 2.4) { .plain(.text($0.assessment?.period ?? "")) },
            EffectColumn(header: l["action.carriedOver"], width: 2.6) { goal in
                .plain(.text(goal.assessment == nil ? "" : l.yesNo(goal.carriedOver)))
            },
            EffectColumn(header: l["effect.value"], width: 2.8) { .decimal($0.measurements.last?.value) },
            EffectColumn(header: l["effect.measuredOn"], width: 2.6) { .plain(.date($0.measurements.last?.date)) },
            EffectColumn(header: l["effect.source"], width: 4) { .plain(.text($0.assessment?.source ?? "")) },
            EffectColumn(header: l["effect.comment"], width: 6) { .plain(.lines(layout.paragraphs($0.assessment?.comment ?? ""))) },
            EffectColumn(header: l["effect.reporter"], width: 3.5) { .plain(.text($0.assessment?.reporter ?? "")) },
        ]
    }

    func writeEffectColumnStyles(_ w: XMLWriter) throws {
        guard layout.model.effects != nil else { return }
        for (index, column) in effectColumns.enumerated() {
            try w.element("style:style", ["style:name": "Effektkolumn\(index + 1)", "style:family": "table-column"]) {
                try w.empty("style:table-column-properties", ["fo:break-before": "auto", "style:column-width": String(format: "%.2fcm", column.width)])
            }
        }
    }

    func writeEffectSheet(_ w: XMLWriter) throws {
        guard let section = layout.model.effects else { return }
        let columns = effectColumns
        try w.element("table:table", ["table:name": effectSheetName, "table:style-name": "Arkiv"]) {
            for (index, column) in columns.enumerated() {
                try w.empty("table:table-column", [
                    "table:style-name": "Effektkolumn\(index + 1)", "table:default-cell-style-name": column.cellStyle,
                ])
            }
            try w.element("table:table-header-rows") {
                try w.element("table:table-row") {
                    for column in columns {
                        try w.element("table:table-cell", ["table:style-name": "Rubrik", "office:value-type": "string"]) {
                            try w.element("text:p", text: column.header)
                        }
                    }
                }
            }
            for goal in section.goals {
                try w.element("table:table-row") {
                    for column in columns {
                        switch column.value(goal) {
                        case .plain(let value): try cell(value, w)
                        case .decimal(nil): try w.empty("table:table-cell")
                        case .decimal(let number?):
                            // office:value in the C locale ("4.4"); the text shown in Swedish ("4,4").
                            try w.element("table:table-cell", ["office:value-type": "float", "office:value": String(number)]) {
                                try w.element("text:p", text: SwedishNumber.format(number))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The autofilter range of the effect sheet.
    func writeEffectRange(_ w: XMLWriter) throws {
        guard let section = layout.model.effects else { return }
        let quoted = effectSheetName.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            ? effectSheetName : "'\(effectSheetName.replacingOccurrences(of: "'", with: "''"))'"
        let last = ODFTextWriter.columnName(effectColumns.count - 1)
        try w.empty("table:database-range", [
            "table:name": "__Anonymous_Sheet_DB__1",
            "table:target-range-address": "\(quoted).A1:\(quoted).\(last)\(section.goals.count + 1)",
            "table:display-filter-buttons": "true",
        ])
    }
}
