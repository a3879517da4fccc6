import AgendaCore
import Foundation

/// The public website of an agenda: plain files a web editor copies onto the municipality's site,
/// built from the published periods and the public fields only (`public.tsv`), never from
/// IT-rådet's report.
///
/// Every file is made by its path, so a static export and a web server serve the same bytes:
///
/// ```swift
/// let site = try PublicSite.read(from: service, templates: templates, baseURL: "/oppet/")
/// site.paths                       // ["index.html", "omraden/1.html", …, "flode.atom", "stil.css"]
/// try site.file(at: "index.html")  // the start page's bytes; nil for a path the site does not have
/// PublicSite.contentType(for: "oppna-data/aktiviteter.csv")  // "text/csv; charset=utf-8"
/// try site.write(to: directory)    // every file; files whose bytes are unchanged are not rewritten
/// ```
///
/// The output is deterministic: the same database, templates and base URL give the same bytes.
public struct PublicSite: Sendable {
    let model: SiteModel
    let templates: TemplateSet
    let settings: PublicSettings
    let links: SiteLinks
    /// Each page's path → what it shows, to find a page by its path at once.
    let index: [String: Page]

    /// What a page shows.
    enum Page: Sendable {
        case area(Int), action(Int), period(Int)
    }

    init(model: SiteModel, templates: TemplateSet, settings: PublicSettings, links: SiteLinks) {
        self.model = model
        self.templates = templates
        self.settings = settings
        self.links = links
        var index: [String: Page] = [:]
        for (i, area) in model.areas.enumerated() { index[Self.areaPath(area.number)] = .area(i) }
        for (i, action) in model.actions.enumerated() { index[Self.actionPath(action.code)] = .action(i) }
        for (i, period) in model.periods.enumerated() { index[Self.periodPath(period.period)] = .period(i) }
        self.index = index
    }

    /// Reads the site from `store` in one snapshot. `baseURL` is the path prefix or absolute URL the
    /// site is served under (`/oppet/`, `https://kommun.se/agenda/`); nil: links relative to each page.
    public static func read(from store: AgendaStore, templates: TemplateSet, baseURL: String? = nil) throws -> PublicSite {
        let settings = templates.publicSettings
        return PublicSite(
            model: try SiteModel.read(from: store, settings: settings, templates: templates), templates: templates,
            settings: settings, links: SiteLinks(baseURL: baseURL))
    }

    /// Reads the site through the service, in one snapshot (see ``read(from:templates:baseURL:)``).
    public static func read(from service: AgendaService, templates: TemplateSet, baseURL: String? = nil) throws -> PublicSite {
        try service.read { store in try read(from: store, templates: templates, baseURL: baseURL) }
    }

    // MARK: - Paths

    static let stylesheetPath = "stil.css"
    static let feedPath = "flode.atom"
    static let openDataPage = "oppna-data/index.html"
    static let csvPath = "oppna-data/aktiviteter.csv"
    static let jsonPath = "oppna-data/aktiviteter.json"
    static let dcatPath = "oppna-data/dcat.rdf"

    static func areaPath(_ number: Int) -> String { "omraden/\(number).html" }
    static func periodPath(_ period: Period) -> String { "perioder/\(period).html" }
    /// An action's page; a code's characters other than letters, digits, `.` and `-` become `_`.
    static func actionPath(_ code: String) -> String {
        let safe = String(code.unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "-")) ? Character(scalar) : "_"
        })
        return "aktiviteter/\(safe).html"
    }

    /// Every file of the site, relative to its root, in a fixed order.
    public var paths: [String] {
        ["index.html"] + model.areas.map { Self.areaPath($0.number) } + model.actions.map { Self.actionPath($0.code) }
            + model.periods.map { Self.periodPath($0.period) }
            + [Self.openDataPage, Self.csvPath, Self.jsonPath, Self.dcatPath, Self.feedPath, Self.stylesheetPath]
    }

    /// The bytes of the file at `path` (relative to the site's root, e.g. `aktiviteter/1.2.html`); nil when
    /// the site has no such file.
    public func file(at path: String) throws -> Data? {
        switch path {
        case "index.html", "": return try startPage()
        case Self.openDataPage: return try openDataPage()
        case Self.csvPath: return try csv()
        case Self.jsonPath: return try json()
        case Self.dcatPath: return try dcat()
        case Self.feedPath: return try atom()
        case Self.stylesheetPath: return Data(stylesheet.utf8)
        default: break
        }
        switch index[path] {
        case .area(let i): return try areaPage(model.areas[i])
        case .action(let i): return try actionPage(model.actions[i])
        case .period(let i): return try periodPage(model.periods[i])
        case nil: return nil
        }
    }

    /// The media type to serve the file at `path` with.
    public static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "json": "application/json"
        case "rdf": "application/rdf+xml"
        case "atom": "application/atom+xml"
        default: "application/octet-stream"
        }
    }

    /// Writes every file under `directory` (created if needed) and returns their URLs. A file whose
    /// bytes are already there is left untouched, so only changed pages change.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        let fm = FileManager.default
        var written: [URL] = []
        for path in paths {
            guard let data = try file(at: path) else { continue }
            let url = directory.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if fm.fileExists(atPath: url.path), (try? Data(contentsOf: url)) == data {
                    written.append(url)
                    continue
                }
                try data.write(to: url, options: .atomic)
            } catch {
                throw ReportError.output(file: url.path, reason: error.localizedDescription)
            }
            written.append(url)
        }
        return written
    }

    /// The site's stylesheet: the report's, the web's and the site's own CSS.
    var stylesheet: String { templates.webStylesheet + "\n" + templates.siteCSS }
}

/// How the site links its files: relative to the linking page, or under a base URL.
struct SiteLinks: Sendable {
    /// The prefix every link starts with, ending in `/`; nil: relative links.
    let baseURL: String?

    init(baseURL: String?) {
        guard let baseURL, !baseURL.isEmpty else {
            self.baseURL = nil
            return
        }
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// The link from the page at `page` to the file at `target` (both relative to the site's root).
    func href(_ target: String, from page: String) -> String {
        if let baseURL { return baseURL + target }
        let depth = page.split(separator: "/").count - 1
        return String(repeating: "../", count: max(depth, 0)) + target
    }

    /// The absolute URL of `target` when the base URL is absolute (`https://…`); else nil.
    func absolute(_ target: String) -> String? {
        guard let baseURL, baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else { return nil }
        return baseURL + target
    }
}
