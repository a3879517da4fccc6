import AgendaCore

/// Turns a ``ReportModel`` into the report's text in reading order, in Swedish, for the
/// XHTML and ODF text writers alike: both lay out the same blocks, so the formats say the same.
struct ReportLayout {
    let model: ReportModel
    let templates: TemplateSet
    var labels: Labels { templates.labels }

    func amount(_ value: PlannedAmount, style: SwedishAmount.Style = .automatic) -> String {
        SwedishAmount.format(value.kronor, approximate: value.approximate, style: style)
    }

    func areaHeading(_ area: FocusArea) -> String {
        area.title.isEmpty ? String(area.number) : labels["area.heading", String(area.number), area.title]
    }

    static func areaID(_ area: FocusArea) -> String { "omrade-\(area.number)" }

    func departmentName(_ name: String?) -> String { name ?? labels["noLead"] }

    /// Section headings for the table of contents, in order.
    var contents: [TOCEntry] {
        var entries = [
            TOCEntry(level: 1, text: labels["summary.heading"], id: "sammanfattning"),
            TOCEntry(level: 1, text: labels["progress.heading"], id: "tidsplan"),
            TOCEntry(level: 1, text: labels["unreported.heading"], id: "ej-rapporterat"),
            TOCEntry(level: 1, text: labels["changes.heading"], id: "forandringar"),
            TOCEntry(level: 1, text: labels["decisions.heading"], id: "it-radet"),
            TOCEntry(level: 1, text: labels["cost.heading"], id: "kostnader"),
        ]
        if model.effects != nil { entries.append(TOCEntry(level: 1, text: labels["effect.heading"], id: "effekter")) }
        if !model.lika.isEmpty { entries.append(TOCEntry(level: 1, text: labels["lika.report.section.heading"], id: "lika")) }
        entries += model.areas.map { TOCEntry(level: 1, text: areaHeading($0.area), id: ReportLayout.areaID($0.area)) }
        entries.append(TOCEntry(level: 1, text: labels["appendix.heading"], id: "bilaga"))
        return entries
    }

    func titlePage() -> TitlePage {
        var facts: [(String, String)] = [
            (labels["title.period"], "\(model.period.swedishLabel) (\(model.period.start) – \(model.period.end))"),
            (labels["title.asOf"], model.asOf.description),
        ]
        if let published = model.generatedAt { facts.append((labels["title.published"], published.description)) }
        if let prepared = templates.preparedBy(model) { facts.append((labels["title.preparedBy"], prepared)) }
        if let area = model.filter.areaNumber { facts.append((labels["title.filterArea", String(area)], "")) }
        if let department = model.filter.department { facts.append((labels["title.filterDepartment", department], "")) }
        return TitlePage(
            kind: labels["report.kind"], title: model.agendaTitle, organisation: templates.organisationName(model),
            period: model.period.swedishLabel, facts: facts.filter { !$0.0.isEmpty })
    }

