/// Reads an ansvarig text into a lead unit and co-responsible units, resolving names
/// through the organisation register and adding new förvaltningar/enheter to it.
///
/// The text is split at "tillsammans med", "i samarbete med", "i samverkan med", "samt", ";" and at
/// an "och" between two förvaltningar. The first part names the lead, each later part a
/// co-responsible unit. Within a part, "Förvaltning, enhet" names an enhet of that förvaltning; an
/// enhet named without a förvaltning belongs to the one that already has it, else to the lead's.
/// A part that names no unit ("samt eventuella berörda verksamheter …") is a note.
public enum ResponsibilityParser {
    public static func parse(_ text: String, register: inout OrganisationRegister) -> Responsibility {
        var result = Responsibility(text: text)
        for (index, group) in groups(in: SwedishText.trimmed(text), register: register).enumerated() {
            if isNote(group.body) {
                result.notes.append(SwedishText.trimmed(group.connector + group.body))
                continue
            }
            let refs = units(in: group.body, lead: result.lead, register: &register, unsure: &result.unsure)
            for (offset, ref) in refs.enumerated() {
                if index == 0 && offset == 0 && result.lead == nil {
                    result.lead = ref
                } else if ref != result.lead && !result.coResponsible.contains(ref) {
                    result.coResponsible.append(ref)
                }
            }
        }
        return result
    }

    /// A part of the text and the connector before it ("samt ", "" for the first).
    private struct Group {
        var connector: String
        var body: String
    }

    // Regex is not Sendable, yet a Regex is never mutated once built (the standard library publishes its
    // lazily compiled program atomically), so these shared constants are safe across threads. Building a
    // regex on every call (a literal in a function body, a computed property) parsed and compiled it
    // anew each time, which was most of the importer's time.
    nonisolated(unsafe) private static let connector =
        /\s+(?:tillsammans\s+med|i\s+samarbete\s+med|i\s+samverkan\s+med|samt)\s+|\s*;\s*/.ignoresCase()
    nonisolated(unsafe) private static let and = /\s+och\s+/

    private static func groups(in text: String, register: OrganisationRegister) -> [Group] {
        var groups: [Group] = []
        var start = text.startIndex
        var pending = ""
        for match in text.matches(of: Self.connector) {
            groups.append(Group(connector: pending, body: String(text[start..<match.range.lowerBound])))
            pending = String(text[match.range]).trimmingCharacters(in: .whitespaces) + " "
            start = match.range.upperBound
        }
        groups.append(Group(connector: pending, body: String(text[start...])))
        return groups.flatMap { splitAtAnd($0, register: register) }
            .flatMap { splitAtDepartment($0, register: register) }
            .map { Group(connector: $0.connector, body: SwedishText.trimmed($0.body)) }
            .filter { !$0.body.isEmpty }
    }

    /// "Skolförvaltningen och Stadsledningsförvaltningen, IT-avdelningen" is two groups;
    /// "Kultur och fritidsförvaltningen" and "Kommunikations- och kanslienheten" are one.
    private static func splitAtAnd(_ group: Group, register: OrganisationRegister) -> [Group] {
        for match in group.body.matches(of: Self.and) {
            let left = group.body[..<match.range.lowerBound]
            let right = group.body[match.range.upperBound...]
            guard !left.hasSuffix("-"),
                  let leftHead = left.split(separator: ",").first, isDepartment(String(leftHead), register),
                  let rightHead = right.split(separator: ",").first, isDepartment(String(rightHead), register)
            else { continue }
            return [Group(connector: group.connector, body: String(left))]
                + splitAtAnd(Group(connector: "och ", body: String(right)), register: register)
        }
        return [group]
    }

    /// "Skolförvaltningen, Serviceförvaltningen" is two groups.
    private static func splitAtDepartment(_ group: Group, register: OrganisationRegister) -> [Group] {
        var result: [Group] = []
        for piece in group.body.split(separator: ",", omittingEmptySubsequences: false) {
            if let last = result.last, !isDepartment(String(piece), register) {
                result[result.count - 1].body = last.body + "," + piece
            } else {
                result.append(Group(connector: result.isEmpty ? group.connector : ", ", body: String(piece)))
            }
        }
        return result.map { Group(connector: $0.connector, body: SwedishText.trimmed($0.body)) }
    }

    private static func isDepartment(_ name: String, _ register: OrganisationRegister) -> Bool {
        register.resolve(name) != nil || OrganisationRegister.looksLikeDepartment(name)
    }

    /// Words that open a part naming no particular unit: "eventuella berörda verksamheter".
    private static func isNote(_ body: String) -> Bool {
        let openers: Set<String> = [
            "eventuella", "eventuellt", "ev", "berörda", "övriga", "samtliga", "alla", "respektive", "andra",
            "relevanta", "aktuella", "externa", "övrig",
        ]
        guard let first = body.split(whereSeparator: { $0.isWhitespace || $0 == "." }).first else { return false }
        return openers.contains(first.lowercased())
    }

    /// The units one group names, in order.
    private static func units(
        in body: String, lead: UnitRef?, register: inout OrganisationRegister, unsure: inout [String]
    ) -> [UnitRef] {
        var pieces = body.split(separator: ",").map { SwedishText.trimmed($0) }.filter { !$0.isEmpty }
        guard !pieces.isEmpty else { return [] }

        let department: String
        if isDepartment(pieces[0], register) {
            let written = pieces.removeFirst()
            if let found = register.resolve(written) {
                department = found.department
                if found.confident {
                    try? register.addAlias(written, for: department)
                } else {
                    unsure.append(body)
                }
            } else if let added = try? register.addDepartment(written) {
                department = added
            } else {
                unsure.append(body)
                return []
            }
            if pieces.isEmpty { return [UnitRef(department: department)] }
        } else if let owner = owner(of: pieces, lead: lead, register: register) {
            department = owner
        } else {
            unsure.append(body)
            return []
        }

        return pieces.flatMap(splitUnits).compactMap { name in
            if let found = register.resolveUnit(name, in: department) {
                if !found.confident { unsure.append(name) }
                return UnitRef(department: department, unit: found.unit)
            }
            guard let unit = try? register.addUnit(name, to: department) else {
                unsure.append(name)
                return nil
            }
            return UnitRef(department: department, unit: unit)
        }
    }

    /// The förvaltning of enheter named without one: the lead's if it has the first of them or
    /// none other does, else the one förvaltning that has it.
    private static func owner(of units: [String], lead: UnitRef?, register: OrganisationRegister) -> String? {
        let holders = register.departments(withUnit: units[0])
        if let lead, holders.isEmpty || holders.contains(lead.department) { return lead.department }
        return holders.count == 1 ? holders[0] : nil
    }

    /// "IT-avdelningen och kommunikationsenheten" is two enheter; "Kommunikations- och kanslienheten" one.
    private static func splitUnits(_ piece: String) -> [String] {
        guard let match = piece.firstMatch(of: Self.and) else { return [piece] }
        let left = String(piece[..<match.range.lowerBound])
        let right = String(piece[match.range.upperBound...])
        guard !left.hasSuffix("-"), OrganisationRegister.endsInHeadNoun(left), OrganisationRegister.endsInHeadNoun(right)
        else { return [piece] }
        return [left] + splitUnits(right)
    }
}
