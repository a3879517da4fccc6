@testable import AgendaCore
import AgendaTemplates
import Foundation
import Testing
@testable import ReportGen

/// Hand-made assessments for the LIKA report, built in code.
enum LikaFixture {
    static let hostile = "<script>alert(1)</script> & \"citat\" 'apostrof' \u{0001}slut"
    static let hostileClean = "<script>alert(1)</script> & \"citat\" 'apostrof' slut"
    static let areas = IndicatorSet.likaAreas

    static func answer(_ code: String, _ answer: MaturityAnswer, comment: String = "", step: Int? = 1) -> LikaAnswer {
        let area = areas.first { code.hasPrefix($0.code) }!
        return LikaAnswer(code: code, area: area, indicator: "Indikator \(code)", answer: answer, step: step, comment: comment)
    }

    /// Ledning: Uppfyllt, Uppfyllt, Nästan där, Ej relevant → (4+4+3)/3 = 11/12 → 92 (grön).
    /// Infrastruktur: Påbörjad, Nästan där → 5/8 → 63 (gul). Kompetens: Ej planerad, Planerad → 1/8 → 13 (röd).
    /// Användning: Påbörjad, Påbörjad → 50 (gul, the lower threshold itself).
    static let current = LikaAssessment(name: "Äldreomsorg", date: CalendarDate(year: 2025, month: 3, day: 1), answers: [
        answer("L1", .fulfilled), answer("L2", .fulfilled), answer("L3", .almostThere, comment: hostile), answer("L4", .notRelevant),
        answer("I1", .started), answer("I2", .almostThere), answer("K1", .notPlanned), answer("K2", .planned),
        answer("A1", .started), answer("A2", .started),
    ])
    static let previous = LikaAssessment(name: "Äldreomsorg", date: CalendarDate(year: 2024, month: 3, day: 1), answers: [
        answer("L1", .started), answer("L2", .fulfilled), answer("L3", .almostThere), answer("L4", .notRelevant),
        answer("I1", .started), answer("I2", .started), answer("K1", .notPlanned), answer("K2", .notPlanned),
        answer("A1", .started), answer("A2", .planned),
    ])
    static let ifo = LikaAssessment(name: "IFO", date: CalendarDate(year: 2025, month: 2, day: 1), answers: [
        answer("L1", .planned), answer("I1", .fulfilled), answer("K1", .almostThere), answer("A1", .notPlanned),
    ])

    static var summary: LikaReportModel {
        LikaReportModel(
            kind: .summary, organisation: "Mölndals stad", setName: "LIKA Socialtjänst", areas: areas, assessments: [current],
            comparisons: [previous, ifo], previous: previous, units: [current, ifo],
            linkedActions: ["L3": [LikaLinkedAction(code: "1.5", title: "Fria surfzoner \(hostile)", status: .started, light: .yellow, period: "2025Q1")],
                            "K1": [LikaLinkedAction(code: "3.2", title: "Utbildning")]],
            baseName: "lika-aldreomsorg-2025-03-01")
    }

    static func comparison(anonymise: Bool) throws -> LikaReportModel {
        LikaReportGenerator.comparison([current, ifo], anonymise: anonymise, templates: try TemplateSet.load(from: nil))
    }

    /// Writes `model` in every format into a fresh folder.
    static func writeAll(_ model: LikaReportModel) throws -> [ReportFormat: URL] {
        let dir = try Support.tempDirectory()
        let files = try LikaReportGenerator.write(model, to: dir, templates: try TemplateSet.load(from: nil))
        return Dictionary(uniqueKeysWithValues: files.map { url in (ReportFormat.allCases.first { $0.fileExtension == url.pathExtension }!, url) })
    }
}

