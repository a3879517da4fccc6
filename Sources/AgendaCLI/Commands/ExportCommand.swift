import AgendaCommandLine
import AgendaCore
import AgendaArguments
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exportera hela agendan med historik som JSON (docs/json-format.md)."
    )

    @OptionGroup var global: GlobalOptions

    @Option("out", help: ArgumentHelp("Skriv till den här filen i stället för till standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        let json = try AgendaJSON.encode(global.service().exportDocument())
        if let out {
            do {
                try json.write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CLIError("kan inte skriva \(out): \((error as NSError).localizedDescription)")
            }
        } else {
            Output.data(json)
        }
    }
}
