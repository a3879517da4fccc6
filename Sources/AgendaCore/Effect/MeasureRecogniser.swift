import Foundation

/// A measure the importer reads out of an effektmål's text, for the IT-chef to confirm with
/// `agenda effect measure`. Nothing is stored for it until then.
public struct MeasureProposal: Sendable, Equatable {
    public var action: String
    /// The goal's 1-based number within the action.
    public var goalNumber: Int
    public var goalText: String
    /// The measure proposed; values the text does not give are nil.
    public var measure: EffectMeasure
    /// The words of the goal the proposal rests on, as written ("från 12 till 30 e-tjänster till 2019").
    public var evidence: String
    /// What the text leaves for the IT-chef to decide, in Swedish; nil when the proposal is complete.
    public var note: String?

    public init(action: String, goalNumber: Int, goalText: String, measure: EffectMeasure, evidence: String, note: String? = nil) {
        self.action = action
        self.goalNumber = goalNumber
        self.goalText = goalText
        self.measure = measure
        self.evidence = evidence
        self.note = note
    }
}

/// Recognises effektmål that state something measurable — a share ("minst 80 % av ärendena"), a
/// change between two values ("från 12 till 30 e-tjänster till 2019"), a change by an amount or a
/// percentage ("öka med 20 %", "lägre licenskostnader motsvarande ca 600 000 kr/år", "besparing med
/// 10 tkr per år"), "halvera"/"fördubbla", a count that is to rise or fall ("antal avvikelser ska
/// minska") — and proposes a measure. A goal that only names a direction ("minskade kostnader",
/// "snabbare svarstid") gets none: that would be a guess.
public enum MeasureRecogniser {
    /// The proposals for every goal of every action of `agenda`, in plan order.
    public static func proposals(for agenda: Agenda) -> [MeasureProposal] {
        agenda.actions.flatMap { action in
            action.goals.enumerated().compactMap { index, goal in
                propose(goal.text).map { found in
                    MeasureProposal(
                        action: action.code, goalNumber: index + 1, goalText: goal.text, measure: found.measure,
                        evidence: found.evidence, note: found.note)
                }
            }
        }
    }

    /// The measure `text` states, with the words it rests on and what it leaves open; nil when it states none.
    public static func propose(_ text: String) -> (measure: EffectMeasure, evidence: String, note: String?)? {
        for sentence in sentences(of: text) {
            for rule in rules {
                if let found = rule(sentence) { return found }
            }
        }
        return nil
    }

    typealias Found = (measure: EffectMeasure, evidence: String, note: String?)

    static let rules: [@Sendable (String) -> Found?] = [fromTo, share, changeBy, saving, lowerAmount, halveOrDouble, count]

    /// A number as written in Swedish: "600 000", "12,5", "30".
    static let number = #"\d{1,3}(?:[  ]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"#
    static let year = #"(?:till|senast|år|under|före|innan)\s+(?:år\s+)?(20\d\d)"#
    /// ``year`` without its capture, for a lookahead.
    static let yearWords = #"(?:till|senast|år|under|före|innan)\s+(?:år\s+)?20\d\d"#
    static let money = #"(?:kr|kronor|tkr|mnkr|miljoner kronor)(?:\s*(?:/|per)\s*år)?"#

