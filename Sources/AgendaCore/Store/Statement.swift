import CSQLite

/// A value bound to, or read from, SQLite.
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int64) { self = .integer(value) }
    init(nilLiteral: ()) { self = .null }
}

extension SQLValue {
    init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
    init(_ value: Double?) { self = value.map(SQLValue.real) ?? .null }
    init(_ value: Bool) { self = .integer(value ? 1 : 0) }
}

/// One prepared statement, owned and finalized by this object.
final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    let sql: String

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw database.error(rc, sql: sql) }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `values` to its parameters, in order.
    func bind(_ values: [SQLValue]) throws {
        reset()
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == values.count else {
            throw StoreError.sqlite(code: SQLITE_RANGE, message: "väntade \(expected) argument, fick \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case let .integer(n): rc = sqlite3_bind_int64(handle, index, n)
            case let .real(x): rc = sqlite3_bind_double(handle, index, x)
            case let .text(s): rc = sqlite3_bind_text(handle, index, s, -1, SQLITE_TRANSIENT)
            }
            guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
        }
    }

    /// Advances to the next row: true when a row is ready to read, false when done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let rc:
            let error = database.error(rc, sql: sql)
            reset()
            throw error
        }
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}

/// sqlite3's SQLITE_TRANSIENT, which the C macro spells as a cast Swift cannot import.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// The current row of a statement, read by column index.
struct Row {
    let statement: Statement

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement.handle, column) == SQLITE_NULL
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(statement.handle, column))
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement.handle, column)
    }

    func optionalInt(_ column: Int32) -> Int? {
        isNull(column) ? nil : int(column)
    }

    func double(_ column: Int32) -> Double {
        sqlite3_column_double(statement.handle, column)
    }

    func bool(_ column: Int32) -> Bool { int(column) != 0 }

    func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(statement.handle, column) else { return "" }
        return String(cString: text)
    }

    func optionalString(_ column: Int32) -> String? {
        isNull(column) ? nil : string(column)
    }
}

/// A row read through a column enum whose raw values are the positions of its SELECT list, so a query's
/// columns are named once, in the enum, and read by name.
extension Row {
    func string<Column: RawRepresentable>(_ column: Column) -> String where Column.RawValue == Int32 { string(column.rawValue) }
    func optionalString<Column: RawRepresentable>(_ column: Column) -> String? where Column.RawValue == Int32 {
        optionalString(column.rawValue)
    }
    func int<Column: RawRepresentable>(_ column: Column) -> Int where Column.RawValue == Int32 { int(column.rawValue) }
    func int64<Column: RawRepresentable>(_ column: Column) -> Int64 where Column.RawValue == Int32 { int64(column.rawValue) }
    func optionalInt<Column: RawRepresentable>(_ column: Column) -> Int? where Column.RawValue == Int32 { optionalInt(column.rawValue) }
    func bool<Column: RawRepresentable>(_ column: Column) -> Bool where Column.RawValue == Int32 { bool(column.rawValue) }
}
