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

    /// The position of each column of the result by its name (an `AS` alias, or the column's own name),
    /// read once per statement: statements are cached, so rows are read by name at the cost of one lookup.
    private lazy var columnPositions: [String: Int32] = {
        var positions: [String: Int32] = [:]
        for column in 0..<sqlite3_column_count(handle) {
            guard let name = sqlite3_column_name(handle, column) else { continue }
            // The first column of a name wins, as SQLite's own lookup by name does.
            let key = String(cString: name)
            if positions[key] == nil { positions[key] = column }
        }
        return positions
    }()

    /// The position of the result column `name`. Asking for a column the query does not select is a
    /// mistake in the store's own code, which every test of that query finds.
    func position(of name: String) -> Int32 {
        guard let position = columnPositions[name] else { preconditionFailure("no column \(name) in: \(sql)") }
        return position
    }

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

/// The current row of a statement, read by column name (`row.string("title")`), by a column enum whose raw
/// values are the query's positions (for the hot queries of reports), or by position inside this file only.
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

/// A row read by the names of its columns, as the query's SELECT list (or its `AS` aliases) spells them.
extension Row {
    func isNull(_ name: String) -> Bool { isNull(statement.position(of: name)) }
    func string(_ name: String) -> String { string(statement.position(of: name)) }
    func optionalString(_ name: String) -> String? { optionalString(statement.position(of: name)) }
    func int(_ name: String) -> Int { int(statement.position(of: name)) }
    func int64(_ name: String) -> Int64 { int64(statement.position(of: name)) }
    func optionalInt(_ name: String) -> Int? { optionalInt(statement.position(of: name)) }
    func double(_ name: String) -> Double { double(statement.position(of: name)) }
    func optionalDouble(_ name: String) -> Double? { isNull(name) ? nil : double(name) }
    func bool(_ name: String) -> Bool { bool(statement.position(of: name)) }
}

/// Dates and timestamps, stored as ISO text; `table` names where a value was read for the error.
extension Row {
    private func date(at column: Int32, in table: String) throws -> CalendarDate? {
        guard let text = optionalString(column) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw StoreError.corrupt("\(table): \"\(text)\" är inte ett datum ÅÅÅÅ-MM-DD")
        }
        return date
    }

    private func timestamp(at column: Int32, in table: String) throws -> Timestamp {
        let text = string(column)
        guard let value = Timestamp(iso: text) else {
            throw StoreError.corrupt("\(table): \"\(text)\" är inte en tidpunkt ÅÅÅÅ-MM-DDTHH:MM:SSZ")
        }
        return value
    }

    func date(_ name: String, in table: String) throws -> CalendarDate? { try date(at: statement.position(of: name), in: table) }
    func timestamp(_ name: String, in table: String) throws -> Timestamp { try timestamp(at: statement.position(of: name), in: table) }
    func date<Column: RawRepresentable>(_ column: Column, in table: String) throws -> CalendarDate? where Column.RawValue == Int32 {
        try date(at: column.rawValue, in: table)
    }
    func timestamp<Column: RawRepresentable>(_ column: Column, in table: String) throws -> Timestamp where Column.RawValue == Int32 {
        try timestamp(at: column.rawValue, in: table)
    }
}

/// A value a query asks for alone: the first column of its rows.
protocol ColumnValue {
    /// The value in `row`'s first column, or nil when it is NULL.
    init?(first row: Row)
}

extension Int: ColumnValue {
    init?(first row: Row) { if row.isNull(0) { return nil }; self = row.int(0) }
}

extension Int64: ColumnValue {
    init?(first row: Row) { if row.isNull(0) { return nil }; self = row.int64(0) }
}

extension String: ColumnValue {
    init?(first row: Row) { if row.isNull(0) { return nil }; self = row.string(0) }
}
