@testable import AgendaCore
import CLibXML2
import Foundation
import Testing
@testable import ReportGen

/// `agenda site`'s public website and open data, on the demo store with a few marked reports.
@Suite struct SiteTests {
    static let q4 = try! Period(parsing: "2018Q4")
    static let y19q1 = try! Period(parsing: "2019Q1")

    /// Texts that must never reach the public site by default.
    enum Marker {
        static let obstacles = "HINDERMARKÖR-7c1"
        static let nextSteps = "NÄSTASTEGMARKÖR-7c1"
        static let cost = 987_654
        static let reporter = "Rapportör Markörsson"
        static let afterPublication = "EFTERPUBLICERINGSMARKÖR-7c1"
        static let unpublished = "OPUBLICERADMARKÖR-7c1"
        static let comment = "KOMMENTARMARKÖR-7c1"
        static let hostile = "<script>alert(\"x\")</script> & <b>fet</b>, \"citat\""
        static let withdrawal = "IT-rådet 2018-12-05 §7"
    }

    /// A copy of the demo with: a report for 2018Q4 by a named reporter carrying every field, 2018Q4
    /// published, a correction after that, a report for the unpublished 2019Q1, and 3.2 withdrawn.
    static func markedStore() throws -> AgendaStore {
        let store = try DemoStore.open()
        let owner = try DemoStore.identity("IT-chef", in: store)
        let issued = try store.addIdentity(
            name: Marker.reporter, role: .owner, by: owner, at: Timestamp(CalendarDate(iso: "2019-01-02")!, hour: 9))
        let reporter = try store.authenticate(token: issued.token)
        try store.reportStatus(
            StatusInput(
                action: "1.2", period: q4, status: .started, light: .yellow, comment: Marker.comment + " " + Marker.hostile,
                obstacles: Marker.obstacles, nextSteps: Marker.nextSteps, actualCost: Marker.cost),
            by: reporter, at: Timestamp(CalendarDate(iso: "2019-01-10")!, hour: 9))
        try store.withdrawAction(
            code: "3.2", decision: Decision(reference: Marker.withdrawal, date: CalendarDate(iso: "2018-12-05"), note: "Ersätts av regional tjänst."),
            by: owner, at: Timestamp(CalendarDate(iso: "2018-12-06")!, hour: 9))
        try store.publish(period: q4, by: owner, at: Timestamp(CalendarDate(iso: "2019-01-20")!, hour: 12))
        try store.reportStatus(
            StatusInput(action: "1.2", period: q4, status: .done, light: .green, comment: Marker.afterPublication),
            by: owner, at: Timestamp(CalendarDate(iso: "2019-01-25")!, hour: 9))
        try store.reportStatus(
            StatusInput(action: "1.3", period: y19q1, status: .done, light: .green, comment: Marker.unpublished),
            by: owner, at: Timestamp(CalendarDate(iso: "2019-04-02")!, hour: 9))
        return store
    }

