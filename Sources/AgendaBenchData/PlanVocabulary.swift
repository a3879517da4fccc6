/// The building blocks of a synthetic plan, taken from the variety of Mölndal's *Digital agenda
/// 2017–2019*: its insatsområden and delområden, the ways it writes a tidsplan and a kostnad, its
/// long background paragraphs, numbered plan steps, effektmål lists and förvaltningar with enheter.
///
/// Years in the templates are offsets written `{0}`, `{1}`, … from the action's first year, so a
/// schedule can be placed anywhere in a plan period of any length.
enum PlanVocabulary {
    /// The nine insatsområden and their delområden, as in Mölndal's plan (with a few more delområden
    /// of the same kind, so a municipality rarely repeats a title).
    static let areas: [(title: String, subAreas: [String])] = [
        ("Extern service", [
            "Digitala kanaler", "E-tjänster", "Appar", "Säker digital meddelandehantering", "Fria surfzoner",
            "Minska det digitala utanförskapet", "Gemensamt kundcenter", "Digitalisering av detaljplaner",
            "Digital bygglovsprocess", "Chattfunktion för medborgare",
        ]),
        ("Intern effektivitet", [
            "E-tjänster", "Bättre beslutstöd", "Bättre processtöd", "Automatisering av ekonomiprocesser",
            "Digitala möten", "Gemensam ärendehantering",
        ]),
        ("Informationssäkerhet", [
            "Styrdokument", "EU:s dataskyddsförordning", "Säker inloggning", "Kontinuitetsplanering",
        ]),
        ("Bredband", ["Bredbandsstrategi", "Bredband på landsbygden", "Stadsnät"]),
        ("E-hälsa", [
            "Välfärdstjänster i samverkan", "Nationell patientöversikt (NPÖ)", "Mobilitet",
            "Kompetensutveckling av brukare", "Datoriserade läkemedelsdispenser", "Mobila GPS-larm",
            "Nulägesanalys via LIKA (Ledning Infrastruktur Kompetens Användning)", "Tidredovisning personlig assistans",
            "Digitala signeringslistor", "Digital tillsyn nattetid",
        ]),
        ("Utbildning", [
            "Utveckling av pedagogiken", "Ökad datortäthet", "Google Apps for Education", "Maker och programmering",
            "Eduroam", "Digitala nationella prov",
        ]),
        ("Grön IT", ["Videomöten och meddelandehantering", "Energismart IT-drift", "Återbruk av datorer"]),
        ("E-arkiv", [
            "Informationssökning i e-arkivet", "Digitaliseringsprojekt", "Använda e-arkiv som arkivredovisningssystem",
            "Gallring och bevarande",
        ]),
        ("Öppna data", ["Nämndhandlingar via hemsidan", "Öppna geografiska datakällor", "Öppna API:er för kollektivtrafik"]),
    ]

    /// Short sub-headings that open a second or third action within one delområde ("Processverktyg").
    static let actionHeadings = [
        "Processverktyg", "Processkartläggning för digitala geodataflöden", "Införande i verksamheten",
        "Uppföljning och utvärdering", "Pilotprojekt i två verksamheter", "Kompetenshöjande insatser",
        "Samverkan inom regionen", "Teknisk plattform", "Behovsanalys", "Upphandling",
    ]

    /// Tidsplan variants; `{0}` is the first year, `{1}` the next, and so on.
    static let schedules = [
        "{0} - {2}", "{0}", "{0} – utredning, {1} – inrätta en fri surfzon i centrum", "Påbörjat {-1} och kommer att fortgå under {0}",
        "Arbetet startar höstterminen {-1} och målsättningen är att alla enheter skall vara igång efter sommaren {0}.",
        "{0} – {1}", "{0}-{1}", "{0} (förstudien)", "{0} - konsument, {1} - producent", "Utredning {0}. Införande {1}.",
        "{0}-{3}", "{0}-{2}",
    ]

