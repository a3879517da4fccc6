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

}

/// What a page's frame needs of a request: who is signed in, for the menu and "Logga ut".
protocol FrameContext {
    var signedIn: Session? { get }
}

extension WebContext: FrameContext {
    var signedIn: Session? { session }
}

/// A request of a signed-in person. The routes behind sign-in are registered in a group of this context
/// (``WebApp/router()``): a request without a live session never reaches them (the sign-in page), and a
/// handler has the identity and session as values, not as a check it could forget.
struct SignedInContext: ChildRequestContext, FrameContext {
    var coreContext: CoreRequestContextStorage
    /// The session the request's cookie names, live.
    let current: Session
    /// The POST's form, read and CSRF-checked by ``SessionMiddleware``.
    let form: Form

    init(context: WebContext) throws {
        guard let session = context.session else { throw WebError.signInRequired }
        coreContext = context.coreContext
        current = session
        form = context.form
    }

    var identity: Identity { current.identity }
    var signedIn: Session? { current }
    public var maxUploadSize: Int { WebSettings.maxBodySize }
}

/// The IT-chef's pages: anyone else signed in is refused with 403 before the route runs.
struct OnlyOwner: RouterMiddleware {
    typealias Context = SignedInContext

    func handle(
        _ request: Request, context: SignedInContext, next: (Request, SignedInContext) async throws -> Response
    ) async throws -> Response {
        guard context.identity.role == .owner else {
            throw WebError.forbidden("Den här sidan är bara för IT-chefen. Du kan läsa rapporterna under Rapporter.")
        }
        return try await next(request, context)
    }
}