    static func templates(fields: String? = nil) throws -> TemplateSet {
        guard let fields else { return try TemplateSet.bundled() }
        let dir = try Support.tempDirectory().appendingPathComponent("mallar")
        try TemplateSet.export(to: dir)
        let url = dir.appendingPathComponent("public.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "fields\tplan,plannedCost,status,light,comment", with: "fields\t\(fields)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try TemplateSet.load(from: dir)
    }

    /// Every file of a written site: path relative to the folder → bytes.
    static func files(in dir: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = dir.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(root.count))] = try Data(contentsOf: url)
        }
        return result
    }

    static func written(_ store: AgendaStore, templates: TemplateSet, baseURL: String? = nil) throws -> [String: Data] {
        let dir = try Support.tempDirectory()
        try PublicSite.read(from: store.snapshot, templates: templates, baseURL: baseURL).write(to: dir)
        return try files(in: dir)
    }

    static func contains(_ files: [String: Data], _ text: String) -> [String] {
        files.filter { String(decoding: $0.value, as: UTF8.self).contains(text) }.map(\.key).sorted()
    }

    // MARK: - Only what is public

    @Test func onlyPublishedPeriodsAndPublicFieldsReachTheSite() throws {
        let files = try Self.written(try Self.markedStore(), templates: try Self.templates())
        #expect(files["perioder/2018Q4.html"] != nil && files["perioder/2018Q3.html"] != nil)
        #expect(files["perioder/2019Q1.html"] == nil)
        for hidden in [
            Marker.afterPublication, Marker.unpublished, Marker.obstacles, Marker.nextSteps, Marker.reporter,
            "987654", "987 654", "987\u{00A0}654",
        ] {
            #expect(Self.contains(files, hidden).isEmpty, "\(hidden) is in \(Self.contains(files, hidden))")
        }
        #expect(Self.contains(files, Marker.comment).contains("aktiviteter/1.2.html"))
        #expect(Self.contains(files, Marker.comment).contains("oppna-data/aktiviteter.csv"))
        // 9.2's report for 2018Q3 was filed after 2018Q3 was published: the site shows what was known then.
        let store = try DemoStore.open()
        let q3 = try Period(parsing: "2018Q3")
        let late = try #require(try store.status(of: "9.2", for: q3))
        let known = try store.status(of: "9.2", for: q3, knownAt: try #require(try store.publication(for: q3)).publishedAt)
        #expect(late != known)
        let page = String(decoding: try #require(files["perioder/2018Q3.html"]), as: UTF8.self)
        let start = try #require(page.range(of: "aktiviteter/9.2.html"))
        let row = page[start.lowerBound..<(try #require(page.range(of: "</tr>", range: start.upperBound..<page.endIndex))).lowerBound]
        #expect(late.report.period == "2018Q3" && known?.report.period != "2018Q3")
        #expect(row.contains(try #require(known?.report.comment)))
        #expect(!row.contains(late.report.comment))
    }

    @Test func fieldsTheSettingMakesPublicAreShown() throws {
        let all = PublicSettings.Field.allCases.map(\.rawValue).joined(separator: ",")
        let files = try Self.written(try Self.markedStore(), templates: try Self.templates(fields: all))
        for shown in [Marker.obstacles, Marker.nextSteps, Marker.reporter] {
            #expect(Self.contains(files, shown).contains("aktiviteter/1.2.html"), "\(shown)")
            #expect(Self.contains(files, shown).contains("oppna-data/aktiviteter.csv"), "\(shown)")
            #expect(Self.contains(files, shown).contains("oppna-data/aktiviteter.json"), "\(shown)")
        }
        #expect(Self.contains(files, "987654").contains("oppna-data/aktiviteter.csv"))
        // Still never what was not published.
        #expect(Self.contains(files, Marker.afterPublication).isEmpty)
        #expect(Self.contains(files, Marker.unpublished).isEmpty)
    }

    @Test func anUnknownFieldInTheSettingIsRefusedNamingTheFile() throws {
        #expect(throws: ReportError.self) { try Self.templates(fields: "plan,hemligt") }
    }

    /// A template folder exported before public.tsv and site.css existed still loads, with the built-in ones.
    @Test func anOlderTemplateFolderGetsTheBuiltInSiteFiles() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        for name in ["public.tsv", "site.css"] { try FileManager.default.removeItem(at: dir.appendingPathComponent(name)) }
        let templates = try TemplateSet.load(from: dir)
        #expect(templates.publicSettings == (try TemplateSet.bundled().publicSettings))
        #expect(templates.publicSettings.fields == PublicSettings.standard.fields)
        #expect(templates.siteCSS == (try TemplateSet.bundled().siteCSS))
    }

    @Test func withdrawnActionShowsItsDecision() throws {
        let files = try Self.written(try Self.markedStore(), templates: try Self.templates())
        let page = try ParsedXML(try #require(files["aktiviteter/3.2.html"]), name: "3.2.html")
        #expect(page.text.contains("struken"))
        #expect(page.text.contains(Marker.withdrawal))
        #expect(page.text.contains("Ersätts av regional tjänst."))
        let json = try JSONSerialization.jsonObject(with: try #require(files["oppna-data/aktiviteter.json"])) as? [String: Any]
        let action = (json?["aktiviteter"] as? [[String: Any]])?.first { $0["kod"] as? String == "3.2" }
        #expect(action?["lage"] as? String == "struken")
        #expect((action?["aterkalladGenom"] as? [String: Any])?["referens"] as? String == Marker.withdrawal)
    }

    // MARK: - Markup

    @Test func pagesAreWellFormedPolyglotAndHostileTextStaysText() throws {
        let files = try Self.written(try Self.markedStore(), templates: try Self.templates())
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 40)
        for (path, data) in pages {
            #expect(data.starts(with: Data("<!DOCTYPE html>".utf8)), "\(path) must not start with an XML declaration")
            let doc = try ParsedXML(data, name: path)
            #expect(doc.count(localName: "script") == 0, "\(path)")
            #expect(doc.first("main") != nil && doc.first("h1") != nil, "\(path)")
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("index.html"), "\(path) links to the start page")
        }
        let page = try ParsedXML(try #require(files["aktiviteter/1.2.html"]), name: "1.2")
        #expect(page.text.contains(Marker.hostile))
        #expect(page.count(localName: "b") == 0)
    }

    @Test func atomAndDCATAreWellFormed() throws {
        let store = try Self.markedStore()
        let files = try Self.written(store, templates: try Self.templates())
        let atom = try ParsedXML(try #require(files["flode.atom"]), name: "flode.atom")
        #expect(String(cString: atom.root.pointee.name) == "feed")
        let entries = atom.count(localName: "entry")
        let decisions = try store.revisions().filter { $0.number > 1 && $0.date != nil }.count
        #expect(entries == 2 + decisions)
        #expect(atom.text.contains("Status kvartal 4 2018 publicerad"))
        #expect(atom.text.contains(Marker.withdrawal))
        let rdf = try ParsedXML(try #require(files["oppna-data/dcat.rdf"]), name: "dcat.rdf")
        #expect(XMLTree.qualifiedName(of: rdf.root) == "rdf:RDF")
        #expect(rdf.count(localName: "Dataset") == 1)
        #expect(rdf.count(localName: "Distribution") == 2)
        let licence = try #require(rdf.first("dcterms:license"))
        #expect(rdf.serialise(licence).contains("rdf:resource=\"http://creativecommons.org/publicdomain/zero/1.0/\""))
    }

    // MARK: - Open data

    /// RFC 4180, as the site writes it.
    static func parseCSV(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" && chars.first == "\n" { chars.removeFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// The CSV columns docs/open-data.md documents, in order (the first column of its column table).
    static func documentedColumns() throws -> [String] {
        let doc = try String(contentsOf: Support.packageRoot.appendingPathComponent("docs/open-data.md"), encoding: .utf8)
        let section = doc.components(separatedBy: "## The CSV").last?.components(separatedBy: "\n## ").first ?? ""
        return section.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { line in
            line.split(separator: "`").dropFirst().first.map(String.init)
        }
    }

    @Test func csvParsesBackWithTheDocumentedColumns() throws {
        let store = try Self.markedStore()
        let all = PublicSettings.Field.allCases.map(\.rawValue).joined(separator: ",")
        let full = Self.parseCSV(try #require(try Self.written(store, templates: try Self.templates(fields: all))["oppna-data/aktiviteter.csv"]))
        #expect(full.first == (try Self.documentedColumns()))
        let csvData = try #require(try Self.written(store, templates: try Self.templates())["oppna-data/aktiviteter.csv"])
        #expect(csvData.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = Self.parseCSV(csvData)
        let header = try #require(rows.first)
        #expect(Set(header).isSubset(of: Set(try Self.documentedColumns())))
        #expect(!header.contains("hinder") && !header.contains("rapporterad av"))
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let period = try #require(header.firstIndex(of: "period")), code = try #require(header.firstIndex(of: "aktivitet"))
        let comment = try #require(header.firstIndex(of: "kommentar"))
        let row = try #require(rows.first { $0[code] == "1.2" && $0[period] == "2018Q4" })
        #expect(row[comment] == Marker.comment + " " + Marker.hostile)
        let expectedRows = try store.publications().map { publication in
            try store.agenda(asOf: try Period(parsing: publication.period).end).actions.count
        }.reduce(0, +)
        #expect(rows.count - 1 == expectedRows)
    }

    /// OWASP's CSV-injection advice: a cell a spreadsheet would run as a formula starts with an apostrophe.
    @Test func csvCellsThatWouldRunAsFormulasAreNeutralised() throws {
        let store = try DemoStore.open()
        let owner = try DemoStore.identity("IT-chef", in: store)
        let formula = "=HYPERLINK(\"https://example.org\";\"Klicka här\")"
        try store.reportStatus(
            StatusInput(action: "1.2", period: Self.q4, status: .started, light: .yellow, comment: formula),
            by: owner, at: Timestamp(CalendarDate(iso: "2019-01-10")!, hour: 9))
        try store.publish(period: Self.q4, by: owner, at: Timestamp(CalendarDate(iso: "2019-01-20")!, hour: 12))
        let rows = Self.parseCSV(try #require(try Self.written(store, templates: try Self.templates())["oppna-data/aktiviteter.csv"]))
        let header = try #require(rows.first)
        let period = try #require(header.firstIndex(of: "period")), code = try #require(header.firstIndex(of: "aktivitet"))
        let comment = try #require(header.firstIndex(of: "kommentar"))
        let row = try #require(rows.first { $0[code] == "1.2" && $0[period] == "2018Q4" })
        #expect(row[comment] == "'" + formula)

        for trigger in ["=1+1", "+46 31 123", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            #expect(PublicSite.neutralised(trigger) == "'" + trigger, "\(trigger)")
        }
        for kept in ["Klart", "-5", "12,5", "+3", "1 234", "", "a=b"] {
            #expect(PublicSite.neutralised(kept) == kept, "\(kept)")
        }
        #expect(PublicSite.csvField("=A1,B1") == "\"'=A1,B1\"")
    }

    @Test func jsonHasEveryKeyTheSchemaRequires() throws {
        let files = try Self.written(try Self.markedStore(), templates: try Self.templates())
        let jsonData = try #require(files["oppna-data/aktiviteter.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        let schemaData = try Data(contentsOf: Support.packageRoot.appendingPathComponent("docs/open-data.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        var checked = 0
        /// Walks `value` along `schema`: required keys present, no key the schema does not name, types of arrays' items.
        func check(_ value: Any, _ schema: [String: Any], _ at: String) {
            if let object = value as? [String: Any] {
                let properties = schema["properties"] as? [String: Any] ?? [:]
                for key in schema["required"] as? [String] ?? [] {
                    #expect(object[key] != nil, "\(at) lacks \(key)")
                    checked += 1
                }
                for (key, child) in object {
                    guard let sub = properties[key] as? [String: Any] else {
                        Issue.record("\(at).\(key) is not in the schema")
                        continue
                    }
                    check(child, sub, "\(at).\(key)")
                }
            } else if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { check(item, items, "\(at)[\(index)]") }
            }
        }
        check(json, schema, "$")
        #expect(checked > 100)
        #expect(json["format"] as? String == "agenda-oppna-data")
    }

    // MARK: - Determinism, links, the API

    @Test func theSameDatabaseGivesTheSameBytes() throws {
        let store = try Self.markedStore()
        let first = try Self.written(store, templates: try Self.templates())
        let second = try Self.written(store, templates: try Self.templates())
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs") }
    }

    @Test func writeLeavesUnchangedFilesAlone() throws {
        let store = try Self.markedStore()
        let site = try PublicSite.read(from: store.snapshot, templates: try Self.templates())
        let dir = try Support.tempDirectory()
        try site.write(to: dir)
        let index = dir.appendingPathComponent("index.html")
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: index.path)
        try site.write(to: dir)
        let date = try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date
        #expect(date == old)
    }

    @Test func fileAtPathIsWhatWriteWrites() throws {
        let site = try PublicSite.read(from: try Self.markedStore().snapshot, templates: try Self.templates(), baseURL: "/oppet/")
        let dir = try Support.tempDirectory()
        try site.write(to: dir)
        let files = try Self.files(in: dir)
        #expect(Set(files.keys) == Set(site.paths))
        for path in site.paths { #expect(try site.file(at: path) == files[path], "\(path)") }
        #expect(try site.file(at: "hemligt.html") == nil)
        #expect(try site.file(at: "../agenda.sqlite") == nil)
        #expect(PublicSite.contentType(for: "index.html") == "text/html; charset=utf-8")
        let page = String(decoding: try #require(files["aktiviteter/1.2.html"]), as: UTF8.self)
        #expect(page.contains("href=\"/oppet/index.html\""))
        #expect(page.contains("href=\"/oppet/stil.css\""))
    }

    @Test func relativeLinksClimbToTheRoot() throws {
        let files = try Self.written(try Self.markedStore(), templates: try Self.templates())
        let page = String(decoding: try #require(files["aktiviteter/1.2.html"]), as: UTF8.self)
        #expect(page.contains("href=\"../index.html\""))
        #expect(page.contains("href=\"../stil.css\""))
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(index.contains("href=\"stil.css\""))
        #expect(index.contains("href=\"omraden/1.html\""))
    }
}

/// `agenda site`'s one-pass writing (one period, then one action at a time; the open data streamed to
/// its files) against reading the whole site and writing it.
@Suite struct SiteStreamingTests {
    @Test func theStreamedSiteHasTheBytesOfTheSiteReadWhole() throws {
        let store = try SiteTests.markedStore()
        let all = PublicSettings.Field.allCases.map(\.rawValue).joined(separator: ",")
        for (templates, baseURL) in [(try SiteTests.templates(), nil), (try SiteTests.templates(fields: all), "https://kommun.se/agenda/")] {
            let whole = try SiteTests.written(store, templates: templates, baseURL: baseURL)
            let dir = try Support.tempDirectory()
            let urls = try PublicSite.write(from: store.snapshot, templates: templates, baseURL: baseURL, to: dir)
            let streamed = try SiteTests.files(in: dir)
            #expect(streamed.keys.sorted() == whole.keys.sorted(), "no other file, no temporary file left")
            for (path, data) in whole { #expect(streamed[path] == data, "\(path) differs") }
            #expect(Set(urls.map { $0.standardizedFileURL.path }) == Set(whole.keys.map { dir.appendingPathComponent($0).standardizedFileURL.path }))
        }
    }

    @Test func theStreamedWriteLeavesUnchangedFilesAloneAndReplacesChangedOnes() throws {
        let store = try SiteTests.markedStore()
        let templates = try SiteTests.templates()
        let dir = try Support.tempDirectory()
        try PublicSite.write(from: store.snapshot, templates: templates, to: dir)
        let csv = dir.appendingPathComponent("oppna-data/aktiviteter.csv")
        let json = dir.appendingPathComponent("oppna-data/aktiviteter.json")
        let old = Date(timeIntervalSince1970: 1_000_000)
        for url in [csv, json] { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path) }
        let before = try Data(contentsOf: json)
        try Data("gammalt".utf8).write(to: json)
        try PublicSite.write(from: store.snapshot, templates: templates, to: dir)
        #expect(try FileManager.default.attributesOfItem(atPath: csv.path)[.modificationDate] as? Date == old)
        #expect(try Data(contentsOf: json) == before, "a changed file is written again")
        #expect(try SiteTests.files(in: dir).keys.allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// The JSON written one action at a time is what JSONEncoder makes of the whole document, with
    /// every action and with none.
    @Test func theStreamedJSONIsTheEncodersBytes() throws {
        let all = PublicSettings.Field.allCases.map(\.rawValue).joined(separator: ",")
        let site = try PublicSite.read(from: try SiteTests.markedStore().snapshot, templates: try SiteTests.templates(fields: all))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func whole(_ site: PublicSite) throws -> Data {
            let actions = site.model.actions.indices.map { site.actionJSON($0, entries: site.entries(ofAction: $0)) }
            return try encoder.encode(OpenDataJSON(head: site.openDataHead, aktiviteter: actions)) + Data([0x0A])
        }
        #expect(try site.json() == (try whole(site)))
        var model = site.model
        model.actions = []
        for i in model.periods.indices { model.periods[i].states = [] }
        let empty = PublicSite(model: model, templates: site.templates, settings: site.settings, links: site.links, periodStatuses: site.periodStatuses)
        let data = try empty.json()
        #expect(data == (try whole(empty)))
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("{\n  \"aktiviteter\" : [\n\n  ],\n  \"format\" : "))
    }
}
