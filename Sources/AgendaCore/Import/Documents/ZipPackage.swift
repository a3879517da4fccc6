import CSystemZlib
import Foundation

/// The parts of a zip package (a .docx or .odt is one), read from memory.
///
/// Only what word processors write is read: stored and deflated entries, no zip64, no
/// encryption (an encrypted entry is refused, never guessed at). Each part is inflated when
/// asked for, and its CRC-32 is checked.
struct ZipPackage {
    private struct Entry {
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    private let bytes: [UInt8]
    private var entries: [String: Entry] = [:]
    /// Part names in the order of the central directory.
    private(set) var names: [String] = []

    /// The largest part inflated: a national plan's document.xml is a few MB; a part that claims more
    /// is refused before anything is allocated, and inflating never writes past the size a part claims,
    /// so a zip bomb (a small file that unpacks to gigabytes) costs at most this much memory per part.
    static let maximumPartSize = 64 * 1024 * 1024
    /// The most entries a package may list; Word and LibreOffice write a few dozen (more with many images).
    static let maximumEntries = 10_000

    /// Reads the central directory. Throws ``DocumentError/notAZip(_:)`` when `data` is no zip package.
    init(_ data: Data, kind: String) throws {
        bytes = [UInt8](data)
        guard bytes.count >= 22, bytes.starts(with: [0x50, 0x4B]) else {
            if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw DocumentError.encrypted(kind) }
            throw DocumentError.notAZip(kind)
        }
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
        let searchStart = max(0, bytes.count - 65_557)
        guard let end = stride(from: bytes.count - 22, through: searchStart, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else {
            throw DocumentError.damagedZip(kind)
        }
        let count = Int(u16(end + 10))
        guard count <= Self.maximumEntries else {
            throw DocumentError.unsafePackage(kind, reason: "paketet har \(count) delar, fler än \(Self.maximumEntries)")
        }
        var offset = Int(u32(end + 16))
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, u32(offset) == 0x0201_4B50 else { throw DocumentError.damagedZip(kind) }
            let nameLength = Int(u16(offset + 28)), extraLength = Int(u16(offset + 30)), commentLength = Int(u16(offset + 32))
            guard offset + 46 + nameLength <= bytes.count else { throw DocumentError.damagedZip(kind) }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            // Nothing is ever unpacked to disk, but a name no word processor writes says the file is not what it claims.
            guard Self.isSafeName(name) else {
                throw DocumentError.unsafePackage(kind, reason: "en del har namnet \(Quoted.input(Self.printable(name))), som pekar utanför paketet")
            }
            let entry = Entry(
                method: u16(offset + 10), flags: u16(offset + 8), crc: u32(offset + 16),
                compressedSize: Int(u32(offset + 20)), size: Int(u32(offset + 24)), localHeaderOffset: Int(u32(offset + 42)))
            if entries[name] == nil { names.append(name) }
            entries[name] = entry
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The part's bytes, or nil when the package has no such part.
    func part(_ name: String, kind: String) throws -> Data? {
        guard let entry = entries[name] else { return nil }
        guard entry.flags & 1 == 0 else { throw DocumentError.encrypted(kind) }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, u32(header) == 0x0403_4B50 else { throw DocumentError.damagedZip(kind) }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        guard entry.size <= Self.maximumPartSize else {
            throw DocumentError.unsafePackage(
                kind, reason: "\(name) packas upp till \(entry.size / 1_048_576) MB, mer än \(Self.maximumPartSize / 1_048_576) MB")
        }
        guard entry.compressedSize >= 0, start + entry.compressedSize <= bytes.count else {
            throw DocumentError.damagedZip(kind)
        }
        let compressed = bytes[start..<(start + entry.compressedSize)]
        let data: [UInt8]
        switch entry.method {
        case 0: data = Array(compressed)
        case 8: data = try Self.inflate(compressed, size: entry.size, kind: kind)
        default: throw DocumentError.unsupportedCompression(kind, method: Int(entry.method))
        }
        guard data.count == entry.size, Self.crc32(data) == entry.crc else { throw DocumentError.damagedZip(kind) }
        return Data(data)
    }

    private static func inflate(_ input: ArraySlice<UInt8>, size: Int, kind: String) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var source = Array(input)
        var stream = z_stream()
        guard agenda_inflate_init_raw(&stream) == Z_OK else { throw DocumentError.damagedZip(kind) }
        defer { inflateEnd(&stream) }
        let status: Int32 = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = sourceBuffer.baseAddress
                stream.avail_in = uInt(sourceBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                return CSystemZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw DocumentError.damagedZip(kind) }
        return Array(output.prefix(Int(stream.total_out)))
    }

    /// A relative path inside the package: no "..", no leading slash or drive, no backslash, no control character.
    static func isSafeName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains(":"),
              !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    /// `text` with control characters shown as "?", for a one-line message.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { UInt32(CSystemZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    private func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
}
