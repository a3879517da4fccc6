/// A line the importer could not place, or dropped as page furniture. Kept and reported, never silent.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number in the imported file.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// "rad 51: …", the form the CLI prints.
    public var description: String { "rad \(line): \(message)" }
}
