import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// Self-assessments (LIKA) in the web: the units and their assessments (`/lika`), the workshop where a
/// unit fills in an assessment one area at a time (`/lika/<unit>/<date>/<area>`), and the unit's summary
/// (`/lika/<unit>`). Who may assess which unit is AgendaCore's rule (the owner every unit, a förvaltning its
/// own units, a reader none). Reading is open to every signed-in role, as the reports are (the LIKA report's
/// colour matrix shows every unit anyway): the list, the summary and the full LIKA report of any unit.
///
/// Several people at once: each indicator has its own form, and a save records that one indicator only, so
/// people on different indicators never overwrite each other. On the same indicator the later save
/// supersedes the earlier (both stay on record); the form carries the number of the answer it was built from
/// (`seen`), and when someone else saved in between, the notice after the save says whose answer was replaced.
struct LikaRoutes {
    let app: WebApp

    func register(on router: RouterGroup<SignedInContext>) {
        app.get("lika", on: router) { _, context -> Response in try overview(context) }
        app.blocking(.post, "lika", on: router) { _, context -> Response in try start(context) }
        app.get("lika/:unit", on: router) { _, context -> Response in try summary(context) }
        app.blocking(.get, "lika/:unit/rapport", on: router) { _, context -> Response in try report(context) }
        app.get("lika/:unit/:date/:area", on: router) { request, context -> Response in try workshop(request, context) }
        app.blocking(.post, "lika/:unit/:date/:area", on: router) { _, context -> Response in try save(context) }
    }

    // MARK: - /lika

