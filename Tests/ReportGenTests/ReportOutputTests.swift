@testable import AgendaCore
import CLibXML2
import Foundation
import Testing
import ZIPFoundation
@testable import ReportGen

@Suite struct ReportOutputTests {
    /// Writes all five formats of the report before and after status reporting (into $REPORT_OUT when
    /// set, for check-report and a look at the pages; else a fresh folder): every file is there, not
    /// empty, and every XML document in it is well-formed.
    @Test func writesEveryFormatOfBothFixtures() throws {
        let dir = try ProcessInfo.processInfo.environment["REPORT_OUT"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? Support.tempDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let templates = try TemplateSet.load(from: nil)
        for model in [Fixture.model, Fixture.modelWithStatus] {
            var files: [ReportFormat: URL] = [:]
            for format in ReportFormat.allCases {
                let url = dir.appendingPathComponent(ReportFile.fileName(for: model.period, format: format))
                try ReportWriter.write(model, format: format, to: url, templates: templates)
                #expect(try Data(contentsOf: url).count > 1000, "\(url.lastPathComponent)")
                files[format] = url
            }
            let documents = try Self.documents(files)
            #expect(documents.count == 3 + 2 * 5)
            for (name, data) in documents {
                #expect(throws: Never.self, "\(name)") { _ = try ParsedXML(data, name: name) }
            }
        }
    }

    /// Every XML document of every format, named: the flat files, and each part of each package.
    static func documents(_ files: [ReportFormat: URL]) throws -> [(name: String, data: Data)] {
        var result: [(String, Data)] = []
        for format in ReportFormat.allCases {
            let url = files[format]!
            switch format {
            case .xhtml, .fodt, .fods:
                result.append((url.lastPathComponent, try Data(contentsOf: url)))
            case .odt, .ods:
                for (entry, data) in try Support.entries(of: url) where entry.path.hasSuffix(".xml") {
                    result.append(("\(url.lastPathComponent)/\(entry.path)", data))
                }
            }
        }
        return result
    }

    @Test func everyFormatIsWellFormedXML() throws {
        let documents = try Self.documents(try Support.writeAll())
        #expect(documents.count == 3 + 2 * 5)
        for (name, data) in documents {
            #expect(throws: Never.self, "\(name)") { _ = try ParsedXML(data, name: name) }
        }
    }

    @Test func xhtmlIsXHTMLWithOneH1AndAccessibleTables() throws {
        let url = try Support.writeAll()[.xhtml]!
        let data = try Data(contentsOf: url)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        let doc = try ParsedXML(data, name: "xhtml")
        #expect(String(cString: doc.root.pointee.ns!.pointee.href) == "http://www.w3.org/1999/xhtml")
        #expect(doc.count(localName: "h1") == 1)
        #expect(doc.count(localName: "table") == doc.count(localName: "caption"))
        #expect(doc.count(localName: "svg") == 2)
        #expect(text.contains("Ingen status har rapporterats för perioden"))
        #expect(text.contains("@page"))
    }

    @Test func odfDocumentsValidateAgainstTheODF13Schema() throws {
        let schemaDir = Support.schemaDirectory
        let schema = schemaDir.appendingPathComponent("OpenDocument-v1.3-schema.rng")
        let manifestSchema = schemaDir.appendingPathComponent("OpenDocument-v1.3-manifest-schema.rng")
        for (name, data) in try Self.documents(try Support.writeAll()) where !name.hasSuffix(".xhtml") {
            let errors = try Support.relaxNGErrors(data, name: name, schema: name.hasSuffix("manifest.xml") ? manifestSchema : schema)
            #expect(errors.isEmpty, "\(name): \(errors.prefix(5).joined(separator: "; "))")
        }
    }

    @Test func hostileTitleAppearsLiterallyInEveryFormat() throws {
        let documents = try Self.documents(try Support.writeAll())
        for (name, data) in documents where name.hasSuffix(".xhtml") || name.hasSuffix(".fodt") || name.hasSuffix(".fods") || name.hasSuffix("content.xml") {
            let doc = try ParsedXML(data, name: name)
            #expect(doc.text.contains(Fixture.hostileTitleClean), "\(name)")
            #expect(doc.count(localName: "script") == 0, "\(name)")
            #expect(!String(decoding: data, as: UTF8.self).contains("\u{0001}"), "\(name)")
        }
    }

    @Test func controlCharactersAreRemovedBeforeLibxml2() {
        #expect(XMLText.clean("a\u{0001}b\u{000B}c\u{FFFE}d\te\nf\rg\u{1F600}") == "abcd\te\nf\rg\u{1F600}")
        #expect(XMLText.clean("ok") == "ok")
    }

    /// The word-at-a-time scan says what a byte-by-byte one says, wherever in the text (any offset
    /// in an eight-byte word, across words, at the end) the forbidden bytes stand.
    @Test func theScanForForbiddenCharactersMatchesTheByteByByteRule() {
        func byteByByte(_ bytes: [UInt8]) -> Bool {
            bytes.indices.contains { i in
                let byte = bytes[i]
                return (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD)
                    || (byte == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE)
            }
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xBE, 0xBF, 0xC3, 0xB6, 0xEF, 0xFF]
        for length in 0...40 {
            for _ in 0..<300 {
                let bytes = (0..<length).map { _ in
                    Bool.random(using: &generator) ? UInt8(ascii: "a") : alphabet.randomElement(using: &generator)!
                }
                let scanned = bytes.withUnsafeBufferPointer(XMLText.holdsForbidden)
                #expect(scanned == byteByByte(bytes), "\(bytes)")
            }
        }
        let clean = Array("Skolförvaltningen – 2018Q4\tgrön\r\n".utf8)
        #expect(!clean.withUnsafeBufferPointer(XMLText.holdsForbidden))
        for position in 0..<clean.count {
            for forbidden in [[UInt8(0x0B)], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF]] {
                var bytes = clean
                bytes.insert(contentsOf: forbidden, at: position)
                #expect(bytes.withUnsafeBufferPointer(XMLText.holdsForbidden), "\(forbidden) at \(position)")
            }
        }
    }

