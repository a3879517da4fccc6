import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The machine's mail system, as every Unix program reaches it: a sendmail-compatible command (Postfix's
/// or Exim's `sendmail`, or msmtp relaying to the municipality's SMTP relay) that takes one RFC 5322 message
/// on standard input, finds the recipients in its headers (`-t`), and exits 0 once it has accepted it.
public struct MailCommand: Sendable, Equatable {
    /// The program and its arguments, split at white space (no shell is involved).
    public let arguments: [String]

    public static let standard = MailCommand("/usr/sbin/sendmail -t -i")!

    /// Nil for an empty command line.
    public init?(_ line: String) {
        let arguments = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !arguments.isEmpty else { return nil }
        self.arguments = arguments
    }

    /// What became of one message handed to the command.
    public enum Outcome: Sendable, Equatable {
        /// It exited 0: the mail system has the message.
        case accepted
        /// There is no such program (or it cannot be run).
        case missing
        /// It did not finish within the time allowed, and was stopped.
        case timedOut
        /// It exited with this status (sysexits: 75 EX_TEMPFAIL, 69 EX_UNAVAILABLE, 65 EX_DATAERR, …).
        case exited(Int32)
    }

    /// Runs the command with `message` on standard input (its CRLF line ends made LF, as local mail programs
    /// expect), waiting at most `timeout`; a command still running then is stopped (SIGTERM, then SIGKILL).
    public func send(_ message: [UInt8], timeout: Duration) -> Outcome {
        let process = Process()
        let program = arguments[0]
        guard let executable = Self.resolve(program) else { return .missing }
        process.executableURL = executable
        process.arguments = Array(arguments.dropFirst())
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .missing }

        // Written from another thread, so a command that never reads cannot hold this one past the timeout.
        let bytes = Self.unixLineEnds(message)
        let writer = Thread {
            // A command that exits without reading all of it: EPIPE, not a crash (SIGPIPE is ignored).
            try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        _ = Self.pipeSignalIgnored
        writer.start()

        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(5_000) }
        guard !process.isRunning else {
            process.terminate()
            let grace = ContinuousClock.now + .seconds(2)
            while process.isRunning && ContinuousClock.now < grace { usleep(5_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return .timedOut
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit else { return .exited(128 + process.terminationStatus) }
        return process.terminationStatus == 0 ? .accepted : .exited(process.terminationStatus)
    }

    /// SIGPIPE ignored, once per process: a command that exits without reading must not end Agenda (the
    /// write then fails with EPIPE instead).
    private static let pipeSignalIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// The program's file: a path as given, else the first match on PATH; nil when there is none to run.
    static func resolve(_ program: String) -> URL? {
        let candidates = program.contains("/")
            ? [program]
            : (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin")
                .split(separator: ":").map { "\($0)/\(program)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// `bytes` with every CRLF made LF.
    static func unixLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            result.append(byte)
        }
        return result
    }
}
