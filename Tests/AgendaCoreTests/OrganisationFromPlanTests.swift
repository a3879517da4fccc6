import Foundation
import Testing
@testable import AgendaCore

/// Who adopted a plan, when neither a header cell nor the title names the organisation: the plan's own
/// text before its first focus area (a letterhead, removed as page furniture, a title page, "Antagen av …").
@Suite struct OrganisationFromPlanTests {
    /// A regional plan whose organisation stands only in its letterhead, repeated on every page.
    static let letterhead = """
        Region Halland
        Box 517, 301 80 Halmstad
        www.regionhalland.example

        Digital agenda 2018–2020

        Agendan beskriver hur regionen ska använda digitaliseringens möjligheter.

        1. Extern service

        1.1 E-tjänster

        Invånarna ska kunna sköta sina ärenden digitalt.

        \u{0C}Region Halland
        Box 517, 301 80 Halmstad
        www.regionhalland.example

        2. Intern effektivitet

        2.1 Digitala arbetssätt

        Möten hålls digitalt där det går.

        \u{0C}Region Halland
        Box 517, 301 80 Halmstad
        www.regionhalland.example

        3. Informationssäkerhet

        3.1 Rutiner

        En ny policy tas fram.
        """

    static func imported(_ text: String) throws -> Agenda {
        try PlanImporter.parse(Data(text.utf8), format: .text, labels: LabelTable.standard()).agenda
    }

    @Test func theLetterheadNamesTheOrganisation() throws {
        let agenda = try Self.imported(Self.letterhead)
        #expect(agenda.title == "Digital agenda 2018–2020")
        #expect(agenda.organisation == "Region Halland")
    }

    @Test func theAdoptionNamesTheOrganisation() throws {
        let text = Self.letterhead.replacingOccurrences(of: "Region Halland\n", with: "")
            .replacingOccurrences(
                of: "Agendan beskriver",
                with: "Antagen av kommunfullmäktige i Lerums kommun 2016-05-26, § 88.\n\nAgendan beskriver")
        #expect(try Self.imported(text).organisation == "Lerums kommun")
    }

    @Test func aTitleNamingTheOrganisationStillWins() throws {
        let text = Self.letterhead.replacingOccurrences(of: "Digital agenda 2018–2020", with: "Digital agenda för Kungsbacka kommun 2018–2020")
        #expect(try Self.imported(text).organisation == "Kungsbacka kommun")
    }

    @Test func aPlanThatNamesNoOrganisationKeepsItEmpty() throws {
        let text = Self.letterhead.replacingOccurrences(of: "Region Halland\n", with: "")
        #expect(try Self.imported(text).organisation == "")
    }

    @Test func namesAloneOnALineAreOrganisationsAndNothingElseIs() {
        for name in ["Lerums kommun", "Mölndals stad", "Region Halland", "Västra Götalandsregionen", "Landstinget Dalarna",
                     "Göteborgsregionens kommunalförbund"] {
            #expect(AgendaMetadata.organisation(namedBy: name) == name, "\(name)")
        }
        for line in ["Box 517, 301 80 Halmstad", "Kommunen ska bli bättre på att använda digitala verktyg i hela kommun",
                     "www.regionhalland.se", "kommun", "1. Extern service", "Ansvarig: Stadsledningsförvaltningen"] {
            #expect(AgendaMetadata.organisation(namedBy: line) == nil, "\(line)")
        }
    }
}
