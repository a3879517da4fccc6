import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// What the IT-chef does: the round dashboard, opening rounds, publishing, identities, the audit log.
/// Only the owner sees these pages (others get 403); every write is checked again by AgendaCore inside
/// its transaction.
struct OwnerRoutes {
    let app: WebApp

    /// How long a sign-in link made on the web stays valid: as `agenda identity link` by default.
    static let linkHours = 72
    /// The audit log page shows at most this many entries, the newest.
    static let auditLimit = 200

    func register(on router: RouterGroup<SignedInContext>) {
        app.get("omgang", on: router) { request, context -> Response in
            return try dashboard(context, notice: Self.notice(Form(encoded: request.uri.query ?? "")))
        }
        app.blocking(.post, "omgang", on: router) { _, context -> Response in try openRound(context) }
        app.blocking(.post, "omgang/:period/stang", on: router) { _, context -> Response in
            let owner = context.identity
            let period = try ReaderRoutes.period(context.parameters.require("period"))
            try app.service.cancelRound(period: period, by: owner)
            return .seeOther("/omgang?stangd=\(period)")
        }
        app.blocking(.post, "rapporter/:period/publicera", on: router) { _, context -> Response in
            let owner = context.identity
            let period = try ReaderRoutes.period(context.parameters.require("period"))
            try ReportGenerator.publish(period: period, service: app.service, by: owner)
            return .seeOther("/omgang?publicerad=\(period)")
        }
        app.get("identiteter", on: router) { request, context -> Response in
            let query = Form(encoded: request.uri.query ?? "")
            let identities = try app.service.identities()
            /// The identity the query's `key` names after a POST that succeeded.
            func named(_ key: String) -> Identity? { query[key].flatMap { name in identities.first { $0.name == name } } }
            var notice: String?
            if let identity = named("aterkallad"), identity.revokedAt != nil {
                notice = "\(identity.name) är återkallad: dess token fungerar inte längre och dess inloggningar har upphört."
            }
            if let identity = named("epost") {
                notice = identity.email.map { "\(identity.name) har nu e-postadressen \($0)." } ?? "\(identity.name) har ingen e-postadress längre."
            }
            if let identity = named("beviljad") {
                notice = "\(identity.name) har fått tillgång som \(identity.role.swedish)" + (identity.department.map { " för \($0)" } ?? "")
                    + ". Nästa gång \(identity.name) loggar in med kommunens konto kommer hen direkt in i agendan."
            }
            if let number = query["avbojd"].flatMap(Int.init),
               let request = try app.service.accessRequests(all: true).first(where: { $0.number == number && $0.decision == .declined }) {
                notice = "Förfrågan från \(request.name) är avböjd."
            }
            if let identity = named("lank-skickad"), let email = identity.email {
                notice = "En inloggningslänk till \(identity.name) ligger i utkorgen och skickas till \(email)."
            }
            return try identitiesPage(context, notice: notice)
        }
        app.blocking(.post, "identiteter", on: router) { _, context -> Response in try addIdentity(context) }
        app.blocking(.post, "identiteter/epost", on: router) { _, context -> Response in try changeEmail(context) }
        app.blocking(.post, "identiteter/forfragningar/:number/bevilja", on: router) { _, context -> Response in try grantAccess(context) }
        app.blocking(.post, "identiteter/forfragningar/:number/avboj", on: router) { _, context -> Response in
            let request = try app.service.declineAccessRequest(try Self.requestNumber(context), by: context.identity)
            return .seeOther("/identiteter?avbojd=\(request.number)")
        }
        app.blocking(.post, "identiteter/:name/aterkalla", on: router) { _, context -> Response in
            let owner = context.identity
            let identity = try app.service.revokeIdentity(name: try Self.name(context), by: owner)
            app.sessions.endAll(of: identity.name)
            return .seeOther("/identiteter?aterkallad=\(Self.encoded(identity.name))")
        }
        app.blocking(.post, "identiteter/:name/fornya", on: router) { _, context -> Response in
            let owner = context.identity
            let issued = try app.service.renewIdentity(name: try Self.name(context), by: owner)
            app.sessions.endAll(of: issued.identity.name)
            let page = try app.page("Ny token för \(issued.identity.name)", context: context, current: "/identiteter")
            try IdentityPages.issued(
                issued, heading: "Ny token för \(issued.identity.name)",
                notice: "\(issued.identity.name) har fått en ny token. Den gamla fungerar inte längre.", on: page)
            return .page(try page.finish())
        }
        app.blocking(.post, "identiteter/:name/lank", on: router) { request, context -> Response in
            let owner = context.identity
            let name = try Self.name(context)
            let identity = try app.service.identities().first { $0.name == name }
            let secret = try app.service.createSignInLink(for: name, validFor: Int64(Self.linkHours) * 3600, by: owner)
            let link = "\(signInBase(request))/logga-in/\(secret)"
            let shown = identity?.name ?? name
            let page = try app.page("Inloggningslänk för \(shown)", context: context, current: "/identiteter")
            try IdentityPages.link(link, for: shown, hours: Self.linkHours, on: page)
            return .page(try page.finish())
        }
        app.blocking(.post, "identiteter/:name/lank-epost", on: router) { _, context -> Response in
            let name = try Self.name(context)
            try app.service.mailSignInLink(for: name, validFor: Int64(Self.linkHours) * 3600, by: context.identity)
            return .seeOther("/identiteter?lank-skickad=\(Self.encoded(name))")
        }
        app.get("logg", on: router) { request, context -> Response in
            let query = Form(encoded: request.uri.query ?? "")
            let identity = query.text("identitet"), target = query.text("aktivitet")
            let selection = try app.service.auditLog(
                identity: identity.isEmpty ? nil : identity, target: target.isEmpty ? nil : target, limit: Self.auditLimit)
            let names = try app.service.identities().map(\.name)
            let page = try app.page("Logg", context: context, current: "/logg")
            try AuditPages.log(selection, names: names, identity: identity, target: target, on: page)
            return .page(try page.finish())
        }
    }

