import AgendaCore
import Foundation

/// Writes the report as an OpenDocument spreadsheet: one row per action with every field as a
/// typed cell, a frozen header row with autofilter, for sorting and filtering.
struct ODFSheetWriter: ODFDocumentWriter {
    let layout: ReportLayout
    var kind: ODFKind { .spreadsheet }
    var document: any DocumentLayout { layout }

    enum Value {
        case text(String)
        case lines([String])
        case number(Int?)
        case date(CalendarDate?)
    }

    struct Column {
        var header: String
        /// Width in cm.
        var width: Double
        /// The template's cell style for the column: "Text", "Belopp" (kronor, grouped digits) or "Tal" (years, plain).
        var cellStyle = "Text"
        var value: (ActionEntry) -> Value
    }

    func styleTemplate() throws -> ODFStyleTemplate {
        try ODFStyleTemplate(data: layout.templates.sheetStyles, file: TemplateFile.sheetStyles.rawValue)
    }

    var sheetName: String { layout.labels["sheet.name"] }

    var columns: [Column] {
        let l = layout.labels
        let model = layout.model
        func amount(_ entry: ActionEntry, _ value: PlannedAmount) -> Value {
            entry.action.cost.parts.isEmpty ? .number(nil) : .number(value.kronor)
        }
        return [
            Column(header: l["action.code"], width: 1.6) { .text($0.action.code) },
            Column(header: l["sheet.areaNumber"], width: 2.8, cellStyle: "Tal") { .number($0.action.areaNumber) },
            Column(header: l["sheet.areaTitle"], width: 4) { entry in
                .text(model.areas.first { $0.area.number == entry.action.areaNumber }?.area.title ?? "")
            },
            Column(header: l["sheet.subArea"], width: 2) { .text($0.action.subAreaCode ?? "") },
            Column(header: l["action.title"], width: 6) { .text($0.action.title) },
            Column(header: l["sheet.leadDepartment"], width: 5) { .text($0.leadDepartment ?? "") },
            Column(header: l["sheet.leadUnit"], width: 4) { .text($0.action.responsibility.lead?.unit ?? "") },
            Column(header: l["action.coResponsible"], width: 5) { .text($0.action.responsibility.coResponsible.map(\.displayName).joined(separator: "; ")) },
            Column(header: l["sheet.responsibilityText"], width: 6) { .text($0.action.responsibility.text) },
            Column(header: l["action.plan"], width: 8) { .lines(layout.paragraphs($0.action.plan.text)) },
            Column(header: l["action.schedule"], width: 5) { .text($0.action.schedule.text ?? "") },
            Column(header: l["sheet.startYear"], width: 1.8, cellStyle: "Tal") { .number($0.action.schedule.startYear) },
            Column(header: l["sheet.endYear"], width: 1.8, cellStyle: "Tal") { .number($0.action.schedule.endYear ?? $0.action.schedule.startYear) },
            Column(header: l["sheet.costText"], width: 6) { .text($0.action.cost.text ?? "") },
            Column(header: l["sheet.oneTime"], width: 3, cellStyle: "Belopp") { amount($0, $0.plannedOneTime) },
            Column(header: l["sheet.recurring"], width: 3, cellStyle: "Belopp") { amount($0, $0.plannedRecurringPerYear) },
            Column(header: l["sheet.investment"], width: 3, cellStyle: "Belopp") { amount($0, $0.plannedInvestment) },
            Column(header: l["sheet.plannedTotal"], width: 3, cellStyle: "Belopp") { amount($0, $0.plannedTotal) },
            Column(header: l["sheet.approximate"], width: 2.4) { .text(l.yesNo($0.plannedTotal.approximate)) },
            Column(header: l["sheet.withinBudget"], width: 2.4) { .text(l.yesNo($0.action.cost.withinExistingBudget)) },
            Column(header: l["sheet.external"], width: 3.5) { .text($0.action.cost.externalFunding.joined(separator: ", ")) },
            Column(header: l["sheet.decisionPending"], width: 2.4) { .text(l.yesNo($0.action.cost.decisionPending)) },
            Column(header: l["action.effectGoals"], width: 8) { .lines($0.action.effectGoals) },
            Column(header: l["sheet.state"], width: 2.2) { .text(l["state.\($0.action.state.rawValue)"]) },
            Column(header: l["action.status"], width: 3) { .text(l.status($0.category)) },
            Column(header: l["action.light"], width: 2.2) { entry in .text(entry.status.map { l["light.\($0.report.light.rawValue)"] } ?? "") },
            Column(header: l["action.comment"], width: 6) { .lines(layout.paragraphs($0.status?.report.comment ?? "")) },
            Column(header: l["action.obstacles"], width: 5) { .lines(layout.paragraphs($0.status?.report.obstacles ?? "")) },
            Column(header: l["action.nextSteps"], width: 5) { .lines(layout.paragraphs($0.status?.report.nextSteps ?? "")) },
            Column(header: l["sheet.actualCost"], width: 3, cellStyle: "Belopp") { .number($0.status?.report.actualCost) },
            Column(header: l["action.reporter"], width: 3.5) { .text($0.status?.report.reporter ?? "") },
            Column(header: l["action.reportDate"], width: 2.6) { .date($0.status?.reportedOn) },
            Column(header: l["action.carriedOver"], width: 2.6) { entry in .text(entry.status.map { l.yesNo($0.carriedOver) } ?? "") },
        ]
    }

