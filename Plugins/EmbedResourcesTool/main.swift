import Foundation

// Writes a Swift source file that holds the files of the given folders, for the EmbedResources
// build plugin: `EmbedResourcesTool OUTPUT.swift FOLDER...`.
//
// Each folder becomes `EmbeddedFiles.<folder name in lowerCamelCase>`, an `EmbeddedFolder` of
// path → contents (paths relative to the folder, "/"-separated): a file that is UTF-8 text as a
// string literal (read without decoding: base64 with line breaks was 1.4 % of a report's
// instructions), any other file in base64. String literals compile in a fraction of the time a
// byte-array literal takes.
// The output is deterministic: folders and paths sorted by their UTF-8 bytes, no dates, no
// absolute paths; it is rewritten only when its text changes.

struct Failure: Error, CustomStringConvertible {
    let description: String
}

/// The regular files under `folder`, hidden ones skipped, as sorted relative paths.
func files(in folder: URL) throws -> [String] {
    let fm = FileManager.default
    guard let walk = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
        throw Failure(description: "cannot read the folder \(folder.path)")
    }
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    var paths: [String] = []
    for case let file as URL in walk where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        let components = file.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        guard components.starts(with: base) else { throw Failure(description: "\(file.path) is outside \(folder.path)") }
        paths.append(components.dropFirst(base.count).joined(separator: "/"))
    }
    return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}

/// `indicator-sets` → `indicatorSets`; always written in backticks, so `default` is fine too.
func identifier(_ folderName: String) throws -> String {
    let words = folderName.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    guard let first = words.first else { throw Failure(description: "the folder name \"\(folderName)\" has no letter or digit") }
    var name = first.prefix(1).lowercased() + first.dropFirst()
    for word in words.dropFirst() { name += word.prefix(1).uppercased() + word.dropFirst() }
    return name.first!.isNumber ? "_" + name : name
}

/// A one-line Swift string literal for `text`: quotes, backslashes and control characters escaped
/// (line feeds and tabs by name), so that the literal holds exactly these scalars.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func generate(folders: [URL]) throws -> String {
    var out = """
        // Generated at build time by the EmbedResources plugin (Plugins/EmbedResourcesTool). Do not edit:
        // change the files of the folders it names instead.

        extension EmbeddedFiles {

        """
    var seen: Set<String> = []
    for folder in folders.sorted(by: { $0.lastPathComponent.utf8.lexicographicallyPrecedes($1.lastPathComponent.utf8) }) {
        let name = folder.lastPathComponent
        let id = try identifier(name)
        guard seen.insert(id).inserted else { throw Failure(description: "two folders are both named \(id) in Swift") }
        out += "    /// The files of the folder `\(name)`, built in.\n"
        out += "    public static let `\(id)` = EmbeddedFolder(name: \(literal(name)), files: [\n"
        for path in try files(in: folder) {
            let data: Data
            do { data = try Data(contentsOf: folder.appendingPathComponent(path)) } catch {
                throw Failure(description: "cannot read \(folder.appendingPathComponent(path).path)")
            }
            // Text only when its UTF-8 is the file's bytes exactly (Foundation drops a byte-order mark).
            if let text = String(data: data, encoding: .utf8), text.utf8.elementsEqual(data) {
                out += "        (\(literal(path)), .text(\(literal(text)))),\n"
            } else {
                out += "        (\(literal(path)), .base64(\"\(data.base64EncodedString())\")),\n"
            }
        }
        out += "    ])\n"
    }
    return out + "}\n"
}

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first, arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool OUTPUT.swift FOLDER...\n".utf8))
    exit(2)
}
do {
    let text = Data(try generate(folders: arguments.dropFirst().map { URL(fileURLWithPath: $0, isDirectory: true) }).utf8)
    let output = URL(fileURLWithPath: outputPath)
    if (try? Data(contentsOf: output)) != text {
        try text.write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("EmbedResourcesTool: error: \(error)\n".utf8))
    exit(1)
}