@Suite struct LikaReportTests {
    @Test func indexIsTheMeanStepScaledTo100WithoutEjRelevant() {
        #expect(LikaIndex.index([.fulfilled, .fulfilled, .almostThere, .notRelevant]) == 92)
        #expect(LikaIndex.index([.started, .almostThere]) == 63)  // 62,5 rounds half up
        #expect(LikaIndex.index([.notPlanned, .planned]) == 13)  // 12,5
        #expect(LikaIndex.index([.notPlanned]) == 0)
        #expect(LikaIndex.index([.fulfilled]) == 100)
        #expect(LikaIndex.index([.notRelevant]) == nil)
        #expect(LikaIndex.index([]) == nil)
        let figures = LikaFixture.current.figures(LikaFixture.areas)
        #expect(figures.map(\.index) == [92, 63, 13, 50])
        #expect(figures[0].count(.fulfilled) == 2 && figures[0].count(.notRelevant) == 1 && figures[0].count(.started) == 0)
    }

    @Test func matrixColoursFollowTheThresholdsTemplate() throws {
        let templates = try TemplateSet.load(from: nil)
        #expect(templates.likaThresholds == LikaThresholds(green: 75, yellow: 50))
        let tones = LikaFixture.current.figures(LikaFixture.areas).map { templates.likaThresholds.tone($0.index) }
        #expect(tones == [.green, .yellow, .red, .yellow])
        #expect(LikaThresholds().tone(74) == .yellow && LikaThresholds().tone(75) == .green && LikaThresholds().tone(49) == .red)
        #expect(LikaThresholds().tone(nil) == nil)
        // The XHTML matrix row of the unit carries the classes and names the colour in words.
        let xhtml = String(decoding: try Data(contentsOf: try LikaFixture.writeAll(LikaFixture.summary)[.xhtml]!), as: UTF8.self)
        #expect(xhtml.contains(##"<td class="num tone tone-green" style="background-color: #cfead6">92 grön</td><td class="num tone tone-yellow" style="background-color: #fbecb8">63 gul</td><td class="num tone tone-red" style="background-color: #f6d0cd">13 röd</td><td class="num tone tone-yellow" style="background-color: #fbecb8">50 gul</td>"##))
        // The ODF text gives the same cells a background.
        let fodt = String(decoding: try Data(contentsOf: try LikaFixture.writeAll(LikaFixture.summary)[.fodt]!), as: UTF8.self)
        #expect(fodt.contains(#"<table:table-cell table:style-name="Ton_green"><text:p text:style-name="Table_20_Number">92 grön</text:p>"#))
        #expect(fodt.contains(#"style:name="Ton_red""#) && fodt.contains(##"fo:background-color="#f6d0cd""##))
    }

    @Test func thresholdsFromAnEditedTemplateFolder() throws {
        let dir = try Support.tempDirectory()
        try TemplateSet.export(to: dir)
        try Data("green\t90\nyellow\t10\n".utf8).write(to: dir.appendingPathComponent("lika-thresholds.tsv"))
        #expect(try TemplateSet.load(from: dir).likaThresholds == LikaThresholds(green: 90, yellow: 10))
        try Data("green\t40\nyellow\t60\n".utf8).write(to: dir.appendingPathComponent("lika-thresholds.tsv"))
        #expect(throws: ReportError.self) { try TemplateSet.load(from: dir) }
        // An older folder without the file gets the built-in thresholds.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("lika-thresholds.tsv"))
        #expect(try TemplateSet.load(from: dir).likaThresholds == LikaThresholds(green: 75, yellow: 50))
    }

