import Foundation
import Testing
@testable import AgendaCore

@Suite struct JSONTests {
    typealias F = StoreFixtures

    @Test func exportImportExportIsByteIdentical() throws {
        let first = try AgendaJSON.encode(try F.storeWithHistory().exportDocument())
        let copy = try F.newStore()
        try copy.importDocument(try AgendaJSON.decode(first))
        let second = try AgendaJSON.encode(try copy.exportDocument())
        #expect(first == second)
        #expect(first.last == UInt8(ascii: "\n"))
    }

    @Test func importedDocumentRecreatesEveryRevisionAndVersion() throws {
        let original = try F.storeWithHistory()
        let copy = try F.newStore()
        try copy.importDocument(try original.exportDocument())
        #expect(try copy.revisions() == original.revisions())
        for code in ["1.1", "1.2", "1.3", "2"] {
            #expect(try copy.history(code: code) == original.history(code: code))
        }
        #expect(try copy.agenda(asOf: F.date("2018-03-13")) == F.agenda)
        #expect(try copy.agenda() == original.agenda())
    }

    @Test func exportShowsTheCurrentVersionWithItsHistory() throws {
        let document = try F.storeWithHistory().exportDocument()
        #expect(document.format == "agenda")
        #expect(document.formatVersion == 2)
        #expect(document.actions.map(\.current.action.code) == ["1.1", "1.2", "1.3", "2"])
        let withdrawn = document.actions[1]
        #expect(withdrawn.current.revision == 3)
        #expect(withdrawn.current.action.state == .withdrawn)
        #expect(withdrawn.history.map(\.revision) == [1])
        #expect(document.actions[2].history.isEmpty)
        #expect(document.agenda == (try F.storeWithHistory().agenda()))
    }

