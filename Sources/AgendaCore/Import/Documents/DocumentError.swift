/// Why a .docx or .odt file could not be read as a plan. Nothing is written when one of these is thrown.
///
/// `kind` is the document type a person knows ("Word-dokumentet (.docx)").
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
    /// A package built to do harm or far beyond any plan: too many entries, a part that unpacks past
    /// ``ZipPackage/maximumPartSize``, an entry name that leaves the package ("../../etc/passwd").
    case unsafePackage(String, reason: String)
    /// A document type declaration in a part: Word and LibreOffice never write one, and it is how
    /// entity expansion (billion laughs) and external entities (XXE) get in. Refused before any is read.
    case documentTypeDeclaration(String, part: String)

    public var description: String {
        switch self {
        case let .notAZip(kind):
            return "filen går inte att läsa som \(kind): den är inget zip-paket; spara planen igen från Word eller LibreOffice, eller som vanlig text (.txt)"
        case let .damagedZip(kind):
            return "\(kind) är skadat eller avkortat (zip-paketet går inte ihop); spara det igen och importera den nya kopian"
        case let .encrypted(kind):
            return "\(kind) är lösenordsskyddat eller krypterat (eller en gammal binär .doc); spara en kopia utan lösenord som .docx eller .odt och importera den"
        case let .unsupportedCompression(kind, method):
            return "\(kind) använder zip-komprimeringsmetod \(method), som Agenda inte läser; spara det igen från Word eller LibreOffice"
        case let .missingPart(kind, part):
            return "filen går inte att läsa som \(kind): paketet saknar \(part)"
        case let .malformedXML(kind, part, line, message):
            return "\(kind) är skadat: \(part) är inte välformad XML (rad \(line): \(ZipPackage.printable(message)))"
        case let .unsafePackage(kind, reason):
            return "\(kind) avvisas: \(reason); spara planen igen från Word eller LibreOffice"
        case let .documentTypeDeclaration(kind, part):
            return "\(kind) avvisas: \(part) har en dokumenttypsdeklaration (DOCTYPE), som Word och LibreOffice aldrig skriver; spara planen igen från Word eller LibreOffice"
        }
    }
}

extension DocumentError: Refusal {
    /// A document that cannot be read as a plan: the file must change.
    public var kind: RefusalKind { .invalidInput }
}