    /// Calls `emit` with every block of the report in order.
    func walk(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.titlePage(titlePage()))
        try emit(.tableOfContents(contents))
        try summary(emit)
        try progress(emit)
        try unreported(emit)
        try changes(emit)
        try decisions(emit)
        try costs(emit)
        try effects(emit)
        if !model.lika.isEmpty { try likaSection(emit) }
        var actionNumber = 0
        for section in model.areas { try area(section, actionNumber: &actionNumber, emit) }
        try appendix(emit)
    }

    // MARK: Sections

    func summary(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["summary.heading"], id: "sammanfattning", newPage: true))
        try emit(.paragraph(labels["summary.scope", String(model.entries.count), String(model.areas.count), model.asOf.description]))
        if !model.hasAnyStatus { try emit(.paragraph(labels["summary.noStatus"], emphasis: true)) }
        let categories = StatusCategory.allCases
        var rows = model.summary.perArea.map { item in
            [ReportTable.Cell(areaHeading(item.area))]
                + categories.map { ReportTable.Cell(String(item.counts.count(of: $0)), numeric: true) }
                + [ReportTable.Cell(String(item.counts.total), numeric: true)]
        }
        rows.append([ReportTable.Cell(labels["summary.total"])]
            + categories.map { ReportTable.Cell(String(model.summary.total.count(of: $0)), numeric: true) }
            + [ReportTable.Cell(String(model.summary.total.total), numeric: true)])
        try emit(.table(ReportTable(
            caption: labels["summary.caption"],
            header: [labels["summary.area"]] + categories.map(labels.status) + [labels["summary.total"]],
            rows: rows, rowHeaders: true, hasTotalRow: true,
            widths: TableWidths.summary, numericColumns: Set(1...(categories.count + 1)), kind: .numbers)))
        try emit(.chart(StatusChart(
            title: labels["summary.chartTitle"], description: labels["summary.chartDesc"],
            bars: model.summary.perArea.map { (areaHeading($0.area), $0.counts) }, categories: categories)))
    }

    func actionList(_ caption: String, _ entries: [ActionEntry], _ emit: (ReportBlock) throws -> Void) throws {
        guard !entries.isEmpty else {
            try emit(.paragraph(labels["progress.none"]))
            return
        }
        try emit(.table(ReportTable(
            caption: labels["progress.caption", caption, String(entries.count)],
            header: [labels["action.code"], labels["action.title"], labels["action.responsibility"], labels["action.schedule"], labels["action.status"]],
            rows: entries.map { entry in
                [ReportTable.Cell(entry.action.code), ReportTable.Cell(entry.action.title),
                 ReportTable.Cell(departmentName(entry.leadDepartment)),
                 ReportTable.Cell(entry.action.schedule.text ?? labels["action.missing"]),
                 ReportTable.Cell(labels.statusWithSymbol(entry.category), category: entry.category)]
            },
            rowHeaders: true, widths: TableWidths.actionList)))
    }

    func progress(_ emit: (ReportBlock) throws -> Void) throws {
        let p = model.progress
        let date = model.asOf.description
        try emit(.heading(level: 1, text: labels["progress.heading"], id: "tidsplan", newPage: true))
        if !model.hasAnyStatus { try emit(.paragraph(labels["summary.noStatus"], emphasis: true)) }
        try emit(.heading(level: 2, text: labels["progress.overdue"], id: "forsenade", newPage: false))
        try emit(.paragraph(labels["progress.overdueIntro", date]))
        try actionList(labels["progress.overdue"], p.overdue, emit)
        if !p.dueWithoutStatus.isEmpty {
            try emit(.heading(level: 2, text: labels["progress.dueNoStatus"], id: "borde-vara-klara", newPage: false))
            try emit(.paragraph(labels["progress.dueNoStatusIntro", date]))
            try actionList(labels["progress.dueNoStatus"], p.dueWithoutStatus, emit)
        }
        try emit(.heading(level: 2, text: labels["progress.notStarted"], id: "borde-ha-startat", newPage: false))
        try emit(.paragraph(labels["progress.notStartedIntro", date]))
        try actionList(labels["progress.notStarted"], p.notStarted, emit)
        if !p.startedWithoutStatus.isEmpty {
            try emit(.heading(level: 2, text: labels["progress.startedNoStatus"], id: "pagar", newPage: false))
            try emit(.paragraph(labels["progress.startedNoStatusIntro", date]))
            try actionList(labels["progress.startedNoStatus"], p.startedWithoutStatus, emit)
        }
        if !p.unscheduled.isEmpty {
            try emit(.paragraph(labels["progress.unscheduled", p.unscheduled.map(\.action.code).joined(separator: ", ")]))
        }
    }

    func unreported(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["unreported.heading"], id: "ej-rapporterat", newPage: true))
        guard !model.unreported.isEmpty else {
            try emit(.paragraph(labels["unreported.all"]))
            return
        }
        try emit(.paragraph(labels["unreported.intro"]))
        try emit(.table(ReportTable(
            caption: labels["unreported.caption"],
            header: [labels["unreported.department"], labels["unreported.count"], labels["unreported.actions"]],
            rows: model.unreported.map { dept in
                [ReportTable.Cell(departmentName(dept.department)), ReportTable.Cell(String(dept.entries.count), numeric: true),
                 ReportTable.Cell(dept.entries.map(\.action.code).joined(separator: ", "))]
            },
            rowHeaders: true, widths: TableWidths.unreported, numericColumns: [1])))
    }

    func changes(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["changes.heading"], id: "forandringar", newPage: false))
        let previous = model.period.previous.swedishLabel
        guard !model.changes.isEmpty || !model.planChanges.isEmpty else {
            try emit(.paragraph(labels["changes.none", previous]))
            return
        }
        if !model.changes.isEmpty {
            try emit(.table(ReportTable(
                caption: labels["changes.caption", previous],
                header: [labels["action.code"], labels["action.title"], labels["changes.before"], labels["changes.after"]],
                rows: model.changes.map { change in
                    [ReportTable.Cell(change.entry.action.code), ReportTable.Cell(change.entry.action.title),
                     ReportTable.Cell(labels.statusWithSymbol(change.previous), category: change.previous),
                     ReportTable.Cell(labels.statusWithSymbol(change.current), category: change.current)]
                },
                rowHeaders: true, widths: TableWidths.statusChanges)))
        }
        if !model.planChanges.isEmpty {
            try emit(.table(ReportTable(
                caption: labels["changes.plan.caption", previous],
                header: [labels["action.code"], labels["action.title"], labels["changes.plan.kind"], labels["changes.plan.decision"]],
                rows: model.planChanges.map { change in
                    let decision = [change.revision.reference, change.revision.date?.description].compactMap { $0 }.joined(separator: ", ")
                    return [ReportTable.Cell(change.after.code), ReportTable.Cell(change.after.title),
                            ReportTable.Cell(labels["changes.plan.\(change.kind.rawValue)"]), ReportTable.Cell(decision)]
                },
                rowHeaders: true, widths: TableWidths.planChanges)))
        }
    }

    func decisions(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["decisions.heading"], id: "it-radet", newPage: true))
        guard !model.decisions.isEmpty else {
            try emit(.paragraph(labels["decisions.none"]))
            return
        }
        try emit(.paragraph(labels["decisions.intro"]))
        try emit(.table(ReportTable(
            caption: labels["decisions.caption"],
            header: [labels["action.code"], labels["action.title"], labels["action.responsibility"], labels["decisions.reason"]],
            rows: model.decisions.map { item in
                [ReportTable.Cell(item.entry.action.code), ReportTable.Cell(item.entry.action.title),
                 ReportTable.Cell(departmentName(item.entry.leadDepartment)),
                 ReportTable.Cell(paragraphs: item.reasons.map { reason in
                     switch reason {
                     case .costDecisionPending: labels["decisions.costPending"]
                     case .approvalInPlan(let sentence): "”\(sentence)”"
                     }
                 })]
            },
            rowHeaders: true, widths: TableWidths.decisions)))
    }

    func costs(_ emit: (ReportBlock) throws -> Void) throws {
        let c = model.costs
        try emit(.heading(level: 1, text: labels["cost.heading"], id: "kostnader", newPage: true))
        try emit(.paragraph(labels["cost.intro"]))
        func codes(_ list: [ActionEntry]) -> String {
            list.isEmpty ? "0" : "\(list.count) (\(list.map(\.action.code).joined(separator: ", ")))"
        }
        try emit(.table(ReportTable(
            caption: labels["cost.facts"], header: [labels["action.field"], labels["action.value"]],
            rows: [
                [ReportTable.Cell(labels["cost.withinBudget"]), ReportTable.Cell(codes(c.withinExistingBudget))],
                [ReportTable.Cell(labels["cost.external"]), ReportTable.Cell(paragraphs: c.externallyFunded.isEmpty ? ["0"] : [String(c.externallyFunded.count)]
                    + c.externallyFunded.map { "\($0.action.code): \($0.action.cost.externalFunding.joined(separator: ", "))" })],
                [ReportTable.Cell(labels["cost.pending"]), ReportTable.Cell(codes(c.decisionPending))],
                [ReportTable.Cell(labels["cost.withoutAmount"]), ReportTable.Cell(String(c.withoutAmount))],
                [ReportTable.Cell(labels["cost.actualTotal"]),
                 ReportTable.Cell(c.actualTotal.map { SwedishAmount.format($0) } ?? labels["cost.noActualReported"])],
            ],
            rowHeaders: true, widths: TableWidths.costFacts, kind: .fields)))

        let yearRows = (c.perYear + [c.total]).enumerated().map { index, row in
            [ReportTable.Cell(index == c.perYear.count ? labels["cost.total"] : row.year.map(String.init) ?? labels["cost.noYear"]),
             ReportTable.Cell(amount(row.oneTime, style: .thousands), numeric: true),
             ReportTable.Cell(amount(row.recurring, style: .thousands), numeric: true),
             ReportTable.Cell(amount(row.investment, style: .thousands), numeric: true),
             ReportTable.Cell(amount(row.total, style: .thousands), numeric: true)]
        }
        try emit(.table(ReportTable(
            caption: labels["cost.byYearCaption"],
            header: [labels["cost.year"], labels["cost.oneTime"], labels["cost.recurring"], labels["cost.investment"], labels["cost.total"]],
            rows: yearRows, rowHeaders: true, hasTotalRow: true, widths: TableWidths.costsByYear, numericColumns: [1, 2, 3, 4], kind: .numbers)))

        func totals(_ caption: String, _ header: String, _ list: [CostTotal], name: (String?) -> String) -> ReportTable {
            let planned = list.reduce(PlannedAmount.zero) { $0 + $1.planned }
            let actual = list.compactMap(\.actual)
            var rows = list.map { item in
                [ReportTable.Cell(name(item.name)), ReportTable.Cell(String(item.actions), numeric: true),
                 ReportTable.Cell(amount(item.planned, style: .thousands), numeric: true),
                 ReportTable.Cell(item.actual.map { SwedishAmount.format($0, style: .thousands) } ?? labels["cost.noActual"], numeric: true)]
            }
            rows.append([ReportTable.Cell(labels["cost.total"]), ReportTable.Cell(String(list.reduce(0) { $0 + $1.actions }), numeric: true),
                         ReportTable.Cell(amount(planned, style: .thousands), numeric: true),
                         ReportTable.Cell(actual.isEmpty ? labels["cost.noActual"] : SwedishAmount.format(actual.reduce(0, +), style: .thousands), numeric: true)])
            return ReportTable(caption: caption, header: [header, labels["cost.actions"], labels["cost.planned"], labels["cost.actual"]],
                               rows: rows, rowHeaders: true, hasTotalRow: true, widths: TableWidths.costTotals, numericColumns: [1, 2, 3], kind: .numbers)
        }
        try emit(.table(totals(labels["cost.byAreaCaption"], labels["summary.area"], c.perArea) { $0 ?? "" }))
        try emit(.table(totals(labels["cost.byDepartmentCaption"], labels["unreported.department"], c.perDepartment, name: departmentName)))
    }

    /// `actionNumber` counts actions through the whole report so every action heading gets a unique id.
    func area(_ section: AreaSection, actionNumber: inout Int, _ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: areaHeading(section.area), id: ReportLayout.areaID(section.area), newPage: true))
        let description = section.area.description.trimmingWhitespace()
        if !description.isEmpty { try emit(.paragraph(description)) }
        if section.entries.isEmpty { try emit(.paragraph(labels["area.noActions"])) }
        for entry in section.entries {
            actionNumber += 1
            try emit(.heading(level: 2, text: "\(entry.action.code) \(entry.action.title)", id: "aktivitet-\(actionNumber)", newPage: false))
            try emit(.table(ReportTable(
                caption: labels["action.caption", entry.action.code],
                header: [labels["action.field"], labels["action.value"]],
                rows: actionFields(entry).map { [ReportTable.Cell($0.0), $0.1] },
                rowHeaders: true, widths: TableWidths.actionFacts, kind: .fields)))
        }
    }

    func paragraphs(_ text: String) -> [String] {
        text.paragraphs(breakingAt: .line)
    }

    func actionFields(_ entry: ActionEntry) -> [(String, ReportTable.Cell)] {
        let action = entry.action
        let missing = labels["action.missing"]
        var fields: [(String, ReportTable.Cell)] = []
        let plan = paragraphs(action.plan.text)
        if !plan.isEmpty { fields.append((labels["action.plan"], ReportTable.Cell(paragraphs: plan))) }
        let responsibility = action.responsibility
        fields.append((labels["action.responsibility"], ReportTable.Cell(
            responsibility.text.isEmpty ? (responsibility.lead?.displayName ?? missing) : responsibility.text)))
        if !responsibility.coResponsible.isEmpty {
            fields.append((labels["action.coResponsible"], ReportTable.Cell(responsibility.coResponsible.map(\.displayName).joined(separator: "; "))))
        }
        fields.append((labels["action.schedule"], ReportTable.Cell(paragraphs: [action.schedule.text ?? missing]
            + action.schedule.phases.map { "\($0.startYear == $0.endYear ? String($0.startYear) : "\($0.startYear)–\($0.endYear)"): \($0.label)" })))
        var cost = [action.cost.text ?? missing]
        if !action.cost.parts.isEmpty { cost.append("\(labels["action.plannedAmount"]): \(amount(entry.plannedTotal))") }
        fields.append((labels["action.cost"], ReportTable.Cell(paragraphs: cost)))
        fields.append((labels["action.effectGoals"], ReportTable.Cell(paragraphs: action.effectGoals.isEmpty ? [missing] : action.effectGoals)))
        for other in action.otherFields { fields.append((other.label, ReportTable.Cell(paragraphs: paragraphs(other.text)))) }
        if action.state == .closed { fields.append((labels["sheet.state"], ReportTable.Cell(labels["action.closed"]))) }

        guard let status = entry.status else {
            fields.append((labels["action.status"], ReportTable.Cell(labels.statusWithSymbol(.noReport), category: .noReport)))
            fields.append((labels["action.comment"], ReportTable.Cell(labels["action.noStatus"])))
            return fields
        }
        var statusText = labels.statusWithSymbol(entry.category)
        if status.carriedOver { statusText += " (\(labels["action.carriedOver"]))" }
        fields.append((labels["action.status"], ReportTable.Cell(statusText, category: entry.category)))
        fields.append((labels["action.light"], ReportTable.Cell(labels.light(status.report.light))))
        if !status.report.comment.isEmpty { fields.append((labels["action.comment"], ReportTable.Cell(paragraphs: paragraphs(status.report.comment)))) }
        if !status.report.obstacles.isEmpty { fields.append((labels["action.obstacles"], ReportTable.Cell(paragraphs: paragraphs(status.report.obstacles)))) }
        if !status.report.nextSteps.isEmpty { fields.append((labels["action.nextSteps"], ReportTable.Cell(paragraphs: paragraphs(status.report.nextSteps)))) }
        if let actual = status.report.actualCost { fields.append((labels["action.actualCost"], ReportTable.Cell(SwedishAmount.format(actual)))) }
        fields.append((labels["action.reporter"], ReportTable.Cell(status.report.reporter)))
        fields.append((labels["action.reportDate"], ReportTable.Cell(status.reportedOn.description)))
        return fields
    }

    func appendix(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["appendix.heading"], id: "bilaga", newPage: true))
        for (index, dept) in model.departments.enumerated() {
            let name = departmentName(dept.department)
            try emit(.heading(level: 2, text: name, id: "forvaltning-\(index + 1)", newPage: false))
            try emit(.table(ReportTable(
                caption: labels["appendix.caption", name],
                header: [labels["action.code"], labels["action.title"], labels["appendix.role"], labels["action.schedule"], labels["action.status"]],
                rows: zip(dept.entries, dept.leads).map { entry, leads in
                    [ReportTable.Cell(entry.action.code), ReportTable.Cell(entry.action.title),
                     ReportTable.Cell(leads ? labels["appendix.lead"] : labels["appendix.co"]),
                     ReportTable.Cell(entry.action.schedule.text ?? labels["action.missing"]),
                     ReportTable.Cell(labels.statusWithSymbol(entry.category), category: entry.category)]
                },
                rowHeaders: true, widths: TableWidths.appendix)))
        }
    }
}