    /// "från 12 till 30 e-tjänster till 2019": baseline, target, unit, target year.
    static func fromTo(_ s: String) -> Found? {
        guard let m = match(#"från\s+(\#(number))\s*(%|procent)?\s+till\s+(\#(number))\s*(%|procent|[\p{L}-]+)?(?:[^.;]*?\#(year))?"#, s),
              let from = value(m[1]), let to = value(m[3]), from != to
        else { return nil }
        var unit = unitWord(m[4] ?? m[2])
        var indicator = subject(s, before: m[0]!)
        if unit.count > 3 && !isUnitWord(unit) {
            // "från 12 till 30 e-tjänster": the word after the number names what is counted.
            indicator = indicator.isEmpty ? capitalised(unit) : indicator
            unit = "st"
        }
        return (EffectMeasure(
            indicator: indicator.isEmpty ? capitalised(s) : indicator, unit: unit, baseline: from, target: to,
            targetYear: m[5].flatMap { Int($0) }, direction: to > from ? .higher : .lower),
                m[0]!, "utgångsvärdets datum anges inte i planen")
    }

    /// "minst 80 % av ärendena …", "högst 5 % …": a share with a floor or a ceiling.
    static func share(_ s: String) -> Found? {
        guard let m = match(#"(minst|åtminstone|över|högst|max|maximalt|under)\s+(\#(number))\s*(%|procent)(?:\s+av\s+((?:(?!\#(yearWords))[^.,;])+))?(?:[^.;]*?\#(year))?"#, s),
              let target = value(m[2])
        else { return nil }
        let lower = ["högst", "max", "maximalt", "under"].contains(m[1]!.lowercased())
        let of = m[4].map { "Andel av \(trimmed($0))" }
        return (EffectMeasure(
            indicator: of ?? (subject(s, before: m[0]!).isEmpty ? capitalised(s) : subject(s, before: m[0]!)), unit: "%", target: target,
            targetYear: m[5].flatMap { Int($0) }, direction: lower ? .lower : .higher),
                m[0]!, "utgångsvärdet anges inte i planen")
    }

    /// "öka med 20 %", "minska handläggningstiden med 30 procent", "höja … med 5 000 besök".
    static func changeBy(_ s: String) -> Found? {
        guard let m = match(#"\b(öka|höja|förbättra|minska|sänka|reducera|korta)[\p{L}]*\s+([^.;]*?)\s*med\s+(\#(number))\s*(%|procent|\#(money)|[\p{L}-]+)?(?:[^.;]*?\#(year))?"#, s),
              value(m[3]) != nil
        else { return nil }
        let down = ["minska", "sänka", "reducera", "korta"].contains(m[1]!.lowercased())
        let unit = unitWord(m[4])
        let what = trimmed(m[2] ?? "")
        let indicator = what.isEmpty ? subject(s, before: m[0]!) : capitalised(what)
        let change = "\(down ? "en minskning" : "en ökning") med \(m[3]!)\(unit.isEmpty ? "" : " \(unit)")"
        return (EffectMeasure(
            indicator: indicator.isEmpty ? capitalised(s) : indicator, unit: unit == "%" || unit == "procent" ? "" : unit,
            targetYear: m[5].flatMap { Int($0) }, direction: down ? .lower : .higher),
                m[0]!, "målet är \(change) från utgångsvärdet; ange utgångsvärdet och målvärdet")
    }

    /// "Kostnadsbesparing med 10 tkr per år för …": a saving, from nothing to the amount.
    static func saving(_ s: String) -> Found? {
        guard let m = match(#"([\p{L}-]*besparing)\s+(?:med|på|om)\s+(?:ca\s+|cirka\s+)?(\#(number))\s*(\#(money))([^.;]*)"#, s),
              let amount = value(m[2])
        else { return nil }
        let rest = trimmed(m[4] ?? "")
        return (EffectMeasure(
            indicator: capitalised(m[1]!) + (rest.isEmpty ? "" : " \(rest)"), unit: unitWord(m[3]), baseline: 0, target: amount,
            direction: .higher),
                trimmed(m[0]!), "målåret och utgångsvärdets datum anges inte i planen")
    }

    /// "Lägre licenskostnader för elever motsvarande ca 600 000 kr/år": a cost to fall by an amount.
    static func lowerAmount(_ s: String) -> Found? {
        guard let m = match(#"\b(lägre|minskade|sänkta|mindre|minskad|sänkt)\s+([^.;]*?)\s+(?:motsvarande|med|om|på)\s+(?:ca\s+|cirka\s+)?(\#(number))\s*(\#(money))"#, s),
              value(m[3]) != nil
        else { return nil }
        return (EffectMeasure(indicator: capitalised(trimmed(m[2]!)), unit: unitWord(m[4]), direction: .lower),
                m[0]!, "målet är en minskning med \(m[3]!) \(unitWord(m[4])) från utgångsvärdet; ange utgångsvärdet och målvärdet")
    }

    /// "halvera handläggningstiden", "fördubbla antalet besök".
    static func halveOrDouble(_ s: String) -> Found? {
        guard let m = match(#"\b(halvera|fördubbla)[\p{L}]*\s+([^.,;]+?)(?:\s+\#(year))?(?=[.,;]|$)"#, s) else { return nil }
        let halve = m[1]!.lowercased() == "halvera"
        return (EffectMeasure(
            indicator: capitalised(trimmed(m[2]!)), targetYear: m[3].flatMap { Int($0) }, direction: halve ? .lower : .higher),
                m[0]!, "målvärdet är \(halve ? "hälften" : "det dubbla") av utgångsvärdet; ange utgångsvärdet och målvärdet")
    }

    /// "Antal avvikelser ska minska vid …": a count to rise or fall, no figures.
    static func count(_ s: String) -> Found? {
        guard let m = match(#"\b(antal(?:et)?)\s+([^.;]+?)\s+(?:ska|skall|bör)\s+(minska|öka|halveras|sjunka|stiga)\s*([^.;]*)"#, s) else { return nil }
        let down = ["minska", "halveras", "sjunka"].contains(m[3]!.lowercased())
        let rest = trimmed(m[4] ?? "")
        return (EffectMeasure(indicator: "Antal \(trimmed(m[2]!))" + (rest.isEmpty ? "" : " \(rest)"), unit: "st", direction: down ? .lower : .higher),
                trimmed(m[0]!), "planen anger inga siffror; ange utgångsvärdet och målvärdet")
    }

    // MARK: - Helpers

    static func sentences(of text: String) -> [String] {
        text.split(whereSeparator: { $0 == "." || $0 == "\n" || $0 == ";" })
            .map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The whole match and its captures (nil where a group took no part), or nil.
    static func match(_ pattern: String, _ text: String) -> [String?]? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (0..<m.numberOfRanges).map { i in
            Range(m.range(at: i), in: text).map { String(text[$0]) }
        }
    }

    static func value(_ text: String?) -> Double? { text.flatMap(SwedishDecimal.parse) }

    static func unitWord(_ text: String?) -> String {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return "" }
        return text.lowercased() == "procent" ? "%" : text
    }

    static func isUnitWord(_ word: String) -> Bool {
        ["kr", "kronor", "tkr", "mnkr", "timmar", "dagar", "minuter", "veckor", "procent"].contains(word.lowercased())
    }

    /// The words before the match in `sentence`, as an indicator: "Andelen e-tjänster ska öka från …" → "Andelen e-tjänster".
    static func subject(_ sentence: String, before matched: String) -> String {
        guard let range = sentence.range(of: matched) else { return "" }
        var words = sentence[..<range.lowerBound].split(separator: " ").map(String.init)
        while let last = words.last, ["ska", "skall", "bör", "öka", "minska", "från", "som", "är", "vara", "till", "av"].contains(last.lowercased()) {
            words.removeLast()
        }
        return capitalised(words.joined(separator: " "))
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",:")))
    }

    static func capitalised(_ text: String) -> String {
        let text = trimmed(text)
        guard let first = text.first else { return "" }
        return first.uppercased() + text.dropFirst()
    }
}
