import Foundation

/// Bytes written as they are made: to a file, through a buffer of 256 kB, or kept in memory.
/// The public site's open data goes through it, so a national plan's CSV and JSON are never whole in memory.
final class TextOutput {
    private var buffer = Data()
    private var handle: FileHandle?
    private let toFile: Bool
    /// The file written to, for error messages; nil in memory.
    let url: URL?
    static let flushSize = 256 * 1024

    /// Output kept in memory, returned by ``finish()``.
    init() {
        handle = nil
        toFile = false
        url = nil
    }

    /// Output to a new (or emptied) file at `url`.
    init(file url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw ReportError.output(file: url.path, reason: "filen kunde inte skapas")
        }
        self.handle = handle
        toFile = true
        self.url = url
    }

    deinit { try? handle?.close() }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if toFile, buffer.count >= Self.flushSize { try flush() }
    }

    func write<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if toFile, buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ReportError.output(file: url?.path ?? "", reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file (returning no bytes), or returns the bytes kept in memory.
    @discardableResult
    func finish() throws -> Data {
        guard toFile else { return buffer }
        try flush()
        guard let handle else { return Data() }
        self.handle = nil
        do {
            try handle.close()
        } catch {
            throw ReportError.output(file: url?.path ?? "", reason: error.localizedDescription)
        }
        return Data()
    }
}
