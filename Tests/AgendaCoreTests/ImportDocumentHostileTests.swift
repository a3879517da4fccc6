import Foundation
import Testing

@testable import AgendaCore

/// Zip and XML built to do harm are refused in bounded time and memory, with one line, before anything
/// is written: a zip bomb, entry names that leave the package, too many entries, billion laughs, an
/// external entity, nesting past libxml2's depth limit.
@Suite struct ImportDocumentHostileTests {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let plan = """
        <w:document xmlns:w="\(w)"><w:body>\
        <w:p><w:r><w:t>1. Extern service</w:t></w:r></w:p><w:p><w:r><w:t>1.1 E-tjänster</w:t></w:r></w:p>\
        <w:p><w:r><w:t>Ansvarig: IT-avdelningen</w:t></w:r></w:p></w:body></w:document>
        """

    /// The refusal, checked to be a one-line ``DocumentError`` that came within `seconds`.
    static func refusal(_ data: Data, _ format: PlanFormat = .docx, seconds: Double = 1) throws -> DocumentError {
        let clock = ContinuousClock()
        var refusal: Error?
        let elapsed = clock.measure {
            do {
                _ = try PlanSource.read(data, filename: "plan.\(format.rawValue)", format: format)
            } catch {
                refusal = error
            }
        }
        let error = try #require(refusal as? DocumentError, "\(String(describing: refusal))")
        #expect(!error.description.contains("\n"))
        #expect(elapsed < .seconds(seconds), "\(elapsed)")
        return error
    }

