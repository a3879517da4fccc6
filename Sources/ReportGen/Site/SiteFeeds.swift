import AgendaCore
import Foundation

/// The site's machine-read descriptions: the Atom feed of published periods and plan decisions,
/// and the DCAT-AP-SE description of the open data (RDF/XML), both through ``XMLWriter``.
extension PublicSite {
    // MARK: - Atom

    struct FeedEntry {
        var id: String
        var title: String
        var updated: String
        var link: String
        var summary: String
    }

    /// An identifier for `path`: its absolute URL when the base URL is absolute, else a URN naming the
    /// organisation and the path (Atom needs identifiers that are IRIs, never relative).
    func identifier(_ path: String) -> String {
        if let url = links.absolute(path) { return url }
        let allowed = CharacterSet.alphanumerics.subtracting(CharacterSet(charactersIn: "åäöÅÄÖéÉüÜ")).union(CharacterSet(charactersIn: "-."))
        func part(_ text: String) -> String {
            text.lowercased().replacingOccurrences(of: " ", with: "-").addingPercentEncoding(withAllowedCharacters: allowed) ?? "agenda"
        }
        return "urn:x-agenda:\(part(model.organisation)):\(part(path))"
    }

    var feedEntries: [FeedEntry] {
        var entries: [FeedEntry] = []
        let from = Self.feedPath
        for period in model.periods {
            let path = Self.periodPath(period.period)
            var summary = "Statusrapporten för \(period.period.swedishLabel) är publicerad."
            if settings.shows(.status) {
                let total = period.total
                let parts = StatusCategory.allCases.filter { total.count(of: $0) > 0 }.map { "\(labels.status($0)): \(total.count(of: $0))" }
                summary += " " + parts.joined(separator: ", ") + "."
            }
            entries.append(FeedEntry(
                id: identifier(path) + "#publicerad-\(period.publication.publishedAt.description)",
                title: "Status \(period.period.swedishLabel) publicerad", updated: period.publication.publishedAt.description,
                link: links.href(path, from: from), summary: summary))
        }
        for decision in model.decisions {
            guard let date = decision.revision.date else { continue }
            let changed = decision.changes.map { change -> String in
                let kind = switch change.kind {
                case .added: "ny"
                case .revised: "ändrad"
                case .closed: "avslutad"
                case .withdrawn: "struken"
                case .reopened: "återupptagen"
                }
                return "\(change.after.code) \(change.after.title) (\(kind))"
            }
            let target = decision.changes.count == 1 ? Self.actionPath(decision.changes[0].after.code) : "index.html"
            var summary = "Beslut om planen: \(decisionText(decision.revision))."
            if !changed.isEmpty { summary += " Aktiviteter: " + changed.joined(separator: "; ") + "." }
            entries.append(FeedEntry(
                id: identifier("index.html") + "#beslut-\(decision.revision.number)",
                title: "Beslut om planen \(date): \(decision.revision.reference ?? "ändring \(decision.revision.number)")",
                updated: Timestamp(date).description, link: links.href(target, from: from), summary: summary))
        }
        return entries.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
    }

    func atom() throws -> Data {
        let w = try XMLWriter(memoryContext: Self.feedPath)
        let entries = feedEntries
        try w.startDocument()
        try w.start("feed")
        try w.attribute("xmlns", "http://www.w3.org/2005/Atom")
        try w.attribute("xml:lang", "sv")
        try w.element("id", text: identifier(Self.feedPath))
        try w.element("title", text: "\(model.title) – publicerade statusrapporter och beslut")
        try w.element("updated", text: entries.first?.updated ?? "1970-01-01T00:00:00Z")
        try w.element("author") { try w.element("name", text: model.organisation) }
        try w.empty("link", ["rel": "self", "type": "application/atom+xml", "href": links.href(Self.feedPath, from: Self.feedPath)])
        try w.empty("link", ["rel": "alternate", "type": "text/html", "href": links.href("index.html", from: Self.feedPath)])
        try w.element("rights", text: settings.licenceName)
        for entry in entries {
            try w.element("entry") {
                try w.element("id", text: entry.id)
                try w.element("title", text: entry.title)
                try w.element("updated", text: entry.updated)
                try w.empty("link", ["rel": "alternate", "type": "text/html", "href": entry.link])
                try w.element("summary", ["type": "text"], text: entry.summary)
            }
        }
        try w.end()
        try w.endDocument()
        return w.data
    }

