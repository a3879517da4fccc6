/// A synthetic plan in the layout of Mölndal's *Digital agenda 2017–2019* saved as text: numbered
/// insatsområden ("1. Extern service") and delområden ("1.2 E-tjänster"), a background, then
/// "Handlingsplan:", "Ansvarig:", "Tidsplan:", "Kostnader:" and "Effektmål:" per action, with
/// several actions under one delområde opened by a short heading of their own ("Processverktyg").
///
/// For one municipality the areas are the nine insatsområden. For several (a region following its
/// municipalities' agendas, or SKR following all of them) each municipality is one area numbered
/// 1…M, its delområden are the themes it works on ("E-hälsa – Mobilitet"), and its förvaltningar
/// carry its name ("Alingsås skolförvaltningen"), so the register grows with the municipalities.
struct SyntheticPlan {
    var actions: Int
    var years: Int
    var municipalities: Int
    var seed: UInt64
    var firstYear = 2017

    var lastYear: Int { firstYear + years - 1 }

    /// The plan as text, ending in a newline.
    func text() -> String {
        var rng = SeededGenerator(seed: seed)
        let names = Self.municipalityNames(count: municipalities)
        let organisation = municipalities == 1 ? "\(names[0])s kommun" : "Västra Götalands kommuner"
        let layout = areaLayout(names: names, rng: &rng)

        var out = PlanWriter()
        out.paragraph("Handlingsplan - Digital agenda för \(organisation) \(firstYear)-\(lastYear)")
        out.paragraph("Styrdokument Handlingsplan\tBeslutat av Kommundirektören\tGäller från och med")
        out.line("Ansvarig IT-chef\tGäller för \(organisation)\tSenast uppdaterat")
        out.blank()
        // The table of contents, as Word writes it: heading, tab, page number. The importer reads
        // page numbers of up to three digits, so a plan of more than 999 pages gets none.
        var toc = PlanWriter()
        var page = 3
        for area in layout {
            toc.line("\(area.number). \(area.title)\t\(page)")
            for sub in area.subAreas {
                toc.line("\(sub.code) \(sub.title)\t\(page)")
                page += sub.actions > 1 ? 1 : rng.int(0...1)
            }
        }
        if page <= 999 { out.append(toc) }
        out.blank()
        out.paragraph("Handlingsplan – Digital agenda för \(organisation)")
        out.paragraph("Genom utveckling inom insatsområdena med handlingsplaner och aktiviteter kan vi bidra till en bättre samhällsservice, skapa en kostnadseffektivare verksamhet samt förstärka varumärket.")
        out.paragraph("Denna handlingsplan beskriver ett antal aktiviteter som bör genomföras under åren \(firstYear)-\(lastYear). Handlingsplanen kan komma att revideras under periodens gång efter beslut i centrala IT-rådet.")

        for area in layout {
            out.paragraph("\(area.number). \(area.title)")
            if area.subAreas.isEmpty {
                writeAction(first: true, theme: area.theme, municipality: area.municipality, to: &out, rng: &rng)
            }
            for sub in area.subAreas {
                out.paragraph("\(sub.code) \(sub.title)")
                for index in 0..<sub.actions {
                    if sub.actions > 1 { out.paragraph(rng.pick(PlanVocabulary.actionHeadings)) }
                    writeAction(first: index == 0, theme: sub.theme, municipality: area.municipality, to: &out, rng: &rng)
                }
            }
        }
        return out.text
    }

    // MARK: - Layout

    struct AreaLayout {
        var number: Int
        var title: String
        /// Index into ``PlanVocabulary/areas`` when the area is an insatsområde; for a municipality, its sub-areas carry themes.
        var theme: Int
        /// The municipality's name in a plan across municipalities; nil for one municipality's own plan.
        var municipality: String?
        var subAreas: [SubAreaLayout]
    }

    struct SubAreaLayout {
        var code: String
        var title: String
        var theme: Int
        var actions: Int
    }