    @Test(arguments: [false, true])
    func everyFormatIsWellFormedAndODFValid(_ comparison: Bool) throws {
        let model = comparison ? try LikaFixture.comparison(anonymise: false) : LikaFixture.summary
        let files = try LikaFixture.writeAll(model)
        #expect(files.count == 5)
        let documents = try ReportOutputTests.documents(files)
        #expect(documents.count == 3 + 2 * 5)
        let schema = Support.schemaDirectory.appendingPathComponent("OpenDocument-v1.3-schema.rng")
        let manifestSchema = Support.schemaDirectory.appendingPathComponent("OpenDocument-v1.3-manifest-schema.rng")
        for (name, data) in documents {
            #expect(throws: Never.self, "\(name)") { _ = try ParsedXML(data, name: name) }
            guard !name.hasSuffix(".xhtml") else { continue }
            let errors = try Support.relaxNGErrors(data, name: name, schema: name.hasSuffix("manifest.xml") ? manifestSchema : schema)
            #expect(errors.isEmpty, "\(name): \(errors.prefix(5).joined(separator: "; "))")
        }
        let xhtml = try ParsedXML(try Data(contentsOf: files[.xhtml]!), name: "xhtml")
        #expect(xhtml.count(localName: "h1") == 1)
        #expect(xhtml.count(localName: "table") == xhtml.count(localName: "caption"))
        // Four rings, and one polygon per assessment on the radar.
        #expect(xhtml.count(localName: "polygon") == 4 + (comparison ? 2 : 3))
    }

    @Test func sameModelGivesByteIdenticalFiles() throws {
        for model in [LikaFixture.summary, try LikaFixture.comparison(anonymise: true)] {
            let first = try LikaFixture.writeAll(model), second = try LikaFixture.writeAll(model)
            for format in ReportFormat.allCases {
                #expect(try Data(contentsOf: first[format]!) == Data(contentsOf: second[format]!), "\(format)")
            }
        }
    }

    @Test func hostileCommentAndTitleShowLiterally() throws {
        let documents = try ReportOutputTests.documents(try LikaFixture.writeAll(LikaFixture.summary))
        for (name, data) in documents where name.hasSuffix(".xhtml") || name.hasSuffix(".fodt") || name.hasSuffix(".fods") || name.hasSuffix("content.xml") {
            let doc = try ParsedXML(data, name: name)
            #expect(doc.text.contains(LikaFixture.hostileClean), "\(name)")
            #expect(doc.count(localName: "script") == 0, "\(name)")
            #expect(!String(decoding: data, as: UTF8.self).contains("\u{0001}"), "\(name)")
        }
    }

    @Test func summaryShowsChangesAndTheLoopToActions() throws {
        let text = try ParsedXML(try Data(contentsOf: try LikaFixture.writeAll(LikaFixture.summary)[.xhtml]!), name: "xhtml").text
        #expect(text.contains("Ej planerad = 0, Planerad = 1, Påbörjad = 2, Nästan där = 3, Uppfyllt = 4"))
        // L1 Påbörjad → Uppfyllt, I2, K2, A2 changed; L2 did not.
        #expect(text.contains("Indikatorer med ändrat svar sedan 2024-03-01 (4)"))
        // Five below Uppfyllt (L3, I1, I2, K1, K2, A1, A2 = 7), two with an action.
        #expect(text.contains("7 indikatorer ligger under Uppfyllt: 2 med minst en kopplad aktivitet i handlingsplanen, 5 utan."))
        #expect(text.contains("1.5 Fria surfzoner"))
        #expect(text.contains("Påbörjad, ") && text.contains("(2025Q1)"))
        #expect(text.contains("3.2 Utbildning: ingen status rapporterad"))
        #expect(text.contains("Ingen kopplad aktivitet"))
        // The radar overlays the unit, its earlier assessment and IFO.
        #expect(text.contains("Äldreomsorg 2025-03-01, Äldreomsorg 2024-03-01, IFO 2025-02-01"))
    }

