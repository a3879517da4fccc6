import CSystemZlib
import Foundation

/// Writes a zip file one entry at a time, each entry's bytes streamed through a ``ZipEntry``:
/// stored, or raw deflate with the system zlib. Once an entry is done its CRC-32 and sizes are
/// patched into its local header, so there are no data descriptors and no extra fields. Dates,
/// versions and permissions are fixed, so the same entries always give the same bytes.
///
/// There is no zip64: an entry, offset or file that would pass 4 GiB − 1 is refused.
final class ZipWriter {
    enum Method: UInt16 {
        case stored = 0
        case deflated = 8
    }

    /// The largest size or offset a zip without zip64 can record: 0xFFFFFFFF itself tells readers
    /// to look for a zip64 record.
    static let sizeLimit = UInt64(UInt32.max - 1)
    /// The DOS date and time of every entry, 1980-01-01 00:00, so packages are byte-identical run to run.
    static let dosDate: UInt16 = 0x0021
    static let dosTime: UInt16 = 0

    let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let level: Int32
    private let limit: UInt64
    /// Bytes written so far, which is the offset of whatever comes next.
    private var position: UInt64 = 0
    private var centralDirectory: [UInt8] = []
    private var entryCount = 0

    private init(path: String, file: UnsafeMutablePointer<FILE>, level: Int32, limit: UInt64) {
        self.path = path
        self.file = file
        self.level = level
        self.limit = limit
    }

