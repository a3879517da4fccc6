import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import ReportGen

/// What a förvaltning does: its actions ("Våra aktiviteter"), one page per action with the form to report.
struct ReporterRoutes {
    let app: WebApp

    func register(on router: RouterGroup<SignedInContext>) {
        app.get("aktiviteter", on: router) { _, context -> Response in try actionsPage(context) }
        app.get("aktiviteter/:code", on: router) { request, context -> Response in try actionPage(request, context) }
        app.blocking(.post, "aktiviteter/:code", on: router) { _, context -> Response in try postReport(context) }
        app.blocking(.post, "aktiviteter/:code/effekt", on: router) { _, context -> Response in try postEffect(context) }
    }

    /// "Våra aktiviteter": the förvaltning's actions (those it leads or shares) with their latest status,
    /// the open round and what is still missing. The owner sees every action.
    func actionsPage(_ context: SignedInContext) throws -> Response {
        let identity = context.identity
        let round = try app.service.rounds().last { $0.cancelledAt == nil }
        // Summaries (code, title, latest status), not whole actions: a large förvaltning leads hundreds.
        let entries: [ActionSummary]
        let heading: String
        var missing = Set<String>()
        switch identity.role {
        case .reporter:
            let mine = try app.service.myActionList(department: nil, caller: identity)
            entries = mine.actions
            heading = "Våra aktiviteter"
            if let round, let period = try? Period(parsing: round.period) {
                let list = try app.service.missing(period: period, department: mine.department.department)
                missing = Set(list.missing.flatMap(\.actions))
            }
        case .owner:
            entries = try app.service.allActionSummaries()
            heading = "Aktiviteter"
        case .reader:
            throw WebError.forbidden("IT-rådet läser rapporterna under Rapporter; aktiviteterna rapporteras av förvaltningarna.")
        }
        let page = try app.page(heading, context: context, current: "/aktiviteter")
        try page.element("h1", text: heading)
        if identity.role == .reporter, let department = identity.department {
            try page.element("p", [("class", "lead")], text: "\(department) ansvarar för eller delar ansvaret för \(Swedish.count(entries.count, "aktivitet", "aktiviteter")).")
        }
        if let round {
            let count = entries.filter { missing.contains($0.code) }.count
            let text = identity.role == .reporter
                ? "Rapporteringsomgången för \(round.period) är öppen. Sista dag att rapportera: \(round.deadline)."
                    + (count == 0 ? " Ni har rapporterat för alla aktiviteter ni leder." : " \(count) av era aktiviteter saknar rapport.")
                : "Rapporteringsomgången för \(round.period) är öppen. Sista dag att rapportera: \(round.deadline)."
            try page.element("p", [("class", "notice")], text: text)
        } else {
            try page.element("p", [("class", "meta")], text: "Ingen rapporteringsomgång är öppen just nu. Du kan ändå rapportera för innevarande eller tidigare perioder.")
        }
        try page.table([("class", "report-table")], caption: heading) {
            try page.element("thead") {
                try page.element("tr") {
                    for title in ["Kod", "Aktivitet", "Senaste status", "Period", "Bedömning", "Att göra"] {
                        try page.element("th", [("scope", "col")], text: title)
                    }
                }
            }
            try page.element("tbody") {
                for entry in entries {
                    try page.element("tr") {
                        try page.element("th", [("scope", "row")]) {
                            try page.element("a", [("href", "/aktiviteter/\(entry.code)")], text: entry.code)
                        }
                        try page.element("td") {
                            try page.element("a", [("href", "/aktiviteter/\(entry.code)")], text: entry.title)
                        }
                        try page.element("td", text: entry.latest?.status.swedish ?? "Ingen rapport")
                        try page.element("td", text: entry.latest?.period ?? "–")
                        try page.element("td", text: entry.latest?.light.swedish ?? "–")
                        try page.element("td", text: missing.contains(entry.code) ? "Rapport saknas för \(round?.period ?? "")" : "")
                    }
                }
            }
        }
        return .page(try page.finish())
    }

