import Foundation
import Testing
import ZIPFoundation

@testable import AgendaCore

/// A .docx or .odt that cannot be read is refused with one clear line, before anything is written.
@Suite struct ImportDocumentBadInputTests {
    /// A zip package of the given parts, written by ZIPFoundation (not by the reader under test).
    static func package(_ parts: [(name: String, content: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(part.content.count), compressionMethod: .deflate
            ) { position, size in
                part.content.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try #require(archive.data)
    }

    static func parse(_ data: Data, _ format: PlanFormat) throws -> ImportResult {
        try PlanImporter.parse(data, format: format, labels: LabelTable.standard(), register: OrganisationRegister.standard())
    }

    static func refusal(_ data: Data, _ format: PlanFormat) -> DocumentError? {
        do {
            _ = try parse(data, format)
            return nil
        } catch {
            return error as? DocumentError
        }
    }

    @Test(arguments: [PlanFormat.docx, .odt])
    func textThatIsNoZipIsRefused(format: PlanFormat) throws {
        let error = Self.refusal(try ImportTestSupport.molndalData(), format)
        #expect(error == .notAZip(format == .docx ? DocxReader.kind : ODTReader.kind))
        #expect(error?.description.contains("inget zip-paket") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test(arguments: ["molndal-auto.docx", "molndal-auto.odt"])
    func aCutOffDocumentIsRefused(name: String) throws {
        let data = try ImportDocumentTests.document(name)
        let format = PlanImporter.detectFormat(data: data, filename: name)
        for length in [data.count / 2, data.count - 30, 100] {
            let error = Self.refusal(data.prefix(length), format)
            #expect(error == .damagedZip(format == .docx ? DocxReader.kind : ODTReader.kind), "cut at \(length)")
        }
    }

    @Test func aZipWithoutTheDocumentPartIsRefused() throws {
        let odt = try ImportDocumentTests.document("molndal-auto.odt")
        #expect(Self.refusal(odt, .docx) == .missingPart(DocxReader.kind, part: "word/document.xml"))
        let docx = try ImportDocumentTests.document("molndal-auto.docx")
        #expect(Self.refusal(docx, .odt) == .missingPart(ODTReader.kind, part: "content.xml"))
    }

    /// Word saves a password-protected document as an OLE compound file holding EncryptionInfo and EncryptedPackage.
    @Test func aPasswordProtectedWordDocumentIsRefused() throws {
        var ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        ole.append(Data(repeating: 0, count: 504))
        let error = Self.refusal(ole, PlanImporter.detectFormat(data: ole, filename: "plan.docx"))
        #expect(error == .encrypted(DocxReader.kind))
        #expect(error?.description.contains("lösenordsskyddat") == true)
    }

    /// LibreOffice keeps an encrypted document's parts in a zip and says so in the manifest.
    @Test func aPasswordProtectedOpenDocumentIsRefused() throws {
        let manifest = Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
             <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
             <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1200">
              <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">
               <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>
              </manifest:encryption-data>
             </manifest:file-entry>
            </manifest:manifest>
            """.utf8)
        let data = try Self.package([
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
            ("META-INF/manifest.xml", manifest),
            ("content.xml", Data(repeating: 0x9C, count: 1200)),
        ])
        #expect(Self.refusal(data, .odt) == .encrypted(ODTReader.kind))
    }

    /// An entry with the zip "encrypted" flag set is refused, not inflated as garbage.
    @Test func anEncryptedZipEntryIsRefused() throws {
        var bytes = [UInt8](try ImportDocumentTests.document("table-plan.docx"))
        let name = Array("word/document.xml".utf8)
        var patched = false
        for offset in 0..<(bytes.count - 46 - name.count)
        where bytes[offset..<(offset + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02])
            && bytes[(offset + 46)..<(offset + 46 + name.count)].elementsEqual(name)
        {
            bytes[offset + 8] |= 1
            patched = true
        }
        #expect(patched)
        #expect(Self.refusal(Data(bytes), .docx) == .encrypted(DocxReader.kind))
    }

    @Test(arguments: [
        ("word/document.xml", PlanFormat.docx, "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>1. Extern service</w:t></w:r></w:body></w:document>"),
        ("content.xml", PlanFormat.odt, "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:text>1. Extern & service</office:text></office:body></office:document-content>"),
    ])
    func xmlThatIsNotWellFormedIsRefused(part: String, format: PlanFormat, xml: String) throws {
        let data = try Self.package([(part, Data(xml.utf8))])
        let error = try #require(Self.refusal(data, format))
        guard case let .malformedXML(_, reported, _, message) = error else {
            Issue.record("expected malformedXML, got \(error)")
            return
        }
        #expect(reported == part)
        #expect(!message.isEmpty)
        #expect(!error.description.contains("\n"))
    }

    /// An entity defined in the document is never expanded: the document type declaration is refused
    /// before any entity is read (more in ``ImportDocumentHostileTests``).
    @Test func entitiesAreNotExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>1. Extern service &secret;</w:t></w:r></w:p>
            <w:p><w:r><w:t>1.1 E-tjänster</w:t></w:r></w:p>
            <w:p><w:r><w:t>Ansvarig: IT-avdelningen</w:t></w:r></w:p>
            </w:body></w:document>
            """
        let data = try Self.package([("word/document.xml", Data(xml.utf8))])
        #expect(throws: DocumentError.documentTypeDeclaration(DocxReader.kind, part: "word/document.xml")) {
            _ = try DocumentImporter.text(of: data, format: .docx, labels: LabelTable.standard())
        }
    }
}

extension ImportDocumentBadInputTests {
    /// A small, repeatable generator (SplitMix64) so that a failing case can be run again.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Damaged bytes anywhere in a document end in a refusal or a plan, never in a crash or a hang.
    @Test(arguments: ["table-plan.docx", "table-plan.odt"])
    func damagedBytesAreRefusedOrReadNeverCrash(name: String) throws {
        let original = [UInt8](try ImportDocumentTests.document(name))
        let format = PlanImporter.detectFormat(data: Data(original), filename: name)
        var random = SeededGenerator(state: 16)
        var refused = 0
        for _ in 0..<150 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            do {
                _ = try Self.parse(Data(bytes), format)
            } catch is DocumentError {
                refused += 1
            } catch is ImportError {
                refused += 1
            }
        }
        #expect(refused > 0)
    }

    /// Damaged XML in the text part (the package itself sound) is refused or read, never a crash.
    @Test(arguments: ["table-plan.docx", "table-plan.odt", "molndal-auto.docx"])
    func damagedXMLIsRefusedOrReadNeverCrash(name: String) throws {
        let archive = try Archive(data: ImportDocumentTests.document(name), accessMode: .read)
        var parts: [(name: String, content: Data)] = []
        for entry in archive where entry.type == .file {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            parts.append((entry.path, content))
        }
        let textPart = name.hasSuffix(".odt") ? "content.xml" : "word/document.xml"
        let index = try #require(parts.firstIndex { $0.name == textPart })
        let format: PlanFormat = name.hasSuffix(".odt") ? .odt : .docx
        var random = SeededGenerator(state: 61)
        var outcomes = (read: 0, refused: 0)
        for _ in 0..<60 {
            var bytes = [UInt8](parts[index].content)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                bytes[at] = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "/"), 0xC3, 0x00, UInt8(ascii: "x")]
                    .randomElement(using: &random)!
            }
            var damaged = parts
            damaged[index].content = Data(bytes)
            do {
                _ = try Self.parse(Self.package(damaged), format)
                outcomes.read += 1
            } catch is DocumentError {
                outcomes.refused += 1
            } catch is ImportError {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.refused > 0)
    }
}
