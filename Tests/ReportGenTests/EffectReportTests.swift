@testable import AgendaCore
import CLibXML2
import Foundation
import Testing
@testable import ReportGen

/// The period report's effect section: counts per insatsområde, the Klar-but-Ej-uppnått list, the rule for
/// the assessment in force (also in a year's report), publication, and the output's quality bar.
@Suite struct EffectReportTests {
    static func p(_ text: String) -> Period { try! Period(parsing: text) }
    static func at(_ date: String, hour: Int = 9) -> Timestamp { Timestamp(CalendarDate(iso: date)!, hour: hour) }
    static let hostile = "<script>alert(\"effekt\")</script> & <b>fet</b> ]]> \"citat\""

    static func assessment(
        _ number: Int, _ code: String, goal: Int, _ period: String, _ outcome: EffectOutcome, value: Double? = nil,
        on date: String? = nil, comment: String = "", reportedAt: String = "2018-12-20"
    ) -> EffectAssessment {
        EffectAssessment(
            number: number, action: code, goal: goal, period: period,
            content: EffectContent(outcome: outcome, value: value, measuredOn: date.flatMap(CalendarDate.init(iso:)), comment: comment),
            reporter: "IT-avdelningen", reportedAt: at(reportedAt))
    }

    /// The fixture's plan with a measure on 1.2's first goal.
    static var agenda: Agenda {
        var agenda = Fixture.agenda
        let index = agenda.actions.firstIndex { $0.code == "1.2" }!
        agenda.actions[index].goals[0].measure = EffectMeasure(
            indicator: "Andel ärenden som inkommer digitalt", unit: "%", baseline: 34, baselineDate: CalendarDate(iso: "2017-01-01"),
            target: 60, targetYear: 2019, direction: .higher)
        return agenda
    }

    /// 1.1 is Klar and its goal Ej uppnått; 1.2 is Påbörjad with goal 1 Ej uppnått and measured twice;
    /// 3.1's goal was assessed for an earlier period (carried over); 5.5's for a later one (not shown).
    static var assessments: [EffectAssessment] {
        [
            assessment(1, "1.1", goal: 1, "2018T3", .notAchieved, comment: hostile),
            assessment(2, "1.2", goal: 1, "2018T2", .tooEarly, value: 38.5, on: "2018-08-31"),
            assessment(3, "1.2", goal: 1, "2018T3", .notAchieved, value: 41, on: "2018-12-01"),
            assessment(4, "1.2", goal: 2, "2018T3", .partlyAchieved),
            assessment(5, "3.1", goal: 1, "2018T1", .achieved),
            assessment(6, "5.5", goal: 1, "2019Q1", .achieved),
        ]
    }

    static var statuses: [String: StatusEntry] {
        let on = CalendarDate(year: 2018, month: 12, day: 14)
        return [
            "1.1": StatusEntry(label: .done, reporter: "Kommunikationsenheten", reportedOn: on),
            "1.2": StatusEntry(label: .started, reporter: "IT-avdelningen", reportedOn: on),
        ]
    }

    static var model: ReportModel {
        ReportBuilder.build(
            agenda: agenda, period: p("2018T3"), statuses: statuses, generatedAt: CalendarDate(iso: "2019-01-10"),
            effectAssessments: assessments)
    }

    // MARK: - The model

