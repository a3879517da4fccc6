import Foundation

/// A plan read from a file, ready to be imported: parsed plan text, or an Agenda JSON backup.
public enum PlanSource: Sendable {
    case parsed(ImportResult)
    case backup(AgendaDocument)

    /// Reads a plan file's bytes: the format from `format`, else from the file's name and content.
    /// Parsing happens before any database is opened, so input that is not a plan touches no file.
    /// A LIKA table plan's answers are read with `answers`, the templates' words of the scale.
    public static func read(
        _ data: Data, filename: String, format: PlanFormat? = nil, labels: LabelTable? = nil,
        effective: CalendarDate? = nil, allowPartial: Bool = false, assessmentDate: CalendarDate? = nil,
        answers: MaturityWords = .builtIn
    ) throws -> PlanSource {
        switch format ?? PlanImporter.detectFormat(data: data, filename: filename) {
        case .json:
            return .backup(try AgendaJSON.decode(data))
        case let format:
            var result = try PlanImporter.parse(
                data, format: format, labels: labels ?? LabelTable.standard(), register: OrganisationRegister.standard(),
                allowPartial: allowPartial, answers: answers)
            if let effective { result.agenda.effectiveDate = effective }
            if let assessmentDate { result.assessmentDate = assessmentDate }
            if !result.assessments.isEmpty {
                guard let date = result.assessmentDate else {
                    throw StoreError.invalidInput(.date, .assessmentWithoutDate)
                }
                for index in result.assessments.indices { result.assessments[index].date = date }
            }
            return .parsed(result)
        }
    }

    var agenda: Agenda {
        switch self {
        case let .parsed(result): result.agenda
        case let .backup(document): document.agenda
        }
    }

    /// Measures proposed for the plan's effektmål; none for a backup, whose measures are its own.
    var proposals: [MeasureProposal] {
        guard case let .parsed(result) = self else { return [] }
        return MeasureRecogniser.proposals(for: result.agenda)
    }

    /// What a person should check after the import: the importer's warnings, then every ansvarig linked
    /// to the register with low confidence, with the commands that fix it.
    var warnings: [String] { warnings(adding: []) }

    /// ``warnings`` with `placed` (what importing found, such as indicators of another edition) among the
    /// importer's warnings in line order.
    func warnings(adding placed: [ImportWarning]) -> [String] {
        guard case let .parsed(result) = self else { return [] }
        var warnings = (result.warnings + placed).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element.description)
        for action in result.agenda.actions where !action.responsibility.unsure.isEmpty {
            let parts = action.responsibility.unsure.map { Quoted.input($0) }.joined(separator: ", ")
            warnings.append(
                "aktivitet \(action.code): ansvarig kopplad med låg säkerhet (\(parts)); kontrollera med `agenda show action \(action.code)`, rätta med `agenda edit action \(action.code) --responsible TEXT` eller `agenda add unit DEPT --alias A`")
        }
        return warnings
    }
}

/// What an import did.
public struct ImportOutcome: Sendable {
    /// The plan as imported.
    public var agenda: Agenda
    /// Lines for a person to check (see ``PlanSource``).
    public var warnings: [String]
    /// The new owner's token, when the import created the database (show it once, last).
    public var issuedOwner: IssuedToken?
    /// Measures the plan's effektmål state (``MeasureRecogniser``), as suggestions for the IT-chef to
    /// confirm with `agenda effect measure`; nothing of them is stored. Empty for a JSON backup.
    public var proposals: [MeasureProposal] = []
}

/// The fields of an action as a person types them; each text is read the way the importer reads a plan.
public struct ActionFields: Sendable, Equatable {
    public var title: String?
    public var background: String?
    public var plan: String?
    public var responsible: String?
    public var schedule: String?
    public var cost: String?
    /// Replaces the list of effektmål when not empty.
    public var effectGoals: [String]

    public init(
        title: String? = nil, background: String? = nil, plan: String? = nil, responsible: String? = nil,
        schedule: String? = nil, cost: String? = nil, effectGoals: [String] = []
    ) {
        self.title = title
        self.background = background
        self.plan = plan
        self.responsible = responsible
        self.schedule = schedule
        self.cost = cost
        self.effectGoals = effectGoals
    }

    public var isEmpty: Bool {
        [title, background, plan, responsible, schedule, cost].allSatisfy { $0 == nil } && effectGoals.isEmpty
    }