    /// One action's page with its plan, history and report form. A förvaltning sees its own actions only,
    /// the owner every action, a reader none (403, from AgendaCore's access rule). The form is filled for
    /// `?period=P` (one of the periods offered), else for the period of a report just saved (`?sparad=P`),
    /// else for the default period — or, after signing in again, with what was typed before the session
    /// ended (``DraftStore``).
    func actionPage(_ request: Request, _ context: SignedInContext) throws -> Response {
        let (identity, session, data) = try actionData(context)
        let query = request.uri.queryParameters
        func offered(_ name: String) -> Period? {
            query.get(name).flatMap { try? Period(parsing: $0) }.flatMap { data.periods.contains($0) ? $0 : nil }
        }
        let saved = query.get("sparad").flatMap { try? Period(parsing: $0) }
        let period = offered("period") ?? saved.flatMap { data.periods.contains($0) ? $0 : nil } ?? data.periods.first
        var page = ActionPage(data: data, form: period.map { StatusForm(for: data, period: $0) } ?? StatusForm(for: data))
        page.saved = saved
        if let text = query.get("effekt"), let period = try? Period(parsing: text) {
            page.effectSaved = period
        }
        page.wholeHistory = query.get("historik") == "alla"
        let cookie = request.cookies[WebApp.draftCookie]
        let path = "/aktiviteter/\(data.action.code)"
        if let cookie, let draft = app.drafts.take(cookie.value, actions: [path, path + "/effekt"], identity: identity.name) {
            let form = Form(fields: draft.fields)
            if draft.action == path { page.form = StatusForm(posted: form) } else { page.effectForm = EffectForm(posted: form) }
            page.restored = true
            page.restoredEffect = draft.action != path
        }
        var response = Response.page(try render(page, context: context, csrf: session.csrf))
        if page.restored { response.setCookie(app.expiredDraftCookie) }
        return response
    }

    /// Files a report from the form: 303 back to the action's page (`?sparad=P`) when saved; the page again
    /// with every field as typed and the errors first and beside the fields (422, or 409 when the form was
    /// filled for another period or the period's report changed meanwhile) when not. The "Visa" button
    /// stores nothing and shows the form filled for the period chosen. Nothing is stored unless the caller
    /// may report on the action: another förvaltning's action answers 403 before the form is read.
    func postReport(_ context: SignedInContext) throws -> Response {
        let (identity, session, data) = try actionData(context)
        let action = data.action
        guard action.state != .withdrawn else {
            throw StoreError.withdrawn(code: action.code, .report)
        }
        let form = StatusForm(posted: context.form)
        if context.form[StatusForm.Field.show] != nil {
            let period = form.chosenPeriod.flatMap { data.periods.contains($0) ? $0 : nil }
            return .seeOther("/aktiviteter/\(action.code)" + (period.map { "?period=\($0)" } ?? "") + "#rapportera")
        }
        var page = ActionPage(data: data, form: form)
        switch form.parse(action: action.code) {
        case let .invalid(errors):
            page.errors = errors
            return .page(try render(page, context: context, csrf: session.csrf), status: .unprocessableContent)
        case let .report(input):
            do {
                let filing = try app.service.reportStatus(input, by: identity)
                return .seeOther("/aktiviteter/\(action.code)?sparad=\(filing.report.period)")
            } catch let refusal as StatusRefusal {
                page.errors = [FieldError(field: StatusForm.Field.period, message: Self.words(refusal))]
                if case let .changedMeanwhile(_, period, _, current) = refusal {
                    // What the person now has seen: sending again makes the correction on purpose.
                    page.form.prefilled = period.description
                    page.form.basis = String(current.number)
                }
                return .page(try render(page, context: context, csrf: session.csrf), status: .conflict)
            } catch let refusal as any Refusal where refusal.kind != .notPermitted && refusal.kind != .notSignedIn {
                if case let StoreError.invalidInput(field, problem) = refusal, [.period, .cost].contains(field) {
                    page.errors = [FieldError(field: field == .period ? StatusForm.Field.period : StatusForm.Field.cost,
                                              message: WebWords.sentence(problem.sentence(field)))]
                } else {
                    page.refusal = WebWords.message(refusal)
                }
                let status = refusal.kind == .invalidInput ? .unprocessableContent : refusal.kind.status
                return .page(try render(page, context: context, csrf: session.csrf), status: status)
            }
        }
    }

