/// Whitespace trimming without Foundation's character sets, and plain substring replacement.
///
/// Every line of a plan passes through these several times, so each first checks whether there is
/// anything to do: most lines have no surrounding white space and no dash to replace, and copying
/// a long paragraph scalar by scalar for nothing was a large share of an import's time.
extension StringProtocol {
    /// The text without white space or line breaks around it (Unicode's White_Space: what Foundation's
    /// `.whitespacesAndNewlines` trims), without Foundation.
    public func trimmingWhitespace() -> String {
        let all = Substring(self).unicodeScalars
        if let first = all.first, let last = all.last, !first.properties.isWhitespace, !last.properties.isWhitespace {
            return String(self)
        }
        var scalars = all[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    func trimmingTrailingWhitespace() -> String {
        let all = Substring(self).unicodeScalars
        if let last = all.last, !last.properties.isWhitespace { return String(self) }
        var scalars = all[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension String {
    func replacingAll(of targets: [String], with replacement: String) -> String {
        // Targets of one character (the dashes LineSyntax normalises) are replaced in one pass over
        // the characters, and a string holding none of them is returned as it is.
        if targets.allSatisfy({ $0.count == 1 }) {
            let singles = Set(targets.map { Character($0) })
            guard contains(where: singles.contains) else { return self }
            var result = ""
            result.reserveCapacity(utf8.count)
            for character in self {
                if singles.contains(character) { result += replacement } else { result.append(character) }
            }
            return result
        }
        var result = self
        for target in targets { result = result.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement) }
        return result
    }
}
