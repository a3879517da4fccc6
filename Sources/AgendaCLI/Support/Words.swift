import ReportGen

/// The CLI's Swedish words, read from the reports' labels (templates/default/labels-sv.tsv) so the
/// command line and the reports say the same thing: `Words["action.title"]` is "Aktivitet" in both.
enum Words {
    static subscript(_ key: String, _ arguments: String...) -> String {
        switch arguments.count {
        case 0: Vocabulary.builtIn[key]
        case 1: Vocabulary.builtIn[key, arguments[0]]
        default: Vocabulary.builtIn[key, arguments[0], arguments[1]]
        }
    }

    /// "1 aktivitet", "34 aktiviteter": a count with the Swedish singular or plural.
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