    /// The summary's answers per area have the six counts and the index; the compared assessments'
    /// index is a table of its own, each column at least as wide as the longest word of its name,
    /// so three comparisons beside six counts do not squeeze headings into broken words.
    @Test func comparedIndexIsATableOfItsOwnWithColumnsForWholeWords() throws {
        var model = LikaFixture.summary
        let longName = LikaAssessment(name: "Funktionshinderområde", date: CalendarDate(year: 2025, month: 1, day: 15), answers: LikaFixture.ifo.answers)
        model.comparisons.append(longName)
        var tables: [ReportTable] = []
        try LikaLayout(model: model, templates: try TemplateSet.load(from: nil)).walk { block in
            if case .table(let table) = block { tables.append(table) }
        }
        #expect(tables[0].header == ["Område", "Ej planerad", "Planerad", "Påbörjad", "Nästan där", "Uppfyllt", "Ej relevant", "Index"])
        #expect(tables[0].rows.allSatisfy { $0.count == 8 })
        let compared = tables[1]
        #expect(compared.caption == "Mognadsindex per område, Äldreomsorg 2025-03-01 och jämförelserna")
        #expect(compared.header == ["Område", "Äldreomsorg 2025-03-01", "Äldreomsorg 2024-03-01", "IFO 2025-02-01", "Funktionshinderområde 2025-01-15"])
        #expect(compared.rows.map { $0[1].paragraphs } == [["92 grön"], ["63 gul"], ["13 röd"], ["50 gul"], ["58 gul"]])
        // 17 cm shared by the weights: the long name's column has room for its 21 letters.
        let width = { (column: Int) in 17.0 * Double(compared.widths[column]) / Double(compared.widths.reduce(0, +)) }
        #expect(width(4) > 4.0, "\(compared.widths)")
        #expect(compared.widths[4] > compared.widths[1] && compared.widths[1] >= 12)
        // Without comparisons there is no second table before the radar.
        var alone: [ReportBlock] = []
        model.comparisons = []
        try LikaLayout(model: model, templates: try TemplateSet.load(from: nil)).walk { alone.append($0) }
        let beforeRadar = alone.prefix { if case .radar = $0 { false } else { true } }
        #expect(beforeRadar.filter { if case .table = $0 { true } else { false } }.count == 1)
    }

    /// No row of an ODF text table is split across two pages: a tinted row would leave an empty
    /// tinted band at the top of the next page.
    @Test func odfTextRowsAreKeptTogether() throws {
        let files = try LikaFixture.writeAll(LikaFixture.summary)
        let fodt = String(decoding: try Data(contentsOf: files[.fodt]!), as: UTF8.self)
        #expect(fodt.contains(#"<style:style style:name="Tabellrad" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>"#))
        let rows = fodt.components(separatedBy: "<table:table-row").count - 1
        #expect(rows > 20)
        #expect(fodt.components(separatedBy: #"<table:table-row table:style-name="Tabellrad">"#).count - 1 == rows)
    }

    @Test func spreadsheetHasOneRowPerUnitAndIndicatorAndTheAreaFigures() throws {
        let layout = LikaLayout(model: LikaFixture.summary, templates: try TemplateSet.load(from: nil))
        let sheets = LikaSheetWriter(layout: layout).sheets
        #expect(sheets.map(\.name) == ["Svar", "Områden"])
        // Äldreomsorg now (10), its earlier assessment (10) and IFO (4), each once.
        #expect(sheets[0].rows.count == 24)
        #expect(sheets[0].columns.map(\.header) == ["Verksamhet", "Datum", "Område", "Kod", "Indikator", "Svar", "Nivå 0–4", "Steg", "Kommentar", "Aktiviteter"])
        #expect(sheets[1].rows.count == 3 * 4)
    }

    @Test func comparisonAnonymisesInTheGivenOrderAndDropsComments() throws {
        let model = try LikaFixture.comparison(anonymise: true)
        #expect(model.assessments.map(\.name) == ["Kommun A", "Kommun B"])
        #expect(model.assessments.allSatisfy { $0.answers.allSatisfy(\.comment.isEmpty) })
        let text = try ParsedXML(try Data(contentsOf: try LikaFixture.writeAll(model)[.xhtml]!), name: "xhtml").text
        #expect(!text.contains("Äldreomsorg") && !text.contains("IFO"))
        #expect(text.contains("Namnen är anonymiserade"))
        #expect(LikaReportGenerator.anonymousLetter(26) == "AA")
    }