    /// Kostnad variants; `{0}`… are years as above.
    static let costs = [
        "Inom befintliga budgetramar",
        "200 tkr/år",
        "Inom befintliga budgetramar för utredningsarbetet. Kostnader för framtaget förslag presenteras för beslut efter utredningen.",
        "Inom befintliga budgetramar för utredningsarbetet. Kostnaden för fri surfzon i centrum uppskattas till 300 tkr i engångskostnad och därefter 100 tkr/år.",
        "Inom befintliga budgetramar under förutsättning att bidrag erhålls från Vinnova.",
        "100 tkr",
        "150 tkr i investering av utrustning för videokonferens",
        "100 tkr/år ({1}-{2})",
        "Kostnaderna täcks av statsbidrag",
        "För att uppfylla den nationella IT-strategin ökar nämndens kostnader med ca 4,4 mnkr jämfört med idag. Kostnadsökningen behandlas i den ordinarie budgetprocessen.",
        "Inom befintliga budgetramar för nytt verksamhetssystem.",
        "Utredningen inom befintliga budgetramar.",
        "Presenteras för beslut när strategihandlingen är klar.",
        "Redovisas i samband med utredningen och mer specifikt i samband med upphandlingen.",
        "Inom befintliga budgetramar för förstudien",
        "200 tkr",
        "Inom befintliga budgetramar för processkartläggningen. Kostnader för framtagna förslag presenteras för beslut efter kartläggning.",
        "ca 1,2 mnkr i engångskostnad och därefter 250 tkr/år",
        "eSamordnare motsvarande 30% av helårstjänst",
    ]

    /// Background paragraphs: long, with å, ä and ö, in the plan's own register.
    static let backgrounds = [
        "Den tekniska utvecklingen förändras ständigt och påverkar både individen och omvärlden. Digitaliseringen blir en allt viktigare del av vår vardag. Det digitala sättet att kommunicera skiljer sig från det traditionella men är ofta mer effektivt och snabbare. Framförallt kan kommunikationen via digitala kanaler ske på medborgarens villkor utan hänsyn till tid och rum.",
        "Digitala tjänster ska, när det är möjligt och relevant, vara förstahandsval i kommunens kontakter med dem som bor och verkar här. Det innebär också att kommunen ska sätta medborgaren och företagaren i centrum när nya tjänster tas fram. Dessutom behöver vi göra tjänsterna tillgängliga genom kanaler som är effektiva för både externa och interna användare.",
        "Utveckling av externa e-tjänster ska alltid utgå från medborgarnas och företagens nytta och behov samt från den effektivisering tjänsten ger kommunen som organisation. Initiativet till att utveckla e-tjänster bör i första hand komma från förvaltningarna, som en del i verksamhetsutvecklingen.",
        "Övergången från papper till säker digital meddelandehantering leder till snabbare och bättre service i dialogen med privatpersoner, företag och andra myndigheter. Det ger även verksamheterna möjlighet att skicka meddelanden som kräver sekretess via en digital kanal vilket inte är tillåtet idag.",
        "Det finns idag medborgare som av olika anledningar står utanför det digitala samhället. Det kan bero på att man inte har tillgång till dator och internet eller att man känner sig inte ha tillräcklig kunskap. Det kan även vara så att man helt enkelt inte ser nyttan och därför inte är intresserad.",
        "En processkarta är ett flödesschema som steg för steg visar aktiviteter som tillsammans utgör en process. En processkartläggning kan göras för att få en bild av hur processen ser ut idag eller för att förändra och utveckla processen.",
        "Kommuner är stora producenter av geodata (kart- och lägesrelaterad information) som används i arbetet internt såväl som externt, exempelvis inom samhällsbyggnadsområdet. För att snabba upp de ingående processerna och verka för en enklare, öppnare och mer effektiv digital samhällsbyggnadsprocess bör geodataflödena kartläggas.",
        "Välfärdstekniken ger möjlighet till ökad trygghet, självständighet och delaktighet för brukare i hemmet. Genom att arbeta i samverkan med Västkom och regionen kan kommunen dra nytta av gemensamma ramverk och upphandlingar och samtidigt bevaka utvecklingen inom e-hälsoområdet.",
        "Skolans styrdokument ställer krav på att eleverna ska utveckla en adekvat digital kompetens. Det förutsätter att både elever och pedagogisk personal har tillgång till ändamålsenliga digitala verktyg och att kompetensutvecklingen för lärare och skolledare sker i takt med förändringarna.",
        "Arkivlagen ställer krav på att allmänna handlingar bevaras, hålls ordnade och vårdas så att de kan tillhandahållas allmänheten. Ett e-arkiv gör det möjligt att söka i och återanvända information som tidigare bara fanns på papper eller mikrofilm i arkivets magasin.",
        "Öppna data är information som görs tillgänglig för vem som helst att använda, återanvända och sprida. Genom att publicera öppna data kan kommunen bidra till innovation, transparens och nya tjänster som företag och medborgare själva utvecklar.",
        "Grön IT handlar om att använda informationsteknik på ett sätt som minskar miljöpåverkan, både genom att IT-utrustningen i sig drar mindre energi och genom att resor kan ersättas med videomöten och digital samverkan.",
    ]

