@testable import AgendaCore
import Foundation
import CLibXML2
import Testing
@testable import ReportGen

/// The demo store: Mölndal's plan as `agenda demo` imports it, with its reporting history 2017Q1–2018Q4
/// (2018Q3 published, one report for it filed afterwards; IT-rådet extended 1.2 on 2018-03-14).
/// Built once; every test works on its own copy.
enum DemoStore {
    struct Built: Sendable {
        var path: String
        /// Identity name → token.
        var tokens: [String: String]
    }

    static let built: Result<Built, any Error> = Result {
        let dir = try Support.tempDirectory()
        let path = dir.appendingPathComponent("demo.sqlite").path
        let plan = try PlanImporter.parse(
            DemoPlan.data(), format: .text, labels: LabelTable.standard(), register: OrganisationRegister.standard())
        let result = try DemoHistory.build(into: try AgendaStore(path: path), agenda: plan.agenda)
        return Built(path: path, tokens: Dictionary(uniqueKeysWithValues: result.tokens.map { ($0.identity.name, $0.token) }))
    }

    /// The path of a fresh copy of the demo database.
    static func copy() throws -> String {
        let built = try built.get()
        let copy = try Support.tempDirectory().appendingPathComponent("agenda.sqlite").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: built.path + suffix) {
            try FileManager.default.copyItem(atPath: built.path + suffix, toPath: copy + suffix)
        }
        return copy
    }

    /// A fresh copy of the demo database, opened.
    static func open() throws -> AgendaStore {
        try AgendaStore(path: try copy(), access: .write)
    }

    static func identity(_ name: String, in store: AgendaStore) throws -> Identity {
        try store.authenticate(token: try #require(try built.get().tokens[name]))
    }
}

@Suite struct ReportGeneratorTests {
    static let q3 = try! Period(parsing: "2018Q3")
    static let q4 = try! Period(parsing: "2018Q4")

    static func request(_ period: Period = q4, filter: ReportFilter = .none, in directory: URL? = nil) throws -> ReportRequest {
        ReportRequest(period: period, formats: [.xhtml], directory: try directory ?? Support.tempDirectory(), filter: filter)
    }

    static func codes(_ missing: [MissingReports]) -> [[String]] { missing.map { [$0.department] + $0.actions } }
    static func codes(_ unreported: [DepartmentActions]) -> [[String]] {
        unreported.map { [$0.department ?? "-"] + $0.entries.map(\.action.code) }
    }

    // MARK: - One snapshot

    /// A report read inside `store.read` does not see another process's report filed meanwhile.
    @Test func storeReadSeesOneSnapshot() throws {
        let path = try DemoStore.copy()
        let store = try AgendaStore(path: path, access: .write)
        let other = try AgendaStore(path: path, access: .write)
        let reporter = try DemoStore.identity("Stadsbyggnadsförvaltningen", in: other)
        let request = try Self.request()
        let (before, inside) = try store.read {
            let before = try ReportGenerator.model(for: request, from: store.snapshot)
            try other.reportStatus(
                StatusInput(action: "9.2", period: Self.q4, status: .started, light: .green, comment: "Påbörjad."),
                by: reporter, at: Timestamp(CalendarDate(iso: "2019-01-10")!, hour: 9))
            return (before, try ReportGenerator.model(for: request, from: store.snapshot))
        }
        #expect(before.unreported.flatMap(\.entries).map(\.action.code).contains("9.2"))
        #expect(inside == before)
        let after = try ReportGenerator.model(for: request, from: store.snapshot)
        #expect(!after.unreported.flatMap(\.entries).map(\.action.code).contains("9.2"))
    }

    // MARK: - Organisation name

