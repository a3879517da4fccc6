import AgendaCore

/// Turns a ``LikaReportModel`` into blocks for the XHTML and ODF text writers: the unit's summary
/// (index per area with a radar, the colour matrix, what changed, the indicators below the top step with
/// their actions) or the comparison of municipalities side by side.
struct LikaLayout: DocumentLayout {
    let model: LikaReportModel
    let templates: TemplateSet
    var labels: Labels { templates.labels }
    var thresholds: LikaThresholds { templates.likaThresholds }

    var kindLabel: String { labels[model.kind == .summary ? "lika.report.kind" : "lika.report.compareKind"] }
    var subject: String {
        model.kind == .summary ? (model.assessments.first?.label ?? "") : model.assessments.map(\.name).joined(separator: ", ")
    }
    var documentTitle: String { "\(kindLabel) – \(model.setName) – \(subject)" }
    var documentSubject: String { model.setName }
    var documentDate: CalendarDate? { nil }
    var usesCellTones: Bool { true }
    var footerText: String { labels["lika.report.footer", model.date?.description ?? "–"] }
    var tableProfiles: [[Int]] {
        var profiles: [[Int]] = []
        try? walk { block in
            if case .table(let table) = block, !profiles.contains(table.widths) { profiles.append(table.widths) }
        }
        return profiles
    }

    func word(_ answer: MaturityAnswer) -> String { labels[answer.labelKey] }
    func indexText(_ index: Int?) -> String { index.map(String.init) ?? "–" }
    /// "63 gul": the index with its colour's word, so the matrix never rests on colour alone.
    func toneCell(_ index: Int?) -> ReportTable.Cell {
        let tone = thresholds.tone(index)
        let text = tone.map { "\(indexText(index)) \(labels["lika.report.tone.\($0.rawValue)"])" } ?? indexText(index)
        return ReportTable.Cell(text, numeric: true, tone: tone)
    }
    static func areaID(_ area: IndicatorArea) -> String { "omrade-\(area.code.fileSlug)" }

    var contents: [TOCEntry] {
        var entries = [TOCEntry(level: 1, text: labels["lika.report.index.heading"], id: "index"),
                       TOCEntry(level: 1, text: labels["lika.report.matrix.heading"], id: "matris")]
        if model.kind == .summary {
            entries.append(TOCEntry(level: 1, text: labels["lika.report.changes.heading"], id: "forandringar"))
            entries.append(TOCEntry(level: 1, text: labels["lika.report.below.heading"], id: "under-toppsteget"))
        } else {
            entries += model.areas.map { TOCEntry(level: 1, text: $0.name, id: LikaLayout.areaID($0)) }
        }
        return entries
    }

    func titlePage() -> TitlePage {
        var facts: [(String, String)] = []
        if model.kind == .summary, let assessment = model.assessments.first {
            facts.append((labels["lika.unit"], assessment.name))
            facts.append((labels["lika.date"], assessment.date?.description ?? "–"))
            if let previous = model.previous?.date { facts.append((labels["lika.report.previous"], previous.description)) }
            if !model.comparisons.isEmpty {
                facts.append((labels["lika.report.comparedWith"], model.comparisons.map(\.label).joined(separator: ", ")))
            }
        } else {
            facts.append((labels["lika.report.compared"], model.assessments.map(\.label).joined(separator: ", ")))
            if model.anonymised { facts.append((labels["lika.report.anonymised"], "")) }
        }
        return TitlePage(kind: kindLabel, title: model.setName, organisation: model.organisation, period: subject, facts: facts)
    }

