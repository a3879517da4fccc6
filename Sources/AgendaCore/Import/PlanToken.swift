/// What a reader recognised in one line (or, in Markdown, one paragraph) of a plan.
/// ``PlanAssembler`` turns the sequence into an ``Agenda``.
enum PlanToken: Equatable {
    /// The document title, the first non-empty line or the single "# Title".
    case title(String)
    /// One cell of the header block ("Beslutat av Stadsdirektören").
    case headerCell(String)
    case area(number: Int, title: String)
    case subArea(code: String, areaNumber: Int, title: String)
    /// An unnumbered heading that opens an action of its own inside a sub-area ("Processverktyg").
    case actionHeading(String)
    /// "Label: value"; whether the label is known is decided with the ``LabelTable``.
    case label(LineSyntax.LabelLine)
    /// A paragraph or list item, verbatim.
    case text(String)
    case blank
}
