import AgendaCore
import Foundation

/// What a summary is set beside: an earlier assessment of the same unit, or another unit's latest.
public enum LikaComparand: Sendable, Equatable {
    case date(CalendarDate)
    case unit(String)

    /// A date (YYYY-MM-DD) is the unit's assessment of that date; anything else a unit's name.
    public init(_ text: String) {
        self = CalendarDate(iso: text).map(LikaComparand.date) ?? .unit(text)
    }
}

/// Writes LIKA reports: a unit's summary from the store, or several municipalities' exports side by side.
/// Files are staged under temporary names and moved into place like the period report's.
public enum LikaReportGenerator {
    /// The summary model of `unit`'s latest self-assessment, set beside `compare`, from one snapshot of the
    /// store. Throws ``StoreError/notFound(_:)`` for a unit without assessments or a comparison that does not exist.
    public static func summary(unit: String, compare: [LikaComparand] = [], from store: StoreSnapshot, templates: TemplateSet) throws -> LikaReportModel {
        try store.read {
            let summaries = try store.assessments(unit: unit)
            guard let latest = summaries.last else { throw StoreError.notFound(.assessment(unit: unit, date: nil, available: [])) }
            let name = latest.unit.name
            let set = try store.indicatorSet(key: latest.set)
            func assessment(_ unit: String, date: CalendarDate) throws -> LikaAssessment {
                let answers = try store.answers(AnswerQuery(unit: unit, date: date, set: set.key))
                return LikaAssessment(name: answers.first?.unit ?? unit, date: date, answers: answers.map(LikaAnswer.init))
            }
            let main = try assessment(name, date: latest.date)
            // An assessment of another edition is set beside this one only where the indicators match.
            func beside(_ summary: AssessmentSummary) throws -> LikaAssessment {
                let answers = try store.answers(AnswerQuery(unit: summary.unit.name, date: summary.date, set: summary.set))
                let other = LikaAssessment(name: answers.first?.unit ?? summary.unit.name, date: summary.date, answers: answers.map(LikaAnswer.init))
                return summary.set == set.key ? other : other.matched(to: main, setName: try store.indicatorSet(key: summary.set).name)
            }
            let previous = try summaries.last { $0.date < latest.date }.map(beside)
            let comparisons = try compare.map { item -> LikaAssessment in
                switch item {
                case .date(let date):
                    guard let found = summaries.first(where: { $0.date == date && $0.set == set.key }) ?? summaries.last(where: { $0.date == date }) else {
                        throw StoreError.notFound(.assessment(unit: name, date: date, available: summaries.map(\.date)))
                    }
                    return try beside(found)
                case .unit(let other):
                    let theirs = try store.assessments(unit: other)
                    guard let found = theirs.last(where: { $0.set == set.key }) ?? theirs.last else {
                        throw StoreError.notFound(.assessmentAgainst(unit: other, set: set.name))
                    }
                    return try beside(found)
                }
            }
            var units: [LikaAssessment] = []
            for answer in try store.answers(AnswerQuery(latestOnly: true, set: set.key)) {
                if units.last?.name != answer.unit { units.append(LikaAssessment(name: answer.unit, date: answer.date, answers: [])) }
                units[units.count - 1].answers.append(LikaAnswer(answer))
            }
            var linked: [String: [LikaLinkedAction]] = [:]
            for answer in main.belowTop {
                linked[answer.code] = try store.linkedActions(set: set.key, code: answer.code).map(LikaLinkedAction.init)
            }
            let agenda = try store.agenda()
            return LikaReportModel(
                kind: .summary, organisation: templates.organisationName(plan: agenda.organisation, title: agenda.title), setName: set.name,
                areas: LikaReportModel.areas(of: set, in: [main] + comparisons + units), assessments: [main], comparisons: comparisons,
                previous: previous, units: units, linkedActions: linked, baseName: "lika-\(name.fileSlug)-\(latest.date)")
        }
    }