    /// The web's words for a report refused for what the form showed.
    static func words(_ refusal: StatusRefusal) -> String {
        switch refusal {
        case let .formForOtherPeriod(_, posted, filledFor):
            "Formuläret var ifyllt för \(filledFor), men du valde \(posted), som redan har en rapport. Inget har sparats. "
                + "Tryck Visa för att få formuläret ifyllt med rapporten för \(posted) och rätta den, eller välj \(filledFor) igen."
        case let .changedMeanwhile(_, period, _, current):
            "\(current.reporter) lämnade en rapport för \(period) \(current.reportedAt.swedishDisplay) medan du skrev "
                + "(\(current.status.swedish), \(current.light.swedish)); den syns i historiken. Inget av det du skrev har sparats än. "
                + "Skickar du igen ersätter din rapport den."
        }
    }

    /// Files an effect assessment from the effect form: 303 back to the action's page (`?effekt=PERIOD`) when
    /// saved; the page again with every field as typed and the errors beside them and in the summary (422)
    /// when not. The rights are those of status reports: another förvaltning's action or a reader answers
    /// 403 before the form is read, and nothing is stored.
    func postEffect(_ context: SignedInContext) throws -> Response {
        let (identity, session, data) = try actionData(context)
        let action = data.action
        guard action.state != .withdrawn else {
            throw StoreError.withdrawn(code: action.code, .assessment)
        }
        guard !action.goals.isEmpty else {
            throw StoreError.invalidInput(.goal, .noGoals(action: action.code))
        }
        let form = EffectForm(posted: context.form)
        var page = ActionPage(data: data, form: StatusForm(for: data), effectForm: form)
        switch form.parse(action: action.code, goalCount: action.goals.count) {
        case let .invalid(errors):
            page.effectErrors = errors
            return .page(try render(page, context: context, csrf: session.csrf), status: .unprocessableContent)
        case let .assessment(input):
            do {
                let assessment = try app.service.reportEffect(input, by: identity)
                return .seeOther("/aktiviteter/\(action.code)?effekt=\(assessment.period)")
            } catch let refusal as any Refusal where refusal.kind != .notPermitted && refusal.kind != .notSignedIn {
                // The effect form's fields carry the names of AgendaCore's fields.
                if case let StoreError.invalidInput(field, problem) = refusal, [.goal, .period, .value, .measuredOn].contains(field) {
                    page.effectErrors = [FieldError(field: EffectForm.Field.id(field.rawValue), message: WebWords.sentence(problem.sentence(field)))]
                } else {
                    page.effectRefusal = WebWords.message(refusal)
                }
                let status = refusal.kind == .invalidInput ? .unprocessableContent : refusal.kind.status
                return .page(try render(page, context: context, csrf: session.csrf), status: status)
            }
        }
    }

    /// The signed-in identity, its session and the action the path names, with what reporting on it needs;
    /// refused (403) for anyone who may not report on it.
    private func actionData(_ context: SignedInContext) throws -> (Identity, Session, ActionForReporting) {
        let identity = context.identity
        let session = context.current
        guard let code = context.parameters.get("code") else { throw WebError.notFound }
        return (identity, session, try app.service.actionForReporting(code: code, caller: identity))
    }

    private func render(_ content: ActionPage, context: SignedInContext, csrf: String) throws -> Data {
        let page = try app.page(
            "\(content.action.code) \(content.action.title)", context: context, current: "/aktiviteter", problem: content.problem)
        try content.render(page, csrf: csrf)
        return try page.finish()
    }
}
