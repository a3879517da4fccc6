import Testing
@testable import AgendaCore

/// What the Mölndal plan says for one action, field by field, copied from the plan text
/// (templates/sample/molndal-digital-agenda-2017-2019.txt) so each value can be checked there.
struct ExpectedAction: Sendable, CustomTestStringConvertible {
    var code: String
    var areaNumber: Int
    var subAreaCode: String?
    var title: String
    var background: String
    var planText: String
    var steps: [PlanStep]
    var responsibility: String
    var schedule: String?
    var cost: String?
    /// What the importer reads from ``cost`` (CostParser with the action's tidsplan and the plan's 2017–2019).
    var costParts: [CostPart]
    var effectGoals: [String]

    var testDescription: String { code }
}

/// Actions chosen for their variants: 1.2 (sub-list in background, steps, "Effektivitet:"),
/// 1.5 (phased tidsplan), 2.3a/2.3b (two actions under sub-headings, 2.3b without Tidsplan),
/// 4 (area without sub-areas, "Ansvar:"), 5.7 (long title), 6.2, 6.3 (bullet goals, quotes), 8.2 ("8.2." heading).
let molndalExpectedActions: [ExpectedAction] = [
    ExpectedAction(
        code: "1.2", areaNumber: 1, subAreaCode: "1.2",
        title: "E-tjänster",
        background: "Utveckling av externa e-tjänster ska alltid utgå från medborgarnas och företagens nytta och behov samt från den effektivisering tjänsten ger Mölndals stad som organisation. Initiativet till att utveckla e-tjänster bör i första hand komma från stadens förvaltningar, som en del i verksamhetsutvecklingen, men även från stadsledningsförvaltningen (SLF). SLF har ansvaret att prioritera och upprätta tidplan. Förvaltningarna avsätter resurser i form av personal i utvecklingsprocessen.\n\nFrågan om e-tjänster ska alltid finnas med i förvaltningarnas IT-grupper vid diskussioner kring verksamhetsutveckling och bevakas av IT-avdelningens systemförvaltare.\n\nUtvecklingen av en e-tjänst ska alltid föregås av:\n\n1. Kartläggning av arbetsprocessen\n - a. Så här jobbar vi idag\n - b. Önskeläge – så här jobbar vi efter digitaliseringen av tjänsten\n2. Nyttotransanalys (*beräknas enligt framtagen modell*)\n - a. Bedömning av intjänad tid i timmar i den interna processen\n - b. Kostnadsbesparing baserat på antal intjänade timmar\n - c. Uppskattning av medborgarnytta",
        planText: "1. Utred tillsammans med berörda förvaltningar vilka e-tjänster som är lämpliga att utveckla och ta fram ett förslag till plan som ska godkännas av centrala IT-rådet.\n2. När en funktion finns som e-tjänst via hemsidan så ska de digitala blanketterna plockas bort. Undantag ska godkännas av centrala IT-rådet.\n3. Uppföljning om användandet av e-tjänsterna ska ske kontinuerligt av respektive förvaltning.",
        steps: [
            PlanStep(number: 1, text: "Utred tillsammans med berörda förvaltningar vilka e-tjänster som är lämpliga att utveckla och ta fram ett förslag till plan som ska godkännas av centrala IT-rådet."),
            PlanStep(number: 2, text: "När en funktion finns som e-tjänst via hemsidan så ska de digitala blanketterna plockas bort. Undantag ska godkännas av centrala IT-rådet."),
            PlanStep(number: 3, text: "Uppföljning om användandet av e-tjänsterna ska ske kontinuerligt av respektive förvaltning."),
        ],
        responsibility: "Stadsledningsförvaltningen, IT-avdelningen tillsammans med kommunikations- och kanslienheten.",
        schedule: "2017 - 2019",
        cost: "200 tkr/år",
        costParts: [CostPart(kind: .recurring, amount: 200_000, years: [2017, 2018, 2019], yearsDerived: true, source: "200 tkr/år")],
        effectGoals: ["Bättre service med kortare handläggningstider mot medborgarna samt en ökad effektivitet och bättre utnyttjande av stadens resurser."]
    ),
    ExpectedAction(
        code: "1.5", areaNumber: 1, subAreaCode: "1.5",
        title: "Fria surfzoner",
        background: "Allt fler kommuner erbjuder fri internetsurf i offentliga miljöer till glädje för medborgare och besökare.\n\nAtt bjuda medborgare och besökare på fri tillgång till internet via surfzoner på vissa avgränsade platser som exempelvis parker, torg och inom kommunala anläggningar kan vara ett led i att öka stadens attraktivitet och stärka varumärket. Staden kan även via denna kanal förmedla nyheter och annan kommunal information.\n\nEnligt konkurrensverket medger konkurrenslagen skattefinansierade fria surfzoner under förutsättning att det inte medför en betydande marknadspåverkan.\n\nMölndal erbjuder idag fri internetsurf inom flera kommunala anläggningar. I samband med ombyggnaden av Mölndals centrum bör staden erbjuda besökare fri tillgång till internetsurf som en service till medborgarna.\n\nDetta ger också en signal om en modern stad samtidigt som det bidrar till att göra Mölndals nya centrum attraktivt.\n\nÄven andra platser i staden bör utredas om möjligheter till fria surfzoner.",
        planText: "Utred förutsättningar och presentera ett förslag för införande av fria surfzoner i Mölndals nya centrum samt på vissa andra avgränsade platser i staden.",
        steps: [],
        responsibility: "Stadsledningsförvaltningen, IT-avdelningen",
        schedule: "2017 – utredning, 2018 – inrätta en fri surfzon i Mölndals centrum",
        cost: "Inom befintliga budgetramar för utredningsarbetet. Kostnaden för fri surfzon i Mölndals nya centrum uppskattas till 300 tkr i engångskostnad och därefter 100 tkr/år.",
        costParts: [
            // The one-time cost is the surfzon's, so it goes to the 2018 phase "inrätta en fri surfzon"; the yearly
            // cost starts "därefter", in 2019, and runs to the plan's end.
            CostPart(kind: .oneTime, amount: 300_000, approximate: true, years: [2018], yearsDerived: true, source: "300 tkr i engångskostnad"),
            CostPart(kind: .recurring, amount: 100_000, approximate: true, years: [2019], yearsDerived: true, source: "100 tkr/år"),
        ],
        effectGoals: ["Ger en signal om en modern stad – positivt varumärke. God service till medborgarna. Möjlighet att förmedla riktad information."]
    ),
    ExpectedAction(
        code: "2.3a", areaNumber: 2, subAreaCode: "2.3",
        title: "Processverktyg",
        background: "En processkarta är ett flödesschema som steg för steg visar aktiviteter som tillsammans utgör en process. En processkartläggning kan göras för att få en bild av hur processen ser ut idag eller för att förändra och utveckla processen.\n\nGenom att använda digitala processverktyg för kartläggning av arbetsprocesserna kan man uppnå effektiviseringsvinster. Ett modernt processverktyg kan rätt utnyttjat vara ett viktigt stöd i kvalitetsarbetet och utvecklingen genom att verksamheterna kan kartlägga, optimera och underhålla arbetsprocesserna och därmed skapa en effektiv förvaltning.\n\nStaden har under 2015 investerat i ett modernt processverktyg, Barium. Målsättningen bör vara att förvaltningarna använder detta verktyg för att kartlägga, optimera och underhålla arbetsprocesserna inom sina verksamhetsområden.\n\nBarium används också vid utveckling av e-tjänster eftersom de kartlagda processerna kan göras körbara i systemet. Det innebär att när förvaltningarna kartlägger sina arbetsprocesser så kan dessa, om så är relevant, omsättas i en e-tjänst.",
        planText: "Marknadsför processverktyget Barium och utbilda förvaltningarna i processkartläggning. Förvaltningarna ska under 2017 kartlägga minst en arbetsprocess inom sitt verksamhetsområde.",
        steps: [],
        responsibility: "Stadsledningsförvaltningen, enheten samordning för hållbarhet",
        schedule: "2017",
        cost: "Inom befintliga budgetramar",
        costParts: [],
        effectGoals: ["Samtliga väsentliga arbetsprocesser inom stadens verksamheter är optimerade och tydligt dokumenterade. Högre intern effektivitet med bättre utnyttjande av resurser samt en bättre medborgarservice."]
    ),
    ExpectedAction(
        code: "2.3b", areaNumber: 2, subAreaCode: "2.3",
        title: "Processkartläggning för digitala geodataflöden",
        background: "Kommuner är stora producenter av geodata (kart- och lägesrelaterad information) som används i arbetet internt såväl som externt, exempelvis inom samhällsbyggnadsområdet. För att snabba upp de ingående processerna och verka för en enklare, öppnare och mer effektiv digital samhällsbyggnadsprocess bör stadens geodataflöden kartläggas.\n\nFokus bör främst ligga på de arbetsprocesser som sker mellan förvaltningarna och ut mot externa mottagare i samhället (exploatörer, företag, myndigheter och privatpersoner).",
        planText: "Gör processkartläggning för de processer som producerar geodata på stadens förvaltningar. Identifiera förbättringsområden. Utarbeta åtgärdsförslag till förbättringar i processerna. Förslagen presenteras för centrala IT-rådet för godkännande.",
        steps: [],
        responsibility: "Stadsbyggnadsförvaltningen, GIS-enheten",
        schedule: nil,
        cost: "Inom befintliga budgetramar för processkartläggningen. Kostnader för framtagna förslag presenteras för beslut efter kartläggning.",
        costParts: [],
        effectGoals: ["Förenklar och optimerar de berörda arbetsprocesserna och bidrar till bättre utnyttjande av stadens resurser och högre intern effektivitet men också till förbättrad kommunikation och information till externa mottagare."]
    ),
    ExpectedAction(
        code: "4", areaNumber: 4, subAreaCode: nil,
        title: "Bredband",
        background: "Att bygga bredband är idag inget kommunalt uppdrag i Mölndals stad. Däremot ska staden uppmuntra och stimulera marknaden till att genomföra denna utbyggnad.",
        planText: "1. Gör en kartläggning för att identifiera områden som saknar tillgång till bredband och uppskatta kostnaden för en utbyggnad.\n2. Ta fram en bredbandsstrategi för Mölndals stad.\n3. Via upphandling - ta fram förslag till samarbetsavtal med bredbandsleverantör om utbyggnad av bredband med en kapacitet av minst 100 Mbit/s till alla hushåll och företag inom staden till 2018-12-31 baserat på stadens bredbandsstrategi.",
        steps: [
            PlanStep(number: 1, text: "Gör en kartläggning för att identifiera områden som saknar tillgång till bredband och uppskatta kostnaden för en utbyggnad."),
            PlanStep(number: 2, text: "Ta fram en bredbandsstrategi för Mölndals stad."),
            PlanStep(number: 3, text: "Via upphandling - ta fram förslag till samarbetsavtal med bredbandsleverantör om utbyggnad av bredband med en kapacitet av minst 100 Mbit/s till alla hushåll och företag inom staden till 2018-12-31 baserat på stadens bredbandsstrategi."),
        ],
        responsibility: "Stadsledningsförvaltningen, IT-avdelningen",
        schedule: "2017",
        cost: "Inom befintliga budgetramar för framtagning av bredbandsstrategin. Beslut om bredbandsstrategin och eventuella kommunala bidrag för utbyggnaden av bredband lyfts till Kf i särskilt ärende.",
        costParts: [],
        effectGoals: ["Bidrar till att minska det digitala utanförskapet. Viktig faktor för utvecklingen av välfärdstjänster i hemmet. Ökar stadens attraktionskraft."]
    ),
    ExpectedAction(
        code: "5.7", areaNumber: 5, subAreaCode: "5.7",
        title: "Nulägesanalys via LIKA (Ledning Infrastruktur Kompetens Användning)",
        background: "LIKA är ett självskattningsverktyg som är framtaget av SKL för att identifiera utvecklingsområden inom vård- och omsorg samt för jämförelse med andra kommuner.",
        planText: "Genomför en nulägeskartläggning med stöd av SKL:s självskattningsverktyg LIKA.",
        steps: [],
        responsibility: "Vård- och omsorgsförvaltningen",
        schedule: "Påbörjat 2016 och kommer att fortgå under 2017",
        cost: "Inom befintliga budgetramar",
        costParts: [],
        effectGoals: ["Genom ökad kunskap om förvaltningens utvecklingsbehov kan vi skapa en bättre verksamhet för våra medborgare som har behov av vård och omsorg."]
    ),
    ExpectedAction(
        code: "6.2", areaNumber: 6, subAreaCode: "6.2",
        title: "Ökad datortäthet",
        background: "I den av skolverket framtagna strategin \"Nationell strategi för digitaliseringen av skolväsendet\" så anges följande vision till år 2022 för den obligatoriska skolan:\n\nI ett skolväsende där alltmer av verksamheten vilar på tillgång till digitala resurser och arbetet utförs med digitala verktyg är det huvudmannens ansvar att säkerställa att alla elever har tillgång till adekvat personlig utrustning som kan användas under utbildningen. Grundförutsättningen för elever bör därmed vara att varje elev har tillgång till ett personligt digitalt verktyg, ett förhållande som brukar beskrivas som en till en, 1:1.",
        planText: "Skolförvaltningen avser att med start 2018 förse personal och elever med digitala verktyg i den omfattning som anges i den nationella IT-strategin. Detta måste göras tillsammans med kompetensutvecklande insatser för att ge chefer, personal och elever adekvat digital kompetens i enlighet med förändringarna i verksamheternas styrdokument. Uppföljning av detta kommer att ske bland annat med hjälp av självskattningsverktyget LIKA (Ledning Infrastruktur Kompetens Användning).",
        steps: [],
        responsibility: "Skolförvaltningen",
        schedule: "2018-2020",
        cost: "För att uppfylla den nationella IT-strategin ökar skolnämndens kostnader med ca 4,4 mnkr jämfört med idag. Kostnadsökningen behandlas i den ordinarie budgetprocessen för skolförvaltningen.",
        costParts: [CostPart(kind: .recurring, amount: 4_400_000, approximate: true, years: [2018, 2019, 2020], yearsDerived: true, source: "ca 4,4 mnkr jämfört med idag")],
        effectGoals: ["Digitaliseringen skall bidra till att verksamheterna förbättras och effektiviseras. Alla barn och elever ska få en mer likvärdig möjlighet att utveckla en digital kompetens."]
    ),
    ExpectedAction(
        code: "6.3", areaNumber: 6, subAreaCode: "6.3",
        title: "Google Apps for Education",
        background: "2015 beslutade SKF att genomföra en översyn av IKT-stödet. Förvaltningen genomförde en effektkartläggning och formulerade följande syfte.\n\n“En tillgänglig, dynamisk och användbar miljö som främjar lärande och kommunikation. Nytt/behov tillgodoses för barn/elever, personal och vårdnadshavare i ett hållbart perspektiv”.",
        planText: "Som en del i arbetet med att utveckla IKT-stödet avvecklar SKF den befintliga lärplattformen Fronter och implementerar Google Apps for Education istället.",
        steps: [],
        responsibility: "Skolförvaltningen",
        schedule: "Arbetet startar höstterminen 2016 och målsättningen är att alla enheter skall vara igång efter sommaren 2017.",
        cost: "Inom befintliga budgetramar",
        costParts: [],
        effectGoals: [
            "Ett bättre stöd för formativ undervisning",
            "Förbättrat och förenklat samarbete mellan elever och pedagoger",
            "I princip obegränsad lagring",
            "Enkel åtkomst oavsett hårdvara, tid och rum",
            "Lägre licenskostnader för elever motsvarande ca 600 000 kr/år efter fullt genomförande",
        ]
    ),
    ExpectedAction(
        code: "8.2", areaNumber: 8, subAreaCode: "8.2",
        title: "Digitaliseringsprojekt",
        background: "Nästan all information i Mölnadal stad skapas i dag digitalt och kan omhändertas av e-arkivet för digitalt bevarande. Det finns även en mängd analog information som, av praktiska skäl, bör digitaliseras för att kunna sökas och användas tillsammans med motsvarande digital information.\n\nEtt exempel är personalakter som numera scannas från papper och läggs in i e-arkivet. Det finns även en stor mängd mikrofilmade personalakter som med fördel skulle kunna digitaliseras och göras sökbara via e-arkivet.",
        planText: "Utred och analysera vilka analoga handlingar som bör digitaliseras och göras sökbara i e-arkivet. Genomför digitaliseringsprojekt som bland annat ska innefatta att digitalisera alla mikrofilmade personalakter tillsammans med HR-avdelningen.",
        steps: [],
        responsibility: "Stadsledningsförvaltning, stadsarkivet",
        schedule: "2017-2019",
        cost: "100 tkr/år (2018-2019)",
        costParts: [CostPart(kind: .recurring, amount: 100_000, years: [2018, 2019], source: "100 tkr/år (2018-2019)")],
        effectGoals: ["Enkel och snabb tillgång till arkiverade handlingar vilket spar tid."]
    ),
]
