import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs programs with posix_spawn and waitpid rather than Foundation's `Process`.
///
/// On Linux, `Process.waitUntilExit` learns that a child ended when a socket it hands to the child
/// is closed, i.e. when every process that inherited it has ended. `scripts/mta start` leaves an Exim
/// daemon running (`scripts/oidc-provider start` a Starman), which inherits that socket, so waiting for the script would last as long as the
/// daemon. Here the child gets only standard input (/dev/null), output and error (files); every other
/// descriptor is closed in it, so no daemon it starts holds anything of the test process, and it gets
/// a clean signal mask.
public enum Spawn {
    /// What a program that could not be started, or a socket that could not be bound, tells the test.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    public static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-spawn-\(UUID().uuidString)")
        let (outputPath, errorPath) = (base.path + ".out", base.path + ".err")
        defer { _ = unlink(outputPath); _ = unlink(errorPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Every descriptor open now; one closed meanwhile is skipped by glibc (EBADF is not an error there).
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        // The child starts with no signal blocked and every signal's default action: a test runs on a
        // thread that blocks signals, and an Exim daemon that inherited that would ignore the SIGTERM of
        // `scripts/mta stop`.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure("cannot start \(program): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (exitStatus, read(outputPath), read(errorPath))
    }
}