    /// Which areas and sub-areas hold how many actions: `actions` spread over the areas, one to
    /// three per sub-area, at most 99 sub-areas per area (the importer's "N.M" codes).
    func areaLayout(names: [String], rng: inout SeededGenerator) -> [AreaLayout] {
        let themes = PlanVocabulary.areas
        if municipalities == 1 {
            let weights = themes.map(\.subAreas.count)
            let counts = Self.spread(actions, weights: weights)
            var areas: [AreaLayout] = []
            for t in themes.indices where counts[t] > 0 {
                let number = areas.count + 1
                var area = AreaLayout(number: number, title: themes[t].title, theme: t, municipality: nil, subAreas: [])
                // An area with a single action holds it directly, as Mölndal's "4. Bredband" does.
                if counts[t] > 1 {
                    area.subAreas = subAreaLayout(count: counts[t], titles: themes[t].subAreas.map { ($0, t) }, rng: &rng)
                    for i in area.subAreas.indices { area.subAreas[i].code = "\(number).\(i + 1)" }
                }
                areas.append(area)
            }
            return areas
        }
        let allThemes = themes.indices.flatMap { t in themes[t].subAreas.map { ("\(themes[t].title) – \($0)", t) } }
        let counts = Self.spread(actions, weights: Array(repeating: 1, count: municipalities))
        return names.indices.map { m in
            let start = rng.int(0...(allThemes.count - 1))
            let rotated = Array(allThemes[start...] + allThemes[..<start])
            var subs = subAreaLayout(count: max(counts[m], 1), titles: rotated, rng: &rng)
            if counts[m] == 0 { subs = [] }
            for i in subs.indices { subs[i].code = "\(m + 1).\(i + 1)" }
            return AreaLayout(number: m + 1, title: "\(names[m]) kommun", theme: 0, municipality: names[m], subAreas: subs)
        }
    }

    /// `count` actions over sub-areas titled from `titles` in turn: mostly one per sub-area, some two or three.
    private func subAreaLayout(count: Int, titles: [(String, Int)], rng: inout SeededGenerator) -> [SubAreaLayout] {
        let subCount = min(99, max(1, Int((Double(count) / 1.4).rounded())))
        var perSub = Array(repeating: 1, count: subCount)
        for _ in 0..<(count - subCount) { perSub[rng.int(0...(subCount - 1))] += 1 }
        return perSub.indices.map { i in
            let (title, theme) = titles[i % titles.count]
            let round = i / titles.count
            return SubAreaLayout(code: "", title: round == 0 ? title : "\(title) etapp \(round + 1)", theme: theme, actions: perSub[i])
        }
    }

    /// `total` split in proportion to `weights`, largest remainders first, so the parts add up.
    static func spread(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        var parts = weights.map { total * $0 / sum }
        var left = total - parts.reduce(0, +)
        let order = weights.indices.sorted { (total * weights[$0]) % sum > (total * weights[$1]) % sum }
        for i in order where left > 0 {
            parts[i] += 1
            left -= 1
        }
        return parts
    }

    // MARK: - One action

    private func writeAction(first: Bool, theme: Int, municipality: String?, to out: inout PlanWriter, rng: inout SeededGenerator) {
        // Background: one to three long paragraphs, now and then with a bullet list.
        for paragraph in rng.sample(PlanVocabulary.backgrounds, rng.int(first ? 1...3 : 1...2)) {
            out.paragraph(paragraph)
        }
        if rng.chance(0.12) {
            out.paragraph("Exempel på funktioner i en sådan lösning kan vara:")
            for item in rng.pick(PlanVocabulary.backgroundLists) { out.line("- \(item)") }
            out.blank()
        }

        if rng.chance(0.3) {
            out.paragraph("Handlingsplan:")
            for (n, step) in rng.sample(PlanVocabulary.steps, rng.int(2...5)).enumerated() { out.line("\(n + 1). \(step)") }
            out.blank()
        } else {
            out.paragraph("Handlingsplan: \(rng.pick(PlanVocabulary.plans))")
        }

        if !rng.chance(0.03) { out.paragraph("Ansvarig: \(responsibility(theme: theme, municipality: municipality, rng: &rng))") }

        let start = firstYear + rng.int(0...max(0, years - 2))
        if !rng.chance(0.04) { out.paragraph("Tidsplan: \(Self.fill(rng.pick(PlanVocabulary.schedules), from: start))") }
        out.paragraph("Kostnader: \(Self.fill(rng.pick(PlanVocabulary.costs), from: start))")

        switch rng.int(0...9) {
        case 0: out.paragraph("Effektmål:")
        case 1, 2:
            out.paragraph("Effektmål:")
            for goal in rng.sample(PlanVocabulary.goals.filter { $0.first?.isLowercase == true }, rng.int(2...4)) { out.line("- \(goal)") }
            out.blank()
        default: out.paragraph("Effektmål: \(rng.pick(PlanVocabulary.goals.filter { $0.first?.isUppercase == true }))")
        }
    }

