import AgendaCore
import Foundation
import ReportGen

/// The IT-chef's identities: the list with revoke / renew / link buttons, the add form, and the pages
/// that show a new token or sign-in link once.
enum IdentityPages {
    /// The add form as typed.
    struct AddForm: Sendable {
        var name = ""
        var role = Role.reporter.rawValue
        var department = ""
        var email = ""
    }

    /// The form that changes an identity's address, as typed.
    struct EmailForm: Sendable {
        var identity = ""
        var email = ""
    }

    /// A waiting request's grant form, as typed.
    struct GrantForm: Sendable {
        var request: Int
        var name: String
        var role = Role.reporter.rawValue
        var department = ""
    }

    /// The roles as the select offers them.
    static let roles: [(value: String, label: String)] = [
        (Role.reporter.rawValue, "Rapportör – en förvaltning som rapporterar status"),
        (Role.reader.rawValue, "Läsare – till exempel IT-rådet, läser rapporterna"),
        (Role.owner.rawValue, "Ägare – IT-chefen, får göra allt"),
    ]

    /// "Ägare", "Rapportör", "Läsare".
    static func roleName(_ role: Role) -> String {
        role.swedish.prefix(1).uppercased() + role.swedish.dropFirst()
    }

    static func list(
        _ identities: [Identity], requests: [AccessRequest], departments: [String], notice: String?, form: AddForm, emailForm: EmailForm,
        grantForm: GrantForm?, errors: [FieldError], csrf: String, accounts: Bool, on page: PageWriter
    ) throws {
        try page.element("h1", text: "Identiteter")
        if let notice { try page.element("p", [("class", "notice-ok"), ("role", "status")], text: notice) }
        try page.element(
            "p",
            text: "Varje förvaltning, IT-rådet och IT-chefen loggar in med en egen token eller en inloggningslänk"
                + (accounts ? ", och personer med kommunens konto" : "") + ". En ny token eller länk visas bara en gång, när den skapas.")
        try accessRequests(requests, departments: departments, form: grantForm, errors: errors, csrf: csrf, on: page)
        try page.table([("class", "report-table identities")], caption: "Identiteter") {
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Namn", "Roll", "Förvaltning", "E-post", "Skapad", "Återkallad", "Åtgärder"] {
                        try page.element("th", [("scope", "col")], text: title)
                    }
                }
            }
            try page.element("tbody") {
                for identity in identities {
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")]) {
                            try page.text(identity.name)
                            if identity.hasAccount { try page.element("span", [("class", "meta")], text: " (kommunens konto)") }
                        }
                        try page.element("td", text: roleName(identity.role))
                        try page.element("td", text: identity.department ?? "–")
                        try page.element("td", text: identity.email ?? "–")
                        try page.element("td", text: identity.createdAt.swedishDisplay)
                        try page.element("td", text: identity.revokedAt?.swedishDisplay ?? "–")
                        try page.element("td") {
                            let base = "/identiteter/\(OwnerRoutes.encoded(identity.name))"
                            if identity.revokedAt == nil {
                                try button("\(base)/aterkalla", "Återkalla", identity.name, csrf: csrf, on: page)
                            }
                            try button("\(base)/fornya", "Ny token", identity.name, csrf: csrf, on: page)
                            if identity.revokedAt == nil {
                                try button("\(base)/lank", "Inloggningslänk", identity.name, csrf: csrf, on: page)
                                if identity.email != nil {
                                    try button("\(base)/lank-epost", "Skicka länk med e-post", identity.name, csrf: csrf, on: page)
                                }
                            }
                        }
                    }
                }
            }
        }
        try addForm(form, departments: departments, errors: errors, csrf: csrf, on: page)
        try changeEmailForm(emailForm, identities: identities, errors: errors, csrf: csrf, on: page)
    }

    /// The accounts that signed in without an identity: per request, a form that grants a role (and a
    /// reporter's förvaltning) under a name, and one that declines. Nothing when none waits.
    static func accessRequests(
        _ requests: [AccessRequest], departments: [String], form: GrantForm?, errors: [FieldError], csrf: String, on page: PageWriter
    ) throws {
        guard !requests.isEmpty else { return }
        try page.element("h2", [("id", "forfragningar")], text: "Väntande förfrågningar om tillgång")
        try page.element(
            "p",
            text: "De här personerna har loggat in med kommunens konto men hör inte till någon identitet än. Ge tillgång med en roll "
                + "(och en förvaltning för en rapportör), eller avböj. Kontot kopplas till den nya identiteten.")
        for request in requests {
            let n = request.number
            let typed = form?.request == n ? form! : GrantForm(request: n, name: request.name)
            func error(_ field: String) -> String? { errors.first { $0.field == "request-\(n)-\(field)" }?.message }
            try page.element("section", [("class", "access-request"), ("aria-labelledby", "request-\(n)")]) {
                try page.element("h3", [("id", "request-\(n)")], text: request.name)
                let address = request.email.map { $0 + (request.emailVerified ? "" : " (inte bekräftad av kommunens inloggning)") }
                try page.element(
                    "p", [("class", "meta")],
                    text: "\(address ?? "Ingen e-postadress"). Bad om tillgång \(request.requestedAt.swedishDisplay).")
                try page.element("form", [("method", "post"), ("action", "/identiteter/forfragningar/\(n)/bevilja"), ("class", "form")]) {
                    try page.csrf(csrf)
                    try page.textField(
                        "name", id: "request-\(n)-name", label: "Namn", value: typed.name, error: error("name"),
                        hint: "Så står personen i historiken, till exempel Anna Svensson.", required: true)
                    try page.select(
                        "role", id: "request-\(n)-role", label: "Roll", options: roles, selected: typed.role, error: error("role"))
                    try page.select(
                        "department", id: "request-\(n)-department", label: "Förvaltning",
                        options: [("", "Ingen (läsare och ägare)")] + departments.map { ($0, $0) }, selected: typed.department,
                        error: error("department"), hint: "Bara för en rapportör: den förvaltning personen rapporterar för.")
                    try page.submit("Ge tillgång")
                }
                try page.element("form", [("method", "post"), ("action", "/identiteter/forfragningar/\(n)/avboj"), ("class", "inline")]) {
                    try page.csrf(csrf)
                    try page.element("button", [("type", "submit"), ("class", "button secondary")]) {
                        try page.text("Avböj")
                        try page.element("span", [("class", "visually-hidden")], text: " förfrågan från \(request.name)")
                    }
                }
            }
        }
    }

    /// Changes (or, left empty, removes) an identity's e-mail address.
    static func changeEmailForm(_ form: EmailForm, identities: [Identity], errors: [FieldError], csrf: String, on page: PageWriter) throws {
        try page.element("h2", text: "Ändra en e-postadress")
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        try page.element("form", [("method", "post"), ("action", "/identiteter/epost"), ("class", "form")]) {
            try page.csrf(csrf)
            try page.select(
                "identity", id: "email-identity", label: "Identitet", options: identities.map { ($0.name, $0.name) },
                selected: form.identity, error: error("email-identity"))
            try page.textField(
                "email", id: "change-email", label: "Ny e-postadress", value: form.email, error: error("change-email"),
                hint: "Lämna tom för att ta bort adressen.", type: "email", autocomplete: "off")
            try page.submit("Spara adressen")
        }
    }

    /// A one-button form; the button names the identity for screen readers.
    static func button(_ action: String, _ label: String, _ name: String, csrf: String, on page: PageWriter) throws {
        try page.element("form", [("method", "post"), ("action", action), ("class", "inline row-action")]) {
            try page.csrf(csrf)
            try page.element("button", [("type", "submit"), ("class", "button secondary small")]) {
                try page.text(label)
                try page.element("span", [("class", "visually-hidden")], text: " för \(name)")
            }
        }
    }

    static func addForm(_ form: AddForm, departments: [String], errors: [FieldError], csrf: String, on page: PageWriter) throws {
        try page.element("h2", text: "Lägg till en identitet")
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        try page.element("form", [("method", "post"), ("action", "/identiteter"), ("class", "form")]) {
            try page.csrf(csrf)
            try page.textField(
                "name", label: "Namn", value: form.name, error: error("name"),
                hint: "En person (Anna Svensson) eller förvaltningens namn (Skolförvaltningen). En person med e-postadress kan logga in med kommunens konto.",
                required: true)
            try page.select("role", label: "Roll", options: roles, selected: form.role, error: error("role"))
            try page.select(
                "department", label: "Förvaltning", options: [("", "Ingen (läsare och ägare)")] + departments.map { ($0, $0) },
                selected: form.department, error: error("department"), hint: "Bara för en rapportör: den förvaltning den rapporterar för.")
            try page.textField(
                "email", label: "E-postadress", value: form.email, error: error("email"),
                hint: "Hit går omgångens utskick: när den öppnas, påminnelser och publicerade rapporter. Kan lämnas tom.",
                type: "email", autocomplete: "email")
            try page.submit("Lägg till")
        }
    }

    /// The page that shows a new token, once.
    static func issued(_ issued: IssuedToken, heading: String, notice: String, on page: PageWriter) throws {
        try page.element("h1", text: heading)
        try page.element("p", [("class", "notice-ok"), ("role", "status")], text: notice)
        try secret(
            label: "Token för \(issued.identity.name)", value: issued.token, id: "ny-token",
            warning: "Kopiera token nu och ge den till \(issued.identity.name) på ett säkert sätt. Den visas bara den här gången och sparas inte: "
                + "tappas den bort får du ge en ny token.",
            on: page)
        try page.element("p") { try page.element("a", [("href", "/identiteter")], text: "Tillbaka till identiteterna") }
    }

    /// The page that shows a one-time sign-in link, once. The link is text, never a link to follow:
    /// following it here would sign the IT-chef in as someone else and use it up.
    static func link(_ link: String, for name: String, hours: Int, on page: PageWriter) throws {
        try page.element("h1", text: "Inloggningslänk för \(name)")
        try secret(
            label: "Inloggningslänk", value: link, id: "inloggningslank",
            warning: "Kopiera länken nu och skicka den bara till \(name). Den fungerar en gång, i \(Swedish.count(hours, "timme", "timmar")), "
                + "och visas bara den här gången. Öppna den inte själv: då loggas du in som \(name) och länken är förbrukad.",
            on: page)
        try page.element("p") { try page.element("a", [("href", "/identiteter")], text: "Tillbaka till identiteterna") }
    }

    static func secret(label: String, value: String, id: String, warning: String, on page: PageWriter) throws {
        try page.element("div", [("class", "secret")]) {
            try page.element("p", [("class", "secret-warning")]) { try page.element("strong", text: warning) }
            try page.element("p", [("class", "secret-label")], text: label)
            try page.element("p") { try page.element("code", [("id", id), ("class", "secret-value")], text: value) }
        }
    }
}
