import AgendaCore
import HTTPTypes
import Hummingbird

/// Why the web refuses a request, before any use case runs.
enum WebError: Error {
    /// Not signed in (or the session ended): the sign-in page.
    case signInRequired
    /// The form's CSRF token is missing or wrong.
    case forgedForm
    /// A page that does not exist (never echoes the path).
    case notFound
    /// The signed-in identity may not see this page.
    case forbidden(String)
    /// The body is larger than ``WebSettings/maxBodySize``.
    case tooLarge
    /// A form's text is not UTF-8 (``Form/unreadable``).
    case unreadableForm(fields: [String])
}

extension RefusalKind {
    /// The HTTP status a refusal answers with.
    var status: HTTPResponse.Status { HTTPResponse.Status(code: httpStatus) }
}