    /// Bullet lists that stand in a background ("Exempel på funktioner i en sådan samlingsapp kan vara:").
    static let backgroundLists = [
        ["Nyheter från hemsidan", "Evenemang och aktiviteter", "Kontaktuppgifter och öppettider", "Praktiska kartor", "Skolmat", "Äldremat"],
        ["Samhällsinformation såsom trafik- och krisinformation", "Rapportera fel och lämna synpunkter", "Lediga jobb"],
    ]

    /// One-paragraph plans (Handlingsplan: …).
    static let plans = [
        "Ta fram förslag till vilka digitala kanaler som officiellt ska erbjudas och underhållas för kommunikation med medborgare, besökare och företag.",
        "Genomför en behovs- och omvärldsanalys samt utred förutsättningarna och ta fram förslag för införande av samlingsapp.",
        "Utred, planera och föreslå ett införande av ett system för säker digital meddelandehantering. Utredningen ska ske i samverkan med den utredning som pågår inom regionen.",
        "Planera för ett antal temakvällar där det ska finnas möjlighet att låna utrustning eller ha med sig egen. Engagera skolelever som stöd- och supportresurser. Ansök om bidrag till finansieringen via Vinnova, Sveriges innovationsmyndighet.",
        "Marknadsför processverktyget och utbilda förvaltningarna i processkartläggning. Förvaltningarna ska kartlägga minst en arbetsprocess inom sitt verksamhetsområde.",
        "Gör processkartläggning för de processer som producerar geodata. Identifiera förbättringsområden. Utarbeta åtgärdsförslag till förbättringar i processerna. Förslagen presenteras för centrala IT-rådet för godkännande.",
        "Ta fram regelverk och styrdokument för informationssäkerhet i kommunen.",
        "Upphandla och inför mobila GPS-larm för vårdtagare i hemmet.",
        "Utred förutsättningarna för en anslutning av kommunens nätverk till Eduroam.",
        "Utveckla en e-tjänst i form av en portal för informationssökning i e-arkivet.",
        "Utred vilka geografiska datakällor som med fördel kan publiceras som fritt nedladdningsbara data och öppna API:er.",
        "I samband med införandet av nytt verksamhetssystem införa mobil dokumentation med säker inloggning inom flera verksamheter där det är möjligt och skapar nytta.",
    ]

    /// Numbered plan steps; a plan takes two to five of them.
    static let steps = [
        "Utred tillsammans med berörda förvaltningar vilka e-tjänster som är lämpliga att utveckla och ta fram ett förslag till plan som ska godkännas av centrala IT-rådet.",
        "När en funktion finns som e-tjänst via hemsidan så ska de digitala blanketterna plockas bort. Undantag ska godkännas av centrala IT-rådet.",
        "Uppföljning om användandet av e-tjänsterna ska ske kontinuerligt av respektive förvaltning.",
        "Dokumentera behovsanalys som beaktar förvaltningarnas önskemål.",
        "Ta fram förslag kring lämpligaste metod för att ge beslutsstödet tillgång till nödvändig information från verksamhetssystemen.",
        "Gör en kartläggning för att identifiera områden som saknar tillgång till bredband och uppskatta kostnaden för en utbyggnad.",
        "Ta fram en bredbandsstrategi för kommunen.",
        "Erbjud utbildningar i videomöten och meddelandehantering.",
        "Utrusta ett sammanträdesrum i kommunhuset med utrustning för videokonferens.",
        "Utred och presentera en plan för hur dataskyddsförordningen ska efterlevas i kommunen.",
    ]

