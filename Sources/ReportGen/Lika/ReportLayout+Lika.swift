import AgendaCore

extension TableWidths {
    /// The period report's LIKA section.
    static let likaSection = [24, 12, 28, 12, 12, 12]
}

extension ReportLayout {
    /// The period report's short LIKA section: per assessed unit its latest self-assessment by the
    /// period's end, the index per area, and how many indicators below the top step have a linked action.
    func likaSection(_ emit: (ReportBlock) throws -> Void) throws {
        try emit(.heading(level: 1, text: labels["lika.report.section.heading"], id: "lika", newPage: true))
        try emit(.paragraph(labels["lika.report.section.intro", model.asOf.description]))
        try emit(.paragraph(labels["lika.report.index.method"]))
        try emit(.table(ReportTable(
            caption: labels["lika.report.section.caption"],
            header: [labels["lika.unit"], labels["lika.date"], labels["lika.report.index"], labels["lika.report.belowTop"],
                     labels["lika.report.withAction"], labels["lika.report.withoutAction"]],
            rows: model.lika.map { unit in
                [ReportTable.Cell(unit.unit), ReportTable.Cell(unit.date.description),
                 ReportTable.Cell(paragraphs: unit.figures.map { "\($0.area.name) \($0.index.map(String.init) ?? "–")" }),
                 ReportTable.Cell(String(unit.belowTop), numeric: true), ReportTable.Cell(String(unit.withAction), numeric: true),
                 ReportTable.Cell(String(unit.belowTop - unit.withAction), numeric: true)]
            },
            rowHeaders: true, widths: TableWidths.likaSection, numericColumns: [3, 4, 5])))
    }
}

extension LikaUnitStatus {
    /// Each assessed unit's latest self-assessment on or before `date` (recorded by `knownAt`, when
    /// given: a published period shows what was known when it was published), in the order the units
    /// were first recorded; an indicator counts as having an action when a link decided by `date` ties
    /// one to it (the plan up to a published period's end cannot change, so neither can its count).
    /// Empty when there is none.
    static func read(asOf date: CalendarDate, knownAt: Timestamp?, from store: StoreSnapshot) throws -> [LikaUnitStatus] {
        let answers = try store.answers(AnswerQuery(asOf: date)).filter { answer in knownAt.map { answer.recordedAt <= $0 } ?? true }
        guard !answers.isEmpty else { return [] }
        var latest: [String: CalendarDate] = [:]
        for answer in answers { latest[answer.unit] = max(latest[answer.unit] ?? answer.date, answer.date) }
        var sets: [String: IndicatorSet] = [:]
        var result: [LikaUnitStatus] = []
        var linked: [String: Bool] = [:]
        let decided = Dictionary(try store.revisions().map { ($0.number, $0.date) }, uniquingKeysWith: { a, _ in a })
        for answer in answers where latest[answer.unit] == answer.date {
            if result.last?.unit != answer.unit {
                result.append(LikaUnitStatus(unit: answer.unit, date: answer.date, figures: [], belowTop: 0, withAction: 0))
            }
            guard answer.answer.isBelow(.fulfilled) else { continue }
            result[result.count - 1].belowTop += 1
            let key = "\(answer.set)\u{0}\(answer.code)"
            if linked[key] == nil {
                linked[key] = try store.linkedActions(set: answer.set, code: answer.code).contains { link in
                    (decided[link.revision] ?? nil).map { $0 <= date } ?? true
                }
            }
            if linked[key] == true { result[result.count - 1].withAction += 1 }
        }
        for index in result.indices {
            let unit = result[index]
            let own = answers.filter { $0.unit == unit.unit && $0.date == unit.date }
            let set = own.first.map(\.set) ?? IndicatorSet.likaSocialtjanstKey
            if sets[set] == nil { sets[set] = try store.indicatorSet(key: set) }
            let assessment = LikaAssessment(name: unit.unit, date: unit.date, answers: own.map(LikaAnswer.init))
            result[index].figures = assessment.figures(LikaReportModel.areas(of: sets[set], in: [assessment]))
        }
        return result
    }
}
