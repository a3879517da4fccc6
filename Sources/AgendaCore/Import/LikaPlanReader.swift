import Foundation

/// Reads a LIKA-based action plan laid out as a table (Word's "save as text" or a copied table gives it
/// tab-separated; a Markdown pipe table reads the same) into an agenda: the verksamheter of its sections
/// are the insatsområden, its åtgärder the actions, each with its ansvarig, due date, step and indicator;
/// and the Svar column is a self-assessment per section.
///
/// The layout: a title line, free text, then sections "Steg 1 Övergripande", "Steg 2 Äldreomsorg" (the
/// step and the verksamhet), each with a header row (Område, Indikator, Svar, Aktivitetsförslag, Ansvarig,
/// Åtgärd, Färdigställt datum — a column may be missing or shifted, an unlabelled column before Område
/// holds the codes) and rows per indicator. A row without code and indicator adds another ansvarig and
/// åtgärd to the indicator above (or continues its suggestion); an indicator without a code is a local
/// one. A suggestion ("Exempel på aktivitet: …") never becomes an action by itself. Rows it cannot place
/// are kept in the nearest description and listed as warnings with their line numbers.
enum LikaPlanReader {
    // Compiled once, not for every line (a regex literal in the loop is parsed and compiled each time);
    // a Regex is never mutated once built, so the shared constants are safe across threads (see Parse/).
    /// A section row: "Steg 1 – Äldreomsorg".
    nonisolated(unsafe) private static let sectionRow = /(?i)steg\s*(\d)\s*[-–:.]?\s*(.*)/
    /// A code written in the Område cell: "L1 Ledning".
    nonisolated(unsafe) private static let codeAndArea = /([A-ZÅÄÖ]{1,2}\d{1,3}[a-z]?)\s*(.*)/

    enum Column: CaseIterable { case code, area, indicator, answer, suggestion, responsible, measure, due }

    /// Whether `lines` hold a LIKA table plan: a header row with Indikator and Åtgärd (or Ansvarig) columns.
    static func isTablePlan(_ lines: [SourceLine]) -> Bool {
        lines.contains { line in
            // A header has two cells at least, so a line without a tab or a pipe is none; checking that
            // first keeps the key folding off every line of an ordinary plan (12 % of its import).
            guard line.text.utf8.contains(where: { $0 == 0x09 || $0 == UInt8(ascii: "|") }) else { return false }
            let keys = cells(of: line.text).map(SwedishText.key)
            return keys.contains("indikator") && (keys.contains("åtgärd") || keys.contains("ansvarig"))
        }
    }

