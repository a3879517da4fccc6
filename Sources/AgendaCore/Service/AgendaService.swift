import Foundation
import Synchronization

/// The one way into an agenda database for every front end: the CLI and the web call the same use
/// cases here and hold no rule of their own.
///
/// `Sendable`: many tasks may share one service. Writes go through one connection at a time (SQLite
/// allows one writer per file; other processes, such as the CLI beside a running server, wait on the
/// busy timeout). Reads take a read-only connection of their own from a small pool, so readers run in
/// parallel on the WAL file, and each read sees one snapshot (one read transaction).
///
/// A service that only reads never creates, migrates or otherwise writes the file; use
/// ``create(at:_:)`` for a new database.
public final class AgendaService: Sendable {
    /// How the service opens its file.
    public enum Access: Sendable {
        /// Only read: the file must be an Agenda database of this build's schema; it is never written.
        case read
        /// Read and write: an older schema is upgraded in place when the service opens.
        case write
    }

    public let path: String
    private let clock: @Sendable () -> Timestamp
    private let writer: Mutex<Lease?>
    private let idleReaders = Mutex<[Lease]>([])
    private static let maxIdleReaders = 8

    /// Opens the Agenda database at `path`. Refuses (and leaves unchanged) a missing file, a file that is
    /// not an Agenda database, and one written by a newer build.
    public init(path: String, access: Access = .read, clock: @escaping @Sendable () -> Timestamp = { .now }) throws {
        self.path = path
        self.clock = clock
        switch access {
        case .write:
            writer = Mutex(Lease(try AgendaStore(path: path, access: .write)))
        case .read:
            writer = Mutex(nil)
            let first = Lease(try AgendaStore(path: path, access: .read))
            idleReaders.withLock { $0.append(first) }
        }
    }

    /// The service's clock: now, to the second.
    public var now: Timestamp { clock() }

    /// Today's date in Sweden, by the service's clock.
    public var today: CalendarDate { now.swedishDate }

    /// Runs `body` with a read-only view in which every read sees one snapshot of the file: a report
    /// built while status reports arrive is consistent.
    public func read<T: Sendable>(_ body: (StoreSnapshot) throws -> T) throws -> T {
        try reading { try body(StoreSnapshot($0)) }
    }

    /// Runs `body` with a store whose every read sees one snapshot of the file.
    func reading<T: Sendable>(_ body: (AgendaStore) throws -> T) throws -> T {
        let lease = try idleReaders.withLock { $0.popLast() } ?? Lease(try AgendaStore(path: path, access: .read))
        defer {
            idleReaders.withLock { idle in
                if idle.count < Self.maxIdleReaders { idle.append(lease) }
            }
        }
        return try lease.store.read { try body(lease.store) }
    }

    /// Runs `body` with the one writing store (each of the store's writes is one transaction that
    /// checks the caller's role inside it).
    func write<T: Sendable>(_ body: (AgendaStore) throws -> T) throws -> T {
        try writer.withLock { lease throws -> T in
            guard let lease else {
                throw StoreError.conflict(.readOnly)
            }
            return try body(lease.store)
        }
    }

    /// Creates a new Agenda database at `path` and runs `build` on it; the file appears at `path`
    /// (readable by its owner only) only when `build` has returned, so a failed or killed run leaves no
    /// database behind, nor an owner whose token nobody saw. An empty file at `path` counts as absent;
    /// anything else there is refused unchanged.
    /// Whether `path` holds no database yet: no file, or an empty one (which `touch` or a failed copy
    /// leaves). The one rule for "open or create": `agenda init` and `agenda import` create a database
    /// there, every other command refuses with ``StoreError/noDatabase(path:)``.
    public static func holdsNoDatabase(_ path: String) -> Bool { AgendaStore.holdsNoDatabase(path) }

    static func create<T: Sendable>(
        at path: String, clock: @escaping @Sendable () -> Timestamp = { .now },
        _ build: (AgendaStore, Timestamp) throws -> T
    ) throws -> T {
        guard holdsNoDatabase(path) else { throw StoreError.alreadyExists(.file(path: path)) }
        let url = URL(fileURLWithPath: path)
        let scratch = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).creating-\(UUID().uuidString.prefix(8))").path
        func removeScratch() {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
        }
        // A run killed mid-way (kill -9) left its scratch database; it never became the database, so it goes.
        let folder = url.deletingLastPathComponent()
        let stale = ".\(url.lastPathComponent).creating-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(stale) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        do {
            let result: T = try {
                let store = try AgendaStore(path: scratch, access: .create)
                let result = try build(store, clock())
                try store.checkpoint()
                return result
            }()
            // The store is closed here; its WAL was checkpointed, so the one file holds everything.
            guard rename(scratch, path) == 0 else {
                throw StoreError.cannotOpen(path: path, message: String(cString: strerror(errno)))
            }
            removeScratch()
            return result
        } catch {
            removeScratch()
            throw error
        }
    }
}

/// A store lent to one task at a time: it lives either in a service's idle list (under its mutex) or
/// in the one call that took it out, never in two places, so its non-thread-safe connection is only
/// ever used from one task at a time.
struct Lease: @unchecked Sendable {
    let store: AgendaStore
    init(_ store: AgendaStore) { self.store = store }
}
