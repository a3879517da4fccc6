/// Which written labels mean which field ("Ansvar:" and "Ansvarig:" both mean responsibility).
/// Loaded from templates/default/import-labels.tsv; a user extends it with their own file.
public struct LabelTable: Sendable, Equatable {
    public static let standard = LabelTable()

    public init() {}
}