    func overview(_ context: SignedInContext, form: LikaStartForm? = nil, errors: [FieldError] = []) throws -> Response {
        let identity = context.identity
        let session = context.current
        let units = try app.service.assessedUnits()
        var dates: [String: [CalendarDate]] = [:]
        for summary in try app.service.assessments() where units.contains(where: { $0.name == summary.unit.name }) {
            if !(dates[summary.unit.name] ?? []).contains(summary.date) { dates[summary.unit.name, default: []].append(summary.date) }
        }
        let assessable = identity.role == .reader ? [] : units.filter { (try? app.service.assessableUnit($0.name, caller: identity)) != nil }
        // The owner may also name a new unit; a förvaltning starts assessments of its own units.
        let mayAssess = identity.role == .owner || !assessable.isEmpty
        let departments = identity.role == .owner ? try app.service.departmentNames() : nil
        let content = LikaOverviewPage(
            units: units, dates: dates, assessable: assessable, departments: departments, mayAssess: mayAssess,
            form: form ?? LikaStartForm(date: app.service.today), errors: errors,
            firstArea: try app.service.indicatorSet().areas.first?.code ?? "L")
        let page = try app.page(
            "Självskattning (LIKA)", context: context, current: LikaPath.root, problem: .of(errors, heading: "Självskattningen öppnades inte"))
        try content.render(page, csrf: session.csrf)
        return .page(try page.finish(), status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// Opens the workshop for a unit and date (nothing is stored until an answer is saved); 422 with the
    /// start form again when the unit or date is missing; 403 for a unit the caller may not assess.
    func start(_ context: SignedInContext) throws -> Response {
        let identity = context.identity
        let form = LikaStartForm(posted: context.form)
        switch form.parse(today: app.service.today) {
        case let .failure(invalid):
            return try overview(context, form: form, errors: invalid.errors)
        case let .success((name, department, date)):
            let found = try app.service.assessableUnit(name, department: identity.role == .owner ? department : nil, caller: identity)
            let area = try app.service.indicatorSet().areas.first?.code ?? "L"
            var location = LikaPath.workshop(found.unit.name, date, area)
            if !found.exists, let department = found.unit.department { location += "?forvaltning=" + LikaPath.encode(department) }
            return .seeOther(location)
        }
    }

    // MARK: - The workshop

    func workshop(_ request: Request, _ context: SignedInContext) throws -> Response {
        let department = request.uri.queryParameters.get("forvaltning").map { LikaPath.decode($0) }
        var (_, session, content) = try workshopData(context, department: department)
        if let code = request.uri.queryParameters.get("sparad"), let indicator = content.set.indicator(code) {
            content.saved = indicator.code
            if let number = request.uri.queryParameters.get("ersatt").flatMap({ Int($0) }) {
                content.replaced = try app.service.answerHistory(unit: content.unit.name, date: content.date)
                    .first { $0.number == number && $0.code == indicator.code }
            }
        }
        return .page(try render(content, context: context, csrf: session.csrf))
    }

    /// Saves one indicator's answer: 303 back to the area (`?sparad=<code>`, with `&ersatt=<number>` when
    /// the save replaced an answer someone else saved after the form was built) at `#ind-<code>`; the area
    /// again with what was typed and the errors (422) when the answer or step is invalid; 403 (nothing
    /// stored) for a unit the caller may not assess.
    func save(_ context: SignedInContext) throws -> Response {
        let form = LikaAnswerForm(posted: context.form)
        var (identity, session, content) = try workshopData(context, department: form.department.isEmpty ? nil : form.department)
        guard let indicator = content.set.indicator(form.code), indicator.area == content.area.code else {
            throw StoreError.invalidInput(.indicator, .noIndicatorInArea(indicator: form.code, area: content.area.name, set: content.set.name))
        }
        var posted = form
        posted.code = indicator.code
        content.posted[indicator.code] = posted
        switch posted.parse(words: app.templates.answerWords) {
        case let .invalid(errors):
            content.errors = errors
            return .page(try render(content, context: context, csrf: session.csrf), status: .unprocessableContent)
        case let .item(item):
            do {
                let filing = try app.service.recordAssessment(AssessmentInput(
                    unit: content.unit.name, department: content.exists ? nil : content.unit.department, date: content.date,
                    set: content.set.key, answers: [item]), by: identity)
                var location = LikaPath.workshop(content.unit.name, content.date, content.area.code) + "?sparad=\(LikaPath.encode(indicator.code))"
                if let replaced = filing.answers.first?.supersedes, replaced != posted.seenNumber { location += "&ersatt=\(replaced)" }
                return .seeOther(location + "#ind-\(LikaPath.encode(indicator.code))")
            } catch let refusal as any Refusal where refusal.kind != .notPermitted && refusal.kind != .notSignedIn {
                if case let StoreError.invalidInput(field, problem) = refusal, field == .step {
                    content.errors = [FieldError(field: LikaAnswerForm.stepID(indicator.code), message: WebWords.sentence(problem.sentence(field)))]
                } else {
                    content.refusal = WebWords.message(refusal)
                }
                let status = refusal.kind == .invalidInput ? .unprocessableContent : refusal.kind.status
                return .page(try render(content, context: context, csrf: session.csrf), status: status)
            }
        }
    }

    /// The signed-in identity, its session and the workshop the path names; refused (403) for a unit the
    /// caller may not assess, 404 for a date or area that does not exist.
    private func workshopData(_ context: SignedInContext, department: String?) throws -> (Identity, Session, LikaWorkshopPage) {
        let identity = context.identity
        let session = context.current
        let name = LikaPath.decode(try context.parameters.require("unit"))
        let date = try Self.date(try context.parameters.require("date"))
        let set = try app.service.indicatorSet()
        let areaCode = LikaPath.decode(try context.parameters.require("area"))
        guard let area = set.areas.first(where: { $0.code.uppercased() == areaCode.uppercased() }) else { throw WebError.notFound }
        let found = try app.service.assessableUnit(name, department: identity.role == .owner ? department : nil, caller: identity)
        var inForce: [String: AssessmentAnswer] = [:]
        var previous: (date: CalendarDate, answers: [String: AssessmentAnswer])?
        if found.exists {
            for answer in try app.service.answers(AnswerQuery(unit: found.unit.name, date: date, set: set.key)) { inForce[answer.code] = answer }
            if let before = try app.service.assessments(unit: found.unit.name).last(where: { $0.set == set.key && $0.date < date }) {
                let answers = try app.service.answers(AnswerQuery(unit: found.unit.name, date: before.date, set: set.key))
                previous = (before.date, Dictionary(answers.map { ($0.code, $0) }, uniquingKeysWith: { _, b in b }))
            }
        }
        let content = LikaWorkshopPage(
            unit: found.unit, exists: found.exists, date: date, set: set, area: area, inForce: inForce, previous: previous,
            today: app.service.today, words: app.templates.answerWords)
        return (identity, session, content)
    }

    private func render(_ content: LikaWorkshopPage, context: SignedInContext, csrf: String) throws -> Data {
        let page = try app.page(
            content.title, context: context, current: LikaPath.root,
            problem: .of(content.errors, message: content.refusal, heading: "Svaret sparades inte"))
        try content.render(page, csrf: csrf)
        return try page.finish()
    }

    // MARK: - The summary

    func summary(_ context: SignedInContext) throws -> Response {
        let identity = context.identity
        let name = LikaPath.decode(try context.parameters.require("unit"))
        let summaries = try app.service.assessments(unit: name)
        guard let last = summaries.last else { throw WebError.notFound }
        let unit = last.unit
        let set = try app.service.indicatorSet(key: last.set)
        let dates = summaries.filter { $0.set == set.key }.map(\.date)
        func assessment(_ date: CalendarDate) throws -> LikaSummaryPage.Assessment {
            LikaSummaryPage.Assessment(date: date, answers: try app.service.answers(AnswerQuery(unit: unit.name, date: date, set: set.key)))
        }
        let latest = try assessment(last.date)
        let previous = try dates.last(where: { $0 < last.date }).map(assessment)
        var linked: [String: [LinkedAction]] = [:]
        for answer in latest.answers where answer.answer.isBelow(.fulfilled) {
            linked[answer.code] = try app.service.linkedActions(code: answer.code, set: set.key)
        }
        let mayAssess = (try? app.service.assessableUnit(unit.name, caller: identity)) != nil
        let content = LikaSummaryPage(
            unit: unit, set: set, latest: latest, previous: previous, linked: linked, mayAssess: mayAssess, words: app.templates.answerWords)
        let page = try app.page("Sammanställning: \(unit.name)", context: context, current: LikaPath.root)
        try content.render(page)
        return .page(try page.finish())
    }

    /// The unit's LIKA report (ReportGen's summary: its latest assessment beside the previous one, the radar
    /// chart, the colour matrix of every unit, the indicators below Uppfyllt with their actions), as XHTML.
    /// Like the period report, it inlines its styles: this response alone allows inline styles.
    func report(_ context: SignedInContext) throws -> Response {
        let name = LikaPath.decode(try context.parameters.require("unit"))
        let model = try app.service.read { snapshot in
            try LikaReportGenerator.summary(unit: name, from: snapshot, templates: app.templates)
        }
        // ReportGen writes LIKA reports to files only; write one to a private temporary folder and read it back.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-lika-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(model.baseName).xhtml")
        try LikaReportGenerator.write(model, format: .xhtml, to: file, templates: app.templates)
        let bytes = try Data(contentsOf: file)
        var response = Response(
            status: .ok, headers: [.contentType: "application/xhtml+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        response.headers[.contentSecurityPolicyHeader] = ReaderRoutes.reportPolicy
        return response
    }

    /// A date from the URL, exactly YYYY-MM-DD; anything else is a page that does not exist.
    static func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text), date.description == text else { throw WebError.notFound }
        return date
    }
}
