/// What a refusal is about, as data: the field, the value, the limit, the action, the period. A front end
/// words it in its own Swedish (the CLI may name its flags and commands, the web its form fields and
/// pages); ``description`` is the plain sentence both may fall back to, naming neither.

/// A value a person gives, in whatever front end.
public enum InputField: String, Sendable, Equatable, CaseIterable {
    case code, title, area, subArea, responsible, period, deadline, cost, comment, status, light
    case department, role, identityName, departmentName, unitName, alias, assessedUnit, organisation
    case goal, indicator, baseline, target, targetYear, value, measuredOn
    case date, answers, step, action
    case email, reminderDays

    /// Whether the field's Swedish name is an ett-word ("namnet", "värdet"): "tomt", not "tom".
    public var isNeuter: Bool {
        switch self {
        case .identityName, .departmentName, .unitName, .alias, .assessedUnit, .organisation, .area, .subArea, .goal, .baseline, .target,
             .targetYear, .value, .measuredOn, .date, .step: true
        default: false
        }
    }

    /// The field's Swedish name, as a sentence's subject ("verksamhetens namn", "perioden").
    public var swedish: String {
        switch self {
        case .code: "aktivitetskoden"
        case .title: "titeln"
        case .area: "insatsområdet"
        case .subArea: "delområdet"
        case .responsible: "ansvarig"
        case .period: "perioden"
        case .deadline: "sista dag"
        case .cost: "kostnaden"
        case .comment: "kommentaren"
        case .status: "status"
        case .light: "bedömningen"
        case .department: "förvaltningen"
        case .role: "rollen"
        case .identityName: "identitetens namn"
        case .departmentName: "förvaltningens namn"
        case .unitName: "enhetens namn"
        case .alias: "aliaset"
        case .assessedUnit: "verksamhetens namn"
        case .organisation: "organisationens namn"
        case .goal: "effektmålet"
        case .indicator: "indikatorn"
        case .baseline: "utgångsvärdet"
        case .target: "målvärdet"
        case .targetYear: "målåret"
        case .value: "värdet"
        case .measuredOn: "mätdatumet"
        case .date: "datumet"
        case .answers: "svaren"
        case .step: "steget"
        case .action: "aktiviteten"
        case .email: "e-postadressen"
        case .reminderDays: "påminnelsedagarna"
        }
    }
}

/// Why a value given for an ``InputField`` is not taken.
public enum InputProblem: Sendable, Equatable {
    /// Not an address like anna.svensson@molndal.se.
    case notAnEmailAddress(String)
    /// A message to the identity needs its e-mail address first.
    case noEmailAddress(identity: String)
    /// Reminder days are whole days, 1 to 60, before the deadline.
    case reminderDaysOutOfRange([Int])
    /// Blank where something must be written.
    case empty
    case tooLong(count: Int, limit: Int)
    /// Holds a control character (its code point) or a line break where one line of text is wanted.
    case controlCharacter(UInt32)
    /// Not a code like 1.2, 2.3a or 4.
    case notAnActionCode(String)
    case negative
    case tooLarge(limit: Int)
    case notANumber
    case notAYear(Int)
    case periodBeforePlan(Period, planStart: CalendarDate)
    case periodNotBegun(Period)
    /// No period given and no reporting round open to take it from.
    case noOpenRound
    case deadlineBeforePeriod(deadline: CalendarDate, period: Period)
    /// A date after today where only today or earlier makes sense (a self-assessment, a measured value).
    case dateInFuture(CalendarDate, today: CalendarDate)
    case dateBefore(CalendarDate, earliest: CalendarDate)
    /// A plan change dated before the version of `action` in force since `since` (revision `revision`).
    case dateBeforeVersion(action: String, since: CalendarDate, revision: Int)
    /// A plan change needs its decision's date.
    case decisionWithoutDate
    /// A LIKA table plan's answers need a date, and the plan's title names no year.
    case assessmentWithoutDate
    /// Ansvarig names a unit the register lacks; the closest names it has.
    case unknownUnit(String, closest: [String])
    /// An edit would change the action's code or its place in the plan.
    case codeOrPlaceChanged(action: String)
    case reporterNeedsDepartment
    case departmentForNonReporter(Role)
    /// Whose actions? No förvaltning given and the caller has none.
    case noDepartment
    case noAnswers(unit: String)
    case missingIndicatorCode
    /// An indicator set's key must be a–z, 0–9 and dashes, and not empty.
    case badSetKey(String)
    case answeredTwice(indicator: String)
    case noSuchStep(indicator: String, step: Int)
    case indicatorOutsideAreas(indicator: String, set: String, areas: [String])
    case newIndicatorWithoutText(indicator: String, set: String)
    /// The indicator set's area has no such indicator.
    case noIndicatorInArea(indicator: String, area: String, set: String)
    case noActionsToLink
    case noIndicatorsToLink(action: String)
    case noGoals(action: String)
    case noSuchGoal(action: String, count: Int)
    case measureWithoutIndicator
    case measuredOnWithoutValue
    case noSuggestion(indicator: String)
    case duplicateArea(Int)
    case duplicateSubArea(String)
    case subAreaWithoutArea(subArea: String, area: Int)
    case duplicateAction(String)
    case actionWithoutArea(action: String, area: Int)
    case actionWithoutSubArea(action: String, subArea: String)
}