    // MARK: - The round

    /// "Rapporteringsomgången är öppnad", … after a POST that succeeded; nothing for anything else.
    static func notice(_ query: Form) -> String? {
        func period(_ name: String) -> Period? { query[name].flatMap { try? ReaderRoutes.period($0) } }
        if let period = period("oppnad") { return "Rapporteringsomgången för \(period) är öppnad." }
        if let period = period("stangd") { return "Rapporteringsomgången för \(period) är avbruten." }
        if let period = period("publicerad") {
            return "Rapporten för \(period) är publicerad. Från och med nu visas den alltid precis som nu."
        }
        return nil
    }

    /// The dashboard: the default round per förvaltning, the form to open a round, the periods to publish.
    func dashboard(
        _ context: SignedInContext, notice: String? = nil, form: RoundPages.OpenForm? = nil, errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let session = context.current
        let current = try app.service.rounds().last { $0.cancelledAt == nil }
        let progress = try current.map { try app.service.roundStatus(period: try Period(parsing: $0.period)) }
        let periods = try app.service.reportPeriods()
        let suggested = periods.first { $0.isCurrent }?.period
        let form = form ?? RoundPages.OpenForm(period: suggested?.description ?? "", deadline: "")
        let page = try app.page(
            "Rapporteringsomgången", context: context, current: "/omgang",
            problem: .of(errors, heading: "Omgången öppnades inte"))
        try RoundPages.dashboard(
            progress, periods: periods, notice: notice, form: form, errors: errors, csrf: session.csrf, on: page)
        return .page(try page.finish(), status: status)
    }

    /// POST /omgang: opens a round for `period` with `deadline`; errors beside the fields (422).
    func openRound(_ context: SignedInContext) throws -> Response {
        let owner = context.identity
        var form = RoundPages.OpenForm(
            period: context.form.text("period"), deadline: context.form.text("deadline"),
            reminders: context.form["reminders"] ?? ReminderKind.standardDaysText, confirmed: context.form.text(RoundPages.OpenForm.confirmField) == "ja")
        var errors: [FieldError] = []
        var period: Period?
        if form.period.isEmpty {
            errors.append(FieldError(field: "period", message: "Skriv perioden, till exempel 2018Q4."))
        } else {
            do { period = try Period(parsing: form.period) } catch {
                errors.append(FieldError(field: "period", message: "Skriv perioden som ett år (2018), ett kvartal (2018Q4), ett tertial (2018T2) eller ett halvår (2018H1)."))
            }
        }
        let reminderDays = ReminderKind.days(in: form.reminders)
        if reminderDays == nil {
            errors.append(FieldError(field: "reminders", message: "Skriv hela dagar före sista dag, åtskilda av kommatecken, till exempel 5, 1."))
        }
        let deadline = CalendarDate(iso: form.deadline)
        if deadline == nil {
            errors.append(FieldError(field: "deadline", message: "Skriv sista dag som ÅÅÅÅ-MM-DD, till exempel 2019-01-15."))
        }
        if let deadline, app.service.deadlineHasPassed(deadline), !form.confirmed {
            form.askConfirmation = true
            errors.append(FieldError(
                field: RoundPages.OpenForm.confirmField,
                message: "Sista dag \(deadline) har redan passerat (i dag är det \(app.service.today)). "
                    + "Kryssa i rutan och skicka igen om omgången ändå ska öppnas, eller ändra sista dag."))
        }
        if let period, let deadline, let reminderDays, errors.isEmpty {
            do {
                try app.service.openRound(period: period, deadline: deadline, reminderDays: reminderDays, by: owner)
                return .seeOther("/omgang?oppnad=\(period)")
            } catch let StoreError.invalidInput(field, problem) {
                let name = field == .deadline ? "deadline" : field == .reminderDays ? "reminders" : "period"
                errors.append(FieldError(field: name, message: WebWords.sentence(problem.sentence(field))))
            }
        }
        return try dashboard(context, form: form, errors: errors, status: .unprocessableContent)
    }