    func writeSettings(_ w: XMLWriter) throws {
        func item(_ name: String, _ type: String, _ value: String) throws {
            try w.element("config:config-item", ["config:name": name, "config:type": type], text: value)
        }
        try w.element("config:config-item-set", ["config:name": "ooo:view-settings"]) {
            try w.element("config:config-item-map-indexed", ["config:name": "Views"]) {
                try w.element("config:config-item-map-entry") {
                    try item("ViewId", "string", "view1")
                    try w.element("config:config-item-map-named", ["config:name": "Tables"]) {
                        try w.element("config:config-item-map-entry", ["config:name": sheetName]) {
                            try item("HorizontalSplitMode", "short", "2")
                            try item("VerticalSplitMode", "short", "2")
                            try item("HorizontalSplitPosition", "int", "1")
                            try item("VerticalSplitPosition", "int", "1")
                            try item("ActiveSplitRange", "short", "3")
                            try item("PositionLeft", "int", "0")
                            try item("PositionRight", "int", "1")
                            try item("PositionTop", "int", "0")
                            try item("PositionBottom", "int", "1")
                        }
                    }
                    try item("ActiveTable", "string", sheetName)
                }
            }
        }
    }

    func writeContentAutomaticStyles(_ w: XMLWriter) throws {
        try w.element("style:style", ["style:name": "Arkiv", "style:family": "table", "style:master-page-name": "Default"]) {
            try w.empty("style:table-properties", ["table:display": "true", "style:writing-mode": "lr-tb"])
        }
        for (index, column) in columns.enumerated() {
            try w.element("style:style", ["style:name": "Kolumn\(index + 1)", "style:family": "table-column"]) {
                try w.empty("style:table-column-properties", ["fo:break-before": "auto", "style:column-width": String(format: "%.2fcm", column.width)])
            }
        }
        try writeEffectColumnStyles(w)
    }

    func writeBody(_ w: XMLWriter) throws {
        let columns = self.columns
        let entries = layout.model.entries
        try w.element("office:spreadsheet") {
            try w.element("table:table", ["table:name": sheetName, "table:style-name": "Arkiv"]) {
                for (index, column) in columns.enumerated() {
                    try w.empty("table:table-column", [
                        "table:style-name": "Kolumn\(index + 1)", "table:default-cell-style-name": column.cellStyle,
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
                for entry in entries {
                    try w.element("table:table-row") {
                        for column in columns { try cell(column.value(entry), w) }
                    }
                }
            }
            try writeEffectSheet(w)
            try w.element("table:database-ranges") {
                let last = ODFTextWriter.columnName(columns.count - 1)
                try w.empty("table:database-range", [
                    "table:name": "__Anonymous_Sheet_DB__0",
                    "table:target-range-address": "\(quotedSheet).A1:\(quotedSheet).\(last)\(entries.count + 1)",
                    "table:display-filter-buttons": "true",
                ])
                try writeEffectRange(w)
            }
        }
    }

    /// The sheet name as a cell address needs it: quoted when it holds anything but letters, digits and _.
    var quotedSheet: String {
        sheetName.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            ? sheetName : "'\(sheetName.replacingOccurrences(of: "'", with: "''"))'"
    }

    func cell(_ value: Value, _ w: XMLWriter) throws {
        switch value {
        case .text(""), .lines([]), .number(nil), .date(nil):
            try w.empty("table:table-cell")
        case .text(let text):
            try w.element("table:table-cell", ["office:value-type": "string"]) { try w.element("text:p", text: text) }
        case .lines(let lines):
            try w.element("table:table-cell", ["office:value-type": "string"]) {
                for line in lines { try w.element("text:p", text: line) }
            }
        case .number(let number?):
            try w.element("table:table-cell", ["office:value-type": "float", "office:value": String(number)]) {
                try w.element("text:p", text: String(number))
            }
        case .date(let date?):
            try w.element("table:table-cell", ["office:value-type": "date", "office:date-value": date.description, "table:style-name": "Datum"]) {
                try w.element("text:p", text: date.description)
            }
        }
    }
}
