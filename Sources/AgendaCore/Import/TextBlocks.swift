/// Text gathered line by line into blocks (paragraphs or lists): lines within a block are
/// joined with "\n", blocks with a blank line between them.
struct TextBlocks: Equatable {
    private(set) var blocks: [[String]] = []
    private var isOpen = false

    var isEmpty: Bool { blocks.isEmpty }
    var lines: [String] { blocks.flatMap { $0 } }
    var lastLine: String? { blocks.last?.last }
    var rendered: String { blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") }

    mutating func append(_ line: String) {
        if !isOpen {
            blocks.append([])
            isOpen = true
        }
        blocks[blocks.count - 1].append(line)
    }

    /// Ends the current block; the next line starts a new one.
    mutating func endBlock() {
        isOpen = false
    }

    mutating func append(_ other: TextBlocks) {
        endBlock()
        blocks += other.blocks
    }
}

extension TextBlocks {
    /// The blocks of a text typed as one string: blank lines separate blocks.
    init(text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) { endBlock() } else { append(String(line)) }
        }
    }
}

extension PlanText {
    /// A plan typed as one text (`agenda edit action --plan`), its numbered lines read as steps
    /// exactly as the importer reads them.
    public init(parsing text: String) {
        self = PlanAssembler.planText(TextBlocks(text: text))
    }
}
