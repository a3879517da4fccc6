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
    /// The folder's name in templates/.
    public let name: String
    /// Every file's path, sorted.
    public let paths: [String]
    private let base64: [String: String]

    /// Used by the generated source: each file's path with its bytes in base64 (line breaks allowed).
    init(name: String, files: [(path: String, base64: String)]) {
        self.name = name
        paths = files.map(\.path)
        base64 = Dictionary(files, uniquingKeysWith: { first, _ in first })
    }

    /// The bytes of the file at `path`, or nil when the folder has no such file.
    public subscript(path: String) -> Data? {
        base64[path].flatMap { Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }
    }

    /// The file at `path` as UTF-8 text, or nil when the folder has no such file or it is not UTF-8.
    public func text(_ path: String) -> String? {
        self[path].flatMap { String(data: $0, encoding: .utf8) }
    }
}
