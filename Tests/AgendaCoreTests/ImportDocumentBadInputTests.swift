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
        #expect(error?.description.contains("not a zip package") == true)
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
        #expect(error?.description.contains("password") == true)
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

    /// An entity defined in the document is not expanded, and no DTD is fetched.
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
        let text = try DocumentImporter.text(of: data, format: .docx, labels: LabelTable.standard())
        #expect(!text.contains("root:"))
    }
}
