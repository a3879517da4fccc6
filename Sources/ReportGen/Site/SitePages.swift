import AgendaCore
import Foundation

/// The site's HTML pages: polyglot XHTML (no XML declaration) written through ``PageWriter``, valid
/// both as `text/html` and as XML.
extension PublicSite {
    var labels: Labels { templates.labels }

    /// Starts a page at `path` with the site's frame.
    func startPage(_ title: String, at path: String, current: String? = nil) throws -> PageWriter {
        let nav: [PageWriter.Link] = [
            .init("Start", href: links.href("index.html", from: path), current: current == "index.html"),
            .init("Öppna data", href: links.href(Self.openDataPage, from: path), current: current == Self.openDataPage),
        ]
        return try PageWriter(
            title: title, templates: templates, organisation: model.organisation,
            stylesheet: links.href(Self.stylesheetPath, from: path), navigation: nav, xmlDeclaration: false)
    }

    /// Closes `<main>`, writes the footer every page has and returns the page's bytes.
    func finishPage(_ page: PageWriter, at path: String) throws -> Data {
        try page.endMain()
        try page.element("footer", [("class", "site-footer")]) {
            try page.element("p") {
                try page.text("\(model.title) – \(model.organisation). Sidorna visar de statusrapporter som har publicerats. ")
                try page.element("a", [("href", links.href("index.html", from: path))], text: "Till startsidan")
                try page.text(" · ")
                try page.element("a", [("href", links.href(Self.feedPath, from: path)), ("type", "application/atom+xml")], text: "Följ ändringar (Atom-flöde)")
                try page.text(" · ")
                try page.element("a", [("href", links.href(Self.openDataPage, from: path))], text: "Öppna data (\(settings.licenceName))")
            }
        }
        return try page.finish()
    }

    func breadcrumbs(_ page: PageWriter, at path: String, _ trail: [(String, String)]) throws {
        try page.element("nav", [("class", "breadcrumbs"), ("aria-label", "Du är här")]) {
            try page.element("ol") {
                try page.element("li") { try page.element("a", [("href", links.href("index.html", from: path))], text: "Start") }
                for (title, target) in trail {
                    try page.element("li") { try page.element("a", [("href", links.href(target, from: path))], text: title) }
                }
            }
        }
    }

    func areaTitle(_ area: FocusArea) -> String { "Insatsområde \(area.number): \(area.title)" }
    func actionTitle(_ action: Action) -> String { "\(action.code) \(action.title)" }


    func stateText(_ action: Action) -> String {
        switch action.state {
        case .active: "Aktiv"
        case .closed: "Avslutad"
        case .withdrawn: "Struken"
        }
    }

    func decisionText(_ revision: Revision) -> String {
        var parts: [String] = []
        if let reference = revision.reference, !reference.isEmpty { parts.append(reference) }
        if let date = revision.date { parts.append(date.description) }
        var text = parts.isEmpty ? "beslut nr \(revision.number)" : parts.joined(separator: ", ")
        if let note = revision.note, !note.isEmpty { text += ". \(note)" }
        return text
    }

    /// The status and light of `entry` as badges, with text and symbol (never by colour alone).
    func statusBadges(_ page: PageWriter, _ entry: StatusEntry?) throws {
        if settings.shows(.status) {
            let category = StatusCategory(entry)
            try page.element("span", [("class", "badge status st-\(category.key)")], text: labels.statusWithSymbol(category))
        }
        if settings.shows(.light), let light = entry?.report.light {
            try page.element("span", [("class", "badge light-\(light.rawValue)")], text: "Trafikljus: \(labels.light(light))")
        }
    }

    // MARK: - Summary

    func categories(_ counts: [StatusCounts]) -> [StatusCategory] {
        StatusCategory.allCases.filter { category in counts.contains { $0.count(of: category) > 0 } }
    }

