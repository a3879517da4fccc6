/// Which OpenDocument type a writer produces.
enum ODFKind {
    case text
    case spreadsheet

    var mediaType: String {
        switch self {
        case .text: "application/vnd.oasis.opendocument.text"
        case .spreadsheet: "application/vnd.oasis.opendocument.spreadsheet"
        }
    }
}
