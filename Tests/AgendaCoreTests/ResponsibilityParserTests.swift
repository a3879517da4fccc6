import Testing
@testable import AgendaCore

struct ResponsibilityParserTests {
    /// The register shipped in templates/default/organisation-aliases.tsv.
    static let standard = try! OrganisationRegister.standard()

    static let slf = "Stadsledningsförvaltningen"
    static let kof = "Kultur- och fritidsförvaltningen"
    static let sbf = "Stadsbyggnadsförvaltningen"
    static let vof = "Vård- och omsorgsförvaltningen"
    static let skf = "Skolförvaltningen"

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: Responsibility
        var testDescription: String { text }

        init(_ text: String, lead: UnitRef?, co: [UnitRef] = [], notes: [String] = [], unsure: [String] = []) {
            self.text = text
            expected = Responsibility(text: text, lead: lead, coResponsible: co, notes: notes, unsure: unsure)
        }
    }

    /// Each read with Mölndal's built-in register (SLF, SKF) and nothing else.
    static let cases: [Case] = [
        Case(
            "Stadsledningsförvaltningen, IT-avdelningen tillsammans med kommunikations- och kanslienheten.",
            lead: UnitRef(department: slf, unit: "IT-avdelningen"),
            co: [UnitRef(department: slf, unit: "Kommunikations- och kanslienheten")]),
        Case(
            "Stadsledningsförvaltningen, Kommunikations- och kanslienheten tillsammans med IT-avdelningen.",
            lead: UnitRef(department: slf, unit: "Kommunikations- och kanslienheten"),
            co: [UnitRef(department: slf, unit: "IT-avdelningen")]),
        Case(
            "Kultur och fritidsförvaltningen, biblioteken tillsammans med Stadsledningsförvaltningen, IT-avdelningen",
            lead: UnitRef(department: kof, unit: "Biblioteken"),
            co: [UnitRef(department: slf, unit: "IT-avdelningen")]),
        Case(
            "Stadsbyggnadsförvaltningen, GIS-enheten samt eventuella berörda verksamheter som äger lämplig geodata.",
            lead: UnitRef(department: sbf, unit: "GIS-enheten"),
            notes: ["samt eventuella berörda verksamheter som äger lämplig geodata"]),
        Case("Stadsledningsförvaltning, stadsarkivet", lead: UnitRef(department: slf, unit: "Stadsarkivet")),
        Case("Stadsledningsförvaltningen, stadsarkivet", lead: UnitRef(department: slf, unit: "Stadsarkivet")),
        Case("Vård-och omsorgsförvaltningen", lead: UnitRef(department: vof)),
        Case("Vård- och omsorgsförvaltningen", lead: UnitRef(department: vof)),
        Case("Kultur- och fritidsförvaltningen", lead: UnitRef(department: kof)),
        Case("Serviceförvaltningen", lead: UnitRef(department: "Serviceförvaltningen")),
        Case("Stadsbyggnadsförvaltningen", lead: UnitRef(department: sbf)),
        Case("Skolförvaltningen", lead: UnitRef(department: skf)),
        Case("SKF", lead: UnitRef(department: skf)),
        Case("SLF, IT-avdelningen", lead: UnitRef(department: slf, unit: "IT-avdelningen")),
        Case(
            "Stadsledningsförvaltningen, enheten samordning för hållbarhet",
            lead: UnitRef(department: slf, unit: "Enheten samordning för hållbarhet")),
        Case(
            "Skolförvaltningen och Stadsledningsförvaltningen, IT-avdelningen",
            lead: UnitRef(department: skf), co: [UnitRef(department: slf, unit: "IT-avdelningen")]),
        Case(
            "Stadsledningsförvaltningen, IT-avdelningen och kommunikationsenheten",
            lead: UnitRef(department: slf, unit: "IT-avdelningen"),
            co: [UnitRef(department: slf, unit: "Kommunikationsenheten")]),
        Case(
            "Skolförvaltningen i samarbete med berörda förvaltningar",
            lead: UnitRef(department: skf), notes: ["i samarbete med berörda förvaltningar"]),
        Case(
            "Stadsledningsförvaltnigen, IT-avdelningen",
            lead: UnitRef(department: slf, unit: "IT-avdelningen"), unsure: ["Stadsledningsförvaltnigen, IT-avdelningen"]),
        Case("Webbredaktionen", lead: nil, unsure: ["Webbredaktionen"]),
        Case(
            "Skolförvaltningen, Serviceförvaltningen, kundcenter",
            lead: UnitRef(department: skf), co: [UnitRef(department: "Serviceförvaltningen", unit: "Kundcenter")]),
    ]

    @Test(arguments: cases)
    func linksLeadAndCoResponsibleUnits(_ c: Case) {
        var register = Self.standard
        #expect(ResponsibilityParser.parse(c.text, register: &register) == c.expected)
    }

    @Test func unitNamedAsLeadAndAsCoResponsibleIsOneUnit() {
        var register = Self.standard
        let first = ResponsibilityParser.parse(
            "Stadsledningsförvaltningen, IT-avdelningen tillsammans med kommunikations- och kanslienheten.", register: &register)
        let second = ResponsibilityParser.parse("Stadsledningsförvaltningen, Kommunikations- och kanslienheten", register: &register)
        #expect(first.coResponsible == [second.lead])
        #expect(register.departments.first { $0.name == Self.slf }?.units == ["IT-avdelningen", "Kommunikations- och kanslienheten"])
    }

    @Test func enhetWithoutFörvaltningBelongsToTheFörvaltningThatHasIt() {
        var register = Self.standard
        _ = ResponsibilityParser.parse("Stadsledningsförvaltningen, IT-avdelningen", register: &register)
        let parsed = ResponsibilityParser.parse("Skolförvaltningen tillsammans med IT-avdelningen", register: &register)
        #expect(parsed.coResponsible == [UnitRef(department: Self.slf, unit: "IT-avdelningen")])
    }

    static var molndalLines: [String] { MolndalPlanLines.values(of: ["Ansvarig", "Ansvar"]) }

    @Test(arguments: [Self.standard, OrganisationRegister()])
    func molndalPlanGivesItsSixFörvaltningar(_ start: OrganisationRegister) {
        var register = start
        let parsed = Self.molndalLines.map { ResponsibilityParser.parse($0, register: &register) }
        #expect(Self.molndalLines.count == 34)
        #expect(parsed.allSatisfy { $0.lead != nil && $0.unsure.isEmpty })
        #expect(Set(register.departments.map(\.name)) == [Self.slf, Self.kof, "Serviceförvaltningen", Self.sbf, Self.vof, Self.skf])
        let units = Dictionary(uniqueKeysWithValues: register.departments.map { ($0.name, Set($0.units)) })
        #expect(units[Self.slf] == [
            "Kommunikationsenheten", "IT-avdelningen", "Kommunikations- och kanslienheten",
            "Enheten samordning för hållbarhet", "Stadsarkivet",
        ])
        #expect(units[Self.kof] == ["Biblioteken"])
        #expect(units[Self.sbf] == ["GIS-enheten"])
    }

    @Test(arguments: [
        ("SLF", slf, true), ("slf", slf, true), ("Stadsledningsförvaltning", slf, true),
        ("stadsledningsförvaltningen.", slf, true), ("Stadsledningsförvaltnigen", slf, false), ("SKF", skf, true),
    ])
    func registerResolvesAliasesAndSpellings(_ name: String, _ department: String, _ confident: Bool) throws {
        let found = try #require(Self.standard.resolve(name))
        #expect(found.department == department)
        #expect(found.confident == confident)
    }

    @Test(arguments: ["Serviceförvaltningen", "IT", "Stadsbyggnadsförvaltningen"])
    func registerDoesNotResolveUnknownNames(_ name: String) {
        #expect(Self.standard.resolve(name) == nil)
    }

    @Test func addedAliasResolves() throws {
        var register = Self.standard
        try register.addAlias("Stadsledningskontoret", for: "SLF")
        #expect(register.resolve("stadsledningskontoret")?.department == Self.slf)
    }

    @Test func aliasOfAnotherFörvaltningIsRefused() {
        var register = Self.standard
        #expect(throws: OrganisationRegisterError.aliasInUse(alias: "SKF", department: Self.skf)) {
            try register.addAlias("SKF", for: Self.slf)
        }
        #expect(throws: OrganisationRegisterError.unknownDepartment("Miljöförvaltningen")) {
            try register.addUnit("Miljöenheten", to: "Miljöförvaltningen")
        }
    }

    @Test(arguments: [
        ("Kultur och fritidsförvaltningen", "Kultur- och fritidsförvaltningen"),
        ("Vård-och omsorgsförvaltningen", "Vård- och omsorgsförvaltningen"),
        ("Stadsledningsförvaltning", "Stadsledningsförvaltningen"),
        ("stadsarkivet", "Stadsarkivet"),
        ("kommunikations- och kanslienheten.", "Kommunikations- och kanslienheten"),
        ("Vård och omsorg", "Vård och omsorg"),
    ])
    func canonicalNamesFollowSwedishSpelling(_ written: String, _ canonical: String) {
        #expect(OrganisationRegister.canonicalName(written) == canonical)
    }
}
