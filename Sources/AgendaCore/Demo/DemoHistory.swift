/// A plausible reporting history for the demo: Mölndal's förvaltningar report quarterly from 2017Q1
/// through 2018Q4. Statuses progress along each action's tidsplan; some reports are late or missing,
/// one is corrected, a few carry actual costs; IT-rådet extends 1.2's tidsplan; 2018Q3 is published
/// and one report for it arrives afterwards. Effektmål get measures and assessments (``effects``).
/// Vård- och omsorgsförvaltningen's verksamheter assess themselves against LIKA twice, with actions
/// linked to the indicators (``DemoLika``). Deterministic: fixed moments, no randomness (only the
/// tokens are random).
public enum DemoHistory {
    /// The identities the demo creates, with their tokens (sample data: printed by `agenda demo`).
    public struct Result: Sendable {
        public var tokens: [IssuedToken]
    }

    /// The first quarter reported and the number of quarters.
    static let quarters: [Period] = {
        var result = [try! Period(parsing: "2017Q1")]
        while result.count < 8 { result.append(result.last!.next) }
        return result
    }()

    /// Creates the owner, imports `agenda`, adds a reporter per förvaltning and a reader, and records the history.
    static func build(into store: AgendaStore, agenda: Agenda) throws -> Result {
        let owner = try store.createOwner(name: "IT-chef", at: moment("2016-12-19", 9))
        try store.importAgenda(agenda, by: owner.identity, at: moment("2016-12-19", 9, 5))
        var tokens = [owner]
        var reporters: [String: Identity] = [:]
        for (offset, department) in agenda.departments.enumerated() {
            let issued = try store.addIdentity(
                name: department.name, role: .reporter, department: department.name, by: owner.identity,
                at: moment("2017-01-09", 10, offset))
            reporters[department.name] = issued.identity
            tokens.append(issued)
        }
        tokens.append(try store.addIdentity(name: "IT-rådet", role: .reader, by: owner.identity, at: moment("2017-01-09", 11)))

        var events: [(Timestamp, () throws -> Void)] = []
        for period in quarters {
            let opened = Timestamp(period.end, hour: 8).adding(seconds: 86_400)
            let deadline = CalendarDate(
                year: period.next.start.year, month: period.next.start.month, day: 15)
            events.append((opened, { try store.openRound(period: period, deadline: deadline, by: owner.identity, at: opened) }))
        }
        events.append((moment("2018-03-15", 9), {
            try store.reviseAction(
                code: "1.2", decision: Decision(reference: "IT-rådet 2018-03-14 §5", date: CalendarDate(iso: "2018-03-14")),
                by: owner.identity, at: moment("2018-03-15", 9)
            ) {
                $0.schedule = ScheduleParser.parse("2017-2020")
                $0.cost = CostParser.parse($0.cost.text, schedule: $0.schedule)
            }
        }))
        events.append((moment("2018-10-25", 12), {
            try store.publish(period: try Period(parsing: "2018Q3"), by: owner.identity, at: moment("2018-10-25", 12))
        }))
        for (position, action) in agenda.actions.enumerated() {
            guard let lead = action.responsibility.lead, let reporter = reporters[lead.department] else { continue }
            for report in script(for: action) {
                let at = filed(report.period, position: position, late: report.late)
                events.append((at, { try store.reportStatus(report.input, by: reporter, at: at) }))
                if let correction = report.correction {
                    let later = at.adding(seconds: 26 * 3600)
                    events.append((later, { try store.reportStatus(correction, by: reporter, at: later) }))
                }
            }
        }
        events += effectEvents(store: store, agenda: agenda, owner: owner.identity, reporters: reporters)
        events += DemoLika.events(store: store, owner: owner.identity, reporter: reporters[DemoLika.department])
        for (_, event) in events.enumerated().sorted(by: { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }).map(\.element) {
            try event()
        }
        return Result(tokens: tokens)
    }

    static func moment(_ date: String, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        Timestamp(CalendarDate(iso: date)!, hour: hour, minute: minute)
    }

    /// When a report for `period` is filed: within two weeks after the quarter, spread over the days; late ones after the deadline.
    static func filed(_ period: Period, position: Int, late: Bool) -> Timestamp {
        let day = Timestamp(period.end, hour: 8).adding(seconds: Int64(86_400 * (3 + position % 9)))
        return day.adding(seconds: Int64(3600 * (position % 7) + 60 * (position * 7 % 60)) + (late ? 86_400 * 21 : 0))
    }

    struct ScriptedReport {
        var period: Period
        var input: StatusInput
        var late = false
        var correction: StatusInput?
    }

    /// Reports that a förvaltning leaves out (they appear in `agenda status missing`).
    static let skipped: Set<String> = ["1.8 2017Q3", "2.3b 2018Q4", "9.2 2018Q4", "5.3 2018Q4", "5.4 2018Q4", "8.2 2018Q2"]
    /// Reports filed after the round's deadline (9.2 for 2018Q3 also after that period was published).
    static let late: Set<String> = ["9.2 2018Q3", "5.1 2017Q4", "6.2 2018Q1"]