    /// The assessments of one comparison file: an Agenda JSON export (each unit's latest assessment in
    /// force) or a LIKA export (its answered rows). The municipality is `name`, else the export's
    /// organisation, else the file's name without extension; a JSON export with several units names each
    /// "municipality – unit". A LIKA export's answers are read with `words`, the templates' words of the scale.
    public static func read(file url: URL, name: String? = nil, answers words: MaturityWords) throws -> [LikaAssessment] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReportError.output(file: url.path, reason: "filen kan inte läsas")
        }
        let stem = url.deletingPathExtension().lastPathComponent
        if url.pathExtension.lowercased() == "json" {
            let document = try AgendaJSON.decode(data)
            let municipality = name ?? (document.metadata.organisation.isEmpty ? stem : document.metadata.organisation)
            // The answer in force per unit, date, set and indicator: the last recorded.
            var inForce: [String: AssessmentAnswer] = [:]
            for answer in document.assessments {
                let key = "\(answer.unit)\u{0}\(answer.date)\u{0}\(answer.set)\u{0}\(answer.code)"
                if (inForce[key]?.number ?? .min) < answer.number { inForce[key] = answer }
            }
            let units = document.assessedUnits.map(\.name)
            let answers = inForce.values.filter { $0.set == IndicatorSet.likaSocialtjanstKey }
            let set = IndicatorSet.likaSocialtjanst
            return units.compactMap { unit -> LikaAssessment? in
                let own = answers.filter { $0.unit == unit }
                guard let date = own.map(\.date).max() else { return nil }
                let latest = own.filter { $0.date == date }
                let ordered = set.sorted(latest.map { Indicator(code: $0.code, area: $0.area.code, text: $0.indicator) })
                let byCode = Dictionary(latest.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                return LikaAssessment(
                    name: units.count == 1 ? municipality : "\(municipality) – \(unit)", date: date,
                    answers: ordered.compactMap { byCode[$0.code] }.map(LikaAnswer.init),
                    municipality: municipality, unit: units.count == 1 ? nil : unit)
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError.output(file: url.path, reason: "filen är inte UTF-8-text")
        }
        let export = try LikaExportReader.read(text, source: url.path, answers: words)
        let set = IndicatorSet.likaSocialtjanst
        let answers = export.rows.compactMap { row -> LikaAnswer? in
            guard let answer = row.answer else { return nil }
            let code = row.area ?? set.areaCode(forCode: row.code) ?? row.areaName
            let area = set.area(code) ?? IndicatorArea(code: code, name: row.areaName.isEmpty ? code : row.areaName)
            return LikaAnswer(code: row.code, area: area, indicator: row.indicator, answer: answer, step: row.step, comment: row.comment)
        }
        return [LikaAssessment(name: name ?? stem, date: nil, answers: answers)]
    }

    /// The comparison model of `assessments` side by side, in the order given; `anonymise` names them
    /// "Kommun A", "Kommun B", … in that order (one letter per municipality; its verksamheter keep their
    /// names: "Kommun A – Äldreomsorg") and leaves comments out. The title page names `organisation`
    /// (who compares, e.g. a kommunalförbund), else the template's organisation, else a general phrase.
    public static func comparison(
        _ assessments: [LikaAssessment], anonymise: Bool, organisation: String? = nil, templates: TemplateSet
    ) -> LikaReportModel {
        var shown = assessments
        if anonymise {
            var letters: [String: String] = [:]
            for index in shown.indices {
                let key = shown[index].municipality ?? shown[index].name
                let letter = letters[key] ?? anonymousLetter(letters.count)
                letters[key] = letter
                let name = templates.labels["lika.report.anonymousName", letter]
                shown[index].name = shown[index].unit.map { "\(name) – \($0)" } ?? name
                shown[index].municipality = name
                for answer in shown[index].answers.indices { shown[index].answers[answer].comment = "" }
            }
        }
        return LikaReportModel(
            kind: .comparison,
            organisation: organisation ?? Optional(templates.organisationName(plan: "", title: "")).flatMap { $0.isEmpty ? nil : $0 }
                ?? templates.labels["lika.report.compareOrganisation"],
            setName: IndicatorSet.likaSocialtjanst.name,
            areas: LikaReportModel.areas(of: IndicatorSet.likaSocialtjanst, in: shown), assessments: shown, anonymised: anonymise,
            baseName: "lika-jamforelse")
    }

    /// "A" … "Z", then "AA", "AB", …
    static func anonymousLetter(_ index: Int) -> String { ODFTextWriter.columnName(index) }

    /// Writes `model` in `formats` into `directory` as `BASENAME.EXT`, creating it if needed; every file is
    /// staged under a temporary name and moved into place once all are written. Returns the files written.
    public static func write(_ model: LikaReportModel, formats: [ReportFormat] = ReportFormat.allCases, to directory: URL,
                             templates: TemplateSet) throws -> [URL] {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        let existed = fm.fileExists(atPath: directory.path, isDirectory: &isFolder)
        if existed && !isFolder.boolValue { throw ReportError.output(file: directory.path, reason: "det är en fil, inte en mapp") }
        do { try fm.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw ReportError.output(file: directory.path, reason: "kan inte skapa mappen")
        }
        var staged = StagedReport(directory: existed ? nil : directory)
        do {
            for format in formats {
                let target = directory.appendingPathComponent("\(model.baseName).\(format.fileExtension)")
                let temporary = directory.appendingPathComponent(ReportGenerator.temporaryName(for: target))
                staged.files.append((temporary, target))
                try write(model, format: format, to: temporary, templates: templates)
            }
        } catch {
            staged.discard()
            throw error
        }
        return try staged.moveIntoPlace()
    }

    /// Writes `model` in one format to `url`. The same model and templates always give the same bytes.
    public static func write(_ model: LikaReportModel, format: ReportFormat, to url: URL, templates: TemplateSet) throws {
        let layout = LikaLayout(model: model, templates: templates)
        switch format {
        case .xhtml: try XHTMLWriter(layout: layout).write(to: url)
        case .fodt: try ODFPackager.writeFlat(ODFTextWriter(layout: layout), to: url)
        case .odt: try ODFPackager.writePackage(ODFTextWriter(layout: layout), to: url)
        case .fods: try ODFPackager.writeFlat(LikaSheetWriter(layout: layout), to: url)
        case .ods: try ODFPackager.writePackage(LikaSheetWriter(layout: layout), to: url)
        }
    }
}