    /// Applies the given fields to `action`, re-reading derived values (a new tidsplan re-derives
    /// recurring cost years). Text is cleaned of what XML forbids first.
    func apply(to action: inout Action, register: inout OrganisationRegister) {
        if let title { action.title = TextCleaner.clean(title) }
        if let background { action.background = TextCleaner.clean(background) }
        if let plan { action.plan = PlanText(parsing: TextCleaner.clean(plan)) }
        if let responsible { action.responsibility = ResponsibilityParser.parse(TextCleaner.clean(responsible), register: &register) }
        if let schedule { action.schedule = ScheduleParser.parse(TextCleaner.clean(schedule)) }
        if cost != nil || schedule != nil {
            action.cost = CostParser.parse(cost.map(TextCleaner.clean) ?? action.cost.text, schedule: action.schedule)
        }
        if !effectGoals.isEmpty { action.effectGoals = effectGoals.map(TextCleaner.clean) }
    }
}

extension Decision {
    /// A decision as a person gives it: the date, else the first ISO date in the reference
    /// ("IT-rådet 2018-03-14 §5"), else `today`.
    public init(reference: String?, date: CalendarDate?, note: String?, today: CalendarDate) {
        let referenced = reference.flatMap { text in
            text.firstMatch(of: /\d{4}-\d{2}-\d{2}/).flatMap { CalendarDate(iso: String($0.output)) }
        }
        self.init(
            reference: reference.map(TextCleaner.clean), date: date ?? referenced ?? today, note: note.map(TextCleaner.clean))
    }
}

extension AgendaService {
    // MARK: - Creating a database

    /// Creates a new database at `path` with its owner `ownerName`; the token is in the result, to be shown once.
    /// Creates the demo database at `path`: `agenda`, its identities and a few years of made-up history
    /// (``DemoHistory``), all or nothing.
    public static func createDemo(at path: String, agenda: Agenda) throws -> DemoHistory.Result {
        try create(at: path) { store, _ in try DemoHistory.build(into: store, agenda: agenda) }
    }

    public static func createDatabase(at path: String, ownerName: String = "IT-chef") throws -> IssuedToken {
        try create(at: path) { store, now in try store.createOwner(name: ownerName, at: now) }
    }

    /// Imports `plan` into a new database at `path`. A parsed plan gets a new owner (its token in the
    /// outcome); a JSON backup brings its own identities (an owner is created only when it has none).
    /// The file appears only when everything is committed.
    public static func importNew(
        _ plan: PlanSource, at path: String, clock: @escaping @Sendable () -> Timestamp = { .now }
    ) throws -> ImportOutcome {
        try create(at: path, clock: clock) { store, now in
            var issued: IssuedToken?
            var placed: [ImportWarning] = []
            switch plan {
            case let .parsed(result):
                let owner = try store.createOwner(at: now)
                placed = try store.importPlan(result, by: owner.identity, at: now)
                issued = owner
            case let .backup(document):
                if document.identities.isEmpty { issued = try store.createOwner(at: now) }
                try store.importDocument(document, by: issued?.identity, at: now)
                if issued == nil, try !store.hasOwner() { issued = try store.createOwner(at: now) }
            }
            return ImportOutcome(agenda: plan.agenda, warnings: plan.warnings(adding: placed), issuedOwner: issued, proposals: plan.proposals)
        }
    }

    /// Imports `plan` into this (empty) database, as its owner `caller`.
    public func importPlan(_ plan: PlanSource, by caller: Identity) throws -> ImportOutcome {
        try write { store in
            var placed: [ImportWarning] = []
            switch plan {
            case let .parsed(result): placed = try store.importPlan(result, by: caller, at: now)
            case let .backup(document): try store.importDocument(document, by: caller, at: now)
            }
            return ImportOutcome(agenda: plan.agenda, warnings: plan.warnings(adding: placed), issuedOwner: nil, proposals: plan.proposals)
        }
    }

    // MARK: - Changing the plan

    /// Adds an action from the texts a person typed, under `decision`. An ansvarig naming a förvaltning
    /// the register lacks is refused unless `newUnits` allows adding it.
    @discardableResult
    public func addAction(
        code: String, area: Int, subArea: String?, fields: ActionFields, decision: Decision, newUnits: Bool = false,
        by caller: Identity
    ) throws -> Action {
        try write { store in
            var register = OrganisationRegister(departments: try store.departments())
            var action = Action(code: code, areaNumber: area, subAreaCode: subArea, title: "")
            action.cost = CostParser.parse(nil, schedule: action.schedule)
            let stored = register
            fields.apply(to: &action, register: &register)
            if !newUnits { try Self.refuseNewUnits(register, stored: stored, store: store) }
            try store.addAction(action, decision: decision, register: register, by: caller, at: now)
            return action
        }
    }

