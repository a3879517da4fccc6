import Foundation
import Testing
@testable import AgendaCore

struct ImportFormatTests {
    @Test(arguments: [
        ("plan.json", "x", PlanFormat.json),
        (nil, "  {\"version\": 1}", .json),
        ("plan.md", "Plan", .markdown),
        (nil, "# Plan\n\n## Område", .markdown),
        ("plan.txt", "# not markdown when named .txt", .text),
        (nil, "1. Extern service\n", .text),
    ] as [(String?, String, PlanFormat)])
    func detectsFormatByExtensionThenContent(filename: String?, content: String, expected: PlanFormat) {
        #expect(PlanImporter.detectFormat(data: Data(content.utf8), filename: filename) == expected)
    }
}