    /// The offsets of the central directory headers, by entry name.
    static func centralHeaders(_ bytes: [UInt8]) -> [String: Int] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let end = stride(from: bytes.count - 22, through: 0, by: -1).first { u32($0) == 0x0605_4B50 }!
        var headers: [String: Int] = [:]
        var offset = u32(end + 16)
        for _ in 0..<u16(end + 10) {
            let nameLength = u16(offset + 28)
            headers[String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)] = offset
            offset += 46 + nameLength + u16(offset + 30) + u16(offset + 32)
        }
        return headers
    }

    static func put32(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }

    @Test func thePlanUsedBelowImports() throws {
        let data = try ImportDocumentBadInputTests.package([("word/document.xml", Data(Self.plan.utf8))])
        #expect(try ImportDocumentBadInputTests.parse(data, .docx).agenda.actions.count == 1)
    }

    /// A real bomb: 100 MB of spaces after the plan, deflated to about 100 kB.
    @Test func aPartThatUnpacksPastTheLimitIsRefused() throws {
        var xml = Data(Self.plan.utf8)
        xml.append(Data(repeating: 0x20, count: 100 * 1_048_576))
        let data = try ImportDocumentBadInputTests.package([("word/document.xml", xml)])
        #expect(data.count < 1_048_576)
        guard case let .unsafePackage(_, reason) = try Self.refusal(data) else {
            Issue.record("expected unsafePackage")
            return
        }
        #expect(reason.contains("word/document.xml packas upp till 100 MB"))
    }

    /// A part that claims 4 GB is refused before anything is allocated; one that claims less than it
    /// holds is inflated only as far as it claims, and refused.
    @Test(arguments: [(UInt32.max, true), (UInt32(10), false)])
    func aPartsClaimedSizeBoundsTheMemory(claimed: UInt32, tooLarge: Bool) throws {
        var xml = Data(Self.plan.utf8)
        xml.append(Data(repeating: 0x20, count: 10 * 1_048_576))
        var bytes = [UInt8](try ImportDocumentBadInputTests.package([("word/document.xml", xml)]))
        let header = try #require(Self.centralHeaders(bytes)["word/document.xml"])
        Self.put32(claimed, at: header + 24, in: &bytes)
        let error = try Self.refusal(Data(bytes))
        if tooLarge {
            guard case .unsafePackage = error else { Issue.record("expected unsafePackage, got \(error)"); return }
        } else {
            #expect(error == .damagedZip(DocxReader.kind))
        }
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", "word/../../x.xml", "..\\evil.xml", "C:/Windows/evil.xml", "word/a\nb.xml"])
    func anEntryNameThatLeavesThePackageIsRefused(name: String) throws {
        let data = try ImportDocumentBadInputTests.package([
            ("word/document.xml", Data(Self.plan.utf8)), (name, Data("root:x:0:0".utf8)),
        ])
        guard case let .unsafePackage(_, reason) = try Self.refusal(data) else {
            Issue.record("expected unsafePackage")
            return
        }
        #expect(reason.contains("pekar utanför paketet"))
    }

    @Test func tooManyEntriesAreRefused() throws {
        var bytes = [UInt8](try ImportDocumentBadInputTests.package([("word/document.xml", Data(Self.plan.utf8))]))
        let end = try #require(stride(from: bytes.count - 22, through: 0, by: -1).first {
            bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 5 && bytes[$0 + 3] == 6
        })
        bytes[end + 10] = 0xFF
        bytes[end + 11] = 0xFF
        guard case let .unsafePackage(_, reason) = try Self.refusal(Data(bytes)) else {
            Issue.record("expected unsafePackage")
            return
        }
        #expect(reason.contains("65535 delar"))
    }

    static func withDoctype(_ doctype: String, body: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE w:document [\(doctype)]>
        <w:document xmlns:w="\(w)"><w:body><w:p><w:r><w:t>1. Extern service \(body)</w:t></w:r></w:p>\
        <w:p><w:r><w:t>1.1 E-tjänster</w:t></w:r></w:p><w:p><w:r><w:t>Ansvarig: IT</w:t></w:r></w:p></w:body></w:document>
        """
    }

    /// Ten levels of ten: 10⁹ "lol"s if expanded, 3 GB.
    @Test func billionLaughsIsRefused() throws {
        var entities = "<!ENTITY lol0 \"lollollollollollollollollollol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let xml = Self.withDoctype(entities, body: "&lol9;")
        for (part, format) in [("word/document.xml", PlanFormat.docx), ("content.xml", .odt)] {
            let data = try ImportDocumentBadInputTests.package([(part, Data(xml.utf8))])
            // Refused at the declaration, or by libxml2's entity-loop check when that comes first.
            switch try Self.refusal(data, format) {
            case .documentTypeDeclaration(_, part: part), .malformedXML(_, part: part, _, _): break
            case let error: Issue.record("expected a refusal of the entities, got \(error)")
            }
        }
    }

    @Test func anExternalEntityIsRefused() throws {
        let xml = Self.withDoctype("<!ENTITY secret SYSTEM \"file:///etc/passwd\">", body: "&secret;")
        let data = try ImportDocumentBadInputTests.package([("word/document.xml", Data(xml.utf8))])
        let error = try Self.refusal(data)
        #expect(error == .documentTypeDeclaration(DocxReader.kind, part: "word/document.xml"))
        #expect(!error.description.contains("root:"))
    }

    /// libxml2's depth limit (256 without XML_PARSE_HUGE) ends a document nested deeper, in bounded time.
    @Test func nestingPastTheDepthLimitIsRefused() throws {
        let depth = 100_000
        let xml = "<w:document xmlns:w=\"\(Self.w)\"><w:body>" + String(repeating: "<w:p>", count: depth)
            + String(repeating: "</w:p>", count: depth) + "</w:body></w:document>"
        let data = try ImportDocumentBadInputTests.package([("word/document.xml", Data(xml.utf8))])
        guard case .malformedXML = try Self.refusal(data) else {
            Issue.record("expected malformedXML")
            return
        }
    }

    /// The refusal happens while reading: no database file appears.
    @Test func aRefusedDocumentWritesNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try ImportDocumentBadInputTests.package([
            ("word/document.xml", Data(Self.plan.utf8)), ("../agenda.sqlite", Data("x".utf8)),
        ])
        let path = directory.appendingPathComponent("agenda.sqlite").path
        #expect(throws: DocumentError.self) {
            _ = try AgendaService.importNew(try PlanSource.read(data, filename: "plan.docx"), at: path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
