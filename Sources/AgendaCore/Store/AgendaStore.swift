/// The agenda's store: one SQLite file holding the plan, its revisions and (later) the status history.
public final class AgendaStore {
    public let db: Database

    /// Opens the database at `path` (creating it unless `create` is false) and upgrades its schema in place.
    public init(path: String, create: Bool = true) throws {
        db = try Database(path: path, create: create)
        try Schema.migrator.migrate(db)
    }
}