    // MARK: - Identities

    func identitiesPage(
        _ context: SignedInContext, notice: String? = nil, form: IdentityPages.AddForm = .init(),
        emailForm: IdentityPages.EmailForm = .init(), grantForm: IdentityPages.GrantForm? = nil, errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok, heading: String = "Identiteten lades inte till"
    ) throws -> Response {
        let session = context.current
        let identities = try app.service.identities()
        let departments = try app.service.departmentNames()
        let page = try app.page(
            "Identiteter", context: context, current: "/identiteter", problem: .of(errors, heading: heading))
        try IdentityPages.list(
            identities, requests: try app.service.accessRequests(), departments: departments, notice: notice, form: form,
            emailForm: emailForm, grantForm: grantForm, errors: errors, csrf: session.csrf, accounts: app.provider != nil, on: page)
        return .page(try page.finish(), status: status)
    }

    /// POST /identiteter: adds an identity and shows its token once; errors beside the fields.
    func addIdentity(_ context: SignedInContext) throws -> Response {
        let owner = context.identity
        let form = IdentityPages.AddForm(
            name: context.form.text("name"), role: context.form.text("role"), department: context.form.text("department"),
            email: context.form.text("email"))
        var errors: [FieldError] = []
        if form.name.isEmpty { errors.append(FieldError(field: "name", message: "Skriv identitetens namn, till exempel förvaltningens namn.")) }
        let role = Role(rawValue: form.role)
        if role == nil { errors.append(FieldError(field: "role", message: "Välj en roll.")) }
        var status = HTTPResponse.Status.unprocessableContent
        if let role, errors.isEmpty {
            do {
                let issued = try app.service.addIdentity(
                    name: form.name, role: role, department: form.department.isEmpty ? nil : form.department,
                    email: form.email.isEmpty ? nil : form.email, by: owner)
                let page = try app.page("Ny identitet", context: context, current: "/identiteter")
                try IdentityPages.issued(
                    issued, heading: "\(issued.identity.name) är tillagd",
                    notice: "\(issued.identity.name) är tillagd som \(issued.identity.role.swedish)"
                        + (issued.identity.department.map { " för \($0)." } ?? "."),
                    on: page)
                return .page(try page.finish())
            } catch let error as StoreError {
                switch error {
                case let .invalidInput(field, problem):
                    let name = field == .department ? "department" : field == .email ? "email" : "name"
                    errors.append(FieldError(field: name, message: WebWords.sentence(problem.sentence(field))))
                case let .notFound(missing):
                    errors.append(FieldError(field: "department", message: WebWords.sentence(missing.sentence)))
                case let .alreadyExists(existing):
                    errors.append(FieldError(field: "name", message: WebWords.sentence(existing.sentence)))
                    status = .conflict
                default:
                    throw error
                }
            }
        }
        return try identitiesPage(context, form: form, errors: errors, status: status)
    }