    /// The quarterly reports on one action, following its tidsplan.
    static func script(for action: Action) -> [ScriptedReport] {
        let start = action.schedule.startYear ?? 2017
        let end = max(action.schedule.endYear ?? 2019, start)
        let firstQuarter = (start - 2017) * 4
        let total = (end - start + 1) * 4
        var result: [ScriptedReport] = []
        for (index, period) in quarters.enumerated() {
            let key = "\(action.code) \(period)"
            if skipped.contains(key) { continue }
            var status: ProgressStatus
            if index < firstQuarter {
                status = firstQuarter - index <= 2 ? .planned : .notStarted
            } else {
                let done = Double(index - firstQuarter + 1) / Double(total)
                status = done >= 1 ? .done : done >= 0.75 ? .almostDone : .started
            }
            if let special = specials[key] { status = special.status }
            let light = specials[key]?.light ?? .green
            let input = StatusInput(
                action: action.code, period: period, status: status, light: light,
                comment: specials[key]?.comment ?? comment(status, action: action, period: period),
                obstacles: specials[key]?.obstacles ?? "", nextSteps: status == .done ? "" : nextSteps(status, period: period),
                actualCost: costs[key])
            var report = ScriptedReport(period: period, input: input, late: late.contains(key))
            if let correction = corrections[key] {
                report.correction = StatusInput(
                    action: action.code, period: period, status: correction.status, light: correction.light,
                    comment: correction.comment, obstacles: correction.obstacles, nextSteps: input.content.nextSteps, actualCost: input.content.actualCost)
            }
            result.append(report)
            if status == .done || status == .cancelled { break }
        }
        return result
    }

    struct Special {
        var status: ProgressStatus
        var light: TrafficLight
        var comment: String
        var obstacles: String = ""
    }

    static let specials: [String: Special] = [
        "1.2 2017Q4": Special(
            status: .started, light: .yellow, comment: "Fem e-tjänster är i drift, men införandet av e-tjänsteplattformen tar längre tid än planerat.",
            obstacles: "Integrationen mot ärendehanteringssystemet är försenad hos leverantören."),
        "1.2 2018Q1": Special(
            status: .started, light: .yellow, comment: "IT-rådet har förlängt tidsplanen till 2020 (IT-rådet 2018-03-14 §5).",
            obstacles: "Förvaltningarna behöver mer stöd för att ta fram nya e-tjänster."),
        "1.3 2017Q3": Special(
            status: .dormant, light: .yellow, comment: "Arbetet är vilande i väntan på beslut om gemensam app-plattform.",
            obstacles: "Beslut om plattform saknas."),
        "3.2 2018Q1": Special(
            status: .started, light: .red, comment: "Registerförteckningen är inte komplett inför 25 maj.",
            obstacles: "Flera förvaltningar har inte inventerat sina personuppgiftsbehandlingar; dataskyddsombud ej utsett."),
        "3.2 2018Q2": Special(
            status: .started, light: .yellow, comment: "Registerförteckningen är nästan klar; dataskyddsombud rekryteras.",
            obstacles: "Rekryteringen av dataskyddsombud drar ut på tiden."),
        "5.5 2018Q2": Special(
            status: .started, light: .red, comment: "Pilotenheten i hemtjänsten har stoppats efter larm om felaktig dosering.",
            obstacles: "Leverantören har dragit tillbaka dispensern för felsökning."),
        "5.6 2017Q2": Special(
            status: .cancelled, light: .red, comment: "Upphandlingen avbröts; inget anbud uppfyllde kraven. Behovet tas upp i 5.3 Mobilitet.",
            obstacles: "Inga godtagbara anbud."),
        "6.2 2018Q3": Special(
            status: .started, light: .yellow, comment: "Årskurs 7–9 har egna datorer; årskurs 4–6 försenas till vårterminen.",
            obstacles: "Leveransförsening av datorer från ramavtalsleverantören."),
        "8.2 2018Q3": Special(
            status: .started, light: .yellow, comment: "Skanningen av byggnadslovsarkivet går långsammare än beräknat.",
            obstacles: "Personalbrist på stadsarkivet under sommaren."),
    ]

    /// Reports corrected the day after (a new report that supersedes the first).
    static let corrections: [String: Special] = [
        "3.2 2018Q2": Special(
            status: .almostDone, light: .green,
            comment: "Rättelse: registerförteckningen blev klar 24 maj och dataskyddsombud är utsett; återstår utbildning av chefer."),
    ]

    static let costs: [String: Int] = [
        "1.5 2018Q2": 280_000, "1.7 2017Q4": 1_150_000, "5.5 2018Q2": 190_000, "6.2 2018Q3": 2_400_000, "1.2 2018Q4": 1_900_000,
    ]

    static func comment(_ status: ProgressStatus, action: Action, period: Period) -> String {
        switch status {
        case .notStarted: "Arbetet med \(action.title.lowercased()) startar enligt tidsplanen \(action.schedule.startYear.map(String.init) ?? "senare")."
        case .planned: "Förstudie och projektplan för \(action.title.lowercased()) är klara; start nästa kvartal."
        case .started: "Arbetet pågår enligt plan under \(period.swedishLabel)."
        case .almostDone: "Huvuddelen är genomförd; återstår driftsättning och utvärdering."
        case .done: "Åtgärden är genomförd och överlämnad till ordinarie verksamhet."
        case .dormant: "Arbetet är vilande."
        case .cancelled: "Åtgärden är avbruten."
        }
    }

    static func nextSteps(_ status: ProgressStatus, period: Period) -> String {
        switch status {
        case .notStarted, .planned: "Tillsätta projektgrupp och ta fram tidplan."
        case .started: "Fortsatt genomförande under \(period.next.swedishLabel)."
        case .almostDone: "Driftsättning och utvärdering under \(period.next.swedishLabel)."
        case .done, .dormant, .cancelled: ""
        }
    }
}