/// What a request names that the store does not have.
public enum Missing: Sendable, Equatable {
    /// The database holds no agenda yet.
    case agenda
    case action(String)
    /// No förvaltning, enhet or alias by that name; the closest names the register has.
    case organisationName(String, closest: [String])
    /// No förvaltning or alias by that name in the register.
    case department(String)
    case unit(department: String, unit: String)
    case identity(String)
    case focusArea(Int)
    case indicator(set: String, code: String)
    /// No indicator set with that key; the keys known.
    case indicatorSet(String, known: [String])
    case openRound(Period)
    /// No unit by that name has assessed itself; those that have.
    case assessedUnit(String, known: [String])
    /// The unit has no self-assessment (on `date`, when given); the dates it has.
    case assessment(unit: String, date: CalendarDate?, available: [CalendarDate])
    case assessmentAgainst(unit: String, set: String)
    /// No request for access with that number.
    case accessRequest(Int)
}

/// What a write would create that exists already.
public enum Existing: Sendable, Equatable {
    case action(String)
    case agenda(title: String)
    case owner
    case identity(String)
    /// The register has the förvaltning already (with these aliases, when some were given).
    case registerEntry(String, aliases: Bool)
    case departmentOrAlias(String)
    case unit(String)
    /// The alias is a förvaltning's name.
    case aliasIsDepartment(String)
    /// A document with identities of its own, into a database that has identities.
    case identities
    /// A file where a new database was to be created.
    case file(path: String)
    /// An indicator set of that key is stored or built in.
    case indicatorSet(String)
}

/// A write that contradicts the store's state.
public enum Conflict: Sendable, Equatable {
    /// The identity is revoked: renew it before making it a sign-in link.
    case revoked(identity: String)
    case alreadyRevoked(identity: String, at: Timestamp)
    case onlyOwner(identity: String)
    case unitInOtherDepartment(unit: String, department: String, named: String)
    case alreadyLinked(action: String, indicator: String)
    /// The change leaves the action as it was.
    case unchanged(action: String)
    case alreadyClosed(action: String, revision: Int)
    /// The goal has no measure to remove, or has that measure already.
    case measureUnchanged(action: String, goal: Int, removing: Bool)
    /// The plan's organisation has that name already.
    case organisationUnchanged(String)
    /// The service was opened for reading.
    case readOnly
    /// The access request was granted (or declined) already.
    case requestDecided(number: Int, granted: Bool)
}

/// What a withdrawn action cannot have.
public enum WithdrawnUse: Sendable, Equatable {
    case report, assessment, links
    /// Withdrawing it again; it was withdrawn in `revision`.
    case withdrawal(revision: Int)
}