    @Test func jsonStartsWithTheActionsAndKeepsFractionsExact() throws {
        let data = try AgendaJSON.encode(try F.storeWithHistory().exportDocument())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"actions\" : [\n    {\n      \"current\" : {"))
        #expect(text.contains("\"fullTimeEquivalent\" : 0.3,"))
        #expect(text.contains("\"formatVersion\" : 2"))
        let decoded = try AgendaJSON.decode(data)
        #expect(decoded.actions[0].history[0].action.cost.staff[0].fullTimeEquivalent == 0.3)
    }

    @Test func importDocumentIsRefusedWhenAnAgendaExists() throws {
        let store = try F.storeWithHistory()
        let document = try store.exportDocument()
        #expect(throws: StoreError.self) { try store.importDocument(document) }
        #expect(try store.exportDocument() == document)
    }

    @Test func inconsistentDocumentIsRefusedAndWritesNothing() throws {
        var document = try F.storeWithHistory().exportDocument()
        document.revisions.removeLast()
        let store = try F.newStore()
        #expect(throws: ImportError.invalidJSON("actions[2]: version från revision 4, som saknas i dokumentet")) {
            try store.importDocument(document)
        }
        #expect(try !store.hasAgenda())
    }

    @Test func wrongFormatNameIsRefused() throws {
        let data = Data(#"{"format": "something", "formatVersion": 1}"#.utf8)
        #expect(throws: ImportError.invalidJSON("format är \"something\", väntade \"agenda\"")) { try AgendaJSON.decode(data) }
    }

    @Test func newerFormatVersionIsRefused() throws {
        let data = Data(#"{"format": "agenda", "formatVersion": 3, "whatever": "changed"}"#.utf8)
        #expect(throws: ImportError.unsupportedFormatVersion(3)) { try AgendaJSON.decode(data) }
    }

    @Test(arguments: [
        ("", "inte JSON"),
        ("{\"format\": \"agenda\"", "inte JSON"),
        ("[1, 2]", "vid översta nivån: väntade"),
        ("{\"formatVersion\": 1}", "vid format: saknas"),
    ])
    func malformedJSONIsReported(input: String, expected: String) throws {
        do {
            _ = try AgendaJSON.decode(Data(input.utf8))
            Issue.record("decoded \(input)")
        } catch let ImportError.invalidJSON(detail) {
            #expect(detail.hasPrefix(expected), "\(detail)")
        }
    }

    @Test func decodingErrorsNameThePathInTheDocument() throws {
        let valid = try AgendaJSON.encode(try F.storeWithHistory().exportDocument())
        var object = try #require(try JSONSerialization.jsonObject(with: valid) as? [String: Any])
        var actions = try #require(object["actions"] as? [[String: Any]])
        var current = try #require(actions[0]["current"] as? [String: Any])
        var action = try #require(current["action"] as? [String: Any])
        action["areaNumber"] = "ett"
        current["action"] = action
        actions[0]["current"] = current
        object["actions"] = actions
        let broken = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: ImportError.invalidJSON("vid actions[0].current.action.areaNumber: väntade ett tal")) {
            try AgendaJSON.decode(broken)
        }
    }

    @Test func absentAndNullOptionalFieldsMeanTheSame() throws {
        let minimal = """
            {"format": "agenda", "formatVersion": 1,
             "agenda": {"title": "Plan", "organisation": "Stad", "description": "", "owner": null},
             "areas": [{"number": 1, "title": "Område", "description": ""}], "subAreas": [], "departments": [],
             "revisions": [{"number": 1, "date": null}],
             "actions": [{"current": {"revision": 1, "action": {
                "code": "1", "areaNumber": 1, "title": "Åtgärd", "background": "",
                "plan": {"text": "", "steps": []},
                "responsibility": {"text": "", "coResponsible": [], "notes": [], "unsure": []},
                "schedule": {"phases": [], "terms": []},
                "cost": {"parts": [], "withinExistingBudget": false, "decisionPending": false, "externalFunding": [], "staff": []},
                "effectGoals": [], "otherFields": [], "state": "active"}}, "history": []}]}
            """
        let document = try AgendaJSON.decode(Data(minimal.utf8))
        #expect(document.metadata.owner == nil)
        #expect(document.revisions == [Revision(number: 1, date: nil)])
        let store = try F.newStore()
        try store.importDocument(document)
        var exported = try store.exportDocument()
        #expect(exported.identities.map(\.name) == ["IT-chef"], "the importing owner")
        exported.identities = []
        var expected = document
        expected.formatVersion = AgendaDocument.currentFormatVersion
        #expect(exported == expected, "a format 1 document is read and written again as the current format")
    }

    @Test func statusHistoryIdentitiesRoundsAndPublicationsSurviveTheRoundTrip() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        func at(_ text: String) -> Timestamp { Timestamp(iso: text)! }
        let q2 = try Period(parsing: "2018Q2")
        let skf = try store.addIdentity(name: "SKF-rapportör", role: .reporter, department: "SKF", by: owner, at: at("2018-07-01T08:00:00Z"))
        let old = try store.addIdentity(name: "Gammal", role: .reader, by: owner, at: at("2018-07-01T08:01:00Z"))
        try store.revokeIdentity(name: "Gammal", by: owner, at: at("2018-07-01T08:02:00Z"))
        try store.openRound(period: q2, deadline: CalendarDate(year: 2018, month: 7, day: 15), by: owner, at: at("2018-07-01T09:00:00Z"))
        try store.reportStatus(
            StatusInput(action: "1.3", period: q2, status: .planned, light: .yellow, comment: "Planeras.", obstacles: "Resurser", actualCost: 1_000),
            by: skf.identity, at: at("2018-07-05T10:00:00Z"))
        try store.reportStatus(
            StatusInput(action: "1.3", period: q2, status: .started, light: .green, comment: "Rättelse: påbörjad.", nextSteps: "Upphandla"),
            by: skf.identity, at: at("2018-07-06T10:00:00Z"))
        try store.publish(period: q2, by: owner, at: at("2018-07-20T12:00:00Z"))

        let first = try AgendaJSON.encode(try store.exportDocument())
        let copy = try F.newStore()
        try copy.importDocument(try AgendaJSON.decode(first), by: nil, at: at("2019-01-01T00:00:00Z"))
        #expect(try AgendaJSON.encode(try copy.exportDocument()) == first)
        #expect(try copy.statusHistory(code: "1.3") == store.statusHistory(code: "1.3"))
        #expect(try copy.statusHistory(code: "1.3").last?.supersedes == 1)
        #expect(try copy.publication(for: q2) == store.publication(for: q2))
        #expect(try copy.authenticate(token: skf.token).name == "SKF-rapportör", "the restored file accepts the same tokens")
        #expect(throws: AccessError.invalidToken) { try copy.authenticate(token: old.token) }
        let text = String(decoding: first, as: UTF8.self)
        #expect(!text.contains(skf.token) && !text.contains(old.token))
        #expect(text.contains("\"reportedAt\" : \"2018-07-05T10:00:00Z\""))
        #expect(try copy.auditLog().map(\.operation) == ["import"], "the audit log is not part of the export; the import is audited")
    }

    /// Goal ids, measures and effect assessments (corrections, values with fractions, goals later
    /// removed) come back exactly, and the second export is byte for byte the first.
    @Test func effectGoalsAndAssessmentsSurviveTheRoundTrip() throws {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        func at(_ text: String) -> Timestamp { Timestamp(iso: text)! }
        let measure = EffectMeasure(
            indicator: "Andel ärenden via e-tjänst", unit: "%", baseline: 12.3, baselineDate: F.date("2017-01-01"), target: 33.3,
            targetYear: 2019, direction: .higher)
        try store.setEffectMeasure(
            code: "1.1", goalNumber: 2, measure: measure, decision: Decision(reference: "IT-rådet 2018-04-02 §1", date: F.date("2018-04-02")),
            by: owner, at: at("2018-04-02T10:00:00Z"))
        func assess(_ goal: Int, _ period: String, _ outcome: EffectOutcome, _ value: Double?, _ time: String) throws {
            try store.reportEffect(
                EffectInput(action: "1.1", goalNumber: goal, period: try Period(parsing: period),
                            content: EffectContent(outcome: outcome, value: value, measuredOn: value == nil ? nil : F.date("2018-06-30"),
                                                   source: value == nil ? "" : "E-tjänstplattformen", comment: "Bedömt \(period).")),
                by: owner, at: at(time))
        }
        try assess(1, "2017", .tooEarly, nil, "2018-01-15T09:00:00Z")
        try assess(2, "2018Q2", .partlyAchieved, 0.1 + 0.2, "2018-07-02T09:00:00Z")
        try assess(2, "2018Q2", .achieved, 33.3, "2018-07-03T09:00:00Z")
        try store.reviseAction(code: "1.1", decision: Decision(reference: "IT-rådet 2018-09-01 §2", date: F.date("2018-09-01"))) {
            $0.effectGoals = ["Nöjdare invånare", "Färre samtal"]
        }

        let first = try AgendaJSON.encode(try store.exportDocument())
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"formatVersion\" : 2"))
        #expect(text.contains("\"effectAssessments\" : ["))
        let copy = try F.newStore()
        try copy.importDocument(try AgendaJSON.decode(first), by: nil, at: at("2019-01-01T00:00:00Z"))
        #expect(try AgendaJSON.encode(try copy.exportDocument()) == first)
        #expect(try copy.effectHistory(code: "1.1") == store.effectHistory(code: "1.1"))
        #expect(try copy.effectHistory(code: "1.1")[1].value == 0.1 + 0.2, "a Double comes back exactly")
        #expect(try copy.effectGoals(code: "1.1") == [EffectGoal(id: 2, text: "Nöjdare invånare", measure: measure), EffectGoal(id: 3, text: "Färre samtal")])
        #expect(try copy.effectAssessmentsInForce(code: "1.1").map(\.number) == [1, 3])
    }
}

