import Foundation

/// The files built into the `agenda` executable, so that installing it is copying one file and it
/// reads no resource folder at run time.
///
/// Each folder of templates/ is one static property, generated at build time by the
/// EmbedResources plugin (Plugins/): `default` is the template set (the look of the reports,
/// the Swedish labels, the import label synonyms and the organisation aliases), `sample` the
/// Mölndal plan that `agenda demo` imports. A folder added to templates/ appears here under its
/// name in lowerCamelCase (`indicator-sets` → `EmbeddedFiles.indicatorSets`) on the next build.
///
/// A municipality edits a copy of the template set (`agenda templates export DIR`) and selects it
/// with `--templates DIR`; only then does the binary read template files.
public enum EmbeddedFiles {}

/// One built-in folder: its files by path relative to the folder ("report.css", "sub/x.svg").
public struct EmbeddedFolder: Sendable {
    /// A file's contents as the generated source holds them.
    enum Contents: Sendable {
        /// A file that is UTF-8 text, as it is.
        case text(String)
        /// Any other file, in base64.
        case base64(String)
    }

    /// The folder's name in templates/.
    public let name: String
    /// Every file's path, sorted.
    public let paths: [String]
    private let files: [String: Contents]

    /// Used by the generated source: each file's path with its contents.
    init(name: String, files: [(path: String, contents: Contents)]) {
        self.name = name
        paths = files.map(\.path)
        self.files = Dictionary(files, uniquingKeysWith: { first, _ in first })
    }

    /// The bytes of the file at `path`, or nil when the folder has no such file.
    public subscript(path: String) -> Data? {
        switch files[path] {
        // A literal's bytes are contiguous: copied at once (Data(text.utf8) takes them one by one).
        case .text(let text): text.utf8.withContiguousStorageIfAvailable { Data(buffer: $0) } ?? Data(text.utf8)
        case .base64(let base64): Data(base64Encoded: base64)
        case nil: nil
        }
    }

    /// The file at `path` as UTF-8 text, or nil when the folder has no such file or it is not UTF-8.
    public func text(_ path: String) -> String? {
        if case .text(let text) = files[path] { return text }
        return self[path].flatMap { String(data: $0, encoding: .utf8) }
    }
}