    @Test func countsPerAreaAndTheKlarButEjUppnåttList() throws {
        let section = try #require(Self.model.effects)
        let goals = Fixture.agenda.actions.reduce(0) { $0 + $1.goals.count }
        #expect(section.total.total == goals)
        #expect(section.total.count(of: .outcome(.notAchieved)) == 2)
        #expect(section.total.count(of: .outcome(.partlyAchieved)) == 1)
        #expect(section.total.count(of: .outcome(.achieved)) == 1, "3.1 carried over; 5.5's 2019Q1 is after the period")
        #expect(section.total.count(of: .outcome(.tooEarly)) == 0, "1.2's T2 assessment gave way to its T3 one")
        #expect(section.total.count(of: .notAssessed) == goals - 4)

        let area1 = try #require(section.perArea.first { $0.area.number == 1 })
        #expect(area1.counts.count(of: .outcome(.notAchieved)) == 2)
        #expect(area1.counts.count(of: .outcome(.partlyAchieved)) == 1)
        #expect(area1.counts.total == 1 + 2 + 2 + 1 + 1)
        let area3 = try #require(section.perArea.first { $0.area.number == 3 })
        #expect(area3.counts.count(of: .outcome(.achieved)) == 1)
        #expect(section.perArea.map(\.area.number) == [1, 3, 5, 6], "every area with goals, in plan order")

        #expect(section.finishedNotAchieved.map { "\($0.entry.action.code)/\($0.number)" } == ["1.1/1"], "1.2 is not Klar")
        let carried = try #require(section.goals.first { $0.entry.action.code == "3.1" })
        #expect(carried.carriedOver && carried.assessment?.period == "2018T1")
        let measured = try #require(section.goals.first { $0.entry.action.code == "1.2" && $0.number == 1 })
        #expect(measured.measurements.map(\.value) == [38.5, 41])
        #expect(!measured.carriedOver)
        #expect(section.measured.count == 1)

        // A report narrowed to one insatsområde or förvaltning counts its own actions' goals only.
        let onlyArea3 = try #require(ReportBuilder.build(
            agenda: Self.agenda, period: Self.p("2018T3"), filter: ReportFilter(areaNumber: 3), statuses: Self.statuses,
            effectAssessments: Self.assessments).effects)
        #expect(onlyArea3.perArea.map(\.area.number) == [3])
        #expect(onlyArea3.total.total == 2 && onlyArea3.finishedNotAchieved.isEmpty)
        let vof = try #require(ReportBuilder.build(
            agenda: Self.agenda, period: Self.p("2018T3"), filter: ReportFilter(department: "Vård- och omsorgsförvaltningen"),
            departmentActions: ["5.1", "5.5", "5.6"], effectAssessments: Self.assessments).effects)
        #expect(vof.goals.map(\.entry.action.code) == ["5.1", "5.5", "5.6"])
    }

    /// A year's report takes the assessment for the year itself over one for a period within it, and one
    /// for a period within it over an earlier period's.
    @Test func yearReportTakesTheYearThenPeriodsWithinIt() throws {
        let year = Self.p("2018")
        var list = Self.assessments
        var section = try #require(ReportBuilder.build(agenda: Self.agenda, period: year, effectAssessments: list).effects)
        var goal = try #require(section.goals.first { $0.entry.action.code == "1.2" && $0.number == 1 })
        #expect(goal.assessment?.number == 3 && !goal.carriedOver, "T3 ends on the year's last day")

        list.append(Self.assessment(7, "1.2", goal: 1, "2018", .partlyAchieved, reportedAt: "2018-12-21"))
        list.append(Self.assessment(8, "1.2", goal: 1, "2018Q4", .achieved, reportedAt: "2018-12-22"))
        section = try #require(ReportBuilder.build(agenda: Self.agenda, period: year, effectAssessments: list).effects)
        goal = try #require(section.goals.first { $0.entry.action.code == "1.2" && $0.number == 1 })
        #expect(goal.assessment?.number == 7, "the year itself beats a later filing for its last quarter")

        // The quarter's own report shows the quarter's assessment.
        let q4 = try #require(ReportBuilder.build(agenda: Self.agenda, period: Self.p("2018Q4"), effectAssessments: list).effects)
        #expect(q4.goals.first { $0.entry.action.code == "1.2" && $0.number == 1 }?.assessment?.number == 8)
        // A quarter's report never shows a year's assessment that ends after it.
        let q3 = try #require(ReportBuilder.build(agenda: Self.agenda, period: Self.p("2018Q3"), effectAssessments: list).effects)
        let inQ3 = try #require(q3.goals.first { $0.entry.action.code == "1.2" && $0.number == 1 })
        #expect(inQ3.assessment?.number == 2, "T2 (May–August) ends before Q3 ends; T3 does not")
        #expect(!inQ3.carriedOver, "T2 ends within Q3")
    }

    @Test func noSectionWithoutEffektmål() throws {
        var agenda = Fixture.agenda
        for index in agenda.actions.indices { agenda.actions[index].goals = [] }
        let model = ReportBuilder.build(agenda: agenda, period: Fixture.period)
        #expect(model.effects == nil)
        let xhtml = try String(contentsOf: try #require(try Support.writeAll(model)[.xhtml]), encoding: .utf8)
        #expect(!xhtml.contains("id=\"effekter\""))
        #expect(Fixture.model.effects != nil, "the fixture's plan has effektmål")
    }

    // MARK: - The store

    /// Assessments filed in the demo store: the section's counts and list, and a published period's
    /// report that does not change when assessments are filed after its publication.
    @Test func reportFromTheStoreAndItsPublication() throws {
        let store = try DemoStore.open()
        let owner = try DemoStore.identity("IT-chef", in: store)
        let q4 = Self.p("2018Q4"), q3 = Self.p("2018Q3")
        let request = ReportRequest(period: q4, formats: [.xhtml], directory: try Support.tempDirectory())
        let before = try ReportGenerator.model(for: request, from: store.snapshot)
        let beforeSection = try #require(before.effects)
        // Actions whose first goal has no assessment yet (the demo may carry some).
        let fresh = Set(beforeSection.goals.filter { $0.number == 1 && $0.assessment == nil }.map(\.entry.action.code))
        let finished = try #require(before.entries.first { $0.category == .done && fresh.contains($0.action.code) })
        let ongoing = try #require(before.entries.first { $0.category != .done && fresh.contains($0.action.code) })
        let q3Request = ReportRequest(period: q3, formats: [.xhtml], directory: try Support.tempDirectory())
        let q3Before = try ReportGenerator.model(for: q3Request, from: store.snapshot)
        #expect(try store.publication(for: q3) != nil, "the demo publishes 2018Q3")

        func file(_ code: String, _ period: Period, _ outcome: EffectOutcome, comment: String = "") throws {
            try store.reportEffect(
                EffectInput(action: code, goalNumber: 1, period: period, content: EffectContent(outcome: outcome, comment: comment)),
                by: owner, at: Self.at("2019-01-12"))
        }
        try file(finished.action.code, q4, .notAchieved, comment: Self.hostile)
        try file(ongoing.action.code, q4, .notAchieved)
        try file(ongoing.action.code, q3, .achieved)

        let after = try ReportGenerator.model(for: request, from: store.snapshot)
        let section = try #require(after.effects)
        #expect(section.total.count(of: .outcome(.notAchieved)) == beforeSection.total.count(of: .outcome(.notAchieved)) + 2)
        #expect(section.total.count(of: .outcome(.achieved)) == beforeSection.total.count(of: .outcome(.achieved)),
                "the Q3 assessment gave way to Q4's")
        #expect(section.total.count(of: .notAssessed) == beforeSection.total.count(of: .notAssessed) - 2)
        let listed = section.finishedNotAchieved.filter { $0.entry.action.code == finished.action.code }
        #expect(listed.map(\.number) == [1])
        #expect(listed.first?.assessment?.comment == Self.hostile)
        #expect(!section.finishedNotAchieved.contains { $0.entry.action.code == ongoing.action.code })

        let q3After = try ReportGenerator.model(for: q3Request, from: store.snapshot)
        #expect(q3After == q3Before, "2018Q3 is published: assessments filed later do not show in it")

        // The yearly report is the same section for the year.
        let year = try ReportGenerator.model(
            for: ReportRequest(period: Self.p("2018"), formats: [.xhtml], directory: try Support.tempDirectory()), from: store.snapshot)
        for code in [finished.action.code, ongoing.action.code] {
            #expect(year.effects?.goals.first { $0.entry.action.code == code && $0.number == 1 }?.category == .outcome(.notAchieved))
        }
    }

    // MARK: - The output

    @Test func everyFormatIsValidDeterministicAndKeepsHostileTextLiteral() throws {
        let first = try Support.writeAll(Self.model)
        // $EFFECT_REPORT_OUT: a copy of the files for scripts/check-reports and a look at the charts.
        if let out = ProcessInfo.processInfo.environment["EFFECT_REPORT_OUT"], !out.isEmpty {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for url in first.values {
                let target = URL(fileURLWithPath: out).appendingPathComponent(url.lastPathComponent)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: url, to: target)
            }
        }
        let second = try Support.writeAll(Self.model)
        for format in ReportFormat.allCases where format != .odt && format != .ods {
            #expect(try Data(contentsOf: first[format]!) == Data(contentsOf: second[format]!), "\(format)")
        }
        for format in [ReportFormat.odt, .ods] {
            let a = try Support.entries(of: first[format]!).map(\.data), b = try Support.entries(of: second[format]!).map(\.data)
            #expect(a == b, "\(format)")
        }

        let schemaDir = Support.schemaDirectory
        let schema = schemaDir.appendingPathComponent("OpenDocument-v1.3-schema.rng")
        let manifestSchema = schemaDir.appendingPathComponent("OpenDocument-v1.3-manifest-schema.rng")
        for (name, data) in try ReportOutputTests.documents(first) where !name.hasSuffix(".xhtml") {
            let errors = try Support.relaxNGErrors(data, name: name, schema: name.hasSuffix("manifest.xml") ? manifestSchema : schema)
            #expect(errors.isEmpty, "\(name): \(errors.prefix(5).joined(separator: "; "))")
        }

        let xhtml = try Data(contentsOf: first[.xhtml]!)
        let doc = try ParsedXML(xhtml, name: "xhtml")
        #expect(doc.count(localName: "script") == 0)
        #expect(doc.text.contains(Self.hostile), "the comment is text, shown as typed")
        #expect(doc.count(localName: "svg") == 3, "logo, status chart, one effect chart")
        #expect(doc.count(localName: "table") == doc.count(localName: "caption"))
        let text = String(decoding: xhtml, as: UTF8.self)
        #expect(text.contains("id=\"effekter\""))
        #expect(text.contains("href=\"#effekter\""))
        #expect(text.contains("Klara aktiviteter vars effekter inte uppnåtts"))
        #expect(text.contains("41\u{00A0}%"))
        #expect(text.contains("38,5\u{00A0}%"))
        #expect(text.contains("Bedömningarna gäller"))

        let content = try #require(try Support.entries(of: first[.odt]!).first { $0.entry.path == "content.xml" }?.data)
        let odt = try ParsedXML(content, name: "content.xml")
        #expect(odt.text.contains(Self.hostile))
        #expect(odt.count(localName: "frame") == 3, "logo, status chart, one effect chart")
        let sheet = try #require(try Support.entries(of: first[.ods]!).first { $0.entry.path == "content.xml" }?.data)
        let ods = try ParsedXML(sheet, name: "content.xml")
        #expect(ods.count(localName: "table") == 2, "the actions' sheet and the effect sheet")
        #expect(ods.text.contains(Self.hostile))
        #expect(String(decoding: sheet, as: UTF8.self).contains("office:value=\"41.0\""))
    }
}
