/// Builds an ``Agenda`` from the tokens a reader produced.
///
/// Where text goes:
/// - before the first focus area: title, header cells (decided by, owner, organisation) and
///   the introduction, which becomes ``Agenda/description``;
/// - after an area or sub-area heading, until the first label: pending text. The first label
///   opens an action and the pending text becomes its background; a heading that comes first
///   leaves it as the area's or sub-area's description (2.1, the "8. E-arkiv" introduction);
/// - after an action heading ("Processverktyg"): that action's background;
/// - after a label: the field's text. Ansvarig, Tidsplan and Kostnad hold one paragraph or
///   list; text after it, and text under an unknown label, stays in the action's background
///   and is reported with its line number. Among an action's fields, "Word: text" with one to
///   three words before the colon counts as an unknown label; "Vi gör så här:" introducing a
///   list does not. Before the first label an unknown label is ordinary background text.
///
/// Codes: an action under sub-area 1.2 is "1.2"; several under one sub-area are "2.3a", "2.3b";
/// an action directly under area 4 is "4".
struct PlanAssembler {
    let labels: LabelTable

    private enum Place {
        case intro, container, actionPreamble, fields, unplaced
    }

    private var warnings: [ImportWarning] = []
    private var title: String?
    private var header: [LabelTable.Field: (value: String, line: Int)] = [:]
    private var introduction = TextBlocks()
    private var areas: [FocusArea] = []
    private var areaText: [TextBlocks] = []
    private var subAreas: [SubArea] = []
    private var subAreaText: [TextBlocks] = []
    private var subAreaLines: [Int] = []
    private var currentSubArea: Int?
    private var pending = TextBlocks()
    private var drafts: [ActionDraft] = []
    private var draft: ActionDraft?
    private var place = Place.intro
    /// The organisation the plan's own text names outside its header and title (``AgendaMetadata/organisation(in:)``).
    private var namedOrganisation: String?

    private init(labels: LabelTable) {
        self.labels = labels
    }

    /// `namedOrganisation`: who the plan's text says adopted it, or a letterhead's or title page's name,
    /// used when neither a header cell nor the title names the organisation.
    static func assemble(
        _ tokens: [LocatedToken], labels: LabelTable, register: OrganisationRegister, namedOrganisation: String? = nil
    ) -> (agenda: Agenda, warnings: [ImportWarning]) {
        var assembler = PlanAssembler(labels: labels)
        assembler.namedOrganisation = namedOrganisation
        for token in tokens { assembler.take(token) }
        return assembler.finish(register: register)
    }

    private mutating func take(_ located: LocatedToken) {
        let line = located.line
        switch located.token {
        case let .title(text):
            if title == nil {
                title = text
            } else {
                takeText(text, line: line)
            }
        case let .headerCell(cell):
            if place == .intro { takeHeaderCell(cell, line: line) } else { takeText(cell, line: line) }
        case let .area(number, areaTitle):
            closeContainer()
            currentSubArea = nil
            areas.append(FocusArea(number: number, title: areaTitle))
            areaText.append(TextBlocks())
            place = .container
        case let .subArea(code, areaNumber, subTitle):
            closeContainer()
            if areas.isEmpty {
                areas.append(FocusArea(number: areaNumber, title: ""))
                areaText.append(TextBlocks())
                warnings.append(ImportWarning(line: line, message: "delområde \(Quoted.excerpt(code)) kommer före första insatsområdet; insatsområde \(areaNumber) har lagts till utan rubrik"))
            }
            subAreas.append(SubArea(code: code, areaNumber: areaNumber, title: subTitle))
            subAreaText.append(TextBlocks())
            subAreaLines.append(line)
            currentSubArea = subAreas.count - 1
            place = .container
        case let .actionHeading(actionTitle):
            guard let area = areas.last else { takeText(actionTitle, line: line); return }
            closeDraft()
            flushPending()
            draft = ActionDraft(line: line, areaNumber: area.number, subAreaCode: currentSubArea.map { subAreas[$0].code }, title: actionTitle)
            place = .actionPreamble
        case let .label(label):
            takeLabel(label, line: line)
        case let .text(text):
            takeText(text, line: line)
        case .blank:
            takeBlank()
        }
    }