    @Test func comparisonReadsALikaExportAndAnAgendaJSONExport() throws {
        let dir = try Support.tempDirectory()
        let tsv = dir.appendingPathComponent("harryda.tsv")
        try Data("Kod\tOmråde\tIndikator\tSvar\tAktivitetsförslag\tKommentar\nSteg 1\nL1\tLedning\tMål finns.\tUppfyllt\t\tBra\nI1\tInfrastruktur\tNät.\tPlanerad\t\t\n".utf8).write(to: tsv)
        let fromFile = try LikaReportGenerator.read(file: tsv, answers: .builtIn)
        #expect(fromFile.map(\.name) == ["harryda"])
        #expect(fromFile[0].answers.map(\.answer) == [.fulfilled, .planned])
        #expect(fromFile[0].figures(LikaFixture.areas).map(\.index) == [100, 25, nil, nil])
        #expect(try LikaReportGenerator.read(file: tsv, name: "Härryda", answers: .builtIn)[0].name == "Härryda")

        let store = try DemoStore.open()
        let owner = try DemoStore.identity("IT-chef", in: store)
        try store.recordAssessment(AssessmentInput(unit: "Hemtjänst", date: CalendarDate(year: 2018, month: 9, day: 1), answers: [
            .init(code: "L1", answer: .started), .init(code: "K1", answer: .planned),
        ]), by: owner, at: Timestamp(CalendarDate(year: 2018, month: 9, day: 2)))
        try store.recordAssessment(AssessmentInput(unit: "Hemtjänst", date: CalendarDate(year: 2018, month: 9, day: 1), answers: [
            .init(code: "L1", answer: .fulfilled),
        ]), by: owner, at: Timestamp(CalendarDate(year: 2018, month: 9, day: 3)))
        let json = dir.appendingPathComponent("molndal.json")
        try AgendaJSON.encode(try store.exportDocument()).write(to: json)
        let fromJSON = try LikaReportGenerator.read(file: json, answers: .builtIn)
        // Each unit's latest assessment, answers in force (a correction replaces the answer it corrects).
        #expect(fromJSON.map(\.label) == (DemoLika.units.map { "Mölndals stad – \($0) 2018-03-01" } + ["Mölndals stad – Hemtjänst 2018-09-01"]))
        #expect(fromJSON[3].answers.map { "\($0.code) \($0.answer.rawValue)" } == ["L1 fulfilled", "K1 planned"])
        #expect(fromJSON[1].answers.first { $0.code == "L4" }?.answer == .almostThere)
        #expect(fromJSON[0].answers.count == 41)
        // Anonymised: one letter per municipality, its verksamheter keep their names.
        let anonymised = LikaReportGenerator.comparison(fromFile + fromJSON, anonymise: true, templates: try TemplateSet.load(from: nil))
        #expect(anonymised.assessments.map(\.name) == ["Kommun A"] + (DemoLika.units + ["Hemtjänst"]).map { "Kommun B – \($0)" })
    }