    /// POST /identiteter/epost: changes or removes an identity's address; a refusal beside the field, typed text kept.
    func changeEmail(_ context: SignedInContext) throws -> Response {
        let form = IdentityPages.EmailForm(identity: context.form.text("identity"), email: context.form.text("email"))
        var errors: [FieldError] = []
        do {
            let identity = try app.service.setEmail(form.email.isEmpty ? nil : form.email, of: form.identity, by: context.identity)
            return .seeOther("/identiteter?epost=\(Self.encoded(identity.name))")
        } catch let StoreError.invalidInput(field, problem) {
            errors.append(FieldError(field: "change-email", message: WebWords.sentence(problem.sentence(field))))
        } catch let StoreError.notFound(missing) {
            errors.append(FieldError(field: "email-identity", message: WebWords.sentence(missing.sentence)))
        }
        return try identitiesPage(
            context, emailForm: form, errors: errors, status: .unprocessableContent, heading: "Adressen ändrades inte")
    }

    /// POST /identiteter/forfragningar/N/bevilja: a new identity for the request's account; refusals beside
    /// the request's fields, what was typed kept.
    func grantAccess(_ context: SignedInContext) throws -> Response {
        let number = try Self.requestNumber(context)
        let form = IdentityPages.GrantForm(
            request: number, name: context.form.text("name"), role: context.form.text("role"), department: context.form.text("department"))
        var errors: [FieldError] = []
        func refuse(_ field: String, _ message: String) { errors.append(FieldError(field: "request-\(number)-\(field)", message: message)) }
        if form.name.isEmpty { refuse("name", "Skriv personens namn, till exempel Anna Svensson.") }
        let role = Role(rawValue: form.role)
        if role == nil { refuse("role", "Välj en roll.") }
        var status = HTTPResponse.Status.unprocessableContent
        if let role, errors.isEmpty {
            do {
                let identity = try app.service.grantAccessRequest(
                    number, name: form.name, role: role, department: form.department.isEmpty ? nil : form.department, by: context.identity)
                return .seeOther("/identiteter?beviljad=\(Self.encoded(identity.name))")
            } catch let error as StoreError {
                switch error {
                case let .invalidInput(field, problem):
                    refuse(field == .department ? "department" : "name", WebWords.sentence(problem.sentence(field)))
                case .notFound(.accessRequest):
                    throw error
                case let .notFound(missing):
                    refuse("department", WebWords.sentence(missing.sentence))
                case let .alreadyExists(existing):
                    refuse("name", WebWords.sentence(existing.sentence) + " Välj ett annat namn, till exempel med förvaltningen efter.")
                    status = .conflict
                default:
                    throw error
                }
            }
        }
        return try identitiesPage(context, grantForm: form, errors: errors, status: status, heading: "Tillgång gavs inte")
    }

    /// The access request's number in the URL; 404 when it is not one.
    static func requestNumber(_ context: SignedInContext) throws -> Int {
        guard let number = Int(try context.parameters.require("number")), number > 0 else { throw WebError.notFound }
        return number
    }

    /// The identity named in the URL (percent-decoded); 404 when it is not valid text.
    static func name(_ context: SignedInContext) throws -> String {
        guard let name = try context.parameters.require("name").removingPercentEncoding, !name.isEmpty else { throw WebError.notFound }
        return name
    }

    /// `name` for a URL path segment or query value: everything but unreserved characters escaped.
    static func encoded(_ name: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    // MARK: - Sign-in links

    /// `scheme://host` where this server is reached, from the request: X-Forwarded-Proto (http or https)
    /// else the request's scheme, and the Host header (the request's authority) when it is a plausible host name, else the
    /// configured host and port. As `agenda identity link NAME --base-url …` is given it.
    func signInBase(_ request: Request) -> String {
        let forwarded = request.headers[.xForwardedProto]?.split(separator: ",").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let scheme = [forwarded, request.head.scheme?.lowercased()].compactMap { $0 }.first { ["http", "https"].contains($0) }
            ?? (app.settings.secureCookies ? "https" : "http")
        let host = request.head.authority.flatMap { Self.plausibleHost($0) ? $0 : nil }
            ?? Self.hostAndPort(app.settings.host, app.settings.port)
        return "\(scheme)://\(host)"
    }

    /// A DNS name or IPv4 address, or an IPv6 address in brackets, with an optional port.
    static func plausibleHost(_ text: String) -> Bool {
        guard text.count <= 255 else { return false }
        let label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
        let name = "^\(label)(?:\\.\(label))*\\.?(?::[0-9]{1,5})?$"
        let ipv6 = "^\\[[0-9A-Fa-f:.]+\\](?::[0-9]{1,5})?$"
        return text.range(of: name, options: .regularExpression) != nil || text.range(of: ipv6, options: .regularExpression) != nil
    }

    static func hostAndPort(_ host: String, _ port: Int) -> String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }
}

extension HTTPField.Name {
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
