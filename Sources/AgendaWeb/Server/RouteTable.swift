import HTTPTypes
import Synchronization

/// The methods each route's path answers, recorded as the routes are registered (``WebApp/get(_:on:_:)``,
/// ``WebApp/blocking(_:_:on:_:)``), so that a request for a path that exists with a method it does not
/// answer gets 405 and an `Allow` header (RFC 9110, 15.5.6) rather than 404. Hummingbird's router
/// answers 404 for both and keeps its table to itself.
final class RouteTable: Sendable {
    private let routes = Mutex<[[Substring]: Set<HTTPRequest.Method>]>([:])

    func record(_ path: String, _ method: HTTPRequest.Method) {
        let pattern = Self.segments(path)
        routes.withLock { routes in
            routes[pattern, default: []].insert(method)
            if method == .get { routes[pattern, default: []].insert(.head) }
        }
    }

    /// Every method some route answers for `path`, in a stable order; empty when no route has the path.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = Self.segments(path)
        let methods = routes.withLock { routes in
            routes.filter { Self.matches($0.key, segments) }.reduce(into: Set<HTTPRequest.Method>()) { $0.formUnion($1.value) }
        }
        return methods.sorted { $0.rawValue < $1.rawValue }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// A pattern's segment `:name` or `*` matches any one segment, `**` the rest of the path.
    private static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        for (index, segment) in pattern.enumerated() {
            if segment == "**" { return true }
            guard index < path.count else { return false }
            if segment == "*" || segment.hasPrefix(":") { continue }
            if segment != path[index] { return false }
        }
        return pattern.count == path.count
    }
}
