import Hummingbird

/// What the IT-chef does: the round dashboard, opening rounds, publishing, identities, the audit log.
struct OwnerRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {}
}
