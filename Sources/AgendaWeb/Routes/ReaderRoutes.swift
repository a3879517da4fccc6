import Hummingbird

/// What IT-rådet reads: the periods and their reports (XHTML in the browser, .odt/.ods to download).
struct ReaderRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {}
}