    @Test func sameModelGivesByteIdenticalFiles() throws {
        let first = try Support.writeAll()
        let second = try Support.writeAll()
        for format in ReportFormat.allCases {
            #expect(try Data(contentsOf: first[format]!) == Data(contentsOf: second[format]!), "\(format)")
        }
    }

    @Test(arguments: [ReportFormat.odt, .ods])
    func packageStartsWithStoredMimetype(_ format: ReportFormat) throws {
        let url = try Support.writeAll()[format]!
        let bytes = try Data(contentsOf: url)
        // Local file header: the first entry's name starts at offset 30, the media type right after it.
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(bytes[8] == 0 && bytes[9] == 0, "compression method 0 (stored)")
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<(38 + format.mediaType.utf8.count)], as: UTF8.self) == format.mediaType)
        let entries = try Support.entries(of: url)
        #expect(entries.map(\.entry.path) == ["mimetype", "content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml"])
        #expect(entries[0].entry.type == .file)
        #expect(entries.dropFirst().allSatisfy { $0.entry.isCompressed })
        // Every entry is dated 1980-01-01 00:00 UTC, so packages are byte-identical run to run.
        #expect(entries.allSatisfy { $0.entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800) })
    }

    @Test(arguments: [(ReportFormat.fodt, ReportFormat.odt), (.fods, .ods)])
    func packagedPartsEqualTheFlatDocument(_ flatFormat: ReportFormat, _ packageFormat: ReportFormat) throws {
        let files = try Support.writeAll()
        let flat = try ParsedXML(try Data(contentsOf: files[flatFormat]!), name: "flat")
        let parts = Dictionary(uniqueKeysWithValues: try Support.entries(of: files[packageFormat]!).map { ($0.entry.path, $0.data) })
        let content = try ParsedXML(parts["content.xml"]!, name: "content.xml")
        let styles = try ParsedXML(parts["styles.xml"]!, name: "styles.xml")
        let meta = try ParsedXML(parts["meta.xml"]!, name: "meta.xml")
        let settings = try ParsedXML(parts["settings.xml"]!, name: "settings.xml")
        for (name, part) in [("office:body", content), ("office:font-face-decls", content)] {
            #expect(flat.serialise(flat.first(name)!) == part.serialise(part.first(name)!), "\(name)")
        }
        for (name, part) in [("office:styles", styles), ("office:master-styles", styles), ("office:meta", meta), ("office:settings", settings)] {
            #expect(flat.serialise(flat.first(name)!) == part.serialise(part.first(name)!), "\(name)")
        }
        // The flat automatic styles are the template's followed by the content's own, exactly what content.xml holds.
        #expect(flat.serialise(flat.first("office:automatic-styles")!) == content.serialise(content.first("office:automatic-styles")!))
    }

    @Test func textDocumentHasHeadingsTOCHeaderRowsAndPageNumbers() throws {
        let doc = try ParsedXML(try Data(contentsOf: try Support.writeAll()[.fodt]!), name: "fodt")
        #expect(doc.first("text:table-of-content") != nil)
        #expect(doc.first("text:page-number") != nil)
        #expect(doc.count(localName: "table-header-rows") == doc.count(localName: "table"))
        #expect(doc.first("draw:image") != nil)
        let heading = doc.first("text:h")!
        #expect(ParsedXML.attribute("outline-level", of: heading) == "1")
    }

    /// The contents show page numbers without the reader updating the index: each entry ends in a tab and a
    /// page reference to a bookmark at the start of its heading, one bookmark per heading listed.
    @Test func contentsEntriesReferToTheirHeadingsPages() throws {
        let doc = try ParsedXML(try Data(contentsOf: try Support.writeAll()[.fodt]!), name: "fodt")
        let entries = doc.all("text:p", under: doc.first("text:index-body")!).filter { ParsedXML.attribute("style-name", of: $0) == "Contents_20_1" }
        #expect(entries.count >= 8)
        let bookmarks = doc.all("text:bookmark")
        #expect(bookmarks.count == entries.count)
        for entry in entries {
            #expect(doc.first("text:tab", under: entry) != nil)
            let reference = try #require(doc.first("text:bookmark-ref", under: entry))
            #expect(ParsedXML.attribute("reference-format", of: reference) == "page")
            let name = try #require(ParsedXML.attribute("ref-name", of: reference))
            let targets = bookmarks.filter { ParsedXML.attribute("name", of: $0) == name }
            #expect(targets.count == 1, "\(name)")
            let heading = try #require(targets.first?.pointee.parent)
            #expect(XMLTree.qualifiedName(of: heading) == "text:h", "\(name)")
            #expect(ParsedXML.text(of: heading) == ParsedXML.text(of: entry), "\(name): the entry names its heading")
        }
    }

    @Test func spreadsheetHasTypedCellsFrozenHeaderAndAutofilter() throws {
        let doc = try ParsedXML(try Data(contentsOf: try Support.writeAll()[.fods]!), name: "fods")
        let text = doc.serialise(doc.root)
        #expect(text.contains("office:value-type=\"float\" office:value=\"200000\""))
        #expect(text.contains("office:value-type=\"string\""))
        #expect(text.contains("table:display-filter-buttons=\"true\""))
        #expect(text.contains("<config:config-item config:name=\"VerticalSplitMode\" config:type=\"short\">2</config:config-item>"))
        // The actions' sheet: a header and 12 actions; the effect sheet: a header and the 14 effektmål.
        #expect(doc.count(localName: "table-row") == (1 + 12) + (1 + 14))
    }

    @Test func reportedStatusIsShownWithLabelSymbolReporterAndDate() throws {
        let statuses = ["1.2": StatusEntry(label: .almostDone, light: .green, comment: "Plan godkänd", reporter: "Anna Berg", reportedOn: CalendarDate(year: 2018, month: 6, day: 15))]
        let model = ReportBuilder.build(agenda: Fixture.agenda, period: Fixture.period, statuses: statuses)
        let files = try Support.writeAll(model)
        for format in [ReportFormat.xhtml, .fodt, .fods] {
            let text = try ParsedXML(try Data(contentsOf: files[format]!), name: "\(format)").text
            #expect(text.contains("Nästan klar") && text.contains("Anna Berg") && text.contains("2018-06-15"), "\(format)")
        }
        let xhtml = try String(contentsOf: files[.xhtml]!, encoding: .utf8)
        #expect(xhtml.contains("◕ Nästan klar"))
        #expect(!xhtml.contains("Ingen status har rapporterats för perioden.</strong>"))
    }

    @Test func fileNameUsesThePeriodCode() throws {
        #expect(ReportFile.name(for: try Period(parsing: "2018q2")) == "agenda-2018Q2")
        #expect(ReportFile.fileName(for: try Period(parsing: "2018"), format: .ods) == "agenda-2018.ods")
    }
}
