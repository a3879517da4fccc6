import Foundation

/// Runs the built `agenda` executable the way a user does, and captures what it prints.
struct AgendaProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutData: Data
    }

    /// The built executable: $AGENDA_BIN, else `agenda` beside the test bundle in the build folder.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["AGENDA_BIN"] { return URL(fileURLWithPath: path) }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On macOS the runner sits inside the .xctest bundle; on Linux beside the products.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("agenda").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("agenda")
    }()

    /// Runs `agenda ARGUMENTS` (the built one, or `binary`) with the given extra environment; no AGENDA_DB leaks in from the caller.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil, binary: URL = executable) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "AGENDA_DB")
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        // Output goes to files rather than pipes, so a large output can never block the child.
        let scratch = try TemporaryFolder()
        _ = FileManager.default.createFile(atPath: scratch.path("out"), contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.path("err"), contents: nil)
        let out = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("out"))
        let err = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("err"))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: scratch.url.appendingPathComponent("out"))
        let errData = try Data(contentsOf: scratch.url.appendingPathComponent("err"))
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            stdoutData: outData
        )
    }
}

/// A fresh temporary folder, removed when the value is dropped.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The sample tokens `agenda demo` prints, "  NAME (role): agenda_…", by identity name.
enum DemoTokens {
    static func parse(_ stdout: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in stdout.split(separator: "\n") {
            guard let match = line.firstMatch(of: /^  (.+) \((owner|reporter|reader)\): (agenda_[0-9a-f]{64})$/) else { continue }
            result[String(match.output.1)] = String(match.output.3)
        }
        return result
    }
}

extension AgendaProcess {
    /// Starts `agenda ARGUMENTS` without waiting; output is discarded. For tests that kill it.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "AGENDA_DB")
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
