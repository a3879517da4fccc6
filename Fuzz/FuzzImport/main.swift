import AgendaCore
import CFuzzDriver
import Foundation

/// libFuzzer entry point for every importer: the format is chosen by the environment variable
/// AGENDA_FUZZ_FORMAT (text, markdown, json, docx, odt). Each input must either import or be refused
/// with an error whose description is one line; anything else (a crash, a multi-line message) traps.
/// Parsing opens no file and no database, so a refusal writes nothing.
private let format: PlanFormat = {
    let name = ProcessInfo.processInfo.environment["AGENDA_FUZZ_FORMAT"] ?? "text"
    guard let format = PlanFormat(rawValue: name) else { fatalError("AGENDA_FUZZ_FORMAT: unknown format \(name)") }
    return format
}()

private let labels: LabelTable = {
    do { return try LabelTable.standard() } catch { fatalError("label table: \(error)") }
}()

private func fuzzImport(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    do {
        _ = try PlanSource.read(data, filename: "plan.\(format.rawValue)", format: format, labels: labels)
    } catch {
        let message = String(describing: error)
        if message.isEmpty || message.contains(where: \.isNewline) {
            fatalError("refusal is not one line: \(message.debugDescription)")
        }
    }
    return 0
}

exit(agenda_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzImport))