    // MARK: - Header

    private mutating func takeHeaderCell(_ cell: String, line: Int) {
        guard let (field, label, value) = labels.headerCell(cell) else {
            introduction.append(cell)
            introduction.endBlock()
            warnings.append(ImportWarning(line: line, message: "sidhuvudets cell \(Quoted.input(cell)) förstods inte; behållen i planens beskrivning"))
            return
        }
        if field == .headerIgnore {
            if !value.isEmpty {
                warnings.append(ImportWarning(line: line, message: "sidhuvudet \(Quoted.input(label)) (\(Quoted.input(value))) har ingen plats i planen och importeras inte"))
            }
        } else if !value.isEmpty, header[field] == nil {
            header[field] = (value, line)
        }
    }

    // MARK: - Labels and text

    private mutating func takeLabel(_ label: LineSyntax.LabelLine, line: Int) {
        if place == .intro {
            if labels.headerField(for: label.label) != nil {
                takeHeaderCell(label.raw, line: line)
            } else {
                takeText(label.raw, line: line)
            }
            return
        }
        guard let field = labels.actionField(for: label.label) else {
            let looksLikeField = !label.value.isEmpty && label.label.split(separator: " ").count <= 3
            if looksLikeField, place == .fields || place == .unplaced, var open = draft {
                open.background.endBlock()
                open.background.append(label.raw)
                open.unplaced.append(.init(line: line, reason: "okänd rubrik \(Quoted.input(label.label + ":"))"))
                draft = open
                place = .unplaced
            } else {
                takeText(label.raw, line: line)
            }
            return
        }
        if draft == nil {
            openDraftFromPending(line: line)
        } else if field == .plan, let open = draft, open.has(.plan) {
            closeDraft()
            draft = ActionDraft(line: line, areaNumber: open.areaNumber, subAreaCode: open.subAreaCode, title: open.title)
        } else if let open = draft, field != .other, field != .background, open.has(field) {
            warnings.append(ImportWarning(line: line, message: "ett andra \(Quoted.input(label.label + ":")) för samma aktivitet; texten har lagts till den första"))
        }
        guard var open = draft else { return }
        var newField = ActionDraft.Field(kind: field, label: label.label, line: line)
        if field == .background {
            open.background.endBlock()
            if !label.value.isEmpty { open.background.append(label.value) }
        } else if !label.value.isEmpty {
            newField.text.append(label.value)
        }
        open.fields.append(newField)
        draft = open
        place = .fields
    }

    private mutating func openDraftFromPending(line: Int) {
        guard let area = areas.last else { return }
        let sub = currentSubArea.map { subAreas[$0] }
        var opened = ActionDraft(line: line, areaNumber: area.number, subAreaCode: sub?.code, title: sub?.title ?? area.title)
        opened.background = pending
        pending = TextBlocks()
        draft = opened
    }

    private mutating func takeText(_ text: String, line: Int) {
        switch place {
        case .intro:
            introduction.append(text)
        case .container:
            pending.append(text)
        case .actionPreamble, .unplaced:
            draft?.background.append(text)
        case .fields:
            guard var open = draft, var field = open.current else { return }
            if field.kind == .background {
                open.background.append(text)
            } else if field.accepts(text) {
                field.text.append(text)
                open.current = field
            } else {
                open.background.endBlock()
                open.background.append(text)
                open.unplaced.append(.init(line: line, reason: "texten efter fältet \(Quoted.input(field.label + ":")) passar inte i något fält"))
                place = .unplaced
            }
            draft = open
        }
    }