/// Why a published period refuses a change.
public enum FrozenUse: Sendable, Equatable {
    /// A plan change dated on or before the published period's end.
    case planChange(end: CalendarDate)
    /// Publishing the period again.
    case publication(Publication)
}

extension InputProblem {
    /// "U+001B".
    public static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The plain Swedish sentence about `field`, naming no flag, command or form.
    public func sentence(_ field: InputField) -> String {
        switch self {
        case .empty: "\(field.swedish) är \(field.isNeuter ? "tomt" : "tom"); skriv i läsbar text"
        case let .tooLong(count, limit): "\(field.swedish) är för \(field.isNeuter ? "långt" : "lång") (\(count) tecken); högst \(limit) tecken"
        case let .controlCharacter(scalar):
            "\(field.swedish) innehåller styrtecknet \(Self.codePoint(scalar)); skriv det i läsbar text på en rad"
        case let .notAnActionCode(code):
            "aktivitetskoden \(Quoted.text(code)) är inte en kod som 1.2, 2.3a eller 4 (tal åtskilda av punkter, eventuellt med en bokstav sist)"
        case .negative: "en verklig kostnad anges i hela kronor, 0 eller mer"
        case let .tooLarge(limit): "beloppet är för stort: en verklig kostnad är högst \(Kronor.exact(limit))"
        case .notANumber: "\(field.swedish) måste vara ett tal"
        case let .notAYear(year): "målåret \(year) är inget årtal"
        case let .periodBeforePlan(period, start): "\(period) slutar innan planen börjar gälla (\(start)); välj \(start.year) eller senare"
        case let .periodNotBegun(period): "\(period) har inte börjat än (den börjar \(period.start)); välj den pågående perioden eller en tidigare"
        case .noOpenRound: "ingen rapporteringsomgång är öppen; välj en period, eller öppna en omgång med sista dag för rapporterna"
        case let .notAnEmailAddress(text): "\(Quoted.text(text)) är ingen e-postadress; skriv den som anna.svensson@kommun.se"
        case let .noEmailAddress(identity): "\(identity) har ingen e-postadress; ange den först"
        case let .reminderDaysOutOfRange(days):
            "påminnelser skickas 1–60 dagar före sista dag, inte \(days.map(String.init).joined(separator: ", ")) dagar"
        case let .deadlineBeforePeriod(deadline, period): "sista dag \(deadline) ligger innan \(period) börjar (\(period.start))"
        case let .dateInFuture(date, today): "\(field.swedish) \(date) har inte kommit än; ange dagens datum (\(today)) eller ett tidigare"
        case let .dateBefore(date, earliest): "\(field.swedish) \(date) ligger före \(earliest.year); ange det riktiga datumet"
        case let .dateBeforeVersion(action, since, revision):
            "aktiviteten \(action) har en version som gäller från \(since) (revision \(revision)); datera ändringen \(since) eller senare"
        case .decisionWithoutDate: "en ändring i planen behöver beslutets datum"
        case .assessmentWithoutDate: "planens titel nämner inget år, så självskattningen i dess Svar-kolumn har inget datum; ange datumet"
        case let .unknownUnit(name, closest):
            "ansvarig nämner \"\(name)\", som saknas i organisationsregistret"
                + (closest.isEmpty ? "" : " (närmast: \(closest.map { "\"\($0)\"" }.joined(separator: ", ")))")
                + "; rätta namnet, eller lägg till det i registret"
        case let .codeOrPlaceChanged(action):
            "en aktivitet behåller sin kod och sin plats i planen; stryk \(action) och lägg till en ny aktivitet i stället"
        case .reporterNeedsDepartment: "en rapportör rapporterar för en förvaltning: välj förvaltningen"
        case let .departmentForNonReporter(role):
            "bara en rapportör hör till en förvaltning; en \(role.swedish) verkar för hela agendan"
        case .noDepartment: "vems aktiviteter? logga in som en förvaltning eller välj en förvaltning"
        case let .noAnswers(unit): "självskattningen för \(unit) har inga svar"
        case .missingIndicatorCode: "ett svar saknar indikatorkod"
        case let .badSetKey(key): "nyckeln \(Quoted.text(key)) duger inte för en indikatoruppsättning; den ska bestå av a–z, siffror och bindestreck"
        case let .answeredTwice(code): "\(code) besvaras två gånger i samma självskattning"
        case let .noSuchStep(code, step): "\(code): steg \(step) finns inte; stegen är 1, 2 och 3"
        case let .indicatorOutsideAreas(code, set, areas): "\(code) hör inte till något av \(set)s områden (\(areas.joined(separator: ", ")))"
        case let .newIndicatorWithoutText(code, set): "\(code) är en ny indikator i \(set) och behöver sin text"
        case let .noIndicatorInArea(code, area, set): "\(area) i \(set) har ingen indikator \(Quoted.text(code))"
        case .noActionsToLink: "ange minst en aktivitet att koppla"
        case let .noIndicatorsToLink(action): "ange minst en indikator att koppla \(action) till"
        case let .noGoals(action): "aktiviteten \(action) har inga effektmål"
        case let .noSuchGoal(action, count):
            count == 1 ? "aktiviteten \(action) har bara ett effektmål, nummer 1"
                : "aktiviteten \(action) har \(count) effektmål; ange ett nummer från 1 till \(count)"
        case .measureWithoutIndicator: "ett mått behöver en indikator, t.ex. \"Andel ärenden som inkommer digitalt\""
        case .measuredOnWithoutValue: "ett mätdatum hör till ett uppmätt värde; ange också värdet"
        case let .noSuggestion(indicator): "\(indicator) har inget aktivitetsförslag; ge aktiviteten en titel"
        case let .duplicateArea(number): "planen har två insatsområden med nummer \(number)"
        case let .duplicateSubArea(code): "planen har två delområden \(code)"
        case let .subAreaWithoutArea(subArea, area): "delområde \(subArea) ligger i insatsområde \(area), som saknas i planen"
        case let .duplicateAction(code): "planen har två aktiviteter med koden \(code)"
        case let .actionWithoutArea(action, area): "aktiviteten \(action) ligger i insatsområde \(area), som saknas i planen"
        case let .actionWithoutSubArea(action, subArea): "aktiviteten \(action) ligger i delområde \(subArea), som saknas i planen"
        }
    }
}