    /// An ansvarig in one of the plan's shapes: a förvaltning, with an enhet, "tillsammans med"
    /// another enhet or förvaltning, "samt eventuella berörda verksamheter …".
    private func responsibility(theme: Int, municipality: String?, rng: inout SeededGenerator) -> String {
        let departments = PlanVocabulary.departments
        // The insatsområde suggests the lead förvaltning, as in Mölndal's plan.
        let usual = [0, 0, 0, 0, 2, 1, 0, 0, 4][theme]
        let lead = rng.chance(0.6) ? usual : rng.int(0...(departments.count - 1))
        func name(_ index: Int) -> String {
            guard let municipality else { return departments[index].name }
            return "\(municipality) \(departments[index].name.prefix(1).lowercased())\(departments[index].name.dropFirst())"
        }
        func withUnit(_ index: Int) -> String {
            let units = departments[index].units
            return units.isEmpty ? name(index) : "\(name(index)), \(rng.pick(units))"
        }
        switch rng.int(0...9) {
        case 0, 1: return name(lead)
        case 2, 3, 4: return withUnit(lead)
        case 5:
            let units = departments[lead].units
            guard units.count >= 2 else { return withUnit(lead) }
            let pair = rng.sample(units, 2)
            return "\(name(lead)), \(pair[0]) tillsammans med \(pair[1])."
        case 6, 7:
            var other = rng.int(0...(departments.count - 1))
            if other == lead { other = (other + 1) % departments.count }
            return "\(withUnit(lead)) tillsammans med \(withUnit(other))"
        case 8: return "\(withUnit(lead)) samt eventuella berörda verksamheter som äger lämplig information."
        default:
            let other = (lead + 1 + rng.int(0...(departments.count - 2))) % departments.count
            return "\(name(lead)) och \(name(other))"
        }
    }

    /// A template with `{k}` (k may be negative) replaced by `start + k`.
    static func fill(_ template: String, from start: Int) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += String(start + (Int(rest[rest.index(after: open)..<close]) ?? 0))
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    // MARK: - Municipality names

    /// `count` municipality names, real ones of Västra Götaland first, then made-up ones, each at
    /// least three edits from every other, so that the importer (which forgives two-letter
    /// misspellings of a förvaltning's name) never takes one municipality's förvaltning for another's.
    static func municipalityNames(count: Int) -> [String] {
        if count == 1 { return ["Björkhamn"] }
        var candidates = PlanVocabulary.realMunicipalities
        for prefix in PlanVocabulary.namePrefixes {
            for suffix in PlanVocabulary.nameSuffixes { candidates.append(prefix + suffix) }
        }
        let base = candidates
        for qualifier in ["Övre", "Nedre", "Norra", "Södra", "Västra", "Östra"] {
            candidates += base.map { "\(qualifier) \($0)" }
        }
        var kept: [String] = []
        var keys: [[Character]] = []
        for name in candidates where kept.count < count {
            let key = Array(name.lowercased())
            if keys.allSatisfy({ editDistance($0, key) >= 3 }) {
                kept.append(name)
                keys.append(key)
            }
        }
        precondition(kept.count == count, "at most \(kept.count) municipalities can be named")
        return kept
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if abs(a.count - b.count) >= 3 { return 3 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Lines of plain text with a blank line after each paragraph, as "save as text" writes them.
struct PlanWriter {
    private(set) var text = ""

    mutating func line(_ line: String) {
        text += line
        text += "\n"
    }

    mutating func blank() { text += "\n" }

    mutating func append(_ other: PlanWriter) { text += other.text }

    mutating func paragraph(_ line: String) {
        self.line(line)
        blank()
    }
}