    func walk(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.titlePage(titlePage()))
        try emit(.tableOfContents(contents))
        try index(emit)
        try matrix(emit)
        if model.kind == .summary {
            try changes(emit)
            try belowTop(emit)
        } else {
            for area in model.areas { try comparisonArea(area, emit) }
        }
    }

    // MARK: Sections

    /// Per area the distribution over the scale and the index, the compared assessments' index beside it, and the radar.
    func index(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["lika.report.index.heading"], id: "index", newPage: true))
        try emit(.paragraph(labels["lika.report.index.method"]))
        try editionNotes(emit)
        let shown = model.kind == .summary ? model.assessments + model.comparisons : model.assessments
        if model.kind == .summary, let assessment = model.assessments.first {
            let scale = MaturityAnswer.allCases
            let figures = assessment.figures(model.areas)
            let rows = figures.map { item in
                [ReportTable.Cell(item.area.name)] + scale.map { ReportTable.Cell(String(item.count($0)), numeric: true) } + [toneCell(item.index)]
            }
            let totalRow = [ReportTable.Cell(labels["lika.report.all"])]
                + scale.map { answer in ReportTable.Cell(String(assessment.answers.filter { $0.answer == answer }.count), numeric: true) }
                + [toneCell(LikaIndex.index(assessment.answers.map(\.answer)))]
            try emit(.table(ReportTable(
                caption: labels["lika.report.index.caption", assessment.label],
                header: [labels["lika.area"]] + scale.map(word) + [labels["lika.report.index"]],
                rows: rows + [totalRow], rowHeaders: true, hasTotalRow: true,
                widths: [18] + scale.map { _ in 9 } + [10],
                numericColumns: Set(1...(scale.count + 1)), kind: .numbers)))
            // The compared assessments' index in a table of its own, a column each under its whole
            // name: beside the six counts, three comparisons left columns too narrow for their names.
            if !model.comparisons.isEmpty {
                try emit(indexTable(caption: labels["lika.report.index.comparisonCaption", assessment.label],
                                    of: [assessment] + model.comparisons, named: \.label))
            }
        } else {
            try emit(indexTable(caption: labels["lika.report.index.compareCaption"], of: model.assessments, named: \.name))
        }
        guard model.areas.count >= 3 else { return }
        try emit(.radar(RadarChart(
            title: labels["lika.report.radar.title", shown.first?.name ?? ""],
            description: labels["lika.report.radar.desc", shown.map(\.label).joined(separator: ", ")],
            axes: model.areas.map(\.name),
            series: shown.prefix(6).map { assessment in (assessment.label, assessment.figures(model.areas).map(\.index)) })))
    }

    /// Areas × assessments: each assessment's index per area, and over all areas. Each column is at
    /// least as wide as the longest word of its heading, so a name such as "Funktionshinderområde" is
    /// not broken inside a word where the page has room for it.
    func indexTable(caption: String, of assessments: [LikaAssessment], named name: (LikaAssessment) -> String) -> ReportBlock {
        let figures = assessments.map { $0.figures(model.areas) }
        func longestWord(_ text: String) -> Int { text.split(separator: " ").map(\.count).max() ?? 0 }
        let areaWidth = max(14, (model.areas.map { longestWord($0.name) } + [longestWord(labels["lika.report.all"])]).max()! + 2)
        return .table(ReportTable(
            caption: caption,
            header: [labels["lika.area"]] + assessments.map(name),
            rows: model.areas.indices.map { row in [ReportTable.Cell(model.areas[row].name)] + figures.map { toneCell($0[row].index) } }
                + [[ReportTable.Cell(labels["lika.report.all"])] + assessments.map { toneCell(LikaIndex.index($0.answers.map(\.answer))) }],
            rowHeaders: true, hasTotalRow: true, widths: [areaWidth] + assessments.map { max(12, longestWord(name($0)) + 2) },
            numericColumns: Set(assessments.indices.map { $0 + 1 }), kind: .numbers))
    }

    /// Units (or municipalities) × areas in grön / gul / röd.
    func matrix(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["lika.report.matrix.heading"], id: "matris", newPage: false))
        try emit(.paragraph(labels["lika.report.matrix.intro", String(thresholds.green), String(thresholds.yellow)]))
        let rows = model.kind == .summary ? model.units : model.assessments
        guard !rows.isEmpty else { return try emit(.paragraph(labels["lika.report.none"])) }
        try emit(.table(ReportTable(
            caption: labels["lika.report.matrix.caption"],
            header: [labels[model.kind == .summary ? "lika.unit" : "lika.report.municipality"], labels["lika.date"]]
                + model.areas.map(\.name) + [labels["lika.report.all"]],
            rows: rows.map { assessment in
                [ReportTable.Cell(assessment.name), ReportTable.Cell(assessment.date?.description ?? "–")]
                    + assessment.figures(model.areas).map { toneCell($0.index) } + [toneCell(LikaIndex.index(assessment.answers.map(\.answer)))]
            },
            rowHeaders: true, widths: [22, 12] + model.areas.map { _ in 11 } + [11],
            numericColumns: Set((0...model.areas.count).map { $0 + 2 }), kind: .numbers)))
    }

    /// The answers and area indexes that changed since the unit's previous assessment.
    func changes(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["lika.report.changes.heading"], id: "forandringar", newPage: true))
        guard var assessment = model.assessments.first, let previous = model.previous else {
            return try emit(.paragraph(labels["lika.report.changes.first"]))
        }
        // Across editions, like with like: only the indicators both assessments answer.
        if previous.edition != nil { assessment = assessment.restricted(to: previous) }
        let before = previous.figures(model.areas), now = assessment.figures(model.areas)
        try emit(.table(ReportTable(
            caption: labels["lika.report.changes.indexCaption", previous.date?.description ?? "–"],
            header: [labels["lika.area"], labels["lika.report.before"], labels["lika.report.now"], labels["lika.report.change"]],
            rows: model.areas.indices.map { row in
                let change: Int? = before[row].index.flatMap { old in now[row].index.map { current in current - old } }
                return [ReportTable.Cell(model.areas[row].name), toneCell(before[row].index), toneCell(now[row].index),
                        ReportTable.Cell(change.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\(-$0)" : "±0" } ?? "–", numeric: true)]
            },
            rowHeaders: true, widths: [34, 22, 22, 22], numericColumns: [1, 2, 3], kind: .numbers)))
        let earlier = Dictionary(previous.answers.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let changed = assessment.answers.filter { answer in earlier[answer.code].map { old in old.answer != answer.answer } ?? true }
        guard !changed.isEmpty else { return try emit(.paragraph(labels["lika.report.changes.none", previous.date?.description ?? "–"])) }
        try emit(.table(ReportTable(
            caption: labels["lika.report.changes.caption", previous.date?.description ?? "–", String(changed.count)],
            header: [labels["lika.indicatorCode"], labels["lika.indicator"], labels["lika.report.before"], labels["lika.report.now"]],
            rows: changed.map { answer in
                [ReportTable.Cell(answer.code), ReportTable.Cell(answer.indicator),
                 ReportTable.Cell(earlier[answer.code].map { word($0.answer) } ?? labels["lika.report.notAnswered"]),
                 ReportTable.Cell(word(answer.answer))]
            },
            rowHeaders: true, widths: [8, 56, 18, 18])))
    }

    /// A sentence for each assessment set beside this one that was made against another edition: what it
    /// is compared on (the indicators of the same code and text in both), so no figure seems to say more.
    func editionNotes(_ emit: (ReportBlock) throws -> Void) throws {
        guard model.kind == .summary, let assessment = model.assessments.first else { return }
        var said = Set<String>()
        for other in (model.previous.map { [$0] } ?? []) + model.comparisons {
            guard let edition = other.edition, said.insert(other.label).inserted else { continue }
            try emit(.paragraph(labels[
                "lika.report.edition", other.label, edition.setName, model.setName, String(edition.matched), String(assessment.answers.count)]))
        }
    }

    /// Every indicator below *Uppfyllt*, with its comment, its linked actions and their latest status: the loop, visible.
    func belowTop(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["lika.report.below.heading"], id: "under-toppsteget", newPage: true))
        guard let assessment = model.assessments.first else { return }
        let below = assessment.belowTop
        guard !below.isEmpty else { return try emit(.paragraph(labels["lika.report.below.none"])) }
        let linked = below.filter { !(model.linkedActions[$0.code] ?? []).isEmpty }.count
        try emit(.paragraph(labels["lika.report.below.intro", String(below.count), String(linked), String(below.count - linked)]))
        for area in model.areas {
            let answers = below.filter { $0.area.code == area.code }
            guard !answers.isEmpty else { continue }
            try emit(.heading(level: 2, text: area.name, id: "under-\(area.code.fileSlug)", newPage: false))
            try emit(.table(ReportTable(
                caption: labels["lika.report.below.caption", area.name, String(answers.count)],
                header: [labels["lika.indicatorCode"], labels["lika.indicator"], labels["lika.answer"], labels["lika.comment"], labels["lika.linkedActions"]],
                rows: answers.map { answer in
                    let actions = model.linkedActions[answer.code] ?? []
                    return [ReportTable.Cell(answer.code), ReportTable.Cell(answer.indicator),
                            ReportTable.Cell(word(answer.answer) + (answer.step.map { ", \(labels["lika.step"].lowercased()) \($0)" } ?? "")),
                            ReportTable.Cell(answer.comment.isEmpty ? "–" : answer.comment),
                            ReportTable.Cell(paragraphs: actions.isEmpty ? [labels["lika.report.noAction"]] : actions.map(actionText))]
                },
                rowHeaders: true, widths: [7, 33, 13, 22, 25])))
        }
    }

    /// "1.5 Digitala tjänster: Påbörjad, ● grön (2018Q4)" or "… ej rapporterad".
    func actionText(_ action: LikaLinkedAction) -> String {
        guard let status = action.status else { return labels["lika.report.action.noStatus", action.code, action.title] }
        let light = action.light.map { ", \(labels.light($0))" } ?? ""
        return labels["lika.report.action", action.code, action.title, status.swedish + light, action.period ?? "–"]
    }

    /// One area of the comparison: every indicator with each municipality's answer.
    func comparisonArea(_ area: IndicatorArea, _ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: area.name, id: LikaLayout.areaID(area), newPage: true))
        var codes: [(String, String)] = []
        for assessment in model.assessments {
            for answer in assessment.answers where answer.area.code == area.code && !codes.contains(where: { $0.0 == answer.code }) {
                codes.append((answer.code, answer.indicator))
            }
        }
        let byCode = model.assessments.map { Dictionary($0.answers.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }) }
        try emit(.table(ReportTable(
            caption: labels["lika.report.compare.caption", area.name],
            header: [labels["lika.indicatorCode"], labels["lika.indicator"]] + model.assessments.map(\.name),
            rows: codes.map { code, text in
                [ReportTable.Cell(code), ReportTable.Cell(text)] + byCode.map { ReportTable.Cell($0[code].map { word($0.answer) } ?? "–") }
            },
            rowHeaders: true, widths: [7, 35] + model.assessments.map { _ in 12 })))
    }
}
