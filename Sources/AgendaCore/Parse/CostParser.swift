import Foundation

/// Reads a kostnad text ("200 tkr/år", "ca 4,4 mnkr", "Inom befintliga budgetramar …")
/// into a ``Cost``. Recurring amounts that name no years of their own run over the
/// schedule's years, marked as derived.
///
/// Each amount becomes one ``CostPart``. Its kind is read from the words right after it
/// ("/år", "per år", "årligen", "i engångskostnad", "i investering", "jämfört med idag") or, failing
/// that, from the words of its own clause before it ("årlig kostnad på", "investering om"); a bare
/// amount is one-time. "ca", "cirka", "ungefär" … mark the amount they precede as approximate;
/// "uppskattas till", "beräknas till", "bedöms" mark every later amount of the same sentence.
/// Years stated with an amount ("(2018-2019)", "under 2019") are its years; a recurring amount without
/// them takes the tidsplan's years (``CostPart/yearsDerived``), or none when the tidsplan has none.
///
/// Where the tidsplan has phases ("2017 – utredning, 2018 – inrätta en fri surfzon"), a one-time or
/// investment amount without a year of its own goes to the phase its sentence names (the phase whose
/// label shares the most words with it: "surfzon", "utredningsarbetet" ~ "utredning") or else to the
/// last phase, in that phase's first year, marked as derived. A recurring amount introduced by
/// "därefter" right after such a one-time amount starts the year after that phase (or after the
/// one-time amount's stated year) and runs to the end of the tidsplan or of the plan (`planPeriod`),
/// whichever is later; when neither reaches beyond, it is given the one year it starts, the first
/// of an open-ended run (derived). Mölndal 1.5: 300 tkr in 2018, 100 tkr/år from 2019.
///
/// A cost increase relative to today ("ökar skolnämndens kostnader med ca 4,4 mnkr jämfört med
/// idag", Mölndal 6.2) is recurring: it raises a yearly budget level, which the plan says is handled
/// in the ordinary (yearly) budget process, so it applies to every year of the tidsplan rather than
/// once. The same sentence's hand-over to the budget process makes the cost pending a decision.
public enum CostParser {
    /// nil or blank text gives an unknown cost (text nil, no parts). Surrounding white space is not kept.
    /// `planPeriod`, the years of the whole plan, lets a recurring amount that starts "därefter" run
    /// to the plan's end.
    public static func parse(_ text: String?, schedule: Schedule, planPeriod: YearSpan? = nil) -> Cost {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return Cost()
        }
        return Cost(
            text: text,
            parts: parts(in: text, schedule: schedule, planPeriod: planPeriod),
            withinExistingBudget: text.contains(withinBudget),
            decisionPending: text.contains(decisionPending),
            externalFunding: externalFunding(in: text),
            staff: staff(in: text)
        )
    }

    // MARK: Amounts

    static func parts(in text: String, schedule: Schedule, planPeriod: YearSpan? = nil) -> [CostPart] {
        var read: [ReadPart] = []
        for sentence in SwedishText.sentences(in: text) {
            var clauseStart = sentence.startIndex
            for amount in AmountParser.amounts(in: sentence) {
                let part = part(kronor: amount.kronor, at: amount.range, in: sentence, after: clauseStart, schedule: schedule)
                read.append(part)
                clauseStart = part.end
            }
        }
        return placedInPhases(read, schedule: schedule, planPeriod: planPeriod)
    }

    /// One amount as read, with what placing it in the tidsplan's phases needs.
    private struct ReadPart {
        var part: CostPart
        var end: String.Index
        var sentence: Substring
        /// The text between the previous amount (or the sentence start) and this one says "därefter".
        var thereafter: Bool
        var yearsStated: Bool
    }

    /// Applies the phase rule (see the type's documentation) to the parts of one cost text.
    private static func placedInPhases(_ read: [ReadPart], schedule: Schedule, planPeriod: YearSpan?) -> [CostPart] {
        var parts: [CostPart] = []
        // The last year of the one-time amount just read, where a "därefter" amount starts after it.
        var previousOneTimeEnd: Int?
        for item in read {
            var part = item.part
            var oneTimeEnd: Int?
            if part.kind != .recurring {
                if part.years.isEmpty, let phase = phase(namedIn: item.sentence, of: schedule.phases) ?? schedule.phases.last {
                    part.years = [phase.startYear]
                    part.yearsDerived = true
                    oneTimeEnd = phase.endYear
                } else {
                    oneTimeEnd = part.years.max()
                }
            } else if item.thereafter, !item.yearsStated, let after = previousOneTimeEnd {
                let end = max(schedule.endYear ?? after, planPeriod?.end ?? after)
                part.years = end > after ? Array((after + 1)...end) : [after + 1]
                part.yearsDerived = true
            }
            previousOneTimeEnd = oneTimeEnd
            parts.append(part)
        }
        return parts
    }

    /// The phase whose label shares the most words with `sentence` (words of five letters or more,
    /// compared on their first five letters, so "utredningsarbetet" names "utredning"); the later
    /// phase on a tie; nil when no phase is named.
    static func phase(namedIn sentence: Substring, of phases: [SchedulePhase]) -> SchedulePhase? {
        func stems(_ text: some StringProtocol) -> Set<String> {
            Set(text.lowercased().split { !$0.isLetter }.filter { $0.count >= 5 }.map { String($0.prefix(5)) })
        }
        let named = stems(sentence)
        var best: (phase: SchedulePhase, score: Int)?
        for phase in phases {
            let score = stems(phase.label).intersection(named).count
            if score > 0, score >= best?.score ?? 0 { best = (phase, score) }
        }
        return best?.phase
    }

    /// Reads one amount at `range` of `sentence`; `clauseStart` is where the text that may qualify
    /// it begins (the sentence start or the end of the previous amount's fragment).
    private static func part(
        kronor: Int, at range: Range<String.Index>, in sentence: Substring,
        after clauseStart: String.Index, schedule: Schedule
    ) -> ReadPart {
        let before = sentence[clauseStart..<range.lowerBound]
        let clause = ownClause(before)

        var start = range.lowerBound
        var approximate = sentence[sentence.startIndex..<range.lowerBound].contains(estimateVerb)
        if let adverb = before.firstMatch(of: approximationAdverb) {
            approximate = true
            start = adverb.range.lowerBound
        }

        var end = range.upperBound
        var kind: CostPart.Kind?
        var statedYears: [Int] = []
        while true {
            let rest = sentence[end...]
            if let match = rest.prefixMatch(of: perYear) {
                kind = kind ?? .recurring
                end = match.range.upperBound
            } else if let match = rest.prefixMatch(of: oneTime) {
                kind = kind ?? .oneTime
                end = match.range.upperBound
            } else if let match = rest.prefixMatch(of: investment) {
                kind = kind ?? .investment
                end = match.range.upperBound
            } else if let match = rest.prefixMatch(of: comparedWithToday) {
                kind = kind ?? .recurring
                end = match.range.upperBound
            } else if statedYears.isEmpty, let match = rest.prefixMatch(of: yearsStated) {
                statedYears = SwedishText.yearSpan(in: String(match.output))
                end = match.range.upperBound
            } else {
                break
            }
        }
        if kind == nil {
            if clause.contains(investmentWord) {
                kind = .investment
            } else if clause.contains(oneTimeWord) {
                kind = .oneTime
            } else if clause.contains(recurringWord) {
                kind = .recurring
            }
        }
        if statedYears.isEmpty { statedYears = SwedishText.yearSpan(in: String(clause)) }
        let yearsStated = !statedYears.isEmpty

        let resolvedKind = kind ?? .oneTime
        var years = statedYears
        var derived = false
        if resolvedKind == .recurring, years.isEmpty, !schedule.years.isEmpty {
            years = schedule.years
            derived = true
        }
        let part = CostPart(
            kind: resolvedKind, amount: kronor, approximate: approximate, years: years,
            yearsDerived: derived, source: SwedishText.trimmed(sentence[start..<end]))
        return ReadPart(
            part: part, end: end, sentence: sentence, thereafter: before.contains(thereafterWord), yearsStated: yearsStated)
    }

    /// The words of `before` that belong to the amount after it: what follows the last
    /// ",", ";", "och", "samt".
    // Regex is not Sendable, yet a Regex is never mutated once built (the standard library publishes its
    // lazily compiled program atomically), so these shared constants are safe across threads. Building a
    // regex on every call (a literal in a function body, a computed property) parsed and compiled it
    // anew each time, which was most of the importer's time.
    nonisolated(unsafe) private static let clauseBoundary = /,|;|\boch\b|\bsamt\b/.wordBoundaryKind(.simple)

    private static func ownClause(_ before: Substring) -> Substring {
        guard let last = before.matches(of: clauseBoundary).last else {
            return before
        }
        return before[last.range.upperBound...]
    }

    nonisolated(unsafe) private static let approximationAdverb: Regex<Substring> =
        /\b(?:ca\.?|c:a|cirka|ungefär|omkring|runt|drygt|knappt|uppskattningsvis)\s*$/
            .ignoresCase().wordBoundaryKind(.simple)
    nonisolated(unsafe) private static let estimateVerb: Regex<Substring> =
        /\b(?:uppskatta|beräkna|bedöm|preliminär)\w*/.ignoresCase().wordBoundaryKind(.simple)
    nonisolated(unsafe) private static let perYear: Regex<Substring> =
        /\s*(?:\/\s*år\b|per\s+år\b|om\s+året\b|årligen\b|i\s+årlig\w*(?:\s+\w*kostnad\w*)?)/
            .ignoresCase().wordBoundaryKind(.simple)
    nonisolated(unsafe) private static let oneTime: Regex<Substring> =
        /\s*(?:(?:i|som)\s+(?:en\s+)?)?engångs\w*/.ignoresCase().wordBoundaryKind(.simple)
    nonisolated(unsafe) private static let investment: Regex<Substring> =
        /\s*(?:i|som)\s+(?:en\s+)?investering\w*/.ignoresCase().wordBoundaryKind(.simple)
    nonisolated(unsafe) private static let comparedWithToday: Regex<Substring> =
        /\s*jämfört\s+med\s+(?:i\s?dag|nuvarande\s+\w+)/.ignoresCase().wordBoundaryKind(.simple)
    /// "(2018-2019)", "under 2018", "för år 2018–2019", "2018".
    nonisolated(unsafe) private static let yearsStated: Regex<Substring> =
        /\s*\(?\s*(?:(?:under|för|år)\s+)?(?:år\s+)?(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?\b\s*\)?/
            .ignoresCase().wordBoundaryKind(.simple)
    nonisolated(unsafe) private static let thereafterWord: Regex<Substring> =
        /\b(?:därefter|därpå)\b/.ignoresCase().wordBoundaryKind(.simple)
    nonisolated(unsafe) private static let investmentWord: Regex<Substring> = /investering|investera/.ignoresCase()
    nonisolated(unsafe) private static let oneTimeWord: Regex<Substring> = /engångs/.ignoresCase()
    nonisolated(unsafe) private static let recurringWord: Regex<Substring> =
        /årlig|per\s+år|\/\s*år|löpande|drift/.ignoresCase()

    // MARK: Budget and decision

    /// "inom befintliga budgetramar", "inom förvaltningens budget", "ryms inom ordinarie ram"; not
    /// "inom ramen för projektet".
    nonisolated(unsafe) private static let withinBudget: Regex<Substring> =
        /\b(?:inom|ryms\s+(?:i|inom))\s+(?:(?:befintlig\w*|nuvarande|ordinarie|givna|tilldelade|egen|egna)\s+(?:budget\w*|ram\w*|ekonomisk\w*\s+ram\w*)|(?:\p{L}+\s+)?budget\w*)/
            .ignoresCase().wordBoundaryKind(.simple)

    /// "presenteras för beslut", "redovisas i samband med utredningen", "lyfts till Kf i särskilt
    /// ärende", "behandlas i den ordinarie budgetprocessen".
    nonisolated(unsafe) private static let decisionPending: Regex<Substring> =
        /\bför\s+beslut\b|\bredovisas\s+i\s+samband\s+med\b|\blyfts\s+till\b|\bsärskilt\s+ärende\b|\båterkommer\s+med\b|\bbeslutas\s+senare\b|\bordinarie\s+budgetprocess/
            .ignoresCase().wordBoundaryKind(.simple)

    // MARK: External funding

    /// Spellings of external funders and the name each is given.
    private static let funders: [(pattern: String, name: String)] = [
        (#"statsbidrag\w*|statlig[at]?\s+(?:bidrag|medel|stimulansmedel)|stimulansmedel"#, "statsbidrag"),
        (#"vinnova"#, "Vinnova"),
        (#"eu-(?:medel|bidrag|finansiering|projekt\w*)|eu:s\s+\w*fond\w*|europeiska\s+\w*\s*fond\w*|strukturfond\w*"#, "EU-medel"),
        (#"tillväxtverket"#, "Tillväxtverket"),
        (#"post-\s*och\s+telestyrelsen|\bpts\b"#, "Post- och telestyrelsen"),
        (#"externa?\s+(?:medel|finansiering|bidrag)|externt\s+bidrag"#, "externa medel"),
    ]

    nonisolated(unsafe) private static let compiledFunders = funders.compactMap { funder in
        (try? Regex(funder.pattern).ignoresCase().wordBoundaryKind(.simple)).map { (regex: $0, name: funder.name) }
    }
    nonisolated(unsafe) private static let namedFunder =
        /\b(?:[Bb]idrag|[Mm]edel|[Ff]inansiering)\s+(?:\w+\s+)?från\s+(\p{Lu}[\p{L}-]*)/.wordBoundaryKind(.simple)

    /// Funders named in `text` in order of first mention: the known ones above, and any capitalised
    /// name in "bidrag (erhålls) från X".
    static func externalFunding(in text: String) -> [String] {
        var found: [(range: Range<String.Index>, name: String)] = []
        for funder in compiledFunders {
            found += text.matches(of: funder.regex).map { ($0.range, funder.name) }
        }
        for match in text.matches(of: namedFunder) {
            let name = match.output.1
            if !found.contains(where: { $0.range.overlaps(name.startIndex..<name.endIndex) }) {
                found.append((name.startIndex..<name.endIndex, String(name)))
            }
        }
        var names: [String] = []
        for (_, name) in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    // MARK: Staff

    /// Staff time named in `text`: "eSamordnare motsvarande 30% av helårstjänst" (0.3),
    /// "50 % tjänst", "0,5 årsarbetare", "två heltidstjänster som utvecklare". The role is empty
    /// when the text names none.
    static func staff(in text: String) -> [StaffResource] {
        var found: [(range: Range<String.Index>, resource: StaffResource)] = []
        func add(_ range: Range<String.Index>, role: Substring?, fte: Double?) {
            guard let fte, !found.contains(where: { $0.range.overlaps(range) }) else { return }
            found.append((range, StaffResource(role: role.map(String.init) ?? "", fullTimeEquivalent: fte, source: String(text[range]))))
        }
        for match in text.matches(of: Self.roleWithShare) {
            add(match.range, role: match.output.1, fte: number(match.output.2).map { $0 / 100 })
        }
        for match in text.matches(of: Self.staffShare) {
            add(match.range, role: match.output.2, fte: number(match.output.1).map { $0 / 100 })
        }
        for match in text.matches(of: Self.staffCount) {
            let factor = match.output.2.lowercased().hasPrefix("halvtid") ? 0.5 : 1
            add(match.range, role: match.output.3, fte: number(match.output.1).map { $0 * factor })
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }.map(\.resource)
    }

    nonisolated(unsafe) private static let roleWithShare =
        /(\p{L}[\p{L}-]*)\s+motsvarande\s+(\d+(?:[,.]\d+)?)\s*(?:%|procent)(?:\s+av\s+(?:en\s+)?(?:helårstjänst|heltidstjänst|heltid|tjänst)\w*)?/
        .ignoresCase()
    nonisolated(unsafe) private static let staffShare =
        /(\d+(?:[,.]\d+)?)\s*(?:%|procent)\s+(?:av\s+(?:en\s+)?)?(?:helårstjänst|heltidstjänst|heltid|tjänst)\w*(?:\s+som\s+(\p{L}+))?/
        .ignoresCase()
    nonisolated(unsafe) private static let staffCount =
        /\b(\d+(?:[,.]\d+)?|en|ett|två|tre|fyra|fem|sex)\s+(årsarbetare|årsarbeten|heltidstjänster|heltidstjänst|halvtidstjänster|halvtidstjänst|heltider|tjänster)\b(?:\s+som\s+(\p{L}+))?/
        .ignoresCase().wordBoundaryKind(.simple)

    private static func number(_ text: Substring) -> Double? {
        let words: [String: Double] = ["en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6]
        return words[text.lowercased()] ?? Double(text.replacingOccurrences(of: ",", with: "."))
    }
}
