/// What kind of "no" an error is, for a front end to answer with: the CLI prints every refusal as one
/// line and exits 1; the web maps ``kind`` to an HTTP status (see ``RefusalKind/httpStatus``).
public protocol Refusal: Error, CustomStringConvertible, Sendable {
    var kind: RefusalKind { get }
}

/// The kinds of refusal every front end distinguishes.
public enum RefusalKind: Sendable, Equatable {
    /// What was asked for does not exist.
    case notFound
    /// What a write would create exists already.
    case alreadyExists
    /// A published period's report or plan can no longer change.
    case frozen
    /// The caller is known but may not do this (a förvaltning acting on another's action).
    case notPermitted
    /// No valid token or session: the caller must sign in (again).
    case notSignedIn
    /// The action is withdrawn.
    case withdrawn
    /// A value given is not acceptable; the message names the field.
    case invalidInput
    /// The write contradicts the store's state in another way.
    case conflict
    /// The database cannot be used as it is (not an Agenda file, a newer schema, damaged).
    case unavailable

    /// The HTTP status a web front end answers with.
    public var httpStatus: Int {
        switch self {
        case .notFound: 404
        case .alreadyExists, .frozen, .withdrawn, .conflict: 409
        case .notPermitted: 403
        case .notSignedIn: 401
        case .invalidInput: 422
        case .unavailable: 503
        }
    }
}
