import Foundation
import Testing
import ZIPFoundation
@testable import ReportGen

/// ReportGen's own zip writer, read back with ZIPFoundation, an independent reader that checks each entry's CRC-32.
@Suite struct ZipWriterTests {
    /// Text that deflates well, mixed with bytes that do not: `count` bytes, the same every time.
    static func sampleBytes(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let words = Array("Handlingsplan för Mölndals stad: insatsområde, ansvarig, tidsplan, kostnad. ".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            if state % 4 == 0 {
                bytes.append(UInt8(truncatingIfNeeded: state >> 24))
            } else {
                bytes += words.prefix(Int(state % UInt64(words.count)))
            }
        }
        return Array(bytes.prefix(count))
    }

    /// Writes `entries` (name, method, bytes) into a new zip, feeding each in chunks of varying size.
    static func writeZip(_ entries: [(String, ZipWriter.Method, [UInt8])], to url: URL, limit: UInt64 = ZipWriter.sizeLimit) throws {
        try ZipWriter.write(to: url, level: ODFPackager.compressionLevel, limit: limit) { zip in
            for (name, method, bytes) in entries {
                try zip.addEntry(name, method: method) { entry in
                    var start = 0
                    var chunk = 1
                    while start < bytes.count {
                        let end = min(bytes.count, start + chunk)
                        try entry.write(Array(bytes[start..<end]))
                        start = end
                        chunk = chunk * 3 % 100_003 + 1
                    }
                }
            }
        }
    }

    static let sampleEntries: [(String, ZipWriter.Method, [UInt8])] = [
        ("mimetype", .stored, Array("application/vnd.oasis.opendocument.text".utf8)),
        ("content.xml", .deflated, sampleBytes(count: 300_000)),
        ("empty.xml", .deflated, []),
        ("META-INF/manifest.xml", .deflated, sampleBytes(count: 1_000)),
        ("stored.bin", .stored, sampleBytes(count: 70_000)),
    ]

    @Test func entriesComeBackInOrderWithTheirBytesAndMethods() throws {
        let url = try Support.tempDirectory().appendingPathComponent("sample.zip")
        try Self.writeZip(Self.sampleEntries, to: url)
        let entries = try Support.entries(of: url)
        #expect(entries.map(\.entry.path) == Self.sampleEntries.map(\.0))
        for ((name, method, bytes), (entry, data)) in zip(Self.sampleEntries, entries) {
            #expect(data == Data(bytes), "\(name)")
            #expect(entry.isCompressed == (method == .deflated), "\(name)")
            #expect(entry.uncompressedSize == UInt64(bytes.count), "\(name)")
            #expect(entry.type == .file, "\(name)")
            #expect(entry.fileAttributes[.posixPermissions] as? Int == 0o644, "\(name)")
        }
    }

    /// No data descriptors and no extra fields: every local header, found from the central directory,
    /// carries its own CRC-32 and sizes, the same as its central record.
    @Test func localHeadersCarryCRCAndSizesWithoutExtraFields() throws {
        let url = try Support.tempDirectory().appendingPathComponent("sample.zip")
        try Self.writeZip(Self.sampleEntries, to: url)
        let bytes = [UInt8](try Data(contentsOf: url))
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

        let end = bytes.count - 22
        #expect(u32(end) == 0x0605_4B50)
        #expect(u16(end + 10) == Self.sampleEntries.count)
        var record = u32(end + 16)
        for (name, method, data) in Self.sampleEntries {
            #expect(u32(record) == 0x0201_4B50)
            let local = u32(record + 42)
            #expect(u32(local) == 0x0403_4B50, "\(name)")
            #expect(u16(local + 6) & 0x0008 == 0, "\(name): no data descriptor")
            #expect(u16(local + 8) == Int(method.rawValue), "\(name)")
            #expect(bytes[(local + 10)..<(local + 26)] == bytes[(record + 12)..<(record + 28)], "\(name): date, CRC and sizes as in the central directory")
            #expect(u32(local + 22) == data.count, "\(name)")
            #expect(u16(local + 28) == 0, "\(name): no extra field")
            #expect(u16(record + 30) == 0, "\(name): no extra field")
            #expect(String(decoding: bytes[(local + 30)..<(local + 30 + u16(local + 26))], as: UTF8.self) == name)
            record += 46 + u16(record + 28)
        }
        #expect(record == end)
    }