    /// The cells of a line: tab-separated, or a Markdown pipe table row.
    static func cells(of text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("|") {
            var inner = trimmed.dropFirst()
            if inner.hasSuffix("|") { inner = inner.dropLast() }
            return inner.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func columns(ofHeader keys: [String]) -> [Column: Int]? {
        guard keys.contains("indikator"), keys.contains("åtgärd") || keys.contains("ansvarig") else { return nil }
        var found: [Column: Int] = [:]
        for (index, key) in keys.enumerated() {
            switch key {
            case "kod", "id", "nr": found[.code] = index
            case "område": found[.area] = index
            case "indikator": found[.indicator] = index
            case "svar", "självskattning": found[.answer] = index
            case "aktivitetsförslag", "förslag": found[.suggestion] = index
            case "ansvarig", "ansvar": found[.responsible] = index
            case "åtgärd", "åtgärder", "aktivitet": found[.measure] = index
            case "färdigställt datum", "färdigställt", "klart", "datum", "klart senast": found[.due] = index
            default: break
            }
        }
        if found[.code] == nil, let area = found[.area], area > 0, keys[area - 1].isEmpty { found[.code] = area - 1 }
        return found
    }

    /// One indicator row of a section, with what its rows add.
    struct IndicatorRow {
        var line: Int
        var code: String?
        var area: String?
        /// The Område cell as written.
        var areaName = ""
        var text: String
        var answer: String
        var suggestion: String
        var measures: [(line: Int, responsible: String, measure: String, due: String)] = []
    }

    struct Section {
        var line: Int
        var step: Int?
        var unit: String
        var rows: [IndicatorRow] = []
        var text: [String] = []
    }

    /// Reads `lines`; the Svar column with `words`, the templates' words of the scale.
    static func parse(_ lines: [SourceLine], register seed: OrganisationRegister, answers words: MaturityWords) -> ImportResult {
        var warnings: [ImportWarning] = []
        let set = IndicatorSet.likaSocialtjanst
        var title: String?
        var introduction: [String] = []
        var sections: [Section] = []
        var columns: [Column: Int] = [:]
        for line in lines {
            let cells = cells(of: line.text)
            let filled = cells.filter { !$0.isEmpty }
            if filled.isEmpty { continue }
            if line.text.trimmingCharacters(in: .whitespaces).hasPrefix("|"), filled.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) { continue }
            if let header = Self.columns(ofHeader: cells.map(SwedishText.key)) {
                columns = header
                continue
            }
            if filled.count == 1, let match = filled[0].wholeMatch(of: Self.sectionRow) {
                let unit = String(match.output.2).trimmingCharacters(in: .whitespaces)
                if unit.isEmpty {
                    warnings.append(ImportWarning(line: line.number, message: "avsnittet \(Quoted.input(filled[0])) namnger ingen verksamhet; det läses som Övergripande"))
                }
                sections.append(Section(line: line.number, step: Int(match.output.1), unit: unit.isEmpty ? "Övergripande" : unit))
                continue
            }
            func cell(_ column: Column) -> String {
                guard let index = columns[column], index < cells.count else { return "" }
                return cells[index]
            }
            guard !sections.isEmpty, !columns.isEmpty else {
                if title == nil { title = filled.joined(separator: " ") } else {
                    introduction.append(filled.joined(separator: " "))
                    if filled.joined().range(of: "instruktion", options: .caseInsensitive) != nil {
                        warnings.append(ImportWarning(line: line.number, message: "instruktionen \(Quoted.input(filled.joined(separator: " "))) är ingen del av planen; den står kvar i planens beskrivning"))
                    }
                }
                continue
            }
            var code = cell(.code)
            var areaCell = cell(.area)
            if code.isEmpty, let match = areaCell.wholeMatch(of: Self.codeAndArea) {
                code = String(match.output.1)
                areaCell = String(match.output.2)
            }
            let indicator = cell(.indicator)
            let responsible = cell(.responsible), measure = cell(.measure), due = cell(.due)
            if code.isEmpty && indicator.isEmpty {
                // A continuation row, or free text.
                if let last = sections[sections.count - 1].rows.indices.last, !(responsible.isEmpty && measure.isEmpty && due.isEmpty) {
                    sections[sections.count - 1].rows[last].measures.append((line.number, responsible, measure, due))
                } else if let last = sections[sections.count - 1].rows.indices.last, !cell(.suggestion).isEmpty, filled.count == 1 {
                    sections[sections.count - 1].rows[last].suggestion += " " + cell(.suggestion)
                } else {
                    let text = filled.joined(separator: " ")
                    sections[sections.count - 1].text.append(text)
                    warnings.append(ImportWarning(line: line.number, message: "raden \(Quoted.input(text)) hör inte till någon indikator; den står kvar i beskrivningen av \(sections[sections.count - 1].unit)"))
                }
                continue
            }
            // A code outside LIKA's areas ("S1" under "Styrning") keeps an area of its own, named as written.
            let area = code.isEmpty ? set.areaCode(forName: areaCell)
                : set.areaCode(forCode: code) ?? set.areaCode(forName: areaCell) ?? String(code.uppercased().prefix { $0.isLetter })
            var row = IndicatorRow(
                line: line.number, code: code.isEmpty ? nil : code.uppercased(), area: area, areaName: areaCell, text: indicator,
                answer: cell(.answer), suggestion: cell(.suggestion))
            if !(responsible.isEmpty && measure.isEmpty && due.isEmpty) { row.measures.append((line.number, responsible, measure, due)) }
            sections[sections.count - 1].rows.append(row)
        }
        return assemble(title: title, introduction: introduction, sections: sections, warnings: warnings, register: seed, answers: words)
    }

    static func assemble(
        title: String?, introduction: [String], sections: [Section], warnings initial: [ImportWarning], register seed: OrganisationRegister,
        answers words: MaturityWords
    ) -> ImportResult {
        var warnings = initial
        var register = seed
        let planTitle = title ?? ""
        if title == nil { warnings.append(ImportWarning(line: 1, message: "ingen dokumenttitel hittades; planen importeras utan titel")) }
        let period = AgendaMetadata.yearSpan(in: planTitle)
        var areas: [FocusArea] = []
        var areaText: [String: [String]] = [:]
        var actions: [Action] = []
        var links: [ImportResult.IndicatorLinkDraft] = []
        var assessments: [AssessmentInput] = []
        var localCodes: [String: String] = [:]
        var indicators: [IndicatorEdition.Written] = []
        for section in sections {
            var number = areas.first { SwedishText.key($0.title) == SwedishText.key(section.unit) }?.number
            if number == nil {
                number = areas.count + 1
                areas.append(FocusArea(number: number!, title: section.unit))
            }
            areaText[section.unit, default: []] += section.text
            var items: [AssessmentInput.Item] = []
            for row in section.rows {
                // The indicator: a code of the set, or a local one numbered by its text.
                var code = row.code
                if let code, let area = row.area, !row.text.isEmpty, !indicators.contains(where: { $0.indicator.code == code }) {
                    indicators.append(IndicatorEdition.Written(
                        indicator: Indicator(code: code, area: area, text: row.text, suggestion: row.suggestion),
                        areaName: row.areaName.isEmpty ? area : row.areaName, line: row.line))
                }
                if code == nil, !row.text.isEmpty {
                    if row.area == nil {
                        warnings.append(ImportWarning(line: row.line, message: "den lokala indikatorn \(Quoted.input(row.text)) har inget område (Ledning, Infrastruktur, Kompetens, Användning); den får varken svar eller kopplade aktiviteter"))
                    } else {
                        let key = SwedishText.key(row.text)
                        code = localCodes[key] ?? "\(row.area!)-LOKAL\(localCodes.count + 1)"
                        localCodes[key] = code
                    }
                }
                if let code, !row.answer.isEmpty {
                    if let answer = words.answer(for: row.answer) {
                        if !items.contains(where: { $0.code == code }) {
                            items.append(AssessmentInput.Item(
                                code: code, area: row.area, indicator: row.text, suggestion: row.suggestion, answer: answer,
                                step: section.step))
                        }
                    } else {
                        warnings.append(ImportWarning(line: row.line, message: "\(code): svaret \(Quoted.input(row.answer)) är inget steg i skalan (\(words.known.joined(separator: ", "))); indikatorn får inget svar — rätta med `agenda lika import`"))
                    }
                }
                for measure in row.measures {
                    let text = measure.measure
                    if text.isEmpty {
                        warnings.append(ImportWarning(line: measure.line, message: "\(Quoted.input(measure.responsible.isEmpty ? measure.due : measure.responsible)) saknar åtgärd och blir ingen aktivitet"))
                        continue
                    }
                    if text.range(of: "exempel på aktivitet", options: [.caseInsensitive, .anchored]) != nil {
                        warnings.append(ImportWarning(line: measure.line, message: "\(Quoted.input(text)) är LIKA:s förslag, inte en beslutad åtgärd, och blir ingen aktivitet; gör den till en med `agenda lika adopt \(code ?? "KOD")`"))
                        continue
                    }
                    let actionCode = "\(number!).\(actions.filter { $0.areaNumber == number! }.count + 1)"
                    var action = Action(code: actionCode, areaNumber: number!, title: AgendaService.title(from: text))
                    action.plan = PlanText(text: text)
                    action.background = code.map { "\(row.text) (\($0))" } ?? row.text
                    if !measure.responsible.isEmpty {
                        action.responsibility = ResponsibilityParser.parse(measure.responsible, register: &register)
                    } else {
                        warnings.append(ImportWarning(line: measure.line, message: "åtgärden \(Quoted.input(text)) har ingen ansvarig"))
                    }
                    action.schedule = schedule(due: measure.due)
                    action.cost = CostParser.parse(nil, schedule: action.schedule)
                    if let step = section.step { action.otherFields.append(LabeledText(label: "Steg", text: String(step))) }
                    if !measure.due.isEmpty { action.otherFields.append(LabeledText(label: "Färdigställt datum", text: measure.due)) }
                    actions.append(action)
                    if let code { links.append(ImportResult.IndicatorLinkDraft(action: actionCode, codes: [code], line: measure.line)) }
                }
            }
            if !items.isEmpty {
                assessments.append(AssessmentInput(unit: section.unit, date: CalendarDate(year: 1, month: 1, day: 1), answers: items))
            }
        }
        for index in areas.indices { areas[index].description = (areaText[areas[index].title] ?? []).joined(separator: "\n") }
        let named = Set(actions.flatMap { $0.responsibility.units.map(\.department) })
        register.departments.removeAll { !named.contains($0.name) }
        // Sections of the same unit become one assessment.
        var merged: [AssessmentInput] = []
        for assessment in assessments {
            if let index = merged.firstIndex(where: { SwedishText.key($0.unit) == SwedishText.key(assessment.unit) }) {
                merged[index].answers += assessment.answers.filter { item in !merged[index].answers.contains { $0.code == item.code } }
            } else {
                merged.append(assessment)
            }
        }
        // A local indicator enters the set with its first answer; one never answered cannot be linked.
        let answered = Set(merged.flatMap { $0.answers.map(\.code) })
        links = links.filter { link in
            guard localCodes.values.contains(link.codes[0]), !answered.contains(link.codes[0]) else { return true }
            warnings.append(ImportWarning(line: link.line, message: "aktivitet \(link.action) pekar på en lokal indikator utan svar; den kopplas inte — koppla den med `agenda lika link` när indikatorn har fått ett svar"))
            return false
        }
        let agenda = Agenda(
            title: planTitle, organisation: AgendaMetadata.organisation(fromTitle: planTitle) ?? "", period: period,
            description: introduction.joined(separator: "\n\n"), areas: areas, actions: actions, departments: register.departments)
        var result = ImportResult(agenda: agenda, warnings: warnings.sorted { $0.line < $1.line })
        result.assessments = merged
        result.assessmentDate = period.map { CalendarDate(year: $0.start, month: 1, day: 1) }
        result.indicatorLinks = links
        result.indicators = indicators
        return result
    }

    /// A due date as a tidsplan: "2019-06-30", "2019-09", "december 2019" and "2019" give that year;
    /// "Avvaktar" and anything without a year keep the text without years.
    static func schedule(due: String) -> Schedule {
        guard !due.isEmpty else { return Schedule() }
        let years = SwedishText.years(in: due)
        return Schedule(text: due, startYear: years.first, endYear: years.first)
    }
}
