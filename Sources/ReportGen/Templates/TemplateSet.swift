import AgendaTemplates
import Foundation

/// The look and words of the reports, read from a template folder at run time:
/// CSS, ODF styles, logo, organisation settings, chart colours and Swedish labels.
///
/// The bundled default set lives in ``DefaultTemplates/directory``; a municipality exports it
/// with ``export(to:)``, edits the files and loads its copy with ``load(from:)``.
public struct TemplateSet: Sendable {
    /// The folder the set was read from.
    public let directory: URL
    let css: String
    let labels: Labels
    let organisation: [String: String]
    let colours: [String: String]
    /// The logo as an SVG file's bytes (checked to be well-formed XML with an `svg` root).
    let logo: Data
    let textStyles: Data
    let sheetStyles: Data

    /// Loads the set in `directory`, or the bundled default set when nil.
    /// Throws ``ReportError/templateMissing(file:)`` or ``ReportError/templateMalformed(file:reason:)`` naming the file.
    public static func load(from directory: URL? = nil) throws -> TemplateSet {
        try TemplateSet(directory: directory ?? DefaultTemplates.directory)
    }

    /// The bundled default set.
    public static func bundled() throws -> TemplateSet { try load(from: nil) }

    /// Writes the bundled default set into `directory` (created if needed) for editing.
    /// Refuses to overwrite a file that is already there.
    public static func export(to directory: URL) throws {
        let fm = FileManager.default
        let source = DefaultTemplates.directory
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: source.path).filter { !$0.hasPrefix(".") }.sorted()
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(file: directory.path, reason: error.localizedDescription)
        }
        for name in names {
            let target = directory.appendingPathComponent(name)
            if fm.fileExists(atPath: target.path) { throw ReportError.templateExists(file: target.path) }
        }
        for name in names {
            let target = directory.appendingPathComponent(name)
            do {
                try fm.copyItem(at: source.appendingPathComponent(name), to: target)
            } catch {
                throw ReportError.output(file: target.path, reason: error.localizedDescription)
            }
        }
    }

    /// Label keys every labels file must define.
    static var requiredLabelKeys: [String] {
        (try? KeyValueFile(url: DefaultTemplates.directory.appendingPathComponent(TemplateFile.labels.rawValue), file: TemplateFile.labels.rawValue))
            .map { $0.values.keys.sorted() } ?? []
    }

    init(directory: URL) throws {
        self.directory = directory
        func url(_ file: TemplateFile) throws -> URL {
            let url = directory.appendingPathComponent(file.rawValue)
            guard FileManager.default.fileExists(atPath: url.path) else { throw ReportError.templateMissing(file: url.path) }
            return url
        }
        func read(_ file: TemplateFile) throws -> Data {
            let source = try url(file)
            do { return try Data(contentsOf: source) } catch {
                throw ReportError.templateMalformed(file: source.path, reason: "not readable")
            }
        }

        let cssURL = try url(.css)
        guard let css = String(data: try read(.css), encoding: .utf8) else {
            throw ReportError.templateMalformed(file: cssURL.path, reason: "not UTF-8 text")
        }
        self.css = css

        let labelsURL = try url(.labels)
        let labelValues = try KeyValueFile(url: labelsURL, file: labelsURL.path).values
        if let missing = TemplateSet.requiredLabelKeys.first(where: { labelValues[$0] == nil }) {
            throw ReportError.templateMalformed(file: labelsURL.path, reason: "the key \"\(missing)\" is missing")
        }
        labels = Labels(values: labelValues, file: labelsURL.path)

        organisation = try KeyValueFile(url: try url(.organisation), file: try url(.organisation).path).values
        let themeURL = try url(.theme)
        let colours = try KeyValueFile(url: themeURL, file: themeURL.path).values
        for category in StatusCategory.allCases {
            let key = "chart.\(category.key)"
            guard let value = colours[key], value.count == 7, value.hasPrefix("#"), value.dropFirst().allSatisfy(\.isHexDigit) else {
                throw ReportError.templateMalformed(file: themeURL.path, reason: "\"\(key)\" must be a colour written #rrggbb")
            }
        }
        self.colours = colours

        logo = try read(.logo)
        let logoDoc = try XMLTree(data: logo, name: try url(.logo).path)
        guard let root = logoDoc.root, String(cString: root.pointee.name) == "svg" else {
            throw ReportError.templateMalformed(file: try url(.logo).path, reason: "the root element must be <svg>")
        }

        textStyles = try read(.textStyles)
        sheetStyles = try read(.sheetStyles)
        for (file, data) in [(TemplateFile.textStyles, textStyles), (.sheetStyles, sheetStyles)] {
            _ = try ODFStyleTemplate(data: data, file: try url(file).path)
        }
    }

    /// The organisation name to print: the template's when it sets one (a municipality's own set),
    /// else the plan's. The bundled set leaves it empty, so the imported plan's name is printed.
    func organisationName(_ model: ReportModel) -> String {
        organisation["name"].flatMap { $0.isEmpty ? nil : $0 } ?? model.organisation
    }

    /// The logo's text alternative: the template's when it sets one, else the organisation's name.
    func logoAlt(for organisationName: String) -> String {
        organisation["logoAlt"].flatMap { $0.isEmpty ? nil : $0 } ?? organisationName
    }

    /// Who prepared the report: the template's, else the plan's owner.
    func preparedBy(_ model: ReportModel) -> String? {
        organisation["preparedBy"].flatMap { $0.isEmpty ? nil : $0 } ?? model.preparedBy
    }

    func colour(_ key: String) -> String { colours[key] ?? "#000000" }
}