@Suite struct JSONForbiddenCharacterTests {
    @Test(arguments: [
        (#"{"t":"a\u0007b"}"#, #"{"t":"ab"}"#),
        (#"{"t":"\u0007\u001B\u0007x"}"#, #"{"t":"x"}"#),
        (#"{"t":"keep\ttab\nand\u000a\u0009"}"#, #"{"t":"keep\ttab\nand\u000a\u0009"}"#),
        (#"{"t":"\\u0007 is text"}"#, #"{"t":"\\u0007 is text"}"#),
        (#"{"t":"\\\u0007x\uFFFF"}"#, #"{"t":"\\x"}"#),
    ])
    func escapedControlCharactersAreRemovedBeforeDecoding(input: String, expected: String) {
        #expect(String(decoding: AgendaJSON.withoutForbiddenEscapes(Data(input.utf8)), as: UTF8.self) == expected)
    }

    /// A report's content is written flat beside its number, reporter and time (docs/json-format.md),
    /// an absent actual cost or superseded report as no key at all.
    @Test func aStatusReportIsWrittenWithFlatKeys() throws {
        let at = Timestamp(CalendarDate(year: 2018, month: 7, day: 5), hour: 10)
        let first = StatusReport(
            number: 1, action: "1.3", period: "2018Q2",
            content: StatusContent(status: .planned, light: .yellow, comment: "Planeras.", obstacles: "Resurser"),
            reporter: "IT-avdelningen", reportedAt: at)
        var second = first
        second.number = 2
        second.nextSteps = "Upphandla"
        second.actualCost = 1_000
        second.supersedes = 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode([first, second]), as: UTF8.self) == """
            [{"action":"1.3","comment":"Planeras.","light":"yellow","nextSteps":"","number":1,"obstacles":"Resurser",\
            "period":"2018Q2","reportedAt":"2018-07-05T10:00:00Z","reporter":"IT-avdelningen","status":"planned"},\
            {"action":"1.3","actualCost":1000,"comment":"Planeras.","light":"yellow","nextSteps":"Upphandla","number":2,\
            "obstacles":"Resurser","period":"2018Q2","reportedAt":"2018-07-05T10:00:00Z","reporter":"IT-avdelningen",\
            "status":"planned","supersedes":1}]
            """)
        #expect(try JSONDecoder().decode([StatusReport].self, from: try encoder.encode([first, second])) == [first, second])
        #expect(second.content == StatusContent(
            status: .planned, light: .yellow, comment: "Planeras.", obstacles: "Resurser", nextSteps: "Upphandla", actualCost: 1_000))
    }
}

@Suite struct StoredListTests {
    /// The store writes its list columns with this encoder (`AgendaStore.encoder`).
    static func stored<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// StoredList and JSONDecoder read the same list, or StoredList leaves it to JSONDecoder.
    static func expectSameAsDecoder<E: StoredListElement & Encodable & Equatable>(_ list: [E], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try stored(list)
        let fast = StoredList.parse(text, as: E.self)
        #expect(fast != nil, "\(text)", sourceLocation: sourceLocation)
        #expect(fast == (try JSONDecoder().decode([E].self, from: Data(text.utf8))), "\(text)", sourceLocation: sourceLocation)
    }

