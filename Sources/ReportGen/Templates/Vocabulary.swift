import AgendaTemplates

/// The Swedish words of the built-in labels file (templates/default/labels-sv.tsv) for front ends:
/// the CLI's table headers and recurring domain words are read from here, so the command line says
/// what the reports say (one vocabulary: "Aktivitet", "Insatsområde", "Bedömning", …). Words only the
/// command line uses have `cli.*` keys in the same file.
public struct Vocabulary: Sendable {
    let labels: Labels

    /// The built-in Swedish words. Reads only the labels file, not the rest of the template set.
    public static let builtIn: Vocabulary = {
        let name = TemplateFile.labels.rawValue
        let values = EmbeddedFiles.default[name].flatMap { try? KeyValueFile(data: $0, file: name) }?.values ?? [:]
        return Vocabulary(labels: Labels(values: values, file: name))
    }()

    /// The text for `key` ("action.title" → "Aktivitet"), with `%1`, `%2`, … replaced by `arguments`;
    /// the key itself when the file lacks it.
    public subscript(_ key: String, _ arguments: String...) -> String { labels.text(key, arguments) }
}
