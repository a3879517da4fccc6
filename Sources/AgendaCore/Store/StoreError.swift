import CSQLite

/// An error from the store, carrying what a person needs to find the cause.
///
/// The cases say what went wrong, so that a front end can map them: the CLI prints the description as one
/// line (exit 1), the web answers 404 (``notFound(_:)``), 409 (``alreadyExists(_:)``, ``frozen(period:_:)``,
/// ``withdrawn(code:_:)``, ``conflict(_:)``) or 422 (``invalidInput(field:_:)``). See ``Refusal``.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLite refused: its result code, its message, and the SQL that was running (kept for debugging,
    /// never printed: the description is one line for a person).
    case sqlite(code: Int32, message: String, sql: String?)
    /// The file could not be opened as a database.
    case cannotOpen(path: String, message: String)
    /// There is no database file at the path.
    case noDatabase(path: String)
    /// The file is not an Agenda database (another SQLite file, an empty file, or not a database at all).
    case notAgendaDatabase(path: String)
    /// The file was written by a newer build of Agenda than this one.
    case newerSchema(found: Int, known: Int)
    /// The file was written by an older build and must be upgraded (by a command that writes) before it is read.
    case olderSchema(path: String)
    /// A row did not hold what the schema promises (a corrupt or hand-edited file).
    case corrupt(String)
    /// Something asked for is not in the store: an action, a förvaltning, an identity, a focus area.
    case notFound(Missing)
    /// What a write would create is there already: an action code, a förvaltning, an identity, an agenda.
    case alreadyExists(Existing)
    /// The period's report is published, so what it shows can no longer change.
    case frozen(period: String, FrozenUse)
    /// The action is withdrawn from the plan.
    case withdrawn(code: String, WithdrawnUse)
    /// A value given for `field` is not acceptable, for the reason `problem`.
    case invalidInput(InputField, InputProblem)
    /// A write that contradicts the state of the store in another way (a change that changes nothing, …).
    case conflict(Conflict)

    public var description: String {
        switch self {
        case let .sqlite(code, message, _):
            switch SQLiteCondition(code) {
            case .full: "disken är full, så databasen kunde inte skrivas; inget har ändrats — frigör utrymme och försök igen"
            case .busy: "databasen är upptagen av ett annat program som skriver i den; inget har ändrats — försök igen om en stund"
            case .readOnly: "databasfilen går inte att skriva i (filen, mappen eller disken är skrivskyddad); inget har ändrats"
            case .io: "disken kunde inte läsa eller skriva databasfilen; inget har ändrats — kontrollera disken och försök igen"
            case .damaged: "databasfilen är skadad; inget har ändrats — återställ den från en säkerhetskopia"
            case nil: "databasen kunde inte utföra det här (SQLite \(code): \(message)); inget har ändrats — försök igen"
            }
        case let .cannotOpen(path, message):
            "kan inte öppna databasen \(path): \(message)"
        case let .noDatabase(path):
            "det finns ingen databas i \(path)"
        case let .notAgendaDatabase(path):
            "\(path) är inte en Agenda-databas; filen har lämnats orörd"
        case let .newerSchema(found, known):
            "databasen är skriven av en nyare version av Agenda (schema \(found), den här versionen klarar upp till \(known)); uppdatera agenda"
        case let .olderSchema(path):
            "\(path) är skriven av en äldre version av Agenda och behöver uppgraderas (innehållet behålls som det är)"
        case let .corrupt(detail):
            "databasen innehåller oväntade uppgifter: \(detail)"
        case let .notFound(missing): missing.sentence
        case let .alreadyExists(existing): existing.sentence
        case let .conflict(conflict): conflict.sentence
        case let .frozen(period, use): use.sentence(period)
        case let .withdrawn(code, use): use.sentence(code)
        case let .invalidInput(field, problem): problem.sentence(field)
        }
    }
}

extension StoreError: Refusal {
    public var kind: RefusalKind {
        switch self {
        case .notFound, .noDatabase: .notFound
        case .alreadyExists: .alreadyExists
        case .frozen: .frozen
        case .withdrawn: .withdrawn
        case .invalidInput: .invalidInput
        case .conflict: .conflict
        case .sqlite, .cannotOpen, .notAgendaDatabase, .newerSchema, .olderSchema, .corrupt: .unavailable
        }
    }
}

/// What an SQLite result code says about the file or the disk, in the few cases a person can act on
/// without reading SQLite's own (English) message.
public enum SQLiteCondition: Sendable, Equatable {
    /// The disk (or the database's size limit) is full.
    case full
    /// Another connection holds the lock longer than the busy timeout.
    case busy
    /// The file, its folder or the disk cannot be written.
    case readOnly
    /// The operating system could not read or write the file.
    case io
    /// The file is damaged (or is no database).
    case damaged

    /// The condition of `code` (an extended or a primary result code), or nil for any other.
    public init?(_ code: Int32) {
        switch code & 0xFF {
        case SQLITE_FULL: self = .full
        case SQLITE_BUSY, SQLITE_LOCKED: self = .busy
        case SQLITE_READONLY: self = .readOnly
        case SQLITE_IOERR: self = .io
        case SQLITE_CORRUPT, SQLITE_NOTADB: self = .damaged
        default: return nil
        }
    }
}