    /// The bundled templates set no name: the title page names the plan's organisation, and nothing
    /// on it (logo included) says the template's placeholder "Kommunen".
    @Test func titlePageNamesThePlansOrganisation() throws {
        let store = try DemoStore.open()
        let url = try #require(try ReportGenerator.write(try Self.request(), from: store.snapshot, templates: try TemplateSet.bundled()).first)
        let doc = try ParsedXML(try Data(contentsOf: url), name: url.lastPathComponent)
        let header = try #require(doc.first("header"))
        func child(withClass name: String) -> xmlNodePtr? {
            XMLTree.elementChildren(of: header).first { ParsedXML.attribute("class", of: $0) == name }
        }
        #expect(ParsedXML.text(of: try #require(child(withClass: "organisation"))) == "Mölndals stad")
        let logo = try #require(child(withClass: "logo"))
        #expect(ParsedXML.attribute("aria-label", of: logo) == "Mölndals stad")
        #expect(!ParsedXML.text(of: header).contains("Kommunen"), "\(ParsedXML.text(of: header))")
    }

    /// A municipality's own template that sets a name overrides the plan's.
    @Test func templateThatSetsANameOverridesThePlans() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("mall")
        try TemplateSet.export(to: dir)
        let file = dir.appendingPathComponent("organisation.tsv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\nname\t\n", with: "\nname\tGöteborgs Stad\n").write(to: file, atomically: true, encoding: .utf8)
        let templates = try TemplateSet.load(from: dir)
        let model = try ReportGenerator.model(for: try Self.request(), from: try DemoStore.open().snapshot)
        #expect(model.organisation == "Mölndals stad")
        #expect(templates.organisationName(model) == "Göteborgs Stad")
        #expect(try TemplateSet.bundled().organisationName(model) == "Mölndals stad")
        let out = try Support.tempDirectory().appendingPathComponent("r.xhtml")
        try ReportWriter.write(model, format: .xhtml, to: out, templates: templates)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("<p class=\"organisation\">Göteborgs Stad</p>"))
    }

    // MARK: - Items awaiting IT-rådet

    /// 1.2 must have a plan approved by IT-rådet; IT-rådet revised 1.2 on 2018-03-14, which settled it.
    @Test func decisionSettledByALaterRevisionLeavesThePendingList() throws {
        let store = try DemoStore.open()
        let before = try ReportGenerator.model(for: try Self.request(try Period(parsing: "2017Q4")), from: store.snapshot)
        #expect(before.decisions.map(\.entry.action.code).contains("1.2"))
        let after = try ReportGenerator.model(for: try Self.request(), from: store.snapshot)
        #expect(!after.decisions.map(\.entry.action.code).contains("1.2"))
        for item in after.decisions {
            #expect(item.entry.status.map { !$0.report.status.isFinished } ?? true, "\(item.entry.action.code) is reported finished")
        }
    }

    /// A decision that brings new text to put before IT-rådet settles nothing.
    @Test func revisionThatAddsAnApprovalKeepsTheActionPending() throws {
        let store = try DemoStore.open()
        let model = try ReportGenerator.model(for: try Self.request(), from: store.snapshot)
        let code = try #require(model.entries.first { entry in
            ReportBuilder.pendingReasons(entry.action).isEmpty && !(entry.status?.report.status.isFinished ?? false)
        }?.action.code)
        try store.reviseAction(
            code: code, decision: Decision(reference: "IT-rådet 2018-11-20 §3", date: CalendarDate(iso: "2018-11-20")),
            by: try DemoStore.identity("IT-chef", in: store), at: Timestamp(CalendarDate(iso: "2018-11-21")!, hour: 9)
        ) { $0.plan.text += "\nFörslaget ska godkännas av IT-rådet." }
        let revised = try ReportGenerator.model(for: try Self.request(), from: store.snapshot)
        #expect(revised.decisions.map(\.entry.action.code).contains(code))
    }

    // MARK: - Ej rapporterat

    /// The report's "Ej rapporterat" answers what `agenda status missing` answers, also for one förvaltning.
    @Test func unreportedIsWhatStatusMissingSays() throws {
        let store = try DemoStore.open()
        let model = try ReportGenerator.model(for: try Self.request(), from: store.snapshot)
        let missing = try store.missingReports(for: Self.q4)
        #expect(!missing.isEmpty)
        #expect(Self.codes(model.unreported) == Self.codes(missing))

        let slf = try ReportGenerator.model(for: try Self.request(filter: ReportFilter(department: "IT-avdelningen")), from: store.snapshot)
        let shown = Set(slf.entries.map(\.action.code))
        let expected = missing.map { [$0.department] + $0.actions.filter(shown.contains) }.filter { $0.count > 1 }
        #expect(Self.codes(slf.unreported) == expected)
    }

    /// A published period lists what was missing when it was published; a report filed later does
    /// not change the published report's bytes.
    @Test func publishedReportKeepsItsMissingListAndBytes() throws {
        let store = try DemoStore.open()
        let publication = try #require(try store.publication(for: Self.q3))
        let model = try ReportGenerator.model(for: try Self.request(Self.q3), from: store.snapshot)
        #expect(Self.codes(model.unreported) == Self.codes(try store.missingReports(for: Self.q3, knownAt: publication.publishedAt)))
        let still = try #require(model.unreported.first { $0.department != nil })
        let code = try #require(still.entries.first?.action.code)

        let dir = try Support.tempDirectory()
        let first = try Data(contentsOf: try #require(try ReportGenerator.write(try Self.request(Self.q3, in: dir), from: store.snapshot, templates: try TemplateSet.bundled()).first))
        try store.reportStatus(
            StatusInput(action: code, period: Self.q3, status: .started, light: .green, comment: "Sent inkommen."),
            by: try DemoStore.identity(try #require(still.department), in: store), at: Timestamp(CalendarDate(iso: "2019-02-01")!, hour: 9))
        #expect(!(try store.missingReports(for: Self.q3).flatMap(\.actions).contains(code)))
        let second = try Data(contentsOf: try #require(try ReportGenerator.write(try Self.request(Self.q3, in: dir), from: store.snapshot, templates: try TemplateSet.bundled()).first))
        #expect(first == second)
    }

    // MARK: - Department filter

    /// An enhet filters the report as `agenda list actions --department` does: IT-avdelningen, an
    /// enhet of Stadsledningsförvaltningen, has 9 actions in Mölndal's plan.
    @Test(arguments: ["IT-avdelningen", "it-avdelningen"])
    func enhetFiltersTheReportAsListActionsDoes(_ name: String) throws {
        let store = try DemoStore.open()
        let model = try ReportGenerator.model(for: try Self.request(filter: ReportFilter(department: name)), from: store.snapshot)
        let listed = try store.actions(matching: ActionFilter(department: name, asOf: Self.q4.end))
        #expect(listed.count == 9)
        #expect(model.entries.map(\.action.code) == listed.map(\.code))
    }

    @Test func departmentAliasFiltersTheReport() throws {
        let store = try DemoStore.open()
        let model = try ReportGenerator.model(for: try Self.request(filter: ReportFilter(department: "SLF")), from: store.snapshot)
        let listed = try store.actions(matching: ActionFilter(department: "Stadsledningsförvaltningen", asOf: Self.q4.end))
        #expect(!listed.isEmpty)
        #expect(model.entries.map(\.action.code) == listed.map(\.code))
    }

    /// A misspelt name is refused in one line naming the nearest known name, and nothing is written.
    @Test func misspeltDepartmentIsRefusedNamingTheNearest() throws {
        let store = try DemoStore.open()
        let dir = try Support.tempDirectory().appendingPathComponent("ut")
        var committed = false
        let error = #expect(throws: StoreError.self) {
            try ReportGenerator.write(
                try Self.request(filter: ReportFilter(department: "IT-avdelnigen"), in: dir), from: store.snapshot,
                templates: try TemplateSet.bundled(), commit: { committed = true })
        }
        #expect(error?.kind == .notFound)
        #expect(error.map { !$0.description.contains("\n") && $0.description.contains("\"IT-avdelningen\"") } == true)
        #expect(!committed)
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    // MARK: - Writing atomically

    static func names(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func outPathThatIsAFileIsRefusedBeforeAnythingIsWritten() throws {
        let parent = try Support.tempDirectory()
        let file = parent.appendingPathComponent("rapporter")
        try Data("x".utf8).write(to: file)
        var committed = false
        let request = ReportRequest(period: Self.q4, directory: file)
        #expect(throws: ReportError.output(file: file.path, reason: "det är en fil, inte en mapp")) {
            try ReportGenerator.write(request, from: try DemoStore.open().snapshot, templates: try TemplateSet.bundled(), commit: { committed = true })
        }
        #expect(!committed)
        #expect(try Self.names(in: parent) == ["rapporter"])
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    struct CommitFailed: Error {}

    @Test func failedCommitLeavesNoFile() throws {
        let dir = try Support.tempDirectory()
        let old = dir.appendingPathComponent("agenda-2018Q4.xhtml")
        try Data("earlier".utf8).write(to: old)
        let request = ReportRequest(period: Self.q4, directory: dir)
        var seen: [String] = []
        #expect(throws: CommitFailed.self) {
            try ReportGenerator.write(request, from: try DemoStore.open().snapshot, templates: try TemplateSet.bundled()) {
                seen = try Self.names(in: dir)
                throw CommitFailed()
            }
        }
        // At the commit every file was written under its temporary name; afterwards none is left.
        #expect(seen.filter { $0.hasPrefix(".agenda-2018Q4.") && $0.contains(".tmp-") }.count == ReportFormat.allCases.count)
        #expect(try Self.names(in: dir) == ["agenda-2018Q4.xhtml"])
        #expect(try Data(contentsOf: old) == Data("earlier".utf8))

        let fresh = try Support.tempDirectory().appendingPathComponent("ny")
        #expect(throws: CommitFailed.self) {
            try ReportGenerator.write(ReportRequest(period: Self.q4, directory: fresh), from: try DemoStore.open().snapshot,
                                      templates: try TemplateSet.bundled()) { throw CommitFailed() }
        }
        #expect(!FileManager.default.fileExists(atPath: fresh.path), "the folder the call created is removed again")
    }

    @Test func successfulWritePutsEveryFileInPlaceAndNoTemporaryOne() throws {
        let dir = try Support.tempDirectory().appendingPathComponent("ut")
        var commits = 0
        let written = try ReportGenerator.write(ReportRequest(period: Self.q4, directory: dir), from: try DemoStore.open().snapshot,
                                                templates: try TemplateSet.bundled()) {
            commits += 1
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("agenda-2018Q4.xhtml").path))
        }
        #expect(commits == 1)
        let expected = ReportFormat.allCases.map { ReportFile.fileName(for: Self.q4, format: $0) }
        #expect(written.map(\.lastPathComponent) == expected)
        #expect(try Self.names(in: dir) == expected.sorted())
        for url in written { #expect(try Data(contentsOf: url).count > 1000, "\(url.lastPathComponent)") }
        // A plain write over existing files replaces them the same way.
        _ = try ReportGenerator.write(ReportRequest(period: Self.q4, directory: dir), from: try DemoStore.open().snapshot, templates: try TemplateSet.bundled())
        #expect(try Self.names(in: dir) == expected.sorted())
    }

    /// Publishing writes the report inside the publishing transaction, so it reads exactly as the
    /// published report always will: regenerating the published period gives the same bytes.
    @Test func publishedFilesAreThePublishedReport() throws {
        let path = try DemoStore.copy()
        let service = try AgendaService(path: path, access: .write)
        let owner = try service.authenticate(token: try #require(try DemoStore.built.get().tokens["IT-chef"]))
        let request = ReportRequest(period: Self.q4, formats: [.xhtml, .fods], directory: try Support.tempDirectory())
        let published = try ReportGenerator.publish(request, service: service, by: owner, templates: try TemplateSet.bundled())
        #expect(try service.publication(for: Self.q4) == published.publication)
        let again = try ReportGenerator.write(
            ReportRequest(period: Self.q4, formats: [.xhtml, .fods], directory: try Support.tempDirectory()),
            service: service, templates: try TemplateSet.bundled())
        for (first, second) in zip(published.files, again) {
            #expect(try Data(contentsOf: first) == Data(contentsOf: second), "\(first.lastPathComponent)")
        }
    }
}
