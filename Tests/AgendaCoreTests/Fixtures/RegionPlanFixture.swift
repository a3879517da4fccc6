/// A regional plan in Markdown written the way other regions write theirs: unnumbered
/// "## area" and "### project" headings, the labels Beskrivning / Uppgift / Mål / Resurser /
/// Kommunens roll written plain, emphasised, bold and as a heading ("### *Mål:*"), staff time
/// next to kronor, a letterhead repeated after page breaks (one a form feed) that splits a
/// list, a paragraph that fits no field and an unknown label.
///
/// Built in code so the test target needs no resource declaration; line numbers in the tests
/// count lines of this text from 1.
enum RegionPlanFixture {
    static let markdown = """
        Region Exempel
        Regionkansliet, Box 123, 123 45 Exempelstad
        www.regionexempel.se

        # Digital agenda för Region Exempel 2020–2022

        **Beslutad av:** Regionstyrelsen
        **Ansvarig:** Digitaliseringsstrateg

        Agendan samlar regionens och kommunernas gemensamma
        digitaliseringsprojekt.

        ## Digital välfärd

        Välfärden ska bli mer tillgänglig med digitala verktyg.

        ### Digitala tillsynsbesök

        **Beskrivning:** Hemtjänsten provar tillsyn via kamera
        nattetid i stället för fysiska besök.

        **Uppgift:** Upphandla kameratillsyn och inför den i två kommuner.

        **Mål:**

        - Fler brukare får tillsyn utan att väckas
        - Personalen sparar restid

        \u{0C}Region Exempel
        Regionkansliet, Box 123, 123 45 Exempelstad
        www.regionexempel.se

        - Tryggare nätter för anhöriga

        **Resurser:** 400 000 kr samt eSamordnare motsvarande 30% av helårstjänst

        **Kommunens roll:** Kommunerna utser kontaktpersoner.

        **Ansvarig:** Socialförvaltningen

        **Tidsplan:** 2020–2021

        ### Läkemedelsrobotar

        **Beskrivning:** Robotar delar ut läkemedel i hemmet.

        **Uppgift:** Utvärdera robotarna i ett pilotprojekt.

        ### *Mål:*

        Färre missade doser. Säkrare läkemedelshantering.

        **Resurser:** Inom befintlig budget

        Tidsplan: 2021

        Detta stycke hör inte till något fält.

        ## Skola och lärande

        ### Programmering i grundskolan

        *Beskrivning:* Programmering ingår i läroplanen.

        *Uppgift:*

        1. Utbilda lärare i programmering
        2. Köp in material till skolorna

        *Mål:* Alla elever har programmerat före årskurs 6.

        *Resurser:*

        - 150 000 kr per år
        - IT-pedagog motsvarande 50% av helårstjänst

        *Kommunens roll:* Skolorna avsätter tid för fortbildning.

        *Ansvarig:* Utbildningsförvaltningen

        *Tidsplan:* 2020-2022

        Status: pågår

        Region Exempel
        Regionkansliet, Box 123, 123 45 Exempelstad
        www.regionexempel.se

        ## Infrastruktur

        ### Bredband på landsbygden

        Beskrivning: Alla hushåll ska kunna få snabbt bredband.

        Uppgift: Ta fram en bredbandsstrategi.

        Mål: Fler hushåll på landsbygden når 100 Mbit/s.

        Resurser: 2 mnkr

        Ansvarig: Regionutvecklingsnämnden

        Tidsplan: 2022

        """
}
