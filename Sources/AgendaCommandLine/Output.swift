import Foundation

/// Writes to standard output and standard error, each piece at once and in the order written (no
/// buffer between them, so a line and JSON bytes never change places). Not through `print`: it takes
/// `Any` arguments and casts each dynamically, and each first cast scans every conformance in the binary.
public enum Output {
    public static func line(_ text: String = "") {
        write(text + "\n", to: STDOUT_FILENO)
    }

    public static func warning(_ text: String) {
        write("varning: " + text + "\n", to: STDERR_FILENO)
    }

    public static func data(_ data: Data) {
        data.withUnsafeBytes { write($0, to: STDOUT_FILENO) }
    }

    /// An error line on standard error ("fel: …").
    public static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    private static func write(_ text: String, to file: Int32) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0), to: file) }
    }

    /// All of `bytes`, however many calls it takes; a closed pipe ends the process (SIGPIPE) as for any tool.
    private static func write(_ bytes: UnsafeRawBufferPointer, to file: Int32) {
        var rest = bytes
        while let base = rest.baseAddress, !rest.isEmpty {
            let written = Foundation.write(file, base, rest.count)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[written...])
        }
    }
}

/// What `agenda --help` and `agenda serve --help` say the web interface is (the two programs' one sentence).
public enum ServeHelp {
    public static let abstract = "Kör webbgränssnittet: förvaltningarna rapporterar, IT-rådet läser, IT-chefen håller i rapporteringsomgången."
}
