import Foundation

/// Decides whether the bytes of a plan file are text the importer can read, and decodes them.
///
/// Accepts UTF-8 with or without a byte order mark and any line ending. Rejects, in this order:
/// nothing at all (``ImportError/empty``), UTF-16 (``ImportError/notUTF8(byteOffset:)`` at 0),
/// NUL bytes or many control characters (``ImportError/binary``), a multi-byte character cut off
/// at the very end (``ImportError/truncated(line:detail:)``), any other invalid UTF-8
/// (``ImportError/notUTF8(byteOffset:)``), and whitespace only (``ImportError/empty``).
enum InputValidation {
    /// With `allowPartial`, a character cut off at the very end is left out and reported in `warnings`
    /// instead of refusing the file.
    static func decode(_ data: Data, allowPartial: Bool = false, warnings: inout [ImportWarning]) throws -> String {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw ImportError.empty }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportError.notUTF8(byteOffset: 0)
        }
        if bytes.contains(0) || looksBinary(bytes) { throw ImportError.binary }
        if let offset = firstInvalidUTF8(bytes) {
            if isIncompleteSequenceAtEnd(bytes, from: offset) {
                let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let error = ImportError.truncated(line: line, detail: "sista tecknet är avkapat (ofullständig UTF-8-sekvens)")
                guard allowPartial, let warning = error.partialImportWarning else { throw error }
                warnings.append(warning)
                bytes.removeSubrange(offset...)
            } else {
                throw ImportError.notUTF8(byteOffset: offset)
            }
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw ImportError.empty }
        return text
    }

    /// More than 1 % control characters (tab, line feed, form feed and carriage return aside) in the first 8 KiB.
    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        let controls = sample.filter { ($0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0)) || $0 == 0x7F }.count
        return controls > max(4, sample.count / 100)
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            for k in 1..<length {
                guard i + k < bytes.count else { return i }
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard c >= lo, c <= hi else { return i }
            }
            i += length
        }
        return nil
    }

    private static func isIncompleteSequenceAtEnd(_ bytes: [UInt8], from offset: Int) -> Bool {
        let rest = bytes[offset...]
        guard let lead = rest.first, rest.count < 4, lead >= 0xC2, lead <= 0xF4 else { return false }
        let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return rest.count < needed && rest.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }
}
