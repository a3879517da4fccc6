import AgendaCore
import Foundation

/// Writes the LIKA report as an OpenDocument spreadsheet: the answers as a table (one row per unit ×
/// indicator, with area, answer, step, comment and linked actions) and the per-area figures, each a sheet
/// with a header row and autofilter.
struct LikaSheetWriter: ODFDocumentWriter {
    let layout: LikaLayout
    var kind: ODFKind { .spreadsheet }
    var document: any DocumentLayout { layout }

    enum Value {
        case text(String)
        case number(Int?)
        case date(CalendarDate?)
    }

    struct Sheet {
        var name: String
        var columns: [(header: String, width: Double)]
        var rows: [[Value]]
    }

    var labels: Labels { layout.labels }
    var model: LikaReportModel { layout.model }

    /// Every assessment the report shows, each once: the unit's, the compared ones, the other units' latest.
    var assessments: [LikaAssessment] {
        var list: [LikaAssessment] = []
        for assessment in model.assessments + model.comparisons + (model.previous.map { [$0] } ?? []) + model.units
        where !list.contains(where: { $0.name == assessment.name && $0.date == assessment.date }) {
            list.append(assessment)
        }
        return list
    }

    var sheets: [Sheet] {
        let unitHeader = labels[model.kind == .summary ? "lika.unit" : "lika.report.municipality"]
        let showComments = !model.anonymised
        var answerColumns: [(String, Double)] = [
            (unitHeader, 4), (labels["lika.date"], 2.6), (labels["lika.area"], 3), (labels["lika.indicatorCode"], 1.4),
            (labels["lika.indicator"], 9), (labels["lika.answer"], 3), (labels["lika.report.level"], 1.8), (labels["lika.step"], 1.4),
        ]
        if showComments { answerColumns.append((labels["lika.comment"], 7)) }
        if model.kind == .summary { answerColumns.append((labels["lika.linkedActions"], 8)) }
        let answerRows: [[Value]] = assessments.flatMap { assessment in
            assessment.answers.map { answer in
                var row: [Value] = [
                    .text(assessment.name), .date(assessment.date), .text(answer.area.name), .text(answer.code), .text(answer.indicator),
                    .text(layout.word(answer.answer)), .number(answer.answer.rank), .number(answer.step),
                ]
                if showComments { row.append(.text(answer.comment)) }
                if model.kind == .summary {
                    row.append(.text((model.assessments.first == assessment ? model.linkedActions[answer.code] ?? [] : [])
                        .map(layout.actionText).joined(separator: "; ")))
                }
                return row
            }
        }
        let scale = MaturityAnswer.allCases
        let areaRows: [[Value]] = assessments.flatMap { assessment in
            assessment.figures(model.areas).map { item in
                [.text(assessment.name), .date(assessment.date), .text(item.area.name)] + scale.map { .number(item.count($0)) }
                    + [.number(item.index), .text(layout.thresholds.tone(item.index).map { labels["lika.report.tone.\($0.rawValue)"] } ?? "")]
            }
        }
        return [
            Sheet(name: labels["lika.report.sheet.answers"], columns: answerColumns, rows: answerRows),
            Sheet(name: labels["lika.report.sheet.areas"],
                  columns: [(unitHeader, 4), (labels["lika.date"], 2.6), (labels["lika.area"], 3)] + scale.map { (layout.word($0), 2.4) }
                    + [(labels["lika.report.index"], 1.8), (labels["lika.report.colour"], 1.8)],
                  rows: areaRows),
        ]
    }

    func styleTemplate() throws -> ODFStyleTemplate {
        try ODFStyleTemplate(data: layout.templates.sheetStyles, file: TemplateFile.sheetStyles.rawValue)
    }

    func writeSettings(_ w: XMLWriter) throws {
        try w.element("config:config-item-set", ["config:name": "ooo:view-settings"]) {
            try w.element("config:config-item", ["config:name": "ViewAreaTop", "config:type": "long"], text: "0")
        }
    }

    func writeContentAutomaticStyles(_ w: XMLWriter) throws {
        try w.element("style:style", ["style:name": "Arkiv", "style:family": "table", "style:master-page-name": "Default"]) {
            try w.empty("style:table-properties", ["table:display": "true", "style:writing-mode": "lr-tb"])
        }
        for (number, sheet) in sheets.enumerated() {
            for (index, column) in sheet.columns.enumerated() {
                try w.element("style:style", ["style:name": "Kolumn\(number + 1)_\(index + 1)", "style:family": "table-column"]) {
                    try w.empty("style:table-column-properties", ["fo:break-before": "auto", "style:column-width": String(format: "%.2fcm", column.width)])
                }
            }
        }
    }

    func writeBody(_ w: XMLWriter) throws {
        let sheets = self.sheets
        try w.element("office:spreadsheet") {
            for (number, sheet) in sheets.enumerated() {
                try w.element("table:table", ["table:name": sheet.name, "table:style-name": "Arkiv"]) {
                    for index in sheet.columns.indices {
                        try w.empty("table:table-column", ["table:style-name": "Kolumn\(number + 1)_\(index + 1)", "table:default-cell-style-name": "Text"])
                    }
                    try w.element("table:table-header-rows") {
                        try w.element("table:table-row") {
                            for column in sheet.columns {
                                try w.element("table:table-cell", ["table:style-name": "Rubrik", "office:value-type": "string"]) {
                                    try w.element("text:p", text: column.header)
                                }
                            }
                        }
                    }
                    for row in sheet.rows {
                        try w.element("table:table-row") { for value in row { try cell(value, w) } }
                    }
                }
            }
            try w.element("table:database-ranges") {
                for (number, sheet) in sheets.enumerated() {
                    let quoted = "'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'"
                    try w.empty("table:database-range", [
                        "table:name": "__Anonymous_Sheet_DB__\(number)",
                        "table:target-range-address": "\(quoted).A1:\(quoted).\(ODFTextWriter.columnName(sheet.columns.count - 1))\(sheet.rows.count + 1)",
                        "table:display-filter-buttons": "true",
                    ])
                }
            }
        }
    }

    func cell(_ value: Value, _ w: XMLWriter) throws {
        switch value {
        case .text(""), .number(nil), .date(nil):
            try w.empty("table:table-cell")
        case .text(let text):
            try w.element("table:table-cell", ["office:value-type": "string"]) { try w.element("text:p", text: text) }
        case .number(let number?):
            try w.element("table:table-cell", ["office:value-type": "float", "office:value": String(number), "table:style-name": "Tal"]) {
                try w.element("text:p", text: String(number))
            }
        case .date(let date?):
            try w.element("table:table-cell", ["office:value-type": "date", "office:date-value": date.description, "table:style-name": "Datum"]) {
                try w.element("text:p", text: date.description)
            }
        }
    }
}
