import AgendaTemplates
import Foundation

/// Mölndals stad's digital agenda 2017–2019, built into the executable (templates/sample) as the sample plan for `agenda demo`.
public enum DemoPlan {
    public static let fileName = "molndal-digital-agenda-2017-2019.txt"

    /// The plan document as "save as text" gave it.
    public static func data() throws -> Data {
        guard let data = EmbeddedFiles.sample[fileName] else {
            throw ImportError.unreadable(path: fileName, reason: "exempelplanen saknas bland de inbyggda filerna")
        }
        return data
    }
}
