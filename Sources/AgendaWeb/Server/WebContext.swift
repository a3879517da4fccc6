import AgendaCore
import Hummingbird
import NIOCore

/// What a request carries through the middleware to its route: the signed-in session, if any.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session the request's cookie names, checked against the database on this request.
    var session: Session?
    /// A POST's form, read (and its CSRF token checked) by ``SessionMiddleware``.
    var form = Form(fields: [:])
    /// The address of the connection's other end: the client, or a proxy in front of the server.
    let peerAddress: String
    /// The event loop that owns the request's connection (``ConnectionLoop``).
    let eventLoop: any EventLoop

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "okänd"
        eventLoop = source.channel.eventLoop
    }

    /// Form bodies are small: a status report's texts. Larger bodies are refused with 413.
    public var maxUploadSize: Int { WebSettings.maxBodySize }

    /// The signed-in identity, or a redirect to the sign-in page.
    func requireIdentity() throws -> Identity {
        guard let session else { throw WebError.signInRequired }
        return session.identity
    }
}
