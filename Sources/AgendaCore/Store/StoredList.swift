/// Reads the store's list columns — JSON arrays of strings or of small flat objects (plan steps,
/// cost parts, schedule phases …) — without JSONDecoder, which costs tens of thousands of
/// instructions per call: decoding them was a fifth of reading a large plan for a report.
///
/// Strict: anything but well-formed JSON of the expected shape gives nil, and the caller falls back
/// to JSONDecoder, which reads it or says what is wrong. `StoredListTests` holds the two equal.
enum StoredList {
    /// The elements of the JSON array `text`, or nil when it is not a list of `Element`s this reader
    /// can read.
    static func parse<Element: StoredListElement>(_ text: String, as _: Element.Type) -> [Element]? {
        var text = text
        return text.withUTF8 { bytes -> [Element]? in
            var reader = JSONReader(bytes: bytes)
            guard case .array(let items)? = reader.document() else { return nil }
            var result: [Element] = []
            result.reserveCapacity(items.count)
            for item in items {
                guard let element = Element(json: item) else { return nil }
                result.append(element)
            }
            return result
        }
    }
}

/// A list element ``StoredList`` can read: its JSON as `JSONEncoder` writes it (synthesised
/// `Codable`, keys named as the properties).
protocol StoredListElement: Decodable {
    init?(json: JSONValue)
}

extension String: StoredListElement {
    init?(json: JSONValue) {
        guard let s = json.string else { return nil }
        self = s
    }
}

extension EffectGoal: StoredListElement {
    /// A bare string (stored before goals had ids) is a goal with id 0; a goal with a measure is left
    /// to JSONDecoder.
    init?(json: JSONValue) {
        if let text = json.string {
            self.init(id: 0, text: text)
            return
        }
        if case .some = json["measure"] { return nil }
        guard let id = json["id"]?.int, let text = json["text"]?.string else { return nil }
        self.init(id: id, text: text)
    }
}

extension PlanStep: StoredListElement {
    init?(json: JSONValue) {
        guard let number = json["number"]?.int, let text = json["text"]?.string else { return nil }
        self.init(number: number, text: text)
    }
}

extension LabeledText: StoredListElement {
    init?(json: JSONValue) {
        guard let label = json["label"]?.string, let text = json["text"]?.string else { return nil }
        self.init(label: label, text: text)
    }
}

extension SchedulePhase: StoredListElement {
    init?(json: JSONValue) {
        guard let start = json["startYear"]?.int, let end = json["endYear"]?.int, let label = json["label"]?.string else { return nil }
        self.init(startYear: start, endYear: end, label: label)
    }
}

extension SchoolTerm: StoredListElement {
    init?(json: JSONValue) {
        guard let season = json["season"]?.string.flatMap(Season.init(rawValue:)), let year = json["year"]?.int else { return nil }
        self.init(season: season, year: year)
    }
}

extension CostPart: StoredListElement {
    init?(json: JSONValue) {
        guard let kind = json["kind"]?.string.flatMap(Kind.init(rawValue:)), let amount = json["amount"]?.int,
              let approximate = json["approximate"]?.bool, let years = json["years"]?.ints,
              let yearsDerived = json["yearsDerived"]?.bool, let source = json["source"]?.string
        else { return nil }
        self.init(kind: kind, amount: amount, approximate: approximate, years: years, yearsDerived: yearsDerived, source: source)
    }
}

extension StaffResource: StoredListElement {
    init?(json: JSONValue) {
        guard let role = json["role"]?.string, let fte = json["fullTimeEquivalent"]?.double, let source = json["source"]?.string
        else { return nil }
        self.init(role: role, fullTimeEquivalent: fte, source: source)
    }
}