    // MARK: - DCAT-AP-SE

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    func dcat() throws -> Data {
        let w = try XMLWriter(memoryContext: Self.dcatPath)
        let from = Self.dcatPath
        func resource(_ name: String, _ uri: String) throws { try w.empty(name, ["rdf:resource": uri]) }
        func swedish(_ name: String, _ text: String) throws { try w.element(name, ["xml:lang": "sv"], text: text) }
        let licence = settings.licence
        let publisher = settings.publisher ?? model.organisation
        let dataset = links.href(Self.dcatPath, from: from) + "#dataset"
        let distributions: [(id: String, title: String, path: String, format: String, media: String)] = [
            ("csv", "CSV: en rad per aktivitet och period", Self.csvPath, "CSV", "text/csv"),
            ("json", "JSON: planen och statusen per period för varje aktivitet", Self.jsonPath, "JSON", "application/json"),
        ]
        try w.startDocument()
        try w.start("rdf:RDF")
        for (prefix, uri) in [
            ("rdf", Self.rdf), ("dcat", "http://www.w3.org/ns/dcat#"), ("dcterms", "http://purl.org/dc/terms/"),
            ("foaf", "http://xmlns.com/foaf/0.1/"), ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ] { try w.attribute("xmlns:\(prefix)", uri) }
        try w.element("dcat:Catalog", ["rdf:about": links.href(Self.dcatPath, from: from) + "#katalog"]) {
            try swedish("dcterms:title", "\(model.organisation): öppna data om \(model.title)")
            try swedish("dcterms:description", "Katalog över de öppna data som \(model.organisation) publicerar om genomförandet av \(model.title).")
            try w.element("dcterms:publisher") {
                try w.element("foaf:Agent") {
                    try w.element("foaf:name", text: publisher)
                    try resource("dcterms:type", "http://purl.org/adms/publishertype/LocalAuthority")
                }
            }
            try resource("dcterms:license", licence)
            try resource("foaf:homepage", links.href("index.html", from: from))
            try resource("dcterms:language", "http://publications.europa.eu/resource/authority/language/SWE")
            try resource("dcat:dataset", dataset)
        }
        try w.element("dcat:Dataset", ["rdf:about": dataset]) {
            try swedish("dcterms:title", "\(model.title): aktiviteter och status")
            try swedish("dcterms:description", "Aktiviteterna i \(model.title) med ansvarig, tidsplan och status per publicerad period, som \(model.organisation) följer upp dem. Endast publicerade statusrapporter och de uppgifter kommunen har gjort offentliga.")
            try w.element("dcterms:publisher") {
                try w.element("foaf:Agent") {
                    try w.element("foaf:name", text: publisher)
                    try resource("dcterms:type", "http://purl.org/adms/publishertype/LocalAuthority")
                }
            }
            try w.element("dcat:contactPoint") {
                try w.element("vcard:Organization") {
                    try w.element("vcard:fn", text: publisher)
                    if let contact = settings.contact { try resource("vcard:hasEmail", "mailto:\(contact)") }
                }
            }
            for keyword in settings.keywords { try swedish("dcat:keyword", keyword) }
            try resource("dcat:theme", "http://publications.europa.eu/resource/authority/data-theme/GOVE")
            try resource("dcterms:language", "http://publications.europa.eu/resource/authority/language/SWE")
            try resource("dcat:landingPage", links.href("index.html", from: from))
            if let latest = model.periods.map(\.publication.publishedAt).max() {
                try w.element("dcterms:modified", ["rdf:datatype": "http://www.w3.org/2001/XMLSchema#date"], text: latest.swedishDate.description)
            }
            for distribution in distributions {
                try resource("dcat:distribution", links.href(Self.dcatPath, from: from) + "#\(distribution.id)")
            }
        }
        for distribution in distributions {
            try w.element("dcat:Distribution", ["rdf:about": links.href(Self.dcatPath, from: from) + "#\(distribution.id)"]) {
                try swedish("dcterms:title", distribution.title)
                try resource("dcat:accessURL", links.href(distribution.path, from: from))
                try resource("dcat:downloadURL", links.href(distribution.path, from: from))
                try resource("dcterms:format", "http://publications.europa.eu/resource/authority/file-type/\(distribution.format)")
                try resource("dcat:mediaType", "https://www.iana.org/assignments/media-types/\(distribution.media)")
                try resource("dcterms:license", licence)
            }
        }
        try w.end()
        try w.endDocument()
        return w.data
    }
}
