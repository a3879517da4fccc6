import AgendaTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A private Exim instance, started by scripts/mta (scripts/mta.md) in a temporary folder on a free
/// loopback port, delivering every recipient's mail into DIR/mail/<address>/new/.
struct TestMTA {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/mta")

    let directory: URL
    let port: Int

    /// Starts an instance, runs `body` with it, and stops it and removes its folder whatever happens.
    static func with<T>(_ body: (TestMTA) throws -> T) throws -> T {
        let mta = try start()
        defer { mta.stop() }
        return try body(mta)
    }

    static func start() throws -> TestMTA {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-mail-transport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try freePort()
        let result = try Spawn.run(script.path, ["start", directory.path, String(port)])
        guard result.status == 0 else {
            try? FileManager.default.removeItem(at: directory)
            if result.error.contains("not installed") {
                throw Failure(description: "Exim is missing: run `scripts/mta install` (as root) before the AgendaMail tests")
            }
            throw Failure(description: "scripts/mta start failed (\(result.status)): \(result.error)")
        }
        return TestMTA(directory: directory, port: port)
    }

    /// The machine's mail command as CI sets it up: Debian's msmtp, relaying over SMTP to this instance
    /// (its configuration in the instance's folder, readable by its owner only, as msmtp demands).
    func msmtp() throws -> String {
        let config = directory.appendingPathComponent("msmtprc")
        try "account default\nhost 127.0.0.1\nport \(port)\nfrom agenda@molndal.example\nauth off\ntls off\n"
            .write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") else {
            throw Failure(description: "msmtp is missing: apt-get install msmtp (CI installs it)")
        }
        return "/usr/bin/msmtp --file=\(config.path) -t -i"
    }

    /// Stops the daemon (a connection to its port is then refused) and removes the folder.
    func stop(removing: Bool = true) {
        _ = try? Spawn.run(Self.script.path, ["stop", directory.path])
        if removing { try? FileManager.default.removeItem(at: directory) }
    }

    /// The files delivered to `address`, waiting up to five seconds for `count` of them
    /// (Exim delivers in a separate process just after its 250).
    func delivered(to address: String, count: Int = 1) -> [URL] {
        let folder = directory.appendingPathComponent("mail/\(address.lowercased())/new")
        let deadline = Date().addingTimeInterval(5)
        while true {
            let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            if files.count >= count || Date() > deadline { return files.sorted { $0.path < $1.path } }
            usleep(20_000)
        }
    }
}
