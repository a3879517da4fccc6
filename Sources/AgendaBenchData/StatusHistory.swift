import AgendaCore
import Crypto

/// A quarterly status history for a synthetic agenda: every action reported by its lead förvaltning
/// every quarter of the plan's years, the status following its tidsplan (planned before it starts,
/// started and almost done while it runs, done, dormant, cancelled or late after), with traffic
/// lights, Swedish comments, obstacles, next steps and actual costs; a few reports corrected; a
/// reporting round per quarter; every quarter but the last published.
///
/// Identities get tokens from the seeded generator (hashed the way the store hashes them, SHA-256
/// hex), so the whole database is deterministic and bench/run can report with a known token.
struct StatusHistory {
    var firstYear: Int
    var years: Int
    var seed: UInt64

    struct Output {
        var document: AgendaDocument
        var ownerToken: String
        /// Per förvaltning, its reporter's token.
        var reporterTokens: [String: String]
    }

    static let comments: [ProgressStatus: [String]] = [
        .notStarted: ["Arbetet har ännu inte påbörjats.", "Väntar på beslut om resurser innan start."],
        .planned: ["Planeringen pågår och en projektplan tas fram.", "Uppstart planerad till nästa kvartal enligt tidsplanen."],
        .started: [
            "Arbetet pågår enligt plan. Kartläggningen av nuläget är genomförd och åtgärdsförslag tas fram.",
            "Förstudien är klar och upphandlingen har påbörjats i samverkan med regionen.",
            "Pilotverksamhet i två enheter pågår; erfarenheterna sammanställs inför breddinförande.",
            "Utbildningsinsatser för medarbetare har genomförts under kvartalet.",
        ],
        .almostDone: ["Införandet är i stort sett klart; återstår uppföljning och överlämning till förvaltning.",
                      "Slutrapport skrivs och presenteras för centrala IT-rådet nästa kvartal."],
        .done: ["Åtgärden är genomförd och överlämnad till ordinarie verksamhet.", "Klar enligt plan."],
        .dormant: ["Arbetet är vilande i väntan på nationella riktlinjer."],
        .cancelled: ["Åtgärden avbröts efter beslut i centrala IT-rådet; behovet tillgodoses på annat sätt."],
    ]
    static let obstacles = [
        "Brist på resurser hos IT-avdelningen under semesterperioden.", "Leverantörens leverans är försenad.",
        "Oklart ansvar mellan förvaltningarna för förvaltning av lösningen.", "Juridiska frågor kring personuppgifter utreds.",
    ]
    static let nextSteps = [
        "Ta fram beslutsunderlag till centrala IT-rådet.", "Genomföra användartester med medborgare.",
        "Slutföra upphandlingen och teckna avtal.", "Utvärdera piloten och besluta om fortsättning.",
    ]

