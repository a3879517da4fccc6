import AgendaTemplates
import Foundation

/// The organisation register used while importing: förvaltningar, their enheter, and the
/// aliases that resolve spelling variants to one entry.
///
/// Names are compared after normalising case, hyphens and dashes ("Vård-och" is "Vård- och"),
/// white space, trailing punctuation and the definite ending of the head noun
/// ("Stadsledningsförvaltning" is "Stadsledningsförvaltningen", "stadsarkiv" is "Stadsarkivet").
/// A name within two edits of a known one resolves too, but not confidently.
public struct OrganisationRegister: Sendable, Equatable {
    public var departments: [Department] {
        get { storage }
        set {
            storage = newValue
            rebuildLookup()
        }
    }

    private var storage: [Department]
    /// Every name and alias key → the index of the first förvaltning it names: ``resolve(_:)`` in
    /// constant time instead of normalising every name in the register on every lookup, which made
    /// an import quadratic in the number of förvaltningar (hundreds in a plan across municipalities).
    private var lookup: [String: Int] = [:]
    /// Per förvaltning, its enheter's keys.
    private var unitKeys: [[String]] = []
    /// Every spelling's near-miss forms (see ``forms(_:)``), with the förvaltning it names.
    private var nearForms: [NearForm] = []
    /// Form length → the indices in ``nearForms`` of the forms of that length, in order: two edits
    /// change a length by at most two, so a lookup compares only forms of nearly the same length.
    private var nearFormsByLength: [Int: [Int]] = [:]

    private struct NearForm: Sendable {
        var characters: [Character]
        var department: Int
    }

    public init(departments: [Department] = []) {
        storage = departments
        rebuildLookup()
    }

    /// Registers compare by their förvaltningar; the lookup tables are derived from them.
    public static func == (a: OrganisationRegister, b: OrganisationRegister) -> Bool {
        a.storage == b.storage
    }

    private mutating func rebuildLookup() {
        lookup = [:]
        unitKeys = []
        nearForms = []
        nearFormsByLength = [:]
        for position in storage.indices {
            unitKeys.append(storage[position].units.map(Self.key))
            addSpellings([storage[position].name] + storage[position].aliases, of: position)
        }
    }

    /// Adds spellings (a new förvaltning's name, a new alias) of `storage[position]` to the lookup tables.
    private mutating func addSpellings(_ spellings: [String], of position: Int) {
        for spelling in spellings {
            let key = Self.key(spelling)
            if lookup[key] == nil { lookup[key] = position }
            for form in Self.forms(spelling).map(Array.init) {
                nearFormsByLength[form.count, default: []].append(nearForms.count)
                nearForms.append(NearForm(characters: form, department: position))
            }
        }
    }

    /// The förvaltningar and aliases of templates/default/organisation-aliases.tsv, built into the
    /// executable (Mölndal's abbreviations SLF and SKF), known before any import.
    public static func standard() throws -> OrganisationRegister {
        try builtIn.get()
    }

    /// The built-in table, read once per process: it is compiled into the binary and never changes.
    private static let builtIn = Result<OrganisationRegister, any Error> {
        let name = "organisation-aliases.tsv"
        guard let text = EmbeddedFiles.default.text(name) else {
            throw ImportError.unreadable(path: name, reason: "den inbyggda aliastabellen saknas eller är inte UTF-8-text")
        }
        return try parse(text, source: name)
    }

