import AgendaCore
import Foundation

/// The site's open data: CSV (one row per action and published period) and JSON (per action, its
/// plan and its status per published period), with the public fields only.
///
/// Both are written one action at a time to a ``TextOutput`` (a file as it is made, or memory), so a
/// national plan's open data never sits in memory whole; in memory and streamed, the bytes are the same.
extension PublicSite {
    // MARK: - CSV

    /// What a CSV row is made from: an action, its state at the period's end, the period and its status then.
    struct Row {
        var action: Action
        var state: ActionState
        var period: SiteModel.PublishedPeriod
        var entry: StatusEntry?
    }

    /// A CSV column: its Swedish name and its value for an action in a period.
    struct Column {
        var name: String
        var field: PublicSettings.Field?
        var value: (Row) -> String
    }

    var columns: [Column] {
        let areaTitles = Dictionary(model.areas.map { ($0.number, $0.title) }, uniquingKeysWith: { a, _ in a })
        let all: [Column] = [
            Column(name: "aktivitet", field: nil) { $0.action.code },
            Column(name: "insatsområde", field: nil) { String($0.action.areaNumber) },
            Column(name: "insatsområdets namn", field: nil) { areaTitles[$0.action.areaNumber] ?? "" },
            Column(name: "rubrik", field: nil) { $0.action.title },
            Column(name: "läge", field: nil) { Self.stateWord($0.state) },
            Column(name: "ansvarig", field: .plan) { self.responsible($0.action) },
            Column(name: "tidsplan", field: .plan) { $0.action.schedule.text ?? "" },
            Column(name: "kostnad enligt planen", field: .plannedCost) { $0.action.cost.text ?? "" },
            Column(name: "period", field: nil) { $0.period.period.description },
            Column(name: "publicerad", field: nil) { $0.period.publication.publishedAt.swedishDate.description },
            Column(name: "status", field: .status) { $0.entry.map { $0.report.status.swedish } ?? "" },
            Column(name: "trafikljus", field: .light) { $0.entry.map { $0.report.light.swedish } ?? "" },
            Column(name: "rapporten gäller period", field: .status) { $0.entry?.report.period ?? "" },
            Column(name: "kommentar", field: .comment) { $0.entry?.report.comment ?? "" },
            Column(name: "hinder", field: .obstacles) { $0.entry?.report.obstacles ?? "" },
            Column(name: "nästa steg", field: .nextSteps) { $0.entry?.report.nextSteps ?? "" },
            Column(name: "faktisk kostnad (kr)", field: .actualCost) { $0.entry?.report.actualCost.map(String.init) ?? "" },
            Column(name: "rapporterad av", field: .reporter) { $0.entry?.report.reporter ?? "" },
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
        let out = TextOutput()
        let columns = columns
        try writeCSVHeader(columns, to: out)
        for index in model.actions.indices {
            try writeCSVRows(columns, action: index, entries: entries(ofAction: index), to: out)
        }
        return try out.finish()
    }

    /// The byte order mark and the header row.
    func writeCSVHeader(_ columns: [Column], to out: TextOutput) throws {
        try out.write("\u{FEFF}")
        try Self.writeCSVRow(columns.map(\.name), to: out)
    }

    /// The rows of the action at `index`, one per published period it was in the plan for; `entries`
    /// are its statuses per published period (see ``entries(ofAction:)``).
    func writeCSVRows(_ columns: [Column], action index: Int, entries: [StatusEntry?], to out: TextOutput) throws {
        let action = model.actions[index]
        for (number, period) in model.periods.enumerated() {
            guard let state = period.states[index] else { continue }
            let row = Row(action: action, state: state, period: period, entry: entries[number])
            try Self.writeCSVRow(columns.map { $0.value(row) }, to: out)
        }
    }

    static func writeCSVRow(_ fields: [String], to out: TextOutput) throws {
        try out.write(fields.map(Self.csvField).joined(separator: ",") + "\r\n")
    }

    /// One field, quoted when it holds a comma, a quote or a line break. Looked for by byte: by
    /// Character (grapheme breaking) it was a quarter of writing a site. A text a spreadsheet would
    /// run as a formula is neutralised first (``neutralised(_:)``).
    static func csvField(_ value: String) -> String {
        let value = neutralised(value)
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// OWASP's advice on CSV injection: a field beginning with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return is a formula to Excel and LibreOffice (`=HYPERLINK(…)` becomes a live link), so it gets a
    /// leading apostrophe, so the spreadsheet reads it as text; the apostrophe is all that changes. A plain number ("-5", "12,5") is left alone: it is not a formula.
    static func neutralised(_ value: String) -> String {
        guard let first = value.utf8.first,
              [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13].contains(first),
              !isPlainNumber(value) else { return value }
        return "'" + value
    }

    private static func isPlainNumber(_ value: String) -> Bool {
        value.wholeMatch(of: /[-+]?[0-9]+([.,][0-9]+)?/) != nil
    }

    // MARK: - JSON

    /// The open data as JSON: what `JSONEncoder` makes of ``OpenDataJSON`` (pretty-printed, keys sorted,
    /// slashes unescaped) and a line end, written one action at a time.
    func json() throws -> Data {
        let out = TextOutput()
        let writer = try OpenDataJSONWriter(site: self, to: out)
        for index in model.actions.indices { try writer.action(index, entries: entries(ofAction: index)) }
        try writer.finish()
        return try out.finish()
    }

    /// The document without its actions.
    var openDataHead: OpenDataJSON.Head {
        OpenDataJSON.Head(
            format: OpenDataJSON.formatName, version: 1, organisation: model.organisation, titel: model.title,
            licens: settings.licence,
            perioder: model.periods.map {
                .init(period: $0.period.description, namn: $0.period.swedishLabel, borjar: $0.period.start.description,
                      slutar: $0.period.end.description, publicerad: $0.publication.publishedAt.description)
            },
            insatsomraden: model.areas.map { .init(nummer: $0.number, namn: $0.title, beskrivning: $0.description) })
    }

    /// The action at `index` with its status in each published period it was in the plan for.
    func actionJSON(_ index: Int, entries: [StatusEntry?]) -> OpenDataJSON.Aktivitet {
        let action = model.actions[index]
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
            status: model.periods.indices.filter { model.periods[$0].contains(index) }.map { number in
                let entry = entries[number]
                return .init(
                    period: model.periods[number].period.description,
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

/// Writes ``OpenDataJSON`` one action at a time with the bytes `JSONEncoder` gives for the whole
/// document. That works because of the encoder's layout: keys sorted (`aktiviteter` comes first, so
/// the actions open the document), two spaces of indentation per level, `" : "` between key and
/// value, and line breaks only between values (a line break inside a string is written `\n`). Each
/// action is encoded alone and indented to its depth (two levels: every line that is not empty gets
/// four spaces); the rest of the document is encoded alone and joined after the actions.
final class OpenDataJSONWriter {
    let site: PublicSite
    let out: TextOutput
    let encoder: JSONEncoder
    private var actions = 0
    /// Two levels of the encoder's indentation.
    static let indent: [UInt8] = Array("    ".utf8)

    init(site: PublicSite, to out: TextOutput) throws {
        self.site = site
        self.out = out
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    }

    func encode<T: Encodable>(_ value: T) throws -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            throw ReportError.output(file: PublicSite.jsonPath, reason: error.localizedDescription)
        }
    }

    /// Writes the action at `index` of the site's plan (see ``PublicSite/actionJSON(_:entries:)``).
    func action(_ index: Int, entries: [StatusEntry?]) throws {
        let data = try encode(site.actionJSON(index, entries: entries))
        try out.write(actions == 0 ? "{\n  \"aktiviteter\" : [\n" : ",\n")
        actions += 1
        var indented: [UInt8] = []
        indented.reserveCapacity(data.count + data.count / 4)
        data.withUnsafeBytes { bytes in
            var lineStart = true
            for byte in bytes {
                if lineStart && byte != 0x0A { indented.append(contentsOf: Self.indent) }
                indented.append(byte)
                lineStart = byte == 0x0A
            }
        }
        try out.write(indented)
    }

    /// Writes the rest of the document after the actions, and the final line end.
    func finish() throws {
        let head = site.openDataHead
        guard actions > 0 else {
            // No action: the encoder's own layout of an empty list.
            try out.write(try encode(OpenDataJSON(head: head, aktiviteter: [])))
            try out.write("\n")
            return
        }
        let rest = try encode(head)
        // "{\n  \"format\" : …": the rest's keys follow the actions' list inside the same object.
        try out.write("\n  ],\n")
        try out.write(rest.dropFirst(2))
        try out.write("\n")
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

    /// The document without its actions (their key sorts first: see ``OpenDataJSONWriter``).
    struct Head: Encodable {
        var format: String
        var version: Int
        var organisation, titel, licens: String
        var perioder: [Period]
        var insatsomraden: [Omrade]
    }

    var format: String
    var version: Int
    var organisation, titel, licens: String
    var perioder: [Period]
    var insatsomraden: [Omrade]
    var aktiviteter: [Aktivitet]

    init(head: Head, aktiviteter: [Aktivitet]) {
        format = head.format
        version = head.version
        organisation = head.organisation
        titel = head.titel
        licens = head.licens
        perioder = head.perioder
        insatsomraden = head.insatsomraden
        self.aktiviteter = aktiviteter
    }
}
