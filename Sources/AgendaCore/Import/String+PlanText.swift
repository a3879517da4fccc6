/// Whitespace trimming without Foundation's character sets, and plain substring replacement.
extension StringProtocol {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    func trimmingTrailingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension String {
    func replacingAll(of targets: [String], with replacement: String) -> String {
        var result = self
        for target in targets { result = result.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement) }
        return result
    }
}
