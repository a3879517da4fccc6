/// An action while its lines are being read; becomes an ``Action`` once its code is known.
struct ActionDraft {
    /// One labelled field as written.
    struct Field {
        var kind: LabelTable.Field
        var label: String
        var line: Int
        var text = TextBlocks()
        /// A blank line has followed the field's content.
        var sawGap = false

        /// Tidsplan, Ansvarig and Kostnad hold one paragraph or one list; what follows a gap is not theirs.
        var takesOneBlock: Bool { [.responsibility, .schedule, .cost].contains(kind) }

        func accepts(_ line: String) -> Bool {
            guard takesOneBlock, sawGap, !text.isEmpty else { return true }
            return LineSyntax.isListItem(line) && (text.lastLine.map(LineSyntax.isListItem) ?? false)
        }
    }

    /// A line kept in the background because it fitted no field, reported once the code is known.
    struct Unplaced {
        var line: Int
        var reason: String
    }

    var line: Int
    var areaNumber: Int
    var subAreaCode: String?
    var title: String
    var background = TextBlocks()
    var fields: [Field] = []
    var unplaced: [Unplaced] = []

    var current: Field? {
        get { fields.last }
        set { if let newValue { fields[fields.count - 1] = newValue } }
    }

    var hasFields: Bool { !fields.isEmpty }

    func has(_ kind: LabelTable.Field) -> Bool { fields.contains { $0.kind == kind } }

    /// The text of every field of one kind, in order; nil when the action has none.
    func text(of kind: LabelTable.Field) -> TextBlocks? {
        let matching = fields.filter { $0.kind == kind }
        guard !matching.isEmpty else { return nil }
        var all = TextBlocks()
        for field in matching { all.append(field.text) }
        return all
    }
}