    @Test func readsEveryListOfTheMölndalPlanAsJSONDecoderDoes() throws {
        let actions = try ImportTestSupport.importMolndal().agenda.actions
        for action in actions {
            try Self.expectSameAsDecoder(action.plan.steps)
            try Self.expectSameAsDecoder(action.responsibility.notes)
            try Self.expectSameAsDecoder(action.responsibility.unsure)
            try Self.expectSameAsDecoder(action.schedule.phases)
            try Self.expectSameAsDecoder(action.schedule.terms)
            try Self.expectSameAsDecoder(action.cost.parts)
            try Self.expectSameAsDecoder(action.cost.externalFunding)
            try Self.expectSameAsDecoder(action.cost.staff)
            try Self.expectSameAsDecoder(action.effectGoals)
            try Self.expectSameAsDecoder(action.otherFields)
        }
        #expect(actions.contains { !$0.cost.parts.isEmpty } && actions.contains { !$0.schedule.phases.isEmpty }
                && actions.contains { !$0.plan.steps.isEmpty }, "the plan exercises the structured lists")
    }

    @Test func readsEdgeValuesAsJSONDecoderDoes() throws {
        try Self.expectSameAsDecoder([
            "", "Bättre service för medborgarna", "Öppna data – 100 %",
            "citat \"så\" och \\ och / och \u{1}\u{8}\u{C}\n\r\t", "emoji 😀 och \u{FFFD}", "a\u{2028}b",
        ])
        try Self.expectSameAsDecoder([StaffResource(role: "eSamordnare", fullTimeEquivalent: 0.3, source: "30 %"),
                                      StaffResource(role: "Projektledare", fullTimeEquivalent: 1, source: "heltid"),
                                      StaffResource(role: "x", fullTimeEquivalent: 1e-7, source: "")])
        try Self.expectSameAsDecoder([CostPart(kind: .recurring, amount: 4_400_000, approximate: true, years: [2017, 2018], yearsDerived: true, source: "ca 4,4 mnkr"),
                                      CostPart(kind: .investment, amount: -150_000, source: "")])
        try Self.expectSameAsDecoder([SchoolTerm(season: .autumn, year: 2016), SchoolTerm(season: .spring, year: 2017)])
        let escaped = #"[ "\u00e5\u00E4\/\ud83d\ude00" , "x" ]"#
        #expect(StoredList.parse(escaped, as: String.self) == (try JSONDecoder().decode([String].self, from: Data(escaped.utf8))))
        let extraKey = #"[{"number":1,"text":"Utred","note":"ny"}]"#
        #expect(StoredList.parse(extraKey, as: PlanStep.self) == (try JSONDecoder().decode([PlanStep].self, from: Data(extraKey.utf8))),
                "a key the type does not have is ignored, as JSONDecoder ignores it")
    }

    /// Anything else is left to JSONDecoder, which reads it or says what is wrong.
    @Test func refusesAllButWellFormedListsOfTheType() {
        for text in [#"["a",]"#, #"["a" "b"]"#, #"["a"] x"#, #"[1]"#, #"{"a":"b"}"#, #"["\x"]"#, #"["\ud83d"]"#,
                     #"["\u12"]"#, "[\"tab\tin\"]", #"["open"#, ""] {
            #expect(StoredList.parse(text, as: String.self) == nil, "\(text)")
        }
        for text in [#"[{"number":1}]"#, #"[{"number":"1","text":"a"}]"#, #"[{"number":1.5,"text":"a"}]"#,
                     #"[{"number":01,"text":"a"}]"#, #"[{"number":1,"text":"a","text":"b"}]"#, #"[{"number":1,"text":"a"},]"#] {
            #expect(StoredList.parse(text, as: PlanStep.self) == nil, "\(text)")
        }
        #expect(StoredList.parse(#"[{"kind":"monthly","amount":1,"approximate":false,"years":[],"yearsDerived":false,"source":""}]"#, as: CostPart.self) == nil)
    }
}
