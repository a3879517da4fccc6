/// An error from the SQLite store, carrying what a person needs to find the cause.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLite refused: its result code, its message, and the SQL that was running.
    case sqlite(code: Int32, message: String, sql: String?)
    /// The file could not be opened as a database.
    case cannotOpen(path: String, message: String)
    /// The file was written by a newer build of Agenda than this one.
    case newerSchema(found: Int, known: Int)
    /// A row did not hold what the schema promises (a corrupt or hand-edited file).
    case corrupt(String)
    /// A write the model forbids: a duplicate code, an unknown action, a second agenda.
    case conflict(String)
    /// Something asked for is not in the store.
    case notFound(String)

    public var description: String {
        switch self {
        case let .sqlite(code, message, sql):
            let statement = sql.map { " in `\($0.split(whereSeparator: \.isNewline).joined(separator: " "))`" } ?? ""
            return "database error \(code): \(message)\(statement)"
        case let .cannotOpen(path, message):
            return "cannot open database \(path): \(message)"
        case let .newerSchema(found, known):
            return "the database was written by a newer Agenda (schema \(found), this build knows up to \(known)); upgrade agenda"
        case let .corrupt(detail):
            return "the database holds unexpected data: \(detail)"
        case let .conflict(detail), let .notFound(detail):
            return detail
        }
    }
}
