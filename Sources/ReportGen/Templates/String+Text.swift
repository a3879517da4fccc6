extension StringProtocol {
    /// The text without leading and trailing spaces and tabs: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives (tab and Unicode category Zs), without bridging
    /// to NSString, which cost more than the rest of loading the templates together.
    func trimmingSpaces() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return String(self) }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The non-empty lines of the text, split at every character Swift counts as a newline. Split by
    /// Unicode scalar: `split(whereSeparator: \.isNewline)` runs grapheme breaking over every
    /// character, which was a tenth of a national report.
    func nonEmptyLines() -> [String] {
        Substring(self).unicodeScalars.split { scalar in
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
            default: false
            }
        }.map { String(Substring($0)) }
    }
}
