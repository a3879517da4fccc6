import Foundation
import PackagePlugin

/// Builds the files of every folder in a target's directory into the target as Swift source,
/// so the executable reads no resource folder at run time: `templates/default/report.css`
/// becomes `EmbeddedFiles.default["report.css"]`.
///
/// A new folder is embedded by creating it in the target's directory; the target names its Swift
/// files in `sources:`, so SwiftPM leaves the folders' files to this plugin. Hidden files and folders
/// are skipped. The generated file is written by EmbedResourcesTool and depends only on the folders'
/// files; adding or removing a file regenerates it on the next build.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let fm = FileManager.default
        let folders = try fm.contentsOfDirectory(at: target.directoryURL, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { !$0.lastPathComponent.hasPrefix(".") && (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !folders.isEmpty else { return [] }
        // Every file is an input, so editing, adding or removing one regenerates the source.
        var inputs: [URL] = []
        for folder in folders {
            guard let walk = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { continue }
            for case let file as URL in walk where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(file)
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folders.map(\.lastPathComponent).joined(separator: ", ")) into \(target.name)",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [output.path] + folders.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