    /// Creates (or replaces) the zip file at `url`, lets `body` add the entries, then writes the
    /// central directory. When anything fails the partly written file is removed.
    /// `limit` is only lowered by tests, to reach the 4 GiB refusal with small data.
    static func write(to url: URL, level: Int32, limit: UInt64 = sizeLimit, body: (ZipWriter) throws -> Void) throws {
        guard let file = fopen(url.path, "wb") else {
            throw ReportError.output(file: url.path, reason: String(cString: strerror(errno)))
        }
        let zip = ZipWriter(path: url.path, file: file, level: level, limit: limit)
        do {
            try body(zip)
            try zip.writeCentralDirectory()
        } catch {
            fclose(file)
            unlink(url.path)
            throw error
        }
        guard fclose(file) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(url.path)
            throw ReportError.output(file: url.path, reason: reason)
        }
    }

    /// Adds the entry `name` (UTF-8); `body` writes its bytes into the ``ZipEntry`` it is given.
    func addEntry(_ name: String, method: Method, body: (ZipEntry) throws -> Void) throws {
        let nameBytes = Array(name.utf8)
        // 0xFFFF entries would be read as a zip64 marker.
        guard entryCount < Int(UInt16.max) - 1, nameBytes.count <= Int(UInt16.max) else {
            throw failure("en zip utan zip64 rymmer högst 65 534 filer, med namn på högst 65 535 byte")
        }
        let headerOffset = position
        try write(Self.fields(signature: 0x0403_4B50, method: method, crc: 0, compressedSize: 0, size: 0, nameLength: nameBytes.count))
        try write(nameBytes)
        let dataOffset = position
        let entry = try ZipEntry(name: name, zip: self, method: method, level: level, limit: limit)
        try body(entry)
        try entry.finish()
        let compressedSize = UInt32(position - dataOffset)
        let size = UInt32(entry.size)

        // The local header's CRC-32 and sizes sit 14 bytes in, after signature, version, flags, method and date.
        var patch: [UInt8] = []
        patch.appendLittleEndian(entry.crc)
        patch.appendLittleEndian(compressedSize)
        patch.appendLittleEndian(size)
        try overwrite(patch, at: headerOffset + 14)

        centralDirectory.appendLittleEndian(UInt32(0x0201_4B50))
        centralDirectory.appendLittleEndian(UInt16(0x031E))  // made by: Unix, zip 3.0
        centralDirectory += Self.fields(signature: nil, method: method, crc: entry.crc, compressedSize: compressedSize, size: size, nameLength: nameBytes.count)
        centralDirectory.appendLittleEndian(UInt16(0))  // comment length
        centralDirectory.appendLittleEndian(UInt16(0))  // disk number
        centralDirectory.appendLittleEndian(UInt16(0))  // internal attributes
        centralDirectory.appendLittleEndian(UInt32(0o100644) << 16)  // external attributes: regular file, rw-r--r--
        centralDirectory.appendLittleEndian(UInt32(headerOffset))
        centralDirectory += nameBytes
        entryCount += 1
    }

    /// The fields a local header and a central directory record share, after the local signature
    /// (when given): version needed, flags (bit 11: the name is UTF-8), method, DOS time and date
    /// (1980-01-01 00:00), CRC-32, compressed and uncompressed size, name length, no extra field.
    private static func fields(signature: UInt32?, method: Method, crc: UInt32, compressedSize: UInt32, size: UInt32, nameLength: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        if let signature { bytes.appendLittleEndian(signature) }
        for value: UInt16 in [20, 0x0800, method.rawValue, dosTime, dosDate] { bytes.appendLittleEndian(value) }
        for value: UInt32 in [crc, compressedSize, size] { bytes.appendLittleEndian(value) }
        bytes.appendLittleEndian(UInt16(nameLength))
        bytes.appendLittleEndian(UInt16(0))
        return bytes
    }

    private func writeCentralDirectory() throws {
        let offset = position
        try write(centralDirectory)
        var end: [UInt8] = []
        end.appendLittleEndian(UInt32(0x0605_4B50))
        end.appendLittleEndian(UInt16(0))  // this disk
        end.appendLittleEndian(UInt16(0))  // disk of the central directory
        end.appendLittleEndian(UInt16(entryCount))
        end.appendLittleEndian(UInt16(entryCount))
        end.appendLittleEndian(UInt32(centralDirectory.count))
        end.appendLittleEndian(UInt32(offset))
        end.appendLittleEndian(UInt16(0))  // comment length
        try write(end)
    }

    /// Appends `bytes` to the file; refuses to let the file grow past the limit.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        guard position + UInt64(bytes.count) <= limit else {
            throw failure("paketet skulle bli större än 4 GiB − 1 byte, mer än en zip utan zip64 rymmer")
        }
        guard fwrite(base, 1, bytes.count, file) == bytes.count else { throw failure(String(cString: strerror(errno))) }
        position += UInt64(bytes.count)
    }

    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    private func overwrite(_ bytes: [UInt8], at offset: UInt64) throws {
        guard fseeko(file, off_t(offset), SEEK_SET) == 0,
              fwrite(bytes, 1, bytes.count, file) == bytes.count,
              fseeko(file, off_t(position), SEEK_SET) == 0
        else { throw failure(String(cString: strerror(errno))) }
    }

    func failure(_ reason: String) -> ReportError {
        .output(file: path, reason: reason)
    }
}