    private mutating func takeBlank() {
        switch place {
        case .intro: introduction.endBlock()
        case .container: pending.endBlock()
        case .actionPreamble, .unplaced: draft?.background.endBlock()
        case .fields:
            guard var open = draft, var field = open.current else { return }
            if field.kind == .background {
                open.background.endBlock()
            } else {
                field.text.endBlock()
                if !field.text.isEmpty { field.sawGap = true }
                open.current = field
            }
            draft = open
        }
    }

    // MARK: - Closing

    private mutating func closeDraft() {
        if let open = draft { drafts.append(open) }
        draft = nil
    }

    /// Pending text that no action took is the description of the sub-area, else the area.
    private mutating func flushPending() {
        guard !pending.isEmpty else { return }
        if let index = currentSubArea {
            subAreaText[index].append(pending)
        } else if !areaText.isEmpty {
            areaText[areaText.count - 1].append(pending)
        }
        pending = TextBlocks()
    }

    private mutating func closeContainer() {
        closeDraft()
        flushPending()
    }

    private mutating func finish(register seed: OrganisationRegister) -> (agenda: Agenda, warnings: [ImportWarning]) {
        closeContainer()
        var register = seed
        let description = introduction.rendered
        let period = title.flatMap(AgendaMetadata.yearSpan(in:)) ?? AgendaMetadata.yearSpan(in: description)
        let actions = buildActions(register: &register, planPeriod: period)
        // Known förvaltningar that no action names stay out of this agenda's register.
        let named = Set(actions.flatMap { $0.responsibility.units.map(\.department) })
        register.departments.removeAll { !named.contains($0.name) }

        for index in areas.indices { areas[index].description = areaText[index].rendered }
        for index in subAreas.indices {
            subAreas[index].description = subAreaText[index].rendered
            let code = subAreas[index].code
            guard !actions.contains(where: { $0.subAreaCode == code }) else { continue }
            if let reference = reference(in: subAreas[index].description, from: code) {
                subAreas[index].reference = reference
            } else {
                warnings.append(ImportWarning(line: subAreaLines[index], message: "delområde \(code) \(Quoted.input(subAreas[index].title)) har ingen aktivitet och hänvisar inte till någon"))
            }
        }

        if title == nil {
            warnings.append(ImportWarning(line: 1, message: "ingen dokumenttitel hittades; planen importeras utan titel"))
        }
        let planTitle = title ?? ""
        var seenCodes: [String: Int] = [:]
        for (action, draft) in zip(actions, drafts) {
            if let first = seenCodes[action.code] {
                warnings.append(ImportWarning(line: draft.line, message: "aktivitetskoden \(Quoted.excerpt(action.code)) används två gånger (första gången på rad \(first))"))
            } else {
                seenCodes[action.code] = draft.line
            }
        }
        let agenda = Agenda(
            title: planTitle,
            organisation: header[.headerOrganisation]?.value ?? AgendaMetadata.organisation(fromTitle: planTitle) ?? namedOrganisation ?? "",
            period: period,
            decidedBy: header[.headerDecidedBy]?.value,
            owner: header[.headerOwner]?.value,
            effectiveDate: effectiveDate(),
            description: description,
            areas: areas,
            subAreas: subAreas,
            actions: actions,
            departments: register.departments
        )
        return (agenda, warnings.sorted { $0.line < $1.line })
    }

    private mutating func effectiveDate() -> CalendarDate? {
        guard let (value, line) = header[.headerEffectiveDate] else { return nil }
        if let date = CalendarDate(iso: value) { return date }
        warnings.append(ImportWarning(line: line, message: "datumet då planen börjar gälla, \(Quoted.input(value)), är inte ett datum ÅÅÅÅ-MM-DD; lämnas tomt"))
        return nil
    }