    /// The CRC-32 check in ``Support/entries(of:)`` is real: one changed byte of a stored entry fails it.
    @Test func readerCatchesBytesThatDoNotMatchTheirCRC() throws {
        let url = try Support.tempDirectory().appendingPathComponent("sample.zip")
        try Self.writeZip(Self.sampleEntries, to: url)
        _ = try Support.entries(of: url)
        var bytes = try Data(contentsOf: url)
        let mimetype = Self.sampleEntries[0].2
        let offset = 30 + "mimetype".utf8.count + mimetype.count - 1
        #expect(bytes[offset] == mimetype.last)
        bytes[offset] ^= 0x20
        try bytes.write(to: url)
        #expect(throws: TestFailure.self) { try Support.entries(of: url) }
    }

    @Test func sameEntriesGiveByteIdenticalZips() throws {
        let dir = try Support.tempDirectory()
        try Self.writeZip(Self.sampleEntries, to: dir.appendingPathComponent("first.zip"))
        try Self.writeZip(Self.sampleEntries, to: dir.appendingPathComponent("second.zip"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("first.zip")) == Data(contentsOf: dir.appendingPathComponent("second.zip")))
    }

    @Test(arguments: [ZipWriter.Method.deflated, .stored])
    func largeEntryRoundTrips(_ method: ZipWriter.Method) throws {
        let bytes = Self.sampleBytes(count: 12_000_000)
        let url = try Support.tempDirectory().appendingPathComponent("large.zip")
        try Self.writeZip([("large.xml", method, bytes)], to: url)
        let entries = try Support.entries(of: url)
        #expect(entries.count == 1)
        #expect(entries[0].data == Data(bytes))
    }

    /// A large document streamed by libxml2 into an entry has exactly the bytes libxml2 writes into memory.
    @Test func xmlWriterStreamsIntoAnEntryByteForByte() throws {
        func document(_ w: XMLWriter) throws {
            try w.startDocument()
            try w.start("office:document-content")
            try w.attribute("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0")
            for i in 0..<60_000 {
                try w.element("text:p", ["text:style-name": "P\(i % 7)"], text: "Åtgärd \(i) – ansvarig & kostnad <\(i * 1000) kr>")
            }
            try w.end()
            try w.endDocument()
        }
        let memory = try XMLWriter(memoryContext: "memory")
        try document(memory)
        #expect(memory.data.count > 4_000_000)

        let url = try Support.tempDirectory().appendingPathComponent("xml.zip")
        try ZipWriter.write(to: url, level: ODFPackager.compressionLevel) { zip in
            try zip.addEntry("content.xml", method: .deflated) { entry in
                try document(try XMLWriter(output: entry, context: "content.xml"))
            }
        }
        #expect(try Support.entries(of: url).map(\.data) == [memory.data])
    }