extension Missing {
    public var sentence: String {
        switch self {
        case .agenda: "databasen innehåller ingen agenda än; importera planen först"
        case let .action(code): "det finns ingen aktivitet med koden \(Quoted.text(code))"
        case let .organisationName(name, closest):
            "det finns ingen förvaltning, enhet eller alias \(Quoted.text(name)) i organisationsregistret"
                + (closest.isEmpty ? "" : "; menade du \(closest.map { "\"\($0)\"" }.joined(separator: " eller "))?")
        case let .department(name): "det finns ingen förvaltning eller alias \(Quoted.text(name)) i organisationsregistret"
        case let .unit(department, unit): "\(department) har ingen enhet \(Quoted.text(unit)) i organisationsregistret"
        case let .identity(name): "det finns ingen identitet \(Quoted.text(name))"
        case let .focusArea(number): "planen har inget insatsområde \(number)"
        case let .indicator(set, code): "\(set) har ingen indikator \(Quoted.text(code))"
        case let .indicatorSet(key, known): "det finns ingen indikatoruppsättning \(Quoted.text(key)); de kända är \(known.joined(separator: ", "))"
        case let .openRound(period): "det finns ingen öppen rapporteringsomgång för \(period)"
        case let .assessedUnit(name, known):
            known.isEmpty ? "ingen verksamhet har gjort en självskattning än"
                : "ingen verksamhet \(Quoted.text(name)) har gjort en självskattning; de som har är \(known.joined(separator: ", "))"
        case let .assessment(unit, date?, available):
            "\(unit) har ingen självskattning \(date); de som finns är från \(available.map(\.description).joined(separator: ", "))"
        case let .assessment(unit, nil, _): "\(unit) har ingen självskattning"
        case let .assessmentAgainst(unit, set): "\(unit) har ingen självskattning mot \(set)"
        case let .accessRequest(number): "det finns ingen begäran om tillgång nummer \(number)"
        }
    }
}