    private mutating func buildActions(register: inout OrganisationRegister, planPeriod: YearSpan?) -> [Action] {
        var perContainer: [String: Int] = [:]
        func key(_ d: ActionDraft) -> String { d.subAreaCode ?? "\(d.areaNumber)" }
        for d in drafts { perContainer[key(d), default: 0] += 1 }
        var seen: [String: Int] = [:]
        let letters = Array("abcdefghijklmnopqrstuvwxyz")

        return drafts.map { d in
            let base = key(d)
            let index = seen[base, default: 0]
            seen[base] = index + 1
            let code = perContainer[base, default: 0] > 1 ? base + (index < letters.count ? String(letters[index]) : "-\(index + 1)") : base
            for note in d.unplaced {
                warnings.append(ImportWarning(line: note.line, message: "\(note.reason); behållen i bakgrunden till aktivitet \(code)"))
            }
            let missing = [(LabelTable.Field.plan, "Handlingsplan"), (.responsibility, "Ansvarig"), (.schedule, "Tidsplan"), (.cost, "Kostnad")]
                .filter { !d.has($0.0) }.map(\.1)
            if !missing.isEmpty {
                let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " eller " + missing.last!
                warnings.append(ImportWarning(line: d.line, message: "aktivitet \(code) \(Quoted.input(d.title)) saknar \(list); det som saknas lämnas okänt"))
            }
            let scheduleText = d.text(of: .schedule).map(\.rendered)
            let schedule = ScheduleParser.parse(scheduleText)
            let responsibility = d.text(of: .responsibility).map { ResponsibilityParser.parse($0.rendered, register: &register) } ?? Responsibility()
            return Action(
                code: code,
                areaNumber: d.areaNumber,
                subAreaCode: d.subAreaCode,
                title: d.title,
                background: d.background.rendered,
                plan: d.text(of: .plan).map(Self.planText) ?? PlanText(),
                responsibility: responsibility,
                schedule: schedule,
                cost: CostParser.parse(d.text(of: .cost).map(\.rendered), schedule: schedule, planPeriod: planPeriod),
                effectGoals: d.text(of: .effectGoals).map(Self.goals) ?? [],
                otherFields: d.fields.filter { $0.kind == .other }.map { LabeledText(label: $0.label, text: $0.text.rendered) }
            )
        }
    }

    /// The plan verbatim, with its top-level numbered items as steps.
    static func planText(_ blocks: TextBlocks) -> PlanText {
        var steps: [PlanStep] = []
        for line in blocks.lines {
            if !LineSyntax.isIndented(line), let item = LineSyntax.numberedItem(line) {
                steps.append(PlanStep(number: item.number, text: item.text))
            } else if !steps.isEmpty, LineSyntax.isIndented(line) || !LineSyntax.isListItem(line) {
                steps[steps.count - 1].text += "\n" + line
            }
        }
        return PlanText(text: blocks.rendered, steps: steps)
    }

    /// One goal per list item; a paragraph is one goal, its sentences kept together.
    static func goals(_ blocks: TextBlocks) -> [String] {
        var goals: [String] = []
        for block in blocks.blocks {
            guard block.contains(where: LineSyntax.isListItem) else {
                goals.append(block.map { $0.trimmingWhitespace() }.joined(separator: " "))
                continue
            }
            var startedInBlock = false
            for line in block {
                if let item = LineSyntax.bulletText(line) ?? LineSyntax.numberedItem(line)?.text {
                    goals.append(item)
                } else if startedInBlock {
                    goals[goals.count - 1] += " " + line.trimmingWhitespace()
                } else {
                    goals.append(line.trimmingWhitespace())
                }
                startedInBlock = true
            }
        }
        return goals
    }

    /// "Se vidare under punkten 1.2 ovan." → "1.2", when that sub-area exists.
    private func reference(in text: String, from code: String) -> String? {
        let lower = text.lowercased()
        guard lower.contains("se ") || lower.contains("punkt") || lower.contains("avsnitt") else { return nil }
        let known = Set(subAreas.map(\.code))
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var candidate = String(word)
            while let last = candidate.last, !last.isNumber { candidate.removeLast() }
            if candidate != code, known.contains(candidate) { return candidate }
        }
        return nil
    }
}