    @Test func summaryFromTheStoreAndThePeriodReportsLikaSection() throws {
        // The demo store has three verksamheter assessed 2017-03-01 and 2018-03-01; two more units here.
        let store = try DemoStore.open()
        let owner = try DemoStore.identity("IT-chef", in: store)
        let templates = try TemplateSet.load(from: nil)
        func record(_ unit: String, _ day: Int, _ answers: [AssessmentInput.Item]) throws {
            try store.recordAssessment(AssessmentInput(unit: unit, date: CalendarDate(year: 2018, month: 10, day: day), answers: answers),
                                       by: owner, at: Timestamp(CalendarDate(year: 2018, month: 10, day: day), hour: 12))
        }
        try record("Hemtjänst", 1, [.init(code: "L1", answer: .started), .init(code: "L2", answer: .fulfilled), .init(code: "I1", answer: .planned)])
        try record("Hemtjänst", 20, [.init(code: "L1", answer: .almostThere), .init(code: "L2", answer: .fulfilled), .init(code: "I1", answer: .planned)])
        try record("Bistånd", 5, [.init(code: "L1", answer: .fulfilled)])
        try store.linkIndicators(action: "1.5", set: IndicatorSet.likaSocialtjanstKey, codes: ["L1"], decision: Decision(reference: "KS §1", date: CalendarDate(year: 2018, month: 10, day: 21)),
                                 by: owner, at: Timestamp(CalendarDate(year: 2018, month: 10, day: 21)))

        let model = try LikaReportGenerator.summary(unit: "hemtjänst", compare: [LikaComparand("2018-10-01"), LikaComparand("Bistånd")], from: store.snapshot, templates: templates)
        #expect(model.assessments.map(\.label) == ["Hemtjänst 2018-10-20"])
        #expect(model.previous?.date == CalendarDate(year: 2018, month: 10, day: 1))
        #expect(model.comparisons.map(\.label) == ["Hemtjänst 2018-10-01", "Bistånd 2018-10-05"])
        #expect(model.units.map(\.name) == DemoLika.units + ["Hemtjänst", "Bistånd"])
        #expect(model.linkedActions["L1"]?.map(\.code) == ["1.5"])
        #expect(model.linkedActions["I1"] == [])
        #expect(model.baseName == "lika-hemtjanst-2018-10-20")
        #expect(throws: StoreError.self) { try LikaReportGenerator.summary(unit: "Hemtjänst", compare: [LikaComparand("2017-01-01")], from: store.snapshot, templates: templates) }
        #expect(throws: StoreError.self) { try LikaReportGenerator.summary(unit: "Ingen sådan", from: store.snapshot, templates: templates) }

        // The period report: 2018Q4 lists every unit's latest assessment by 2018-12-31.
        let q4 = try ReportGenerator.model(for: ReportRequest(period: try Period(parsing: "2018Q4"), directory: Support.tempDirectory()), from: store.snapshot)
        #expect(q4.lika.map(\.unit) == DemoLika.units + ["Hemtjänst", "Bistånd"])
        let hemtjanst = try #require(q4.lika.first { $0.unit == "Hemtjänst" })
        #expect(hemtjanst.date == CalendarDate(year: 2018, month: 10, day: 20))
        #expect(hemtjanst.figures.map(\.index) == [88, 25])
        #expect(hemtjanst.belowTop == 2 && hemtjanst.withAction == 1)
        let text = try ParsedXML(try ReportWriter.data(q4, format: .xhtml, templates: templates), name: "q4").text
        #expect(text.contains("Självskattningar (LIKA)"))
        let odt = try ReportWriter.data(q4, format: .fodt, templates: templates)
        let errors = try Support.relaxNGErrors(odt, name: "q4.fodt", schema: Support.schemaDirectory.appendingPathComponent("OpenDocument-v1.3-schema.rng"))
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        // 2018Q3 (published before these) shows the demo's 2018-03-01 assessments only; a link decided
        // after a period's end does not count in it.
        let q3 = try ReportGenerator.model(for: ReportRequest(period: try Period(parsing: "2018Q3"), directory: Support.tempDirectory()), from: store.snapshot)
        #expect(q3.lika.map(\.unit) == DemoLika.units)
        #expect(q3.lika.allSatisfy { $0.date == CalendarDate(year: 2018, month: 3, day: 1) })
        #expect(try LikaUnitStatus.read(asOf: CalendarDate(year: 2017, month: 2, day: 28), knownAt: nil, from: store.snapshot).isEmpty)
        // Without assessments there is no section.
        #expect(!String(decoding: try ReportWriter.data(Fixture.model, format: .xhtml, templates: templates), as: UTF8.self).contains("Självskattningar (LIKA)"))
    }

