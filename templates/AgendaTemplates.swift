import Foundation

/// The default template set that ships inside the package: the look of the reports
/// (CSS, ODF styles, logo), the Swedish labels and the import label synonyms.
///
/// A municipality edits a copy (`agenda templates export DIR`) and selects it with
/// `--templates DIR`; this type only says where the built-in copy lives.
public enum DefaultTemplates {
    /// The folder holding the default template files.
    public static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("default", isDirectory: true)
    }
}
