import AgendaCore

/// The web's words for AgendaCore's refusals. The core's sentence names no flag or command (the CLI
/// adds those in its own words); here it becomes a sentence on a page, and what a person of the web
/// cannot mend (a database the server cannot use) says so without paths or SQLite's words.
enum WebWords {
    /// A core sentence as a sentence on a page: capital first letter, full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let capital = first.uppercased() + text.dropFirst()
        return capital.hasSuffix(".") ? capital : capital + "."
    }

    /// What a page says of `refusal`.
    static func message(_ refusal: any Refusal) -> String {
        switch refusal.kind {
        case .unavailable:
            "Agenda kan inte använda sin databas just nu, så inget av det du skickade har sparats. "
                + "Försök igen om en stund; kvarstår felet, kontakta IT-chefen."
        default:
            sentence(refusal.description)
        }
    }

    /// The page that helps after a refusal of `kind`: a förvaltning refused another's action goes back to
    /// its own list, a refused change to a published period to the reports, and so on; the start page
    /// (which leads each role to its own first page) otherwise.
    static func wayOn(_ kind: RefusalKind?, role: Role?) -> (text: String, href: String) {
        switch (kind, role) {
        case (.notPermitted?, .reporter?), (.withdrawn?, .reporter?): ("Till era aktiviteter", "/aktiviteter")
        case (.withdrawn?, .owner?): ("Till aktiviteterna", "/aktiviteter")
        case (.notPermitted?, .reader?), (.frozen?, _): ("Till rapporterna", "/rapporter")
        default: ("Till startsidan", "/")
        }
    }

    /// The heading of a page that answers only with `kind`'s refusal.
    static func heading(_ kind: RefusalKind) -> String {
        switch kind {
        case .notFound: "Finns inte"
        case .notPermitted: "Du har inte behörighet"
        case .frozen: "Perioden är publicerad"
        case .withdrawn: "Aktiviteten har utgått"
        case .alreadyExists: "Finns redan"
        case .invalidInput, .conflict: "Det gick inte"
        case .notSignedIn: "Logga in"
        case .unavailable: "Det går inte just nu"
        }
    }
}
