/// Numbered schema migrations, applied in order, each in one transaction, recorded in the file
/// (table `schema_migrations`), so a database written by one build opens and upgrades in place in every later build.
struct Migrator: Sendable {
    struct Migration: Sendable {
        let number: Int
        let name: String
        let sql: String

        init(number: Int, name: String, sql: String) {
            self.number = number
            self.name = name
            self.sql = sql
        }
    }

    let migrations: [Migration]

    init(_ migrations: [Migration]) {
        precondition(
            zip(migrations, migrations.dropFirst()).allSatisfy { $0.number < $1.number } && (migrations.first?.number ?? 1) >= 1,
            "migrations are numbered 1, 2, 3, … in increasing order")
        self.migrations = migrations
    }

    /// The highest migration number this build knows. Numbers may have gaps while changes made in
    /// parallel are merged; a file is current when it has every migration listed.
    var newest: Int { migrations.last?.number ?? 0 }

    /// Applies every migration the database has not yet seen. Refuses a database from a newer build.
    func migrate(_ db: Database) throws {
        try db.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                number INTEGER PRIMARY KEY,
                name TEXT NOT NULL
            )
            """)
        let applied = try appliedNumbers(db)
        if let found = applied.max(), found > newest {
            throw StoreError.newerSchema(found: found, known: newest)
        }
        for migration in migrations where !applied.contains(migration.number) {
            // Checked inside the transaction: another process may have applied it meanwhile.
            try db.transaction {
                guard try !appliedNumbers(db).contains(migration.number) else { return }
                try db.execute(migration.sql)
                try db.run("INSERT INTO schema_migrations (number, name) VALUES (?, ?)",
                           [.integer(Int64(migration.number)), .text(migration.name)])
            }
        }
    }

    /// The migrations recorded in the file, or nil when it has no `schema_migrations` table (it is not
    /// an Agenda database, or a new one). Reads only.
    func appliedNumbersIfAny(_ db: Database) throws -> Set<Int>? {
        guard try db.first("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'", [], { _ in true }) != nil
        else { return nil }
        return try appliedNumbers(db)
    }

    /// Refuses a schema other than this build's, for a connection that may not upgrade it.
    func checkCurrent(_ applied: Set<Int>, path: String) throws {
        if let found = applied.max(), found > newest {
            throw StoreError.newerSchema(found: found, known: newest)
        }
        guard migrations.allSatisfy({ applied.contains($0.number) }) else { throw StoreError.olderSchema(path: path) }
    }

    func appliedNumbers(_ db: Database) throws -> Set<Int> {
        Set(try db.values("SELECT number FROM schema_migrations", as: Int.self))
    }
}
