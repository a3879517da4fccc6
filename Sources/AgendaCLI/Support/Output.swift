import Foundation

/// Writes to standard output and standard error without buffering surprises.
enum Output {
    static func line(_ text: String = "") {
        print(text)
    }

    static func warning(_ text: String) {
        FileHandle.standardError.write(Data(("varning: " + text + "\n").utf8))
    }

    static func data(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }
}