    /// Revises an action from the texts a person typed (and closes or reopens it), under `decision`.
    @discardableResult
    public func editAction(
        code: String, fields: ActionFields, state: ActionState? = nil, decision: Decision, newUnits: Bool = false,
        by caller: Identity
    ) throws -> Action {
        try write { store in
            try store.reviseAction(code: code, decision: decision, by: caller, at: now) { action, register in
                let stored = register
                fields.apply(to: &action, register: &register)
                if !newUnits { try Self.refuseNewUnits(register, stored: stored, store: store) }
                if let state { action.state = state }
            }
        }
    }

    /// Refuses an ansvarig that names a förvaltning or enhet the register lacks: a typo must not create
    /// a förvaltning. The IT-chef adds it on purpose (`--new-unit`, or `agenda add unit` first).
    static func refuseNewUnits(_ register: OrganisationRegister, stored: OrganisationRegister, store: AgendaStore) throws {
        let known = Dictionary(stored.departments.map { ($0.name, Set($0.units)) }, uniquingKeysWith: { a, _ in a })
        for department in register.departments {
            let new: String?
            if let units = known[department.name] {
                new = department.units.first { !units.contains($0) }
            } else {
                new = department.name
            }
            guard let new else { continue }
            throw StoreError.invalidInput(.responsible, .unknownUnit(new, closest: try store.closestNames(to: new)))
        }
    }

    /// Withdraws an action from the plan under `decision`; it stays on record, marked withdrawn.
    @discardableResult
    public func withdrawAction(code: String, decision: Decision, by caller: Identity) throws -> Action {
        try write { store in try store.withdrawAction(code: code, decision: decision, by: caller, at: now) }
    }

    /// Names the organisation that adopted the plan (its reports and site are headed with it), after `decision`.
    public func setOrganisation(_ name: String, decision: Decision, by caller: Identity) throws {
        try write { store in try store.setOrganisation(TextCleaner.clean(name), decision: decision, by: caller, at: now) }
    }

    /// Adds a förvaltning, an enhet under it, or aliases for it; returns the förvaltning's name. Names that
    /// are not printable text are refused.
    @discardableResult
    public func addUnit(department: String, unit: String?, aliases: [String], by caller: Identity) throws -> String {
        try write { store in
            try store.addUnit(department: department, unit: unit, aliases: aliases, by: caller, at: now)
        }
    }

    // MARK: - Reading the plan

    /// The plan as it stands now.
    public func agenda() throws -> Agenda {
        try reading { store in try store.requireAgenda(); return try store.agenda() }
    }

    /// The actions that match `filter` (a department by the one department rule, see
    /// ``AgendaStore/resolveDepartment(_:)``), in plan order.
    public func actions(matching filter: ActionFilter) throws -> [Action] {
        try reading { store in try store.requireAgenda(); return try store.actions(matching: filter) }
    }

    /// The action with `code`, as it stands now. Throws ``StoreError/notFound(_:)`` when there is none.
    public func action(code: String) throws -> Action {
        try reading { store in
            try store.requireAgenda()
            guard let action = try store.action(code: code) else { throw AgendaStore.noAction(code) }
            return action
        }
    }

    /// The decisions that changed the plan, oldest first.
    public func revisions() throws -> [Revision] {
        try reading { store in try store.requireAgenda(); return try store.revisions() }
    }

    /// The whole agenda with its history, for `agenda export`.
    public func exportDocument() throws -> AgendaDocument {
        try reading { store in try store.requireAgenda(); return try store.exportDocument() }
    }

    /// The audit log, oldest first.
    public func auditLog() throws -> [AuditEntry] {
        try reading { store in try store.auditLog() }
    }
}

extension AgendaStore {
    /// Refuses a database that holds no agenda yet.
    func requireAgenda() throws {
        guard try hasAgenda() else {
            throw StoreError.notFound(.agenda)
        }
    }
}

extension AgendaService {
    private struct Heading { var title, organisation: String }

    /// The agenda's title and organisation without its actions (for page headers); nil before an import.
    public func heading() throws -> (title: String, organisation: String)? {
        try reading { store in
            try store.memoized("heading") { () -> Heading? in
                guard try store.hasAgenda() else { return nil }
                let agenda = try store.metadata().agenda
                return Heading(title: agenda.title, organisation: agenda.organisation)
            }.map { ($0.title, $0.organisation) }
        }
    }
}
