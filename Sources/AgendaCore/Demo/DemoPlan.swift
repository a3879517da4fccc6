import Foundation

/// Mölndals stad's digital agenda 2017–2019, shipped inside the package as the sample plan for `agenda demo`.
public enum DemoPlan {
    public static let fileName = "molndal-digital-agenda-2017-2019.txt"

    /// The plan document as "save as text" gave it.
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "molndal-digital-agenda-2017-2019", withExtension: "txt") else {
            throw ImportError.unreadable(path: fileName, reason: "the sample plan is missing from the package resources")
        }
        return try Data(contentsOf: url)
    }
}
