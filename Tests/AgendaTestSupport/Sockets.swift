import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A port on 127.0.0.1 that nothing listens on just now.
public func freePort() throws -> Int {
    let (descriptor, port) = try boundSocket()
    close(descriptor)
    return port
}

/// A socket listening on 127.0.0.1 that never accepts and never answers: a server that is up but hangs.
/// The kernel completes the connections (up to its backlog); the caller closes the descriptor.
public func silentListener() throws -> (descriptor: Int32, port: Int) {
    let (descriptor, port) = try boundSocket()
    guard listen(descriptor, 16) == 0 else { throw Spawn.Failure("cannot listen on a loopback socket: errno \(errno)") }
    return (descriptor, port)
}

/// A TCP socket bound to 127.0.0.1 on a port the kernel picks, and that port.
private func boundSocket() throws -> (Int32, Int) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
        }
    }
    guard descriptor >= 0, bound else { throw Spawn.Failure("cannot bind a loopback socket: errno \(errno)") }
    return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
}

/// Runs `body` on a thread of its own: tests that wait on processes and sleep must not hold the threads
/// of Swift concurrency's pool that the other test targets' asynchronous tests run on.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
