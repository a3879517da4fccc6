import AgendaCore
import Foundation
import Testing
@testable import ReportGen

@Suite struct ReportOutputTests {
    /// Writes all five formats to $REPORT_OUT (when set) for check-report and a look at the pages.
    @Test func writesEveryFormatToReportOut() throws {
        guard let out = ProcessInfo.processInfo.environment["REPORT_OUT"], !out.isEmpty else { return }
        let dir = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let templates = try TemplateSet.load(from: nil)
        for format in ReportFormat.allCases {
            let url = dir.appendingPathComponent(ReportFile.fileName(for: Fixture.period, format: format))
            try ReportWriter.write(Fixture.model, format: format, to: url, templates: templates)
        }
    }
}