    @Test func unwritableTargetIsAnOutputErrorAndLeavesNoFile() throws {
        let url = try Support.tempDirectory().appendingPathComponent("missing-folder/agenda.odt")
        #expect(throws: ReportError.output(file: url.path, reason: "No such file or directory")) {
            try Self.writeZip(Self.sampleEntries, to: url)
        }
        #expect(throws: ReportError.output(file: url.path, reason: "No such file or directory")) {
            try ReportWriter.write(Fixture.model, format: .odt, to: url, templates: try TemplateSet.load(from: nil))
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    /// The flat formats write through a buffered file of their own: an unwritable target is a clear
    /// error naming the file, and a full disk (/dev/full) fails the report instead of truncating it.
    @Test(arguments: [ReportFormat.xhtml, .fodt, .fods])
    func flatFileErrorsAreReported(_ format: ReportFormat) throws {
        let templates = try TemplateSet.load(from: nil)
        let missing = try Support.tempDirectory().appendingPathComponent("missing-folder/agenda.\(format.rawValue)")
        #expect(throws: ReportError.xmlWrite(context: missing.path, operation: "att öppna filen", detail: "No such file or directory")) {
            try ReportWriter.write(Fixture.model, format: format, to: missing, templates: templates)
        }
        #expect(throws: ReportError.self) {
            try ReportWriter.write(Fixture.modelWithStatus, format: format, to: URL(fileURLWithPath: "/dev/full"), templates: templates)
        }
    }

    /// The 4 GiB − 1 refusals, reached with a lowered limit: a clear error, and the partly written file is gone.
    @Test func entryOrPackageOverTheLimitIsRefusedAndRemoved() throws {
        let url = try Support.tempDirectory().appendingPathComponent("big.zip")
        let tooLargeEntry = try #require(throws: ReportError.self) {
            try Self.writeZip([("mimetype", .stored, Array("x".utf8)), ("big.bin", .stored, Self.sampleBytes(count: 5_000))], to: url, limit: 4_000)
        }
        #expect(tooLargeEntry.description.contains("big.bin skulle bli större än 4 GiB − 1 byte"))
        #expect(!FileManager.default.fileExists(atPath: url.path))

        let tooLargePackage = try #require(throws: ReportError.self) {
            try Self.writeZip([("a.bin", .stored, Self.sampleBytes(count: 3_000)), ("b.bin", .stored, Self.sampleBytes(count: 3_000))], to: url, limit: 4_000)
        }
        #expect(tooLargePackage == .output(file: url.path, reason: "paketet skulle bli större än 4 GiB − 1 byte, mer än en zip utan zip64 rymmer"))
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    /// An entry that refuses bytes while libxml2 writes into it fails with the entry's error, not libxml2's.
    @Test func xmlWriterRethrowsTheEntrysError() throws {
        let url = try Support.tempDirectory().appendingPathComponent("xml.zip")
        let error = try #require(throws: ReportError.self) {
            try ZipWriter.write(to: url, level: ODFPackager.compressionLevel, limit: 50_000) { zip in
                try zip.addEntry("content.xml", method: .deflated) { entry in
                    let w = try XMLWriter(output: entry, context: "content.xml")
                    try w.startDocument()
                    try w.start("root")
                    for i in 0..<20_000 { try w.element("p", text: "paragraph \(i)") }
                    try w.end()
                    try w.endDocument()
                }
            }
        }
        #expect(error == .output(file: url.path, reason: "content.xml skulle bli större än 4 GiB − 1 byte, mer än en zip utan zip64 rymmer"))
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    /// An entry of many batches is deflated on a thread of its own while it is written (at most four batches
    /// waiting): it comes back whole, and the same bytes give the same zip whatever the chunks they came in.
    @Test func aLargeDeflatedEntryComesBackWholeAndTheSameEveryTime() throws {
        let bytes = Self.sampleBytes(count: 3_000_000 + 17)
        let folder = try Support.tempDirectory()
        let chunked = folder.appendingPathComponent("chunked.zip"), whole = folder.appendingPathComponent("whole.zip")
        try Self.writeZip([("content.xml", .deflated, bytes)], to: chunked)
        try ZipWriter.write(to: whole, level: ODFPackager.compressionLevel) { zip in
            try zip.addEntry("content.xml", method: .deflated) { try $0.write(bytes) }
        }
        let entries = try Support.entries(of: chunked)
        #expect(entries.count == 1)
        #expect(entries.first?.data == Data(bytes))
        #expect(try Data(contentsOf: chunked) == Data(contentsOf: whole))
        #expect(try Data(contentsOf: chunked).count < bytes.count / 2)
    }

    /// A package that grows past the limit while the deflating thread writes it: the writer gets that
    /// error at its next batch (or at the entry's end), nothing hangs, and the file is removed.
    @Test func theDeflatingThreadsErrorReachesTheWriter() throws {
        let url = try Support.tempDirectory().appendingPathComponent("big.zip")
        let error = try #require(throws: ReportError.self) {
            try Self.writeZip([("stored.bin", .stored, Self.sampleBytes(count: 980_000)), ("content.xml", .deflated, Self.sampleBytes(count: 900_000))], to: url, limit: 1_000_000)
        }
        #expect(error == .output(file: url.path, reason: "paketet skulle bli större än 4 GiB − 1 byte, mer än en zip utan zip64 rymmer"))
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
