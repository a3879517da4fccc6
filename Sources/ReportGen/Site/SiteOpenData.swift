import AgendaCore
import Foundation

/// The site's open data: CSV (one row per action and published period) and JSON (per action, its
/// plan and its status per published period), with the public fields only.
extension PublicSite {
    // MARK: - CSV

    /// A CSV column: its Swedish name and its value for an action in a period.
    struct Column {
        var name: String
        var field: PublicSettings.Field?
        var value: (Action, SiteModel.PublishedPeriod, StatusEntry?) -> String
    }

    var columns: [Column] {
        let areaTitles = Dictionary(model.areas.map { ($0.number, $0.title) }, uniquingKeysWith: { a, _ in a })
        let all: [Column] = [
            Column(name: "aktivitet", field: nil) { a, _, _ in a.code },
            Column(name: "insatsområde", field: nil) { a, _, _ in String(a.areaNumber) },
            Column(name: "insatsområdets namn", field: nil) { a, _, _ in areaTitles[a.areaNumber] ?? "" },
            Column(name: "rubrik", field: nil) { a, _, _ in a.title },
            Column(name: "läge", field: nil) { a, p, _ in Self.stateWord(p.states[a.code] ?? a.state) },
            Column(name: "ansvarig", field: .plan) { a, _, _ in self.responsible(a) },
            Column(name: "tidsplan", field: .plan) { a, _, _ in a.schedule.text ?? "" },
            Column(name: "kostnad enligt planen", field: .plannedCost) { a, _, _ in a.cost.text ?? "" },
            Column(name: "period", field: nil) { _, p, _ in p.period.description },
            Column(name: "publicerad", field: nil) { _, p, _ in p.publication.publishedAt.swedishDate.description },
            Column(name: "status", field: .status) { _, _, e in e.map { $0.report.status.swedish } ?? "" },
            Column(name: "trafikljus", field: .light) { _, _, e in e.map { $0.report.light.swedish } ?? "" },
            Column(name: "rapporten gäller period", field: .status) { _, _, e in e?.report.period ?? "" },
            Column(name: "kommentar", field: .comment) { _, _, e in e?.report.comment ?? "" },
            Column(name: "hinder", field: .obstacles) { _, _, e in e?.report.obstacles ?? "" },
            Column(name: "nästa steg", field: .nextSteps) { _, _, e in e?.report.nextSteps ?? "" },
            Column(name: "faktisk kostnad (kr)", field: .actualCost) { _, _, e in e?.report.actualCost.map(String.init) ?? "" },
            Column(name: "rapporterad av", field: .reporter) { _, _, e in e?.report.reporter ?? "" },
        ]
        return all.filter { $0.field.map(settings.shows) ?? true }
    }

    static func stateWord(_ state: ActionState) -> String {
        switch state {
        case .active: "aktiv"
        case .closed: "avslutad"
        case .withdrawn: "struken"
        }
    }

    /// RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted,
    /// quotes doubled; UTF-8 with a byte order mark, so that Excel reads å, ä and ö right.
    func csv() throws -> Data {
        let columns = columns
        var out = "\u{FEFF}"
        func row(_ fields: [String]) {
            out += fields.map(Self.csvField).joined(separator: ",")
            out += "\r\n"
        }
        row(columns.map(\.name))
        let actions = Dictionary(model.actions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for action in model.actions {
            for period in model.periods where period.members.contains(action.code) {
                let entry = period.statuses[action.code]
                row(columns.map { $0.value(actions[action.code] ?? action, period, entry) })
            }
        }
        return Data(out.utf8)
    }

    /// One field, quoted when it holds a comma, a quote or a line break. Looked for by byte: by
    /// Character (grapheme breaking) it was a quarter of writing a site.
    static func csvField(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - JSON

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(openData)
            data.append(0x0A)
            return data
        } catch {
            throw ReportError.output(file: Self.jsonPath, reason: error.localizedDescription)
        }
    }

    var openData: OpenDataJSON {
        OpenDataJSON(
            format: OpenDataJSON.formatName, version: 1, organisation: model.organisation, titel: model.title,
            licens: settings.licence,
            perioder: model.periods.map {
                .init(period: $0.period.description, namn: $0.period.swedishLabel, borjar: $0.period.start.description,
                      slutar: $0.period.end.description, publicerad: $0.publication.publishedAt.description)
            },
            insatsomraden: model.areas.map { .init(nummer: $0.number, namn: $0.title, beskrivning: $0.description) },
            aktiviteter: model.actions.map(actionJSON))
    }

    func actionJSON(_ action: Action) -> OpenDataJSON.Aktivitet {
        let plan = settings.shows(.plan)
        return OpenDataJSON.Aktivitet(
            kod: action.code, insatsomrade: action.areaNumber, delomrade: action.subAreaCode, rubrik: action.title,
            lage: Self.stateWord(action.state),
            aterkalladGenom: action.state == .withdrawn ? model.withdrawnBy[action.code].map {
                .init(referens: $0.reference, datum: $0.date?.description, anteckning: $0.note)
            } : nil,
            ansvarig: plan ? responsible(action) : nil, tidsplan: plan ? action.schedule.text ?? "" : nil,
            bakgrund: plan ? action.background : nil, plan: plan ? action.plan.text : nil,
            steg: plan ? action.plan.steps.map(\.text) : nil, effektmal: plan ? action.effectGoals : nil,
            kostnad: settings.shows(.plannedCost) ? action.cost.text ?? "" : nil,
            status: model.periods.filter { $0.members.contains(action.code) }.map { period in
                let entry = period.statuses[action.code]
                return .init(
                    period: period.period.description,
                    status: settings.shows(.status) ? entry.map { $0.report.status.swedish } : nil,
                    trafikljus: settings.shows(.light) ? entry.map { $0.report.light.swedish } : nil,
                    rapportenGallerPeriod: settings.shows(.status) ? entry?.report.period : nil,
                    kommentar: settings.shows(.comment) ? entry?.report.comment : nil,
                    hinder: settings.shows(.obstacles) ? entry?.report.obstacles : nil,
                    nastaSteg: settings.shows(.nextSteps) ? entry?.report.nextSteps : nil,
                    faktiskKostnad: settings.shows(.actualCost) ? entry?.report.actualCost : nil,
                    rapporteradAv: settings.shows(.reporter) ? entry?.report.reporter : nil)
            })
    }
}

/// The JSON open data document (`oppna-data/aktiviteter.json`, schema in docs/open-data.schema.json).
/// A field that is not public is left out, never written empty.
struct OpenDataJSON: Encodable {
    static let formatName = "agenda-oppna-data"

    struct Period: Encodable {
        var period, namn, borjar, slutar, publicerad: String
    }
    struct Omrade: Encodable {
        var nummer: Int
        var namn, beskrivning: String
    }
    struct Beslut: Encodable {
        var referens, datum, anteckning: String?
    }
    struct Status: Encodable {
        var period: String
        var status, trafikljus, rapportenGallerPeriod, kommentar, hinder, nastaSteg: String?
        var faktiskKostnad: Int?
        var rapporteradAv: String?
    }
    struct Aktivitet: Encodable {
        var kod: String
        var insatsomrade: Int
        var delomrade: String?
        var rubrik, lage: String
        var aterkalladGenom: Beslut?
        var ansvarig, tidsplan, bakgrund, plan: String?
        var steg, effektmal: [String]?
        var kostnad: String?
        var status: [Status]
    }

    var format: String
    var version: Int
    var organisation, titel, licens: String
    var perioder: [Period]
    var insatsomraden: [Omrade]
    var aktiviteter: [Aktivitet]
}
