import Foundation

/// The rules for what a person or a file may put into the store, checked where it enters (the store's
/// write paths call them, so every front end gets the same answer). Each gives one line that names the
/// field and says what to write instead.
public enum Validation {
    /// Why `code` is not an action code, or nil when it is one. A code is what the plan writes: numbers
    /// separated by dots, the last optionally followed by one letter ("1.2", "2.3a", "4", "8.1").
    public static func actionCodeProblem(_ code: String) -> InputProblem? {
        if code.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return .empty }
        var scalars = Substring(code).unicodeScalars[...]
        if let last = scalars.last, last.isASCII, last.properties.isAlphabetic { scalars = scalars.dropLast() }
        let parts = scalars.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = parts.allSatisfy { part in
            !part.isEmpty && part.count <= 9 && part.allSatisfy { ("0"..."9").contains($0) }
        }
        return wellFormed ? nil : .notAnActionCode(code)
    }

    /// Refuses what ``actionCodeProblem(_:)`` finds with ``StoreError/invalidInput(_:_:)``.
    public static func checkActionCode(_ code: String) throws {
        if let problem = actionCodeProblem(code) { throw StoreError.invalidInput(.code, problem) }
    }

    /// The most characters a name may have.
    public static let longestName = 200

    /// Why `name` cannot be a name, or nil when it can: a name is printable text, not blank, without
    /// control characters or line breaks, at most ``longestName`` characters.
    public static func nameProblem(_ name: String) -> InputProblem? {
        if name.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return .empty }
        if name.count > longestName { return .tooLong(count: name.count, limit: longestName) }
        if let bad = name.unicodeScalars.first(where: { !isPrintable($0) }) { return .controlCharacter(bad.value) }
        return nil
    }

    /// Refuses what ``nameProblem(_:)`` finds with ``StoreError/invalidInput(_:_:)`` for `field`.
    public static func checkName(_ name: String, field: InputField) throws {
        if let problem = nameProblem(name) { throw StoreError.invalidInput(field, problem) }
    }

    /// Not a control character (C0, DEL, C1), a line or paragraph separator, a surrogate or a noncharacter.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .surrogate: return false
        default: return !scalar.properties.isNoncharacterCodePoint
        }
    }
}

/// What an e-mail address is, the one rule for the addresses people enter and the ones the mail goes to.
public enum EmailAddress {
    /// Whether `address` is one: exactly one `@`; a local part of at most 64 octets and a domain, neither with
    /// an empty dot-separated label (no leading, trailing or double dot); no white space, control character or
    /// any of `<>()[],;:\"` (which would let it carry a second address or a header); a domain with a dot, or
    /// `localhost`; at most 254 octets. UTF-8 is accepted (RFC 6531).
    public static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.utf8.count <= 254, parts.count == 2, parts[0].utf8.count <= 64 else { return false }
        let (local, domain) = (parts[0], parts[1])
        let forbidden: Set<Character> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\""]
        for character in address {
            if character.isWhitespace || forbidden.contains(character) { return false }
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return false }
        }
        for part in [local, domain] where part.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return false
        }
        return domain.contains(".") || domain.lowercased() == "localhost"
    }

    /// The address a person typed, trimmed, or a refusal of the field ``InputField/email``. A person's address
    /// needs a real domain (one with a dot), not `localhost`.
    public static func checked(_ text: String) throws -> String {
        let address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard isValid(address), address.split(separator: "@").last?.contains(".") == true else {
            throw StoreError.invalidInput(.email, .notAnEmailAddress(String(address.prefix(100))))
        }
        return address
    }
}
