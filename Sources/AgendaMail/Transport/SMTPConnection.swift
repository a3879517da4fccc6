import Glibc  // Linux: SOCK_CLOEXEC and MSG_NOSIGNAL

/// One SMTP reply: its code and its lines as sent, joined by "\n" (without CRLF).
struct SMTPReply {
    let code: Int
    let text: String
}

/// A TCP connection on a non-blocking POSIX socket. Connecting, every read and every write wait at
/// most `timeout` (with poll(2)), so a server that stops answering cannot hold the caller.
/// Errors name `stage`, which the client sets as the dialogue moves on.
final class SMTPConnection {
    private let descriptor: Int32
    private let timeout: Duration
    private var input: [UInt8] = []
    var stage = SMTPStage.connect

    /// Connects to each address of `host` in turn (getaddrinfo's order) until one answers.
    init(host: String, port: Int, timeout: Duration) throws(SMTPError) {
        self.timeout = timeout
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else { throw .cannotResolve(host: host, code: status) }
        defer { freeaddrinfo(list) }

        var lastErrno: Int32 = 0, timedOut = false
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let info = entry?.pointee {
            entry = info.ai_next
            // Close-on-exec: a process the caller starts meanwhile must not keep the connection open.
            let candidate = socket(info.ai_family, info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.ai_protocol)
            guard candidate >= 0 else { lastErrno = errno; continue }
            _ = fcntl(candidate, F_SETFL, fcntl(candidate, F_GETFL) | O_NONBLOCK)
            if connect(candidate, info.ai_addr, info.ai_addrlen) == 0 {
                descriptor = candidate
                return
            }
            lastErrno = errno
            if lastErrno == EINPROGRESS {
                if Self.wait(candidate, for: POLLOUT, timeout: timeout) {
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(candidate, SOL_SOCKET, SO_ERROR, &error, &length)
                    if error == 0 {
                        descriptor = candidate
                        return
                    }
                    lastErrno = error
                } else {
                    timedOut = true
                }
            }
            close(candidate)
        }
        if timedOut { throw .timedOut(.connect) }
        throw .cannotConnect(host: host, port: port, errno: lastErrno)
    }

    deinit { close(descriptor) }

    /// Sends every byte, waiting for room in the socket's buffer as needed.
    func write(_ bytes: [UInt8]) throws(SMTPError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                offset += sent
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard Self.wait(descriptor, for: POLLOUT, timeout: timeout) else { throw .timedOut(stage) }
            } else {
                throw .connectionLost(stage, errno: errno)
            }
        }
    }

    func write(_ line: String) throws(SMTPError) { try write(Array(line.utf8)) }

    /// Reads one reply, with every line of a multi-line one ("250-…" lines, then "250 …").
    func readReply() throws(SMTPError) -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try readLine()
            lines.append(String(decoding: line, as: UTF8.self))
            let digits = line.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), (0x32...0x35).contains(digits.first!),
                  line.count == 3 || line[3] == 0x20 || line[3] == 0x2D else {
                throw .protocolError(stage, reply: lines.joined(separator: "\n"))
            }
            if line.count == 3 || line[3] == 0x20 {
                return SMTPReply(code: Int(String(decoding: digits, as: UTF8.self))!, text: lines.joined(separator: "\n"))
            }
        }
    }

    /// One line without its CRLF (a bare LF is taken too). A line over 64 KiB is not SMTP.
    private func readLine() throws(SMTPError) -> [UInt8] {
        while true {
            if let end = input.firstIndex(of: 0x0A) {
                var line = Array(input[..<end])
                input.removeFirst(end + 1)
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            guard input.count < 65536 else { throw .protocolError(stage, reply: String(decoding: input.prefix(200), as: UTF8.self)) }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let received = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                input += chunk[..<received]
            } else if received == 0 {
                throw .connectionLost(stage, errno: 0)
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard Self.wait(descriptor, for: POLLIN, timeout: timeout) else { throw .timedOut(stage) }
            } else {
                throw .connectionLost(stage, errno: errno)
            }
        }
    }

    /// Waits until the socket is ready for `events` (or has an error to report); false after the timeout.
    private static func wait(_ socket: Int32, for events: Int32, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = deadline - ContinuousClock.now
            let milliseconds = max(0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            var request = pollfd(fd: socket, events: Int16(events), revents: 0)
            let ready = poll(&request, 1, Int32(clamping: milliseconds))
            if ready > 0 { return true }
            if ready == 0 || errno != EINTR { return false }
        }
    }
}