    /// Effektmål, one sentence each; an action has none, one, or a list.
    static let goals = [
        "Ökad service genom att möjliggöra för medborgarna att i högre utsträckning använda de digitala kanaler som kommunen tillhandahåller.",
        "Bättre service med kortare handläggningstider mot medborgarna samt en ökad effektivitet och bättre utnyttjande av resurserna.",
        "Bättre service mot medborgarna. Möjlighet att förmedla riktad information.",
        "minskade materialkostnader för utskick",
        "minskad arbetstid för posthantering i processflödena",
        "snabbare svarstid och kortare väntetid",
        "skydd från att post ska kunna öppnas av obehöriga",
        "Minska det digitala utanförskapet. Öka kunskapen och intresset för de medborgare som idag inte är med i den digitala utvecklingen.",
        "Ökad självständighet och säkerhet för vårdtagare.",
        "Ökad kunskapsuppfyllelse genom mer motiverade elever samt större trygghet via ökad kompetens för den pedagogiska personalen.",
        "Spara tid och miljö",
        "Enkel och snabb tillgång till arkiverade handlingar vilket spar tid.",
        "Bidra till att öka innovationskraften hos företag och medborgare för att själva utveckla samhällsnyttiga tjänster.",
    ]

    /// A municipality's förvaltningar with their enheter. In a plan for one municipality they are
    /// named as Mölndal names them; in a plan across municipalities each carries the municipality's
    /// name first ("Alingsås skolförvaltningen"), so every municipality has förvaltningar of its own.
    static let departments: [(name: String, units: [String])] = [
        ("Stadsledningsförvaltningen", ["IT-avdelningen", "kommunikationsenheten", "Kommunikations- och kanslienheten", "stadsarkivet", "enheten samordning för hållbarhet", "personalenheten"]),
        ("Skolförvaltningen", ["IKT-enheten", "elevhälsan"]),
        ("Vård- och omsorgsförvaltningen", ["hemtjänsten", "myndighetsenheten"]),
        ("Kultur- och fritidsförvaltningen", ["biblioteken", "fritidsenheten"]),
        ("Stadsbyggnadsförvaltningen", ["GIS-enheten", "bygglovsenheten"]),
        ("Serviceförvaltningen", ["kundcenter", "måltidsenheten"]),
        ("Social- och arbetsmarknadsförvaltningen", ["ekonomiskt bistånd"]),
        ("Miljöförvaltningen", ["tillsynsenheten"]),
        ("Förskoleförvaltningen", []),
        ("Tekniska förvaltningen", ["gatuenheten"]),
    ]

    /// Real municipalities of Västra Götaland, then made-up Swedish-sounding ones.
    static let realMunicipalities = [
        "Ale", "Alingsås", "Bengtsfors", "Bollebygd", "Borås", "Dals-Ed", "Essunga", "Falköping", "Färgelanda",
        "Grästorp", "Gullspång", "Göteborg", "Götene", "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv",
        "Lerum", "Lidköping", "Lilla Edet", "Lysekil", "Mariestad", "Mark", "Mellerud", "Munkedal", "Mölndal",
        "Orust", "Partille", "Skara", "Skövde", "Sotenäs", "Stenungsund", "Strömstad", "Svenljunga", "Tanum",
        "Tibro", "Tidaholm", "Tjörn", "Tranemo", "Trollhättan", "Töreboda", "Uddevalla", "Ulricehamn", "Vara",
        "Vårgårda", "Vänersborg", "Åmål", "Öckerö",
    ]
    static let namePrefixes = [
        "Norr", "Söder", "Öster", "Väster", "Björk", "Ek", "Gran", "Sjö", "Älv", "Berg", "Hög", "Lind", "Stor",
        "Lill", "Malm", "Ås", "Hägg", "Rönn", "Ström", "Fager", "Tall", "Ljung", "Vall", "Sand",
    ]
    static let nameSuffixes = [
        "köping", "hamn", "sund", "ryd", "torp", "dal", "vik", "borg", "holm", "näs", "fors", "tuna",
        "åker", "berga", "sjö", "mo",
    ]
}