    func build(plan: AgendaDocument) throws -> Output {
        var rng = SeededGenerator(seed: seed &+ 1)
        var document = plan
        let created = Timestamp(CalendarDate(year: firstYear - 1, month: 12, day: 19), hour: 9)
        func token() -> String {
            "agenda_" + (0..<4).map { _ in String(rng.next(), radix: 16).leftPadded(to: 16) }.joined()
        }
        func hash(_ token: String) -> String {
            SHA256.hash(data: Array(token.utf8)).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
        let ownerToken = token()
        var identities = [AgendaDocument.IdentityRecord(
            name: "IT-chef", role: .owner, department: nil, createdAt: created, revokedAt: nil, tokenHash: hash(ownerToken))]
        var reporterTokens: [String: String] = [:]
        for department in plan.departments {
            let secret = token()
            reporterTokens[department.name] = secret
            identities.append(AgendaDocument.IdentityRecord(
                name: department.name, role: .reporter, department: department.name, createdAt: created.adding(seconds: 3600),
                revokedAt: nil, tokenHash: hash(secret)))
        }
        document.identities = identities

        var quarters = [try Period(kind: .quarter, year: firstYear, index: 1)]
        while quarters.count < years * 4 { quarters.append(quarters.last!.next) }

        let actions = plan.actions.map(\.current.action)
        // Each action's fate after its tidsplan ends, drawn once.
        let fates: [ProgressStatus] = actions.map { _ in
            switch rng.int(0...99) {
            case 0..<84: .done
            case 84..<90: .started
            case 90..<95: .dormant
            default: .cancelled
            }
        }
        var reports: [StatusReport] = []
        reports.reserveCapacity(actions.count * quarters.count * 101 / 100)
        var rounds: [ReportingRound] = []
        var publications: [Publication] = []
        for (q, period) in quarters.enumerated() {
            let opened = Timestamp(period.end, hour: 8).adding(seconds: 86_400)
            rounds.append(ReportingRound(
                period: period.description, deadline: CalendarDate(year: period.next.start.year, month: period.next.start.month, day: 15),
                openedBy: "IT-chef", openedAt: opened))
            let first = Timestamp(period.end, hour: 8).adding(seconds: 3 * 86_400)
            var corrections: [StatusReport] = []
            for (index, action) in actions.enumerated() where action.state != .withdrawn {
                let reporter = action.responsibility.lead?.department ?? "IT-chef"
                let (status, light) = progress(of: action, fate: fates[index], in: period, rng: &rng)
                let planned = action.cost.parts.reduce(0) { $0 + $1.amount * max(1, $1.kind == .recurring ? $1.years.count : 1) }
                let spent = planned > 0 && rng.chance(0.6) ? planned * min(q + 1, 12) / 12 / 1000 * 1000 : nil
                let at = first.adding(seconds: Int64(index) * 10 * 86_400 / Int64(max(actions.count, 1)))
                let report = StatusReport(
                    number: 0, action: action.code, period: period.description, content: StatusContent(status: status, light: light,
                    comment: rng.pick(Self.comments[status]!), obstacles: light == .green ? "" : rng.pick(Self.obstacles),
                    nextSteps: status == .done || status == .cancelled ? "" : rng.pick(Self.nextSteps), actualCost: spent),
                    reporter: reporter, reportedAt: at)
                reports.append(report)
                reports[reports.count - 1].number = reports.count
                if rng.chance(0.01) {
                    var correction = report
                    correction.supersedes = reports.count
                    correction.comment += " Rättelse: kostnaden var felaktigt angiven."
                    corrections.append(correction)
                }
            }
            let late = first.adding(seconds: 11 * 86_400)
            for (offset, correction) in corrections.enumerated() {
                var correction = correction
                correction.reportedAt = late.adding(seconds: Int64(offset) * 60)
                correction.number = reports.count + 1
                reports.append(correction)
            }
            if q < quarters.count - 1 {
                publications.append(Publication(
                    period: period.description, publishedAt: Timestamp(period.end, hour: 12).adding(seconds: 30 * 86_400),
                    publishedBy: "IT-chef"))
            }
        }
        document.statusReports = reports
        document.rounds = rounds
        document.publications = publications
        return Output(document: document, ownerToken: ownerToken, reporterTokens: reporterTokens)
    }

    /// The status and light an action reports for `period`, following its tidsplan.
    private func progress(
        of action: Action, fate: ProgressStatus, in period: Period, rng: inout SeededGenerator
    ) -> (ProgressStatus, TrafficLight) {
        let start = action.schedule.startYear ?? firstYear
        let end = max(action.schedule.endYear ?? start + 1, start)
        if period.end.year < start { return (rng.chance(0.3) ? .notStarted : .planned, .green) }
        if period.start.year > end {
            if fate == .started, period.start.year <= end + 1 { return (.started, .red) }
            return (fate == .started ? .done : fate, .green)
        }
        let quartersIn = (end - start + 1) * 4
        let elapsed = (period.year - start) * 4 + period.index
        let status: ProgressStatus = elapsed * 4 > quartersIn * 3 ? .almostDone : .started
        let light: TrafficLight = switch rng.int(0...99) {
        case 0..<80: .green
        case 80..<95: .yellow
        default: .red
        }
        return (status, light)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