    /// The status overview of a published period: a table per insatsområde and its chart.
    func summary(_ page: PageWriter, _ period: SiteModel.PublishedPeriod, at path: String) throws {
        guard settings.shows(.status) else { return }
        let (perArea, total) = (period.perArea, period.total)
        let areas = model.areas.filter { perArea[$0.number] != nil }
        let categories = categories(Array(perArea.values) + [total])
        try page.table([("class", "report-table")], caption: "Aktiviteternas status \(period.period.swedishLabel), per insatsområde") {
            try page.element("thead") {
                try page.element("tr") {
                    try page.element("th", [("scope", "col")], text: labels["summary.area"])
                    for category in categories { try page.element("th", [("scope", "col"), ("class", "num")], text: labels.statusWithSymbol(category)) }
                    try page.element("th", [("scope", "col"), ("class", "num")], text: labels["summary.total"])
                }
            }
            try page.element("tbody") {
                for area in areas {
                    let counts = perArea[area.number] ?? StatusCounts()
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")]) {
                            try page.element("a", [("href", links.href(Self.areaPath(area.number), from: path))], text: areaTitle(area))
                        }
                        for category in categories { try page.element("td", [("class", "num")], text: String(counts.count(of: category))) }
                        try page.element("td", [("class", "num")], text: String(counts.total))
                    }
                }
                try page.element("tr", [("class", "total")]) {
                    try page.element("th", [("scope", "row")], text: labels["summary.total"])
                    for category in categories { try page.element("td", [("class", "num")], text: String(total.count(of: category))) }
                    try page.element("td", [("class", "num")], text: String(total.total))
                }
            }
        }
        let chart = StatusChart(
            title: "Status \(period.period.swedishLabel) per insatsområde",
            description: "Stapeldiagram: antal aktiviteter per status i varje insatsområde. Samma siffror står i tabellen ovan.",
            bars: areas.map { ("\($0.number). \($0.title)", perArea[$0.number] ?? StatusCounts()) }, categories: categories)
        try page.element("figure", [("class", "chart")]) {
            try ChartWriter(chart: chart, templates: templates).write(to: page.w, standalone: false)
        }
    }

    // MARK: - Pages

    func startPage() throws -> Data {
        let path = "index.html"
        let page = try startPage(model.title, at: path, current: path)
        try page.element("h1", text: model.title)
        if !settings.intro.isEmpty { try page.element("p", [("class", "lead")], text: settings.intro) }
        try page.paragraphs(model.description, breakingAt: .blankLine)
        if let latest = model.latest {
            try page.element("h2", text: "Läget \(latest.period.swedishLabel)")
            try page.element("p") {
                try page.text("Enligt statusrapporten som publicerades \(latest.publication.publishedAt.swedishDate). ")
                try page.element("a", [("href", links.href(Self.periodPath(latest.period), from: path))], text: "Alla aktiviteter \(latest.period.swedishLabel)")
            }
            try summary(page, latest, at: path)
        } else {
            try page.element("p", text: "Ingen statusrapport är publicerad ännu.")
        }
        try page.element("h2", text: "Insatsområden")
        try page.element("ul", [("class", "card-list")]) {
            for area in model.areas {
                let count = model.actions.filter { $0.areaNumber == area.number }.count
                try page.element("li") {
                    try page.element("a", [("href", links.href(Self.areaPath(area.number), from: path))], text: areaTitle(area))
                    try page.empty("br")
                    try page.text(Swedish.count(count, "aktivitet", "aktiviteter"))
                }
            }
        }
        if !model.periods.isEmpty {
            try page.element("h2", text: "Publicerade statusrapporter")
            try page.element("ul") {
                for period in model.periods.reversed() {
                    try page.element("li") {
                        try page.element("a", [("href", links.href(Self.periodPath(period.period), from: path))], text: "Status \(period.period.swedishLabel)")
                        try page.text(", publicerad \(period.publication.publishedAt.swedishDate)")
                    }
                }
            }
        }
        return try finishPage(page, at: path)
    }

    func areaPage(_ area: FocusArea) throws -> Data {
        let path = Self.areaPath(area.number)
        let page = try startPage(areaTitle(area), at: path)
        try breadcrumbs(page, at: path, [])
        try page.element("h1", text: areaTitle(area))
        try page.paragraphs(area.description, breakingAt: .blankLine)
        let actions = model.actions.indices.filter { model.actions[$0].areaNumber == area.number }
        let latest = model.latest
        try page.table([("class", "report-table")], caption: latest.map { "Aktiviteterna och deras status \($0.period.swedishLabel)" } ?? "Aktiviteterna") {
            try page.element("thead") {
                try page.element("tr") {
                    try page.element("th", [("scope", "col")], text: "Aktivitet")
                    if settings.shows(.plan) { try page.element("th", [("scope", "col")], text: "Ansvarig") }
                    if latest != nil, settings.shows(.status) || settings.shows(.light) {
                        try page.element("th", [("scope", "col")], text: "Status")
                    }
                }
            }
            try page.element("tbody") {
                for index in actions {
                    let action = model.actions[index]
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")]) {
                            try page.element("a", [("href", links.href(Self.actionPath(action.code), from: path))], text: actionTitle(action))
                            if action.state != .active { try page.text(" (\(stateText(action).lowercased()))") }
                        }
                        if settings.shows(.plan) { try page.element("td", text: responsible(action)) }
                        if let latest, settings.shows(.status) || settings.shows(.light) {
                            try page.element("td") {
                                if latest.contains(index) { try statusBadges(page, model.latestStatuses[action.code]) }
                            }
                        }
                    }
                }
            }
        }
        return try finishPage(page, at: path)
    }

    func responsible(_ action: Action) -> String {
        if !action.responsibility.text.isEmpty { return action.responsibility.text }
        return action.responsibility.units.map(\.displayName).joined(separator: ", ")
    }

    /// The page of the action at `index` of the plan; `entries` are its statuses per published period
    /// (see ``entries(ofAction:)``).
    func actionPage(_ index: Int, entries: [StatusEntry?]) throws -> Data {
        let action = model.actions[index]
        let path = Self.actionPath(action.code)
        let page = try startPage(actionTitle(action), at: path)
        let area = model.areaByNumber[action.areaNumber]
        try breadcrumbs(page, at: path, area.map { [(areaTitle($0), Self.areaPath($0.number))] } ?? [])
        try page.element("h1", text: actionTitle(action))
        switch action.state {
        case .withdrawn:
            try page.element("div", [("class", "withdrawn")]) {
                try page.element("p") {
                    try page.element("strong", text: "Aktiviteten är struken ur planen. ")
                    if let revision = model.withdrawnBy[action.code] { try page.text("Beslut: \(decisionText(revision))") }
                }
            }
        case .closed:
            try page.element("p", [("class", "notice")], text: "Aktiviteten är avslutad.")
        case .active:
            break
        }
        try page.element("dl", [("class", "facts")]) {
            func fact(_ term: String, _ value: String) throws {
                guard !value.isEmpty else { return }
                try page.element("div") {
                    try page.element("dt", text: term)
                    try page.element("dd", text: value)
                }
            }
            if let area { try fact("Insatsområde", areaTitle(area)) }
            if let sub = action.subAreaCode, sub != action.code, let subArea = model.subAreaByCode[sub] {
                try fact("Delområde", "\(subArea.code) \(subArea.title)")
            }
            if settings.shows(.plan) {
                try fact("Ansvarig", responsible(action))
                try fact("Tidsplan", action.schedule.text ?? "")
            }
            if settings.shows(.plannedCost) { try fact("Kostnad", action.cost.text ?? "") }
            try fact("Läge", stateText(action))
        }
        if settings.shows(.plan) {
            if !action.background.isEmpty {
                try page.element("h2", text: "Bakgrund")
                try page.paragraphs(action.background, breakingAt: .blankLine)
            }
            if !action.plan.text.isEmpty || !action.plan.steps.isEmpty {
                try page.element("h2", text: "Det här ska göras")
                // The plan text holds the numbered steps too: when they were read, the list says it better.
                if action.plan.steps.isEmpty {
                    try page.paragraphs(action.plan.text, breakingAt: .blankLine)
                } else {
                    try page.element("ol") {
                        for step in action.plan.steps { try page.element("li", text: step.text) }
                    }
                }
            }
            if !action.effectGoals.isEmpty {
                try page.element("h2", text: "Effektmål")
                try page.element("ul") {
                    for goal in action.effectGoals { try page.element("li", text: goal) }
                }
            }
        }
        try page.element("h2", text: "Status per period")
        let periods = model.periods.indices.filter { model.periods[$0].contains(index) }
        if periods.isEmpty {
            try page.element("p", text: "Ingen statusrapport för aktiviteten är publicerad ännu.")
        } else {
            try page.element("ol", [("class", "timeline")]) {
                for number in periods {
                    try page.element("li") {
                        try timelineEntry(page, model.periods[number], entry: entries[number], at: path)
                    }
                }
            }
        }
        return try finishPage(page, at: path)
    }

    func timelineEntry(_ page: PageWriter, _ period: SiteModel.PublishedPeriod, entry: StatusEntry?, at path: String) throws {
        try page.element("h3") {
            try page.element("a", [("href", links.href(Self.periodPath(period.period), from: path))], text: period.period.swedishLabel.capitalisedFirst)
        }
        try page.element("p") { try statusBadges(page, entry) }
        guard let entry else { return }
        if entry.carriedOver {
            try page.element("p", [("class", "meta")], text: "Ingen ny rapport för perioden; senaste rapporten gällde \(entry.report.period).")
        }
        if settings.shows(.comment), !entry.report.comment.isEmpty { try page.element("p", text: entry.report.comment) }
        let extra: [(String, String)] = [
            settings.shows(.obstacles) ? ("Hinder", entry.report.obstacles) : nil,
            settings.shows(.nextSteps) ? ("Nästa steg", entry.report.nextSteps) : nil,
            settings.shows(.actualCost) ? ("Faktisk kostnad", entry.report.actualCost.map { SwedishAmount.format($0) } ?? "") : nil,
            settings.shows(.reporter) ? ("Rapporterad av", entry.report.reporter) : nil,
        ].compactMap { $0 }.filter { !$0.1.isEmpty }
        if !extra.isEmpty {
            try page.element("dl", [("class", "facts")]) {
                for (term, value) in extra {
                    try page.element("div") {
                        try page.element("dt", text: term)
                        try page.element("dd", text: value)
                    }
                }
            }
        }
    }

    /// The page of a published period; `statuses` are its statuses as known at publication.
    func periodPage(_ period: SiteModel.PublishedPeriod, statuses: [String: StatusEntry]) throws -> Data {
        let path = Self.periodPath(period.period)
        let title = "Status \(period.period.swedishLabel)"
        let page = try startPage(title, at: path)
        try breadcrumbs(page, at: path, [])
        try page.element("h1", text: title)
        try page.element("p", text: "Statusrapporten publicerades \(period.publication.publishedAt.swedishDate) och visar det som var rapporterat då.")
        try summary(page, period, at: path)
        let byArea = Dictionary(grouping: model.actions.indices.filter { period.contains($0) }, by: { model.actions[$0].areaNumber })
        for area in model.areas {
            guard let actions = byArea[area.number], !actions.isEmpty else { continue }
            try page.element("h2") {
                try page.element("a", [("href", links.href(Self.areaPath(area.number), from: path))], text: areaTitle(area))
            }
            try page.table([("class", "report-table")], caption: "Aktiviteterna i insatsområde \(area.number), \(period.period.swedishLabel)") {
                try page.element("thead") {
                    try page.element("tr") {
                        try page.element("th", [("scope", "col")], text: "Aktivitet")
                        if settings.shows(.status) || settings.shows(.light) { try page.element("th", [("scope", "col")], text: "Status") }
                        if settings.shows(.comment) { try page.element("th", [("scope", "col")], text: "Kommentar") }
                    }
                }
                try page.element("tbody") {
                    for index in actions {
                        let action = model.actions[index]
                        let entry = statuses[action.code]
                        try page.element("tr") {
                            try page.element("th", [("scope", "row")]) {
                                try page.element("a", [("href", links.href(Self.actionPath(action.code), from: path))], text: actionTitle(action))
                                if period.states[index] == .withdrawn { try page.text(" (struken)") }
                            }
                            if settings.shows(.status) || settings.shows(.light) {
                                try page.element("td") { try statusBadges(page, entry) }
                            }
                            if settings.shows(.comment) { try page.element("td", text: entry?.report.comment ?? "") }
                        }
                    }
                }
            }
        }
        return try finishPage(page, at: path)
    }

    func openDataPage() throws -> Data {
        let path = Self.openDataPage
        let page = try startPage("Öppna data", at: path, current: path)
        try page.element("h1", text: "Öppna data")
        try page.element("p", text: "Samma uppgifter som på webbplatsen finns som öppna data: en rad per aktivitet och publicerad period. Uppgifterna får användas fritt enligt licensen \(settings.licenceName).")
        try page.element("ul") {
            try page.element("li") {
                try page.element("a", [("href", links.href(Self.csvPath, from: path)), ("type", "text/csv")], text: "aktiviteter.csv")
                try page.text(" – CSV (UTF-8, kommaavgränsad), en rad per aktivitet och period")
            }
            try page.element("li") {
                try page.element("a", [("href", links.href(Self.jsonPath, from: path)), ("type", "application/json")], text: "aktiviteter.json")
                try page.text(" – JSON: planen och statusen per period för varje aktivitet")
            }
            try page.element("li") {
                try page.element("a", [("href", links.href(Self.dcatPath, from: path)), ("type", "application/rdf+xml")], text: "dcat.rdf")
                try page.text(" – beskrivning enligt DCAT-AP-SE för Sveriges dataportal")
            }
            try page.element("li") {
                try page.element("a", [("href", links.href(Self.feedPath, from: path)), ("type", "application/atom+xml")], text: "flode.atom")
                try page.text(" – Atom-flöde med publicerade statusrapporter och beslut om planen")
            }
        }
        try page.element("h2", text: "Licens")
        try page.element("p") {
            try page.element("a", [("href", settings.licence), ("rel", "license")], text: settings.licenceName)
        }
        if let contact = settings.contact {
            try page.element("h2", text: "Frågor om uppgifterna")
            try page.element("p") { try page.element("a", [("href", "mailto:\(contact)")], text: contact) }
        }
        return try finishPage(page, at: path)
    }
}

extension String {
    /// The string with its first letter upper-cased ("kvartal 3 2018" → "Kvartal 3 2018").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
