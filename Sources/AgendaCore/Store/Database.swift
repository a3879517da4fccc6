import CSQLite
import Foundation

/// One connection to an SQLite database file. Foreign keys on, WAL journal, a busy timeout.
///
/// Not thread-safe: use one connection from one task at a time (SQLite's own rule for a
/// connection opened without the serialized mode); several processes may share the file.
final class Database {
    let handle: OpaquePointer
    let path: String
    private var statementCache: [String: Statement] = [:]

    /// Opens (and creates, when `create` is true) the database at `path`. A new file is readable and
    /// writable by its owner only (0600); SQLite gives its -wal and -shm files the same permissions.
    /// A read-only connection never writes the file, not even its journal mode.
    init(path: String, create: Bool = true, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 30_000) throws {
        if create && !readOnly { try Self.createPrivately(path) }
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(db)
            throw StoreError.cannotOpen(path: path, message: message)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        // Like sqlite3_busy_timeout, but polling every 1–2 ms instead of backing off to 100 ms sleeps:
        // with many short writers (förvaltningar reporting at once) waiting is far shorter.
        // The budget travels in the context pointer, so the C callback captures nothing.
        sqlite3_busy_handler(db, { context, count in
            let budget = Int(bitPattern: context)
            let waited = count < 10 ? Int(count) : 10 + (Int(count) - 10) * 2
            guard waited < budget else { return 0 }
            sqlite3_sleep(count < 10 ? 1 : 2)
            return 1
        }, UnsafeMutableRawPointer(bitPattern: Int(max(0, busyTimeoutMilliseconds))))
        do {
            try execute("PRAGMA foreign_keys = ON")
            // A file that is not a database fails here, as not an Agenda database, rather than at the first real query.
            _ = try prepare("SELECT count(*) FROM sqlite_schema").step()
        } catch let error as StoreError {
            statementCache.removeAll()
            sqlite3_close_v2(db)
            guard case let .sqlite(code, message, _) = error else { throw error }
            throw code & 0xFF == SQLITE_NOTADB ? StoreError.notAgendaDatabase(path: path) : StoreError.cannotOpen(path: path, message: message)
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Makes this connection ready to write: WAL, so that readers and one writer work at once, and
    /// NORMAL synchronisation (durable at every checkpoint, consistent always). Setting WAL writes the
    /// file's header, so it is done only once the file is known to be an Agenda database.
    func prepareForWriting() throws {
        // journal_mode answers with a row.
        _ = try prepare("PRAGMA journal_mode = WAL").step()
        try execute("PRAGMA synchronous = NORMAL")
    }

    /// Creates an empty file at `path` with mode 0600 unless something is there already.
    private static func createPrivately(_ path: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw StoreError.cannotOpen(path: path, message: String(cString: strerror(errno)))
        }
    }

    /// Runs SQL that takes no parameters and returns no rows (schema, pragmas). Several statements may be given.
    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(errorMessage)
            throw StoreError.sqlite(code: rc, message: message, sql: sql)
        }
    }

    /// A new prepared statement for `sql`.
    func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// A prepared statement for `sql`, reused across calls (reset and cleared of bindings).
    func cached(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with bound parameters, for its side effect.
    func run(_ sql: String, _ arguments: [SQLValue] = []) throws {
        let statement = try cached(sql)
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Runs a query and maps each row.
    func query<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        let statement = try cached(sql)
        try statement.bind(arguments)
        var result: [T] = []
        while try statement.step() { result.append(try map(Row(statement: statement))) }
        return result
    }

    /// Runs a query and maps the first row, if any.
    func first<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        let statement = try cached(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        return try statement.step() ? map(Row(statement: statement)) : nil
    }

    /// The one value a query asks for (its first column in its first row): nil when there is no row or
    /// the value is NULL. `try db.value("SELECT id FROM action WHERE code = ?", [.text(code)], as: Int64.self)`
    func value<T: ColumnValue>(_ sql: String, _ arguments: [SQLValue] = [], as type: T.Type) throws -> T? {
        try first(sql, arguments) { T(first: $0) } ?? nil
    }

    /// The first column of every row of a query, NULLs left out.
    func values<T: ColumnValue>(_ sql: String, _ arguments: [SQLValue] = [], as type: T.Type) throws -> [T] {
        try query(sql, arguments) { T(first: $0) }.compactMap { $0 }
    }

    /// Runs a query row by row without collecting the rows: for streaming large results.
    func forEach(_ sql: String, _ arguments: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        while try statement.step() { try body(Row(statement: statement)) }
    }

    /// The rowid of the last row inserted on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in one IMMEDIATE transaction: all of it is written, or (on any thrown error) none of it.
    /// IMMEDIATE takes the write lock up front, so concurrent writers wait on the busy timeout
    /// instead of failing half-way with "database is locked".
    /// Inside a transaction already open on this connection, `body` joins it (and an error it throws
    /// rolls back the whole outer transaction).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        guard !isInTransaction else { return try body() }
        return try within("BEGIN IMMEDIATE", body)
    }

    /// Runs `body` so that all its reads see one snapshot of the file (a DEFERRED transaction, which
    /// takes no write lock). Inside a transaction already open on this connection, `body` joins it.
    func read<T>(_ body: () throws -> T) throws -> T {
        guard !isInTransaction else { return try body() }
        return try within("BEGIN DEFERRED", body)
    }

    /// Runs `body` between `begin` and COMMIT, rolling back when it throws.
    /// BEGIN and COMMIT are prepared once per connection (a web request opens several reads).
    private func within<T>(_ begin: String, _ body: () throws -> T) throws -> T {
        while try cached(begin).step() {}
        do {
            let result = try body()
            while try cached("COMMIT").step() {}
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    func error(_ rc: Int32, sql: String?) -> StoreError {
        .sqlite(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