extension Existing {
    public var sentence: String {
        switch self {
        case let .action(code): "det finns redan en aktivitet med koden \(code)"
        case let .agenda(title): "databasen innehåller redan en agenda (\"\(title)\"); importera till en ny databas"
        case .owner: "databasen har redan en ägare"
        case let .identity(name): "det finns redan en identitet \"\(name)\""
        case let .registerEntry(name, aliases): "organisationsregistret har redan \(name)\(aliases ? " med dessa alias" : ""); inget har lagts till"
        case let .departmentOrAlias(name): "organisationsregistret har redan en förvaltning eller ett alias \"\(name)\""
        case let .unit(name): "förvaltningen har redan en enhet \"\(name)\""
        case let .aliasIsDepartment(alias): "\"\(alias)\" är redan namn på en förvaltning i organisationsregistret"
        case .identities: "dokumentet har egna identiteter och databasen har redan identiteter; importera det till en ny databasfil"
        case let .file(path): "det finns redan en fil i \(path); välj ett nytt filnamn"
        case let .indicatorSet(key): "det finns redan en indikatoruppsättning \(Quoted.text(key)); ge den nya en egen nyckel"
        }
    }
}

extension Conflict {
    public var sentence: String {
        switch self {
        case let .revoked(identity): "\(identity) är återkallad; ge den en ny token först"
        case let .alreadyRevoked(identity, at): "\(identity) är redan återkallad (\(at.swedishDisplay))"
        case let .onlyOwner(identity): "\(identity) är den enda ägaren och kan inte återkallas; ge ägaren en ny token i stället"
        case let .unitInOtherDepartment(unit, department, named): "\(unit) hör till \(department), inte \(named)"
        case let .alreadyLinked(action, indicator): "aktiviteten \(action) är redan kopplad till \(indicator)"
        case let .unchanged(action): "ändringen lämnar aktiviteten \(action) som den var; inget har registrerats"
        case let .alreadyClosed(action, revision): "aktiviteten \(action) är redan avslutad (revision \(revision))"
        case let .measureUnchanged(action, goal, removing):
            removing ? "effektmål \(goal) i \(action) har inget mått; inget har registrerats"
                : "effektmål \(goal) i \(action) har redan det måttet; inget har registrerats"
        case let .organisationUnchanged(name): "planens organisation heter redan \(Quoted.text(name)); inget har registrerats"
        case .readOnly: "databasen är öppnad bara för läsning; öppna den med skrivrätt för att ändra den"
        case let .requestDecided(number, granted): "begäran om tillgång nummer \(number) är redan \(granted ? "beviljad" : "avböjd")"
        }
    }
}

extension WithdrawnUse {
    public func sentence(_ code: String) -> String {
        switch self {
        case .report: "aktiviteten \(code) är struken ur planen; det finns inget att rapportera"
        case .assessment: "aktiviteten \(code) är struken ur planen; det finns inget att bedöma"
        case .links: "aktiviteten \(code) är struken ur planen; koppla indikatorerna till en aktivitet i planen"
        case let .withdrawal(revision): "aktiviteten \(code) är redan struken (revision \(revision))"
        }
    }
}

extension FrozenUse {
    public func sentence(_ period: String) -> String {
        switch self {
        case let .planChange(end):
            "rapporten för \(period) är publicerad, så planen till och med \(end) är låst; datera beslutet efter \(end)"
        case let .publication(earlier):
            "rapporten för \(period) publicerades \(earlier.publishedAt.swedishDisplay) av \(earlier.publishedBy) och publiceringen står fast"
        }
    }
}