/// The sink for one zip entry's bytes: they are counted, checksummed with zlib's `crc32` and
/// written to the zip as they come, stored or deflated, so the entry never exists whole in memory.
final class ZipEntry {
    let name: String
    private(set) var crc: UInt32 = 0
    private(set) var size: UInt64 = 0
    private let zip: ZipWriter
    private let limit: UInt64
    /// zlib's state for a deflated entry, nil for a stored one. Allocated once: zlib keeps a pointer back to it.
    private let stream: UnsafeMutablePointer<z_stream>?
    private let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64 * 1024)
    private var finished = false
    /// A deflated entry's bytes not yet handed to zlib: up to ``batchSize``.
    private var pending: [UInt8] = []
    /// Deflates the batches of a large entry on a thread of its own (``DeflatePipeline``); nil until
    /// the entry outgrows one batch, so the small parts of a package never start a thread.
    private var pipeline: DeflatePipeline?
    /// 256 kB: libxml2 hands over 4 kB at a time; the thread is woken once per 64 of them.
    static let batchSize = 256 * 1024

    fileprivate init(name: String, zip: ZipWriter, method: ZipWriter.Method, level: Int32, limit: UInt64) throws {
        self.name = name
        self.zip = zip
        self.limit = limit
        guard method == .deflated else {
            stream = nil
            return
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let result = agenda_deflate_init_raw(stream, level)
        guard result == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw zip.failure("zlib kan inte börja komprimera \(name) på nivå \(level): \(String(cString: zError(result)))")
        }
        self.stream = stream
    }

    deinit {
        // An entry whose body failed: the thread stops before the state it uses is freed.
        try? pipeline?.close()
        if let stream {
            deflateEnd(stream)
            stream.deallocate()
        }
        output.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished else { throw zip.failure("\(name) skrevs till efter att den var avslutad") }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        guard size + UInt64(bytes.count) <= limit else {
            throw zip.failure("\(name) skulle bli större än 4 GiB − 1 byte, mer än en zip utan zip64 rymmer")
        }
        crc = UInt32(crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
        size += UInt64(bytes.count)
        if stream == nil {
            try zip.write(bytes)
            return
        }
        if pending.isEmpty { pending.reserveCapacity(Self.batchSize) }
        pending.append(contentsOf: bytes)
        if pending.count >= Self.batchSize { try handOver() }
    }

    /// Gives the pending batch to the deflating thread (started for the first batch), while the caller
    /// goes on writing the next one: a large report's XML and its compression use both cores.
    private func handOver() throws {
        if pipeline == nil {
            pipeline = DeflatePipeline { [unowned self] batch in
                try batch.withUnsafeBytes { try self.deflate($0, flush: Z_NO_FLUSH) }
            }
        }
        let batch = pending
        pending = []
        try pipeline?.submit(batch)
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Ends the entry: flushes what zlib still holds.
    fileprivate func finish() throws {
        guard !finished else { return }
        if stream != nil {
            if let pipeline {
                if !pending.isEmpty { try handOver() }
                try pipeline.close()
            } else {
                try pending.withUnsafeBytes { try deflate($0, flush: Z_NO_FLUSH) }
            }
            pending = []
            try deflate(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
        }
        finished = true
    }

    /// Feeds `bytes` to zlib and writes out everything it produces (zlib's zpipe.c loop).
    private func deflate(_ bytes: UnsafeRawBufferPointer, flush: Int32) throws {
        guard let stream else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        repeat {
            stream.pointee.next_out = output.baseAddress
            stream.pointee.avail_out = uInt(output.count)
            let result = CSystemZlib.deflate(stream, flush)
            guard result >= Z_OK || result == Z_BUF_ERROR else {
                throw zip.failure("zlib kunde inte komprimera \(name): \(String(cString: zError(result)))")
            }
            try zip.write(UnsafeRawBufferPointer(start: output.baseAddress, count: output.count - Int(stream.pointee.avail_out)))
        } while stream.pointee.avail_out == 0
    }
}

/// A thread that runs `work` on each batch it is given, in order, while the giver goes on: at most
/// ``capacity`` batches wait, so memory stays flat however large the entry. The first error `work`
/// throws is thrown to the giver by its next ``submit(_:)`` or by ``close()``; later batches are dropped.
private final class DeflatePipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var closed = false
    private var stopped = false
    private var error: (any Error)?
    private let work: ([UInt8]) throws -> Void
    private static let capacity = 4

    init(work: @escaping ([UInt8]) throws -> Void) {
        self.work = work
        let thread = Thread { [self] in run() }
        thread.name = "agenda-deflate"
        thread.start()
    }

    func submit(_ batch: [UInt8]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.capacity, error == nil { condition.wait() }
        if let error { throw error }
        queue.append(batch)
        condition.broadcast()
    }

    /// Waits until every batch given has been worked on and the thread has ended.
    func close() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !stopped { condition.wait() }
        if let error { throw error }
    }

    private func run() {
        condition.lock()
        while true {
            while queue.isEmpty, !closed { condition.wait() }
            guard !queue.isEmpty else { break }
            let batch = queue.removeFirst()
            let failed = error != nil
            condition.broadcast()
            condition.unlock()
            var thrown: (any Error)?
            if !failed {
                do { try work(batch) } catch { thrown = error }
            }
            condition.lock()
            if let thrown, error == nil { error = thrown }
        }
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

private extension [UInt8] {
    mutating func appendLittleEndian(_ value: some FixedWidthInteger) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
