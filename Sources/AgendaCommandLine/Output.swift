import Foundation

/// Writes to standard output and standard error without buffering surprises.
public enum Output {
    public static func line(_ text: String = "") {
        print(text)
    }

    public static func warning(_ text: String) {
        FileHandle.standardError.write(Data(("varning: " + text + "\n").utf8))
    }

    public static func data(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }
}

/// What `agenda --help` and `agenda serve --help` say the web interface is (the two programs' one sentence).
public enum ServeHelp {
    public static let abstract = "Kör webbgränssnittet: förvaltningarna rapporterar, IT-rådet läser, IT-chefen håller i rapporteringsomgången."
}