    /// A register read from a TSV file of `alias<TAB>förvaltning` rows; `#` starts a comment.
    public static func load(from url: URL) throws -> OrganisationRegister {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ImportError.unreadable(path: url.path, reason: "kan inte läsa aliastabellen som UTF-8-text")
        }
        return try parse(text, source: url.path)
    }

    /// The register in `text`, rows of `alias<TAB>förvaltning`; errors name `source`.
    private static func parse(_ text: String, source: String) throws -> OrganisationRegister {
        var register = OrganisationRegister()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let row = line.trimmingCharacters(in: .whitespaces)
            guard !row.isEmpty, !row.hasPrefix("#") else { continue }
            let columns = row.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            do {
                guard columns.count == 2 else { throw OrganisationRegisterError.emptyName }
                let department = try register.addDepartment(columns[1])
                try register.addAlias(columns[0], for: department)
            } catch {
                throw ImportError.unreadable(path: source, reason: "rad \(index + 1): väntade alias<TAB>förvaltning")
            }
        }
        return register
    }

    /// The canonical name of the förvaltning `name` means (its name, an alias or a spelling
    /// variant of either); `confident` is false for a near miss ("Stadsledningsförvaltnigen").
    /// nil when no förvaltning is near.
    public func resolve(_ name: String) -> (department: String, confident: Bool)? {
        let key = Self.key(name)
        guard !key.isEmpty else { return nil }
        if let position = lookup[key] { return (storage[position].name, true) }
        let target = Self.forms(name).map(Array.init)
        guard !target.isEmpty else { return nil }
        var near: Int?
        var rows = EditRows()
        let lengths = Set(target.flatMap { ($0.count - 2)...($0.count + 2) })
        let candidates = lengths.flatMap { nearFormsByLength[$0] ?? [] }.sorted()
        for index in candidates where near != nearForms[index].department {
            let form = nearForms[index]
            guard target.contains(where: { Self.editDistance($0, form.characters, limit: 2, rows: &rows) <= 2 }) else { continue }
            guard near == nil else { return nil }
            near = form.department
        }
        return near.map { (storage[$0].name, false) }
    }

    /// The canonical name of the enhet `name` means within `department` (any name that resolves).
    public func resolveUnit(_ name: String, in department: String) -> (unit: String, confident: Bool)? {
        guard let index = index(of: department) else { return nil }
        let key = Self.key(name)
        guard !key.isEmpty else { return nil }
        let units = storage[index].units
        if let position = unitKeys[index].firstIndex(of: key) { return (units[position], true) }
        return Self.nearest(to: name, among: units.map { ($0, [$0]) }).map { ($0, false) }
    }

    /// The förvaltningar whose enheter include one that `name` means exactly.
    public func departments(withUnit name: String) -> [String] {
        let key = Self.key(name)
        return storage.indices.filter { unitKeys[$0].contains(key) }.map { storage[$0].name }
    }

    /// Adds a förvaltning unless one with this name already resolves confidently, and returns its
    /// canonical name. A new förvaltning is named in canonical form ("Kultur och fritidsförvaltningen"
    /// becomes "Kultur- och fritidsförvaltningen") and keeps the spelling given as an alias.
    @discardableResult
    public mutating func addDepartment(_ name: String) throws(OrganisationRegisterError) -> String {
        let canonical = Self.canonicalName(name)
        guard !canonical.isEmpty else { throw .emptyName }
        if let existing = resolve(name), existing.confident { return existing.department }
        storage.append(Department(name: canonical))
        unitKeys.append([])
        addSpellings([canonical], of: storage.count - 1)
        try addAlias(name, for: canonical)
        return canonical
    }

    /// Lets `alias` ("SLF", a spelling variant) name `department`. A spelling that differs from the
    /// name or a known alias only in case or trailing punctuation is not recorded.
    public mutating func addAlias(_ alias: String, for department: String) throws(OrganisationRegisterError) {
        guard let index = index(of: department) else { throw .unknownDepartment(department) }
        let spelling = SwedishText.trimmed(alias)
        guard !spelling.isEmpty else { throw .emptyName }
        if let other = resolve(spelling), other.confident, other.department != storage[index].name {
            throw .aliasInUse(alias: spelling, department: other.department)
        }
        let written = ([storage[index].name] + storage[index].aliases).map { $0.lowercased() }
        if !written.contains(spelling.lowercased()) {
            storage[index].aliases.append(spelling)
            addSpellings([spelling], of: index)
        }
    }

    /// Adds the enhet `unit` to `department` unless it is already there, and returns its canonical name.
    @discardableResult
    public mutating func addUnit(_ unit: String, to department: String) throws(OrganisationRegisterError) -> String {
        guard let index = index(of: department) else { throw .unknownDepartment(department) }
        let canonical = Self.canonicalName(unit)
        guard !canonical.isEmpty else { throw .emptyName }
        if let position = unitKeys[index].firstIndex(of: Self.key(unit)) { return storage[index].units[position] }
        storage[index].units.append(canonical)
        unitKeys[index].append(Self.key(canonical))
        return canonical
    }

    private func index(of department: String) -> Int? {
        guard let name = resolve(department), name.confident else { return nil }
        return storage.firstIndex { $0.name == name.department }
    }

    // MARK: Names

    /// Head nouns of organisation names and their definite ending.
    private static let headNouns: [(noun: String, definite: String)] = [
        ("förvaltning", "en"), ("avdelning", "en"), ("enhet", "en"), ("sektion", "en"), ("nämnd", "en"),
        ("funktion", "en"), ("grupp", "en"), ("stab", "en"), ("arkiv", "et"), ("kontor", "et"),
        ("bibliotek", "et"), ("byrå", "n"),
    ]

    /// True when `name` ends in a word like "…förvaltningen" or "…nämnd".
    static func looksLikeDepartment(_ name: String) -> Bool {
        guard let last = key(name).split(separator: " ").last else { return false }
        return last.hasSuffix("förvaltning") || last.hasSuffix("nämnd")
    }

    /// True when `name` ends in an organisation head noun ("…enheten", "IT-avdelningen", "biblioteken").
    static func endsInHeadNoun(_ name: String) -> Bool {
        guard let last = key(name).split(separator: " ").last else { return false }
        return headNouns.contains { last.hasSuffix($0.noun) }
    }

    /// The form names are compared in: lower case, hyphens as spaces, single spaces, no trailing
    /// punctuation, head nouns without their definite ending.
    static func key(_ name: String) -> String {
        let spaced = SwedishText.key(SwedishText.trimmed(name))
            .map { "-–—".contains($0) ? " " : $0 }
        return String(spaced).split(whereSeparator: \.isWhitespace).map { word in
            for ending in ["en", "et", "n"] where word.hasSuffix(ending) {
                let stem = word.dropLast(ending.count)
                if headNouns.contains(where: { stem.hasSuffix($0.noun) }) { return String(stem) }
            }
            return String(word)
        }.joined(separator: " ")
    }

    // Regex is not Sendable, yet a Regex is never mutated once built (the standard library publishes its
    // lazily compiled program atomically), so these shared constants are safe across threads. Building a
    // regex on every call (a literal in a function body, a computed property) parsed and compiled it
    // anew each time, which was most of the importer's time.
    nonisolated(unsafe) private static let hyphenAnd = /(\p{L})\s*-\s*och\s+/
    nonisolated(unsafe) private static let twoWordsAnd = /(\p{L}+) och (\p{L}+)/

    /// `name` as the register writes it: single spaces, no trailing punctuation, an initial capital,
    /// "Vård- och" for "Vård-och", "Kultur- och fritidsförvaltningen" for "Kultur och
    /// fritidsförvaltningen", and the head noun in definite form ("Stadsledningsförvaltning" becomes
    /// "Stadsledningsförvaltningen").
    public static func canonicalName(_ name: String) -> String {
        var name = SwedishText.trimmed(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        name = name.replacing(Self.hyphenAnd) { "\($0.output.1)- och " }
        if let match = name.wholeMatch(of: Self.twoWordsAnd), endsInHeadNoun(String(match.output.2)),
           !headNouns.contains(where: { match.output.2.lowercased().hasPrefix($0.noun) }) {
            name = "\(match.output.1)- och \(match.output.2)"
        }
        if let last = name.split(separator: " ").last,
           let head = headNouns.first(where: { last.lowercased().hasSuffix($0.noun) }) {
            name += head.definite
        }
        return SwedishText.initialCapital(name)
    }

    /// The forms a near miss is compared in: as a key and as written (lower case, hyphens as
    /// spaces); only those of eight letters or more.
    private static func forms(_ text: String) -> [String] {
        let loose = SwedishText.trimmed(text).lowercased().map { "-–—".contains($0) ? " " : $0 }
        return [key(text), String(loose).split(whereSeparator: \.isWhitespace).joined(separator: " ")]
            .filter { $0.count >= 8 }
    }

    /// The one name with a spelling within two edits of `written`, compared both as keys and as
    /// written; only for names of eight letters or more.
    private static func nearest(to written: String, among names: [(name: String, spellings: [String])]) -> String? {
        let target = forms(written).map(Array.init)
        let near = names.filter { candidate in
            candidate.spellings.flatMap(forms).contains { form in
                target.contains { editDistance($0, Array(form), limit: 2) <= 2 }
            }
        }
        return near.count == 1 ? near[0].name : nil
    }

    /// Two rows of an edit-distance table, kept between comparisons so that comparing a name with
    /// every förvaltning in a large register allocates nothing per comparison.
    struct EditRows {
        var previous: [Int] = []
        var current: [Int] = []
    }

    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        var rows = EditRows()
        return editDistance(a, b, limit: limit, rows: &rows)
    }

    /// The edit distance of `a` and `b`, or `limit + 1` as soon as it is known to exceed `limit`:
    /// only the diagonal band of width `limit` is computed, and a row whose every cell exceeds
    /// `limit` ends the search, so most comparisons of unlike names stop after a few letters.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int, rows: inout EditRows) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        let beyond = limit + 1
        if rows.previous.count < b.count + 1 {
            rows.previous = Array(repeating: beyond, count: b.count + 1)
            rows.current = Array(repeating: beyond, count: b.count + 1)
        }
        for j in 0...b.count { rows.previous[j] = min(j, beyond) }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            rows.current[0] = i <= limit ? i : beyond
            if low > 1 { rows.current[low - 1] = beyond }
            var rowMinimum = rows.current[0]
            for j in low...high {
                let substitution = rows.previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let cell = min(rows.previous[j] + 1, rows.current[j - 1] + 1, substitution, beyond)
                rows.current[j] = cell
                rowMinimum = min(rowMinimum, cell)
            }
            if high < b.count { rows.current[high + 1] = beyond }
            if rowMinimum > limit { return beyond }
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[b.count]
    }
}

/// Why a change to the organisation register was refused.
public enum OrganisationRegisterError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownDepartment(String)
    case aliasInUse(alias: String, department: String)
    case emptyName

    public var description: String {
        switch self {
        case .unknownDepartment(let name): "det finns ingen förvaltning som heter \(name) i organisationsregistret"
        case .aliasInUse(let alias, let department): "\(alias) är redan ett namn på \(department)"
        case .emptyName: "en förvaltning eller enhet måste ha ett namn"
        }
    }
}
