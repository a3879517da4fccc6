import AgendaCore

/// The command line's words for AgendaCore's refusals: the core's plain sentence, and where it helps the
/// command or flag that goes on (`agenda list actions` visar koderna, ange --department). The web words
/// the same refusals in its own way and never names a flag.
public enum CLIWords {
    /// The one line after "fel: " for `error`.
    public static func line(for error: Error) -> String {
        switch error {
        case let error as StoreError: words(error)
        case AccessError.invalidToken: "token är inte giltig (återkallad eller okänd); be IT-chefen om en ny med `agenda identity renew NAME`"
        case let error as ImportError where error.isCutOff: error.description + "; om planen ska sluta där, importera den med --allow-partial"
        case AssessmentError.unknownAnswer:
            String(describing: error) + "; en mallmapp med egna ord anges med --templates DIR (`agenda templates export DIR` skriver ut de inbyggda)"
        default: String(describing: error)
        }
    }

    static func words(_ error: StoreError) -> String {
        let plain = error.description
        switch error {
        case let .sqlite(code, _, _):
            // Checking the file helps when the disk or the file failed, not when it is full, busy or read-only.
            switch SQLiteCondition(code) {
            case .full, .busy, .readOnly: return plain
            case .damaged: return plain + "; `sqlite3 FILE 'PRAGMA integrity_check'` visar vad som är skadat"
            case .io, nil: return plain + ", och kontrollera filen med `sqlite3 FILE 'PRAGMA integrity_check'` om felet kvarstår"
            }
        case .noDatabase:
            return plain + "; skapa en med `agenda import PLAN` eller `agenda init`, eller peka ut din med --db/$AGENDA_DB"
        case .notAgendaDatabase:
            return plain + ". Peka ut en Agenda-databas med --db/$AGENDA_DB, eller skapa en med `agenda import PLAN --db NEW.sqlite`"
        case let .olderSchema(path):
            return "\(path) är skriven av en äldre version av Agenda; uppgradera den med `agenda init --db \(path)` (innehållet behålls som det är)"
        case let .notFound(missing):
            switch missing {
            case .agenda: return "databasen innehåller ingen agenda än; importera en med `agenda import PLAN`"
            case .action: return plain + "; `agenda list actions` visar koderna"
            case let .organisationName(name, closest):
                return Missing.organisationName(name, closest: []).sentence + "; " + (closest.isEmpty
                    ? "`agenda list units` visar dem"
                    : "menade du \(closest.map { "\"\($0)\"" }.joined(separator: " eller "))? (`agenda list units` visar alla)")
            case .department: return plain + "; `agenda list units` visar dem, och `agenda add unit` lägger till"
            case .unit: return plain + "; lägg till den med `agenda add unit`"
            case .identity: return plain + "; `agenda identity list` visar dem"
            case .indicator: return plain + "; `agenda lika suggest` visar indikatorerna"
            case .openRound: return plain + "; `agenda status round list` visar omgångarna"
            case let .assessedUnit(_, known) where known.isEmpty:
                return plain + "; registrera en med `agenda lika import FIL --unit NAMN --date ÅÅÅÅ-MM-DD`"
            default: return plain
            }
        case let .alreadyExists(existing):
            switch existing {
            case .action: return plain + "; `agenda list actions` visar koderna"
            case .agenda: return plain + ", t.ex. --db new.sqlite"
            case .owner: return plain + "; ägaren lägger till identiteter med `agenda identity add`"
            case .identity: return plain + "; ge den en ny token med `agenda identity renew`"
            case .indicatorSet: return plain + " med --key; `agenda lika sets` visar dem som finns"
            case let .file(path):
                return "det finns redan en fil i \(path); ange ett nytt filnamn med --db, eller använd den befintliga databasen med en token"
            default: return plain
            }
        case let .conflict(conflict):
            switch conflict {
            case let .revoked(identity): return "\(identity) är återkallad; ge den en ny token med `agenda identity renew \(identity)` först"
            case .alreadyRevoked: return plain + "; ge en ny token med `agenda identity renew`"
            default: return plain
            }
        case let .frozen(period, .publication):
            return plain + "; `agenda report --period \(period)` utan --publish skriver den publicerade rapporten igen, byte för byte"
        case let .invalidInput(field, problem):
            switch problem {
            case .noOpenRound:
                return "ingen rapporteringsomgång är öppen; ange en period (agenda status missing 2018Q2) eller öppna en med `agenda status round open`"
            case .noDepartment:
                return "vems aktiviteter? logga in som en förvaltning (--token eller AGENDA_TOKEN) eller ange --department NAMN"
            case .reporterNeedsDepartment: return "en rapportör rapporterar för en förvaltning: ange --department"
            case let .noEmailAddress(identity):
                return "\(identity) har ingen e-postadress; ange den med `agenda identity email \"\(identity)\" ADRESS`"
            case .reminderDaysOutOfRange: return plain + " (--reminders)"
            case .assessmentWithoutDate: return plain + " med --date ÅÅÅÅ-MM-DD"
            case let .unknownUnit(name, closest):
                return "ansvarig nämner \"\(name)\", som saknas i organisationsregistret"
                    + (closest.isEmpty ? "" : " (närmast: \(closest.map { "\"\($0)\"" }.joined(separator: ", ")))")
                    + "; rätta namnet, eller lägg till det med `agenda add unit` eller --new-unit"
            case let .noSuchGoal(action, count):
                return count == 1
                    ? plain + "; `agenda show action \(action)` listar dem"
                    : plain + " (`agenda show action \(action)` listar dem)"
            case .noSuggestion: return plain + " med --title"
            case let .departmentForNonReporter(role):
                return "bara en rapportör hör till en förvaltning; en \(role.swedish) (--role \(role.rawValue)) verkar för hela agendan"
            case .controlCharacter, .empty, .tooLong:
                return field == .code ? plain + "; ange en kod som 1.2, 2.3a eller 4" : plain
            default: return plain
            }
        default:
            return plain
        }
    }
}
