/// Why a .docx or .odt file could not be read as a plan. Nothing is written when one of these is thrown.
///
/// `kind` is the document type a person knows ("Word document (.docx)").
public enum DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are no zip package at all.
    case notAZip(String)
    /// A zip package whose directory or entries do not add up (cut off, or damaged).
    case damagedZip(String)
    /// A password-protected document (an encrypted zip entry, an ODF encrypted part, or Office's encrypted container).
    case encrypted(String)
    case unsupportedCompression(String, method: Int)
    /// A zip package without the part that holds the text (word/document.xml, content.xml).
    case missingPart(String, part: String)
    /// A part that is not well-formed XML; `line` is the line in that part.
    case malformedXML(String, part: String, line: Int, message: String)

    public var description: String {
        switch self {
        case let .notAZip(kind):
            return "cannot read the file as \(kind): it is not a zip package; save the plan again from Word or LibreOffice, or as plain text (.txt)"
        case let .damagedZip(kind):
            return "the \(kind) is damaged or cut off (its zip package does not add up); save it again and import the new copy"
        case let .encrypted(kind):
            return "the \(kind) is password-protected or encrypted (or an old binary .doc); save a copy without a password as .docx or .odt and import that"
        case let .unsupportedCompression(kind, method):
            return "the \(kind) uses zip compression method \(method), which Agenda does not read; save it again from Word or LibreOffice"
        case let .missingPart(kind, part):
            return "cannot read the file as \(kind): the package has no \(part)"
        case let .malformedXML(kind, part, line, message):
            return "the \(kind) is damaged: \(part) is not well-formed XML (line \(line): \(message))"
        }
    }
}
