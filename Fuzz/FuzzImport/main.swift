import AgendaCore
import CFuzzDriver
import Foundation

/// libFuzzer entry point for every importer: the format is chosen by the environment variable
/// AGENDA_FUZZ_FORMAT (text, markdown, json, docx, odt for `agenda import`; lika for the self-assessment
/// export of `agenda lika import`). Each input must either import or be refused with an error whose
/// description is one line; anything else (a crash, a multi-line message) traps. Parsing opens no file
/// and no database, so a refusal writes nothing.
private enum Target {
    case plan(PlanFormat)
    /// SKR's LIKA self-assessment export, read by ``LikaExportReader`` as `agenda lika import` reads it.
    case lika
}

private let target: Target = {
    let name = ProcessInfo.processInfo.environment["AGENDA_FUZZ_FORMAT"] ?? "text"
    if name == "lika" { return .lika }
    guard let format = PlanFormat(rawValue: name) else { fatalError("AGENDA_FUZZ_FORMAT: unknown format \(name)") }
    return .plan(format)
}()

private let labels: LabelTable = {
    do { return try LabelTable.standard() } catch { fatalError("label table: \(error)") }
}()

private func fuzzImport(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    do {
        switch target {
        case let .plan(format):
            _ = try PlanSource.read(data, filename: "plan.\(format.rawValue)", format: format, labels: labels)
        case .lika:
            // As `agenda lika import` does: UTF-8 text or a one-line refusal, then the reader with the built-in
            // set and the built-in words of the answer scale.
            guard let text = String(data: data, encoding: .utf8) else { return 0 }
            _ = try LikaExportReader.read(text, source: "export.tsv", set: IndicatorSet.likaSocialtjanst, answers: .builtIn)
        }
    } catch {
        let message = String(describing: error)
        if message.isEmpty || message.contains(where: \.isNewline) {
            fatalError("refusal is not one line: \(message.debugDescription)")
        }
    }
    return 0
}

exit(agenda_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzImport))
