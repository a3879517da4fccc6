/// A plain-text table for the terminal: a header row, a rule, then rows; long cells are cut with "…".
struct TextTable {
    struct Column {
        let header: String
        let maxWidth: Int
        let alignRight: Bool

        init(_ header: String, maxWidth: Int = 60, alignRight: Bool = false) {
            self.header = header
            self.maxWidth = maxWidth
            self.alignRight = alignRight
        }
    }

    let columns: [Column]
    private(set) var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    mutating func append(_ cells: [String]) {
        precondition(cells.count == columns.count, "a row has one cell per column")
        rows.append(zip(cells, columns).map { cell, column in Self.fit(cell, column.maxWidth) })
    }

    func render() -> String {
        let widths = columns.indices.map { index in
            ([columns[index].header] + rows.map { $0[index] }).map(\.count).max() ?? 0
        }
        func format(_ cells: [String]) -> String {
            zip(cells, zip(widths, columns)).map { cell, layout in
                let padding = String(repeating: " ", count: layout.0 - cell.count)
                return layout.1.alignRight ? padding + cell : cell + padding
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        var lines = [format(columns.map(\.header))]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(format)
        return lines.joined(separator: "\n")
    }

    private static func fit(_ text: String, _ width: Int) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count <= width ? oneLine : String(oneLine.prefix(width - 1)) + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
