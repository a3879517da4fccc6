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
/// A site read this way holds every published period's statuses, for serving any file by its path.
/// To write a large site to a folder, ``write(from:templates:baseURL:to:)`` reads and writes in one
/// pass with flat memory: one period's statuses, then one action's, at a time, and the open data
/// streamed to its files. Both give the same bytes.
///
/// The output is deterministic: the same database, templates and base URL give the same bytes.
public struct PublicSite: Sendable {
    let model: SiteModel
    let templates: TemplateSet
    let settings: PublicSettings
    let links: SiteLinks
    /// Each page's path → what it shows, to find a page by its path at once.
    let index: [String: Page]
    /// Per published period (as ``SiteModel/periods``), its statuses as known at publication; empty
    /// for a site that ``write(from:templates:baseURL:to:)`` streams.
    let periodStatuses: [[String: StatusEntry]]

    /// What a page shows.
    enum Page: Sendable {
        case area(Int), action(Int), period(Int)
    }

    init(model: SiteModel, templates: TemplateSet, settings: PublicSettings, links: SiteLinks, periodStatuses: [[String: StatusEntry]] = []) {
        self.model = model
        self.periodStatuses = periodStatuses
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
    public static func read(from store: StoreSnapshot, templates: TemplateSet, baseURL: String? = nil) throws -> PublicSite {
        let settings = templates.publicSettings
        var statuses: [[String: StatusEntry]] = []
        let model = try SiteModel.read(from: store, settings: settings, templates: templates) { statuses.append($1) }
        return PublicSite(
            model: model, templates: templates, settings: settings, links: SiteLinks(baseURL: baseURL), periodStatuses: statuses)
    }

    /// Reads the site through the service, in one snapshot (see ``read(from:templates:baseURL:)``).
    public static func read(from service: AgendaService, templates: TemplateSet, baseURL: String? = nil) throws -> PublicSite {
        try service.read { snapshot in try read(from: snapshot, templates: templates, baseURL: baseURL) }
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
        case .action(let i): return try actionPage(i, entries: entries(ofAction: i))
        case .period(let i): return try periodPage(model.periods[i], statuses: periodStatuses[i])
        case nil: return nil
        }
    }

    /// Per published period, the status of the action at `index` (nil where none), from the statuses held.
    func entries(ofAction index: Int) -> [StatusEntry?] {
        let code = model.actions[index].code
        return periodStatuses.map { $0[code] }
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
        var written: [URL] = []
        for path in paths {
            guard let data = try file(at: path) else { continue }
            written.append(try Self.store(data, at: path, in: directory))
        }
        return written
    }

    /// Reads the site from `store` and writes every file under `directory` (created if needed) in one
    /// read snapshot, with flat memory: the period pages one period at a time as its statuses are read,
    /// then per action its statuses in every published period, its page, and its rows of the open data,
    /// which are streamed to their files. The same bytes as ``read(from:templates:baseURL:)`` followed
    /// by ``write(to:)``; a file whose bytes are already there is left untouched. Returns the files' URLs.
    @discardableResult
    public static func write(from store: StoreSnapshot, templates: TemplateSet, baseURL: String? = nil, to directory: URL) throws -> [URL] {
        let settings = templates.publicSettings
        let links = SiteLinks(baseURL: baseURL)
        return try store.read {
            var written: [URL] = []
            var model = try SiteModel.readPlan(from: store, settings: settings, templates: templates)
            // The period pages need the plan, never the other periods: written as each period is read.
            let plan = PublicSite(model: model, templates: templates, settings: settings, links: links)
            var periodFiles: [URL] = []
            try model.readPeriods(from: store) { period, statuses in
                periodFiles.append(try Self.store(plan.periodPage(period, statuses: statuses), at: periodPath(period.period), in: directory))
            }
            let site = PublicSite(model: model, templates: templates, settings: settings, links: links)
            written.append(try Self.store(try site.startPage(), at: "index.html", in: directory))
            for area in model.areas { written.append(try Self.store(try site.areaPage(area), at: areaPath(area.number), in: directory)) }
            // Per action: its statuses in every published period, once, for its page, its CSV rows and its JSON.
            let csv = try StreamedFile(csvPath, in: directory)
            let json = try StreamedFile(jsonPath, in: directory)
            let columns = site.columns
            try site.writeCSVHeader(columns, to: csv.output)
            let jsonWriter = try OpenDataJSONWriter(site: site, to: json.output)
            let lookups = model.periods.map(\.lookup)
            for (index, action) in model.actions.enumerated() {
                let known = try store.statuses(of: action.code, lookups)
                let entries = model.periods.indices.map { model.periods[$0].contains(index) ? known[$0] : nil }
                written.append(try Self.store(try site.actionPage(index, entries: entries), at: actionPath(action.code), in: directory))
                try site.writeCSVRows(columns, action: index, entries: entries, to: csv.output)
                try jsonWriter.action(index, entries: entries)
            }
            try jsonWriter.finish()
            written += periodFiles
            if let data = try site.file(at: openDataPage) { written.append(try Self.store(data, at: openDataPage, in: directory)) }
            written.append(try csv.commit())
            written.append(try json.commit())
            for path in [dcatPath, feedPath, stylesheetPath] {
                guard let data = try site.file(at: path) else { continue }
                written.append(try Self.store(data, at: path, in: directory))
            }
            return written
        }
    }

