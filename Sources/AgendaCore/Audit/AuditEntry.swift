/// One write as the audit log recorded it: who, when, what, and the state before and after as JSON.
/// `agenda audit --json` prints ``before`` and ``after`` as JSON objects, not as strings.
public struct AuditEntry: Sendable, Encodable, Equatable {
    public var number: Int
    public var at: Timestamp
    /// Who: the identity's ``Identity/signature``; nil for the import that created a database's first
    /// identities and for an account asking for access.
    public var identity: String?
    /// "report status", "change plan", "manage identities" …
    public var operation: String
    /// What was written: an action code, an identity's name, a period.
    public var target: String
    /// JSON text (sorted keys) of what was there before; nil when the write added something new.
    public var before: String?
    /// JSON text of what is there after.
    public var after: String?

    /// Whether the identity named `name` made this entry: the audit names a person with her förvaltning
    /// (``Identity/signature``: "Anna Svensson, Skolförvaltningen"), others by name alone.
    public func isBy(_ name: String) -> Bool {
        identity == name || identity?.hasPrefix(name + ", ") == true
    }

    private enum CodingKeys: String, CodingKey { case number, at, identity, operation, target, before, after }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(at, forKey: .at)
        try c.encode(identity, forKey: .identity)
        try c.encode(operation, forKey: .operation)
        try c.encode(target, forKey: .target)
        try c.encode(try before.map(JSONValue.init(parsing:)), forKey: .before)
        try c.encode(try after.map(JSONValue.init(parsing:)), forKey: .after)
    }
}

extension AuditEntry {
    /// Whether the entry is about `target` (an action code, an identity's name, a period): its target
    /// exactly, one of the action's effektmål ("1.4 effektmål 2"), or one of a list of actions linked at
    /// once ("1.4, 2.1").
    public func concerns(_ target: String) -> Bool {
        if self.target == target || self.target.hasPrefix(target + " effektmål ") { return true }
        return self.target.contains(",")
            && self.target.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == target }
    }
}

extension AuditEntry {
    /// The recorded operation in Swedish, as the audit log shows it in the CLI and the web ("report status"
    /// → "Rapporterade status"); an operation this build does not know is shown as recorded.
    public var operationSwedish: String { Self.swedish(operation: operation) }

    static func swedish(operation: String) -> String {
        switch operation {
        case "import": "Importerade planen"
        case "change plan": "Ändrade planen"
        case "set organisation": "Angav organisationen"
        case "add action": "Lade till en aktivitet"
        case "revise action": "Ändrade en aktivitet"
        case "withdraw action": "Strök en aktivitet"
        case "close action": "Avslutade en aktivitet"
        case "change register": "Ändrade organisationsregistret"
        case "add unit": "Lade till en enhet"
        case "add alias": "Lade till ett alternativt namn"
        case "report status": "Rapporterade status"
        case "report effect": "Bedömde ett effektmål"
        case "record assessment": "Registrerade en självskattning"
        case "link indicators": "Kopplade aktiviteter till indikatorer"
        case "load indicator set": "Läste in en indikatoruppsättning"
        case "open round": "Öppnade en rapporteringsomgång"
        case "cancel round": "Avbröt en rapporteringsomgång"
        case "publish": "Publicerade en rapport"
        case "create owner": "Skapade ägaren"
        case "recover owner": "Återställde ägaren"
        case "add identity": "Lade till en identitet"
        case "revoke identity": "Återkallade en identitet"
        case "renew identity": "Gav en ny token"
        case "manage identities": "Ändrade identiteterna"
        case "create sign-in link": "Skapade en inloggningslänk"
        case "sign in with link": "Loggade in med en länk"
        case "set email": "Ändrade en e-postadress"
        case "mail sign-in link": "Skickade en inloggningslänk med e-post"
        case "sign in with account": "Loggade in med kommunens konto"
        case "bind account": "Kopplade kommunens konto (bekräftad e-postadress)"
        case "request access": "Bad om tillgång"
        case "grant access": "Gav tillgång"
        case "decline access": "Avböjde en förfrågan om tillgång"
        default: operation
        }
    }
}