    @Test func demoUnitsSummaryHasTheLoopToLinkedActions() throws {
        let store = try DemoStore.open()
        let templates = try TemplateSet.load(from: nil)
        let model = try LikaReportGenerator.summary(unit: "Äldreomsorg", from: store.snapshot, templates: templates)
        #expect(model.assessments.first?.date == CalendarDate(year: 2018, month: 3, day: 1))
        #expect(model.previous?.date == CalendarDate(year: 2017, month: 3, day: 1))
        // 5.7 is linked to L3 in the demo.
        if model.assessments[0].belowTop.contains(where: { $0.code == "L3" }) {
            #expect(model.linkedActions["L3"]?.map(\.code).contains("5.7") == true)
        }
        let files = try LikaFixture.writeAll(model)
        for (name, data) in try ReportOutputTests.documents(files) where !name.hasSuffix(".xhtml") {
            let schema = Support.schemaDirectory.appendingPathComponent(name.hasSuffix("manifest.xml") ? "OpenDocument-v1.3-manifest-schema.rng" : "OpenDocument-v1.3-schema.rng")
            let errors = try Support.relaxNGErrors(data, name: name, schema: schema)
            #expect(errors.isEmpty, "\(name): \(errors.prefix(3))")
        }
    }

    /// A plan of an older edition (AgendaCoreTests' Fixtures/lika-plan/handlingsplan-lika-socialtjanst-2016.txt)
    /// and a later self-assessment in the shipped edition: the summary compares them only on the indicators
    /// of the same code and text (K5 of Äldreomsorg's three), and says so.
    @Test func acrossEditionsTheSummaryComparesOnlyMatchingIndicatorsAndSaysSo() throws {
        let plan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AgendaCoreTests/Fixtures/lika-plan/handlingsplan-lika-socialtjanst-2016.txt")
        let path = try Support.tempDirectory().appendingPathComponent("agenda.sqlite").path
        let outcome = try AgendaService.importNew(try PlanSource.read(try Data(contentsOf: plan), filename: "plan.txt"), at: path)
        let service = try AgendaService(path: path, access: .write)
        let owner = try #require(outcome.issuedOwner).identity
        let shipped = IndicatorSet.likaSocialtjanst
        try service.recordAssessment(AssessmentInput(unit: "Äldreomsorg", date: CalendarDate(year: 2018, month: 3, day: 1), answers: [
            .init(code: "L4", indicator: try #require(shipped.indicator("L4")).text, answer: .almostThere),
            .init(code: "K5", indicator: try #require(shipped.indicator("K5")).text, answer: .fulfilled),
            .init(code: "A3", answer: .started),
        ]), by: owner)
        let templates = try TemplateSet.load(from: nil)
        let model = try service.read { try LikaReportGenerator.summary(unit: "Äldreomsorg", compare: [LikaComparand("IFO")], from: $0, templates: templates) }
        #expect(model.setName == "LIKA Socialtjänst")
        let previous = try #require(model.previous)
        #expect(previous.date == CalendarDate(year: 2017, month: 1, day: 1))
        #expect(previous.answers.map(\.code) == ["K5"], "L4 was reworded and A9 is unknown to the shipped edition")
        #expect(previous.edition == LikaEdition(setName: "LIKA Socialtjänst (planens utgåva)", matched: 1, answered: 3))
        // IFO's plan answers: A6 agrees with the shipped edition, A1 was reworded; the main assessment has neither.
        #expect(model.comparisons.map(\.answers.count) == [0])
        let text = try ParsedXML(try LikaFixture.writeAll(model)[.xhtml].map { try Data(contentsOf: $0) } ?? Data(), name: "xhtml").text
        #expect(text.contains("Självskattningen Äldreomsorg 2017-01-01 är gjord mot en annan utgåva av indikatorerna, LIKA Socialtjänst (planens utgåva), än den här (LIKA Socialtjänst). Den jämförs bara på de indikatorer som har samma kod och lydelse i båda utgåvorna: 1 av den här självskattningens 3."))
        // The changes since then: K5 alone, Nästan där → Uppfyllt.
        #expect(text.contains("Indikatorer med ändrat svar sedan 2017-01-01 (1)"))

        // The plan's own edition reports on its own, in every format, valid.
        let ifo = try service.read { try LikaReportGenerator.summary(unit: "IFO", from: $0, templates: templates) }
        #expect(ifo.setName == "LIKA Socialtjänst (planens utgåva)" && ifo.previous == nil)
        for (name, data) in try ReportOutputTests.documents(try LikaFixture.writeAll(ifo)) {
            #expect(throws: Never.self, "\(name)") { _ = try ParsedXML(data, name: name) }
            guard !name.hasSuffix(".xhtml") else { continue }
            let schema = Support.schemaDirectory.appendingPathComponent(name.hasSuffix("manifest.xml") ? "OpenDocument-v1.3-manifest-schema.rng" : "OpenDocument-v1.3-schema.rng")
            #expect(try Support.relaxNGErrors(data, name: name, schema: schema).isEmpty, "\(name)")
        }
    }

    /// An export of another edition (AgendaCoreTests' Fixtures/lika-export/lika-socialtjanst-annan-utgava.tsv:
    /// K3 reworded, A10 unknown to the shipped edition) imported after an assessment of the shipped edition:
    /// the summary reports on the export's own edition and compares the earlier assessment only on L1, L12,
    /// I3 and A5, the indicators of the same code and text.
    @Test func anExportOfAnotherEditionIsComparedOnlyOnMatchingIndicators() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AgendaCoreTests/Fixtures/lika-export/lika-socialtjanst-annan-utgava.tsv")
        let path = try Support.tempDirectory().appendingPathComponent("agenda.sqlite").path
        let plan = try #require(EmbeddedFiles.sample["molndal-digital-agenda-2017-2019.txt"])
        let owner = try #require(try AgendaService.importNew(try PlanSource.read(plan, filename: "plan.txt"), at: path).issuedOwner).identity
        let service = try AgendaService(path: path, access: .write)
        let shipped = try #require(EmbeddedFiles.sample.text(IndicatorSet.likaSocialtjanstFile))
        try service.importAssessment(
            try LikaExportReader.read(shipped, source: "sample", answers: .builtIn), unit: "Äldreomsorg",
            date: CalendarDate(year: 2017, month: 3, day: 1), by: owner)
        let imported = try service.importAssessment(
            try LikaExportReader.read(try String(contentsOf: fixture, encoding: .utf8), source: "export.tsv", answers: .builtIn),
            unit: "Äldreomsorg", date: CalendarDate(year: 2018, month: 3, day: 1), by: owner)
        #expect(imported.warnings.count == 1)

        let templates = try TemplateSet.load(from: nil)
        let model = try service.read { try LikaReportGenerator.summary(unit: "Äldreomsorg", from: $0, templates: templates) }
        #expect(model.setName == "LIKA Socialtjänst (exportens utgåva)")
        #expect(model.assessments.first?.answers.map(\.code) == ["L1", "L12", "I3", "K3", "A5", "A10"])
        let previous = try #require(model.previous)
        #expect(Set(previous.answers.map(\.code)) == ["L1", "L12", "I3", "A5"], "K3 was reworded and A10 is unknown to the shipped edition")
        #expect(previous.edition == LikaEdition(setName: "LIKA Socialtjänst", matched: 4, answered: 41))
        let text = try ParsedXML(try LikaFixture.writeAll(model)[.xhtml].map { try Data(contentsOf: $0) } ?? Data(), name: "xhtml").text
        #expect(text.contains("Självskattningen Äldreomsorg 2017-03-01 är gjord mot en annan utgåva av indikatorerna, LIKA Socialtjänst, än den här (LIKA Socialtjänst (exportens utgåva)). Den jämförs bara på de indikatorer som har samma kod och lydelse i båda utgåvorna: 4 av den här självskattningens 6."))
        // Påbörjad throughout in 2017: L1, L12 and A5 changed; I3 did not, K3 and A10 are not compared.
        #expect(text.contains("Indikatorer med ändrat svar sedan 2017-03-01 (3)"))
    }
}