    /// Writes `data` to a hidden file beside `url` and renames it over `url`, so a reader of the folder
    /// sees the old file or the new one, never half of one. Without `Data.write(options: .atomic)`'s
    /// fsync per file: 15 000 of them were a quarter of writing a national site, and a static export
    /// written again after a crash is as good.
    static func replace(_ url: URL, with data: Data) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var failure: Int32 = 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary.path, url.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary.path)
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
    }

    /// Reads the site through the service and writes it (see ``write(from:templates:baseURL:to:)``).
    @discardableResult
    public static func write(from service: AgendaService, templates: TemplateSet, baseURL: String? = nil, to directory: URL) throws -> [URL] {
        try service.read { snapshot in try write(from: snapshot, templates: templates, baseURL: baseURL, to: directory) }
    }

    /// Writes `data` to `path` under `directory` unless the file there already holds those bytes.
    static func store(_ data: Data, at path: String, in directory: URL) throws -> URL {
        let fm = FileManager.default
        let url = directory.appendingPathComponent(path)
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: url.path), (try? Data(contentsOf: url)) == data { return url }
            try replace(url, with: data)
        } catch {
            throw ReportError.output(file: url.path, reason: error.localizedDescription)
        }
        return url
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

/// A file of the site written as it is made: to a hidden file beside it, which replaces it when done
/// unless the bytes are the ones already there.
final class StreamedFile {
    let url: URL
    let temporary: URL
    let output: TextOutput

    init(_ path: String, in directory: URL) throws {
        url = directory.appendingPathComponent(path)
        temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(file: url.path, reason: error.localizedDescription)
        }
        output = try TextOutput(file: temporary)
    }

    deinit { try? FileManager.default.removeItem(at: temporary) }

    /// Finishes the file and puts it in place; returns its URL.
    func commit() throws -> URL {
        try output.finish()
        let fm = FileManager.default
        do {
            if fm.fileExists(atPath: url.path), try Self.sameBytes(url, temporary) {
                try fm.removeItem(at: temporary)
            } else {
                if rename(temporary.path, url.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        } catch {
            throw ReportError.output(file: url.path, reason: error.localizedDescription)
        }
        return url
    }

    /// Whether two files hold the same bytes, compared a megabyte at a time.
    static func sameBytes(_ a: URL, _ b: URL) throws -> Bool {
        let fm = FileManager.default
        guard (try fm.attributesOfItem(atPath: a.path)[.size] as? Int) == (try fm.attributesOfItem(atPath: b.path)[.size] as? Int) else {
            return false
        }
        let x = try FileHandle(forReadingFrom: a), y = try FileHandle(forReadingFrom: b)
        defer {
            try? x.close()
            try? y.close()
        }
        while true {
            let p = try x.read(upToCount: 1 << 20) ?? Data(), q = try y.read(upToCount: 1 << 20) ?? Data()
            if p != q { return false }
            if p.isEmpty { return true }
        }
    }
}
