import AgendaCore
import AgendaTemplates
import Foundation

/// The look and words of the reports: CSS, ODF styles, logo, organisation settings, chart colours
/// and Swedish labels.
///
/// The default set is built into the executable (``EmbeddedFiles/default``, from templates/default);
/// a municipality exports it with ``export(to:)``, edits the files and loads its copy with
/// ``load(from:)``, which reads the folder at run time.
public struct TemplateSet: Sendable {
    /// The folder the set was read from; nil for the built-in set.
    public let directory: URL?
    let css: String
    /// The web interface's own CSS, served after ``css``.
    let webCSS: String
    let labels: Labels
    let organisation: [String: String]
    let colours: [String: String]
    /// The logo as an SVG file's bytes (checked to be well-formed XML with an `svg` root).
    let logo: Data
    /// The logo's `<svg>` element as written into pages and reports (parsed once, when the set loads).
    let logoFragment: XMLFragment?
    let textStyles: Data
    let sheetStyles: Data
    /// The public website's settings (public.tsv).
    public let publicSettings: PublicSettings
    /// The public website's own CSS (site.css).
    let siteCSS: String
    /// The LIKA colour matrix's thresholds (lika-thresholds.tsv).
    let likaThresholds: LikaThresholds
    /// The web interface's script (web.js): progressive enhancement only, every page works without it.
    public let webScript: String
    /// The words of the self-assessment scale: the labels' `lika.answer.*` and the synonyms of
    /// lika-answers.tsv. Whatever reads answers from a person or a file with these templates reads them so.
    /// A folder's are read and checked with the folder; the built-in ones when first asked for (most
    /// commands never read an answer, and the words' Unicode folding was a twentieth of a report's time).
    public var answerWords: MaturityWords { folderAnswerWords ?? .builtIn }
    private let folderAnswerWords: MaturityWords?

    /// Loads the set in `directory`, or the built-in default set when nil.
    /// Throws ``ReportError/templateMissing(file:)`` or ``ReportError/templateMalformed(file:reason:)`` naming the file.
    public static func load(from directory: URL? = nil) throws -> TemplateSet {
        if let directory { return try TemplateSet(directory: directory) }
        return try TemplateSet(builtIn: EmbeddedFiles.default)
    }

    /// The built-in default set.
    public static func bundled() throws -> TemplateSet { try load(from: nil) }

    /// The words of the self-assessment scale (``answerWords``) of the set in `directory`, checked whole as
    /// ``load(from:)`` checks it; the built-in words when nil.
    public static func answerWords(in directory: URL?) throws -> MaturityWords {
        guard let directory else { return .builtIn }
        return try load(from: directory).answerWords
    }

    /// Writes the built-in default set into `directory` (created if needed) for editing: the files
    /// of templates/default, same names, same bytes. Refuses to overwrite a file that is already there.
    public static func export(to directory: URL) throws {
        let fm = FileManager.default
        let source = EmbeddedFiles.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(file: directory.path, reason: error.localizedDescription)
        }
        for path in source.paths {
            let target = directory.appendingPathComponent(path)
            if fm.fileExists(atPath: target.path) { throw ReportError.templateExists(file: target.path) }
        }
        for path in source.paths {
            let target = directory.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try (source[path] ?? Data()).write(to: target, options: .withoutOverwriting)
            } catch {
                throw ReportError.output(file: target.path, reason: error.localizedDescription)
            }
        }
    }

    /// Label keys every labels file must define: those of the built-in labels file, except the
    /// command line's own words (`cli.*`), which the CLI always reads from the built-in file.
    static let requiredLabelKeys: [String] = {
        let name = TemplateFile.labels.rawValue
        return EmbeddedFiles.default[name].flatMap { try? KeyValueFile(data: $0, file: name) }
            .map { $0.values.keys.filter { !$0.hasPrefix("cli.") }.sorted() } ?? []
    }()

    /// Reads the set from the files in `directory`; errors name the file's path.
    init(directory: URL) throws {
        try self.init(directory: directory) { file in
            let url = directory.appendingPathComponent(file.rawValue)
            guard FileManager.default.fileExists(atPath: url.path) else {
                // Added after template folders were first exported: an older folder without it gets the built-in file.
                if file.fallsBackToBuiltIn, let data = EmbeddedFiles.default[file.rawValue] { return (data, "built-in default/\(file.rawValue)") }
                throw ReportError.templateMissing(file: url.path)
            }
            do { return (try Data(contentsOf: url), url.path) } catch {
                throw ReportError.templateMalformed(file: url.path, reason: "kan inte läsas")
            }
        }
    }

    /// Reads the set built into the executable; errors (a build that lost a file) name it "built-in default/FILE".
    init(builtIn folder: EmbeddedFolder) throws {
        try self.init(directory: nil) { file in
            let name = "built-in \(folder.name)/\(file.rawValue)"
            guard let data = folder[file.rawValue] else { throw ReportError.templateMissing(file: name) }
            return (data, name)
        }
    }

    /// Checks and keeps the files `read` gives: each file's bytes and the name errors call it by.
    private init(directory: URL?, read: (TemplateFile) throws -> (data: Data, name: String)) throws {
        self.directory = directory

        let (cssData, cssName) = try read(.css)
        guard let css = String(data: cssData, encoding: .utf8) else {
            throw ReportError.templateMalformed(file: cssName, reason: "inte UTF-8-text")
        }
        self.css = css
        let (webData, webName) = try read(.webCSS)
        guard let webCSS = String(data: webData, encoding: .utf8) else {
            throw ReportError.templateMalformed(file: webName, reason: "not UTF-8 text")
        }
        self.webCSS = webCSS

        let (labelData, labelName) = try read(.labels)
        let labelValues = try KeyValueFile(data: labelData, file: labelName).values
        // The built-in labels file defines the required keys; only a municipality's copy is checked against it.
        if directory != nil, let missing = TemplateSet.requiredLabelKeys.first(where: { labelValues[$0] == nil }) {
            throw ReportError.templateMalformed(file: labelName, reason: "nyckeln \"\(missing)\" saknas")
        }
        labels = Labels(values: labelValues, file: labelName)

        let (organisationData, organisationName) = try read(.organisation)
        organisation = try KeyValueFile(data: organisationData, file: organisationName).values
        let (themeData, themeName) = try read(.theme)
        let colours = try KeyValueFile(data: themeData, file: themeName).values
        for category in StatusCategory.allCases {
            let key = "chart.\(category.key)"
            guard let value = colours[key], value.count == 7, value.hasPrefix("#"), value.dropFirst().allSatisfy(\.isHexDigit) else {
                throw ReportError.templateMalformed(file: themeName, reason: "\"\(key)\" måste vara en färg skriven #rrggbb")
            }
        }
        self.colours = colours

        let logoName: String
        (logo, logoName) = try read(.logo)
        let logoDoc = try XMLTree(data: logo, name: logoName)
        guard let root = logoDoc.root, String(cString: root.pointee.name) == "svg" else {
            throw ReportError.templateMalformed(file: logoName, reason: "rotelementet måste vara <svg>")
        }
        logoFragment = XMLFragment(root)

        let textStylesName: String, sheetStylesName: String
        (textStyles, textStylesName) = try read(.textStyles)
        (sheetStyles, sheetStylesName) = try read(.sheetStyles)
        // A municipality's styles are checked when the set loads; the built-in ones by the tests, not at every start.
        if directory != nil {
            _ = try ODFStyleTemplate(data: textStyles, file: textStylesName)
            _ = try ODFStyleTemplate(data: sheetStyles, file: sheetStylesName)
        }

        let (publicData, publicName) = try read(.publicSite)
        publicSettings = try PublicSettings(data: publicData, file: publicName)
        let (siteData, siteName) = try read(.siteCSS)
        guard let siteCSS = String(data: siteData, encoding: .utf8) else {
            throw ReportError.templateMalformed(file: siteName, reason: "inte UTF-8-text")
        }
        self.siteCSS = siteCSS
        let (thresholdData, thresholdName) = try read(.likaThresholds)
        likaThresholds = try LikaThresholds(data: thresholdData, file: thresholdName)
        let (scriptData, scriptName) = try read(.webScript)
        guard let webScript = String(data: scriptData, encoding: .utf8) else {
            throw ReportError.templateMalformed(file: scriptName, reason: "inte UTF-8-text")
        }
        self.webScript = webScript
        guard directory != nil else {
            folderAnswerWords = nil
            return
        }
        let (answerData, answerName) = try read(.likaAnswers)
        guard let answerText = String(data: answerData, encoding: .utf8) else {
            throw ReportError.templateMalformed(file: answerName, reason: "inte UTF-8-text")
        }
        do {
            folderAnswerWords = try MaturityWords(labels: labelValues, synonyms: answerText, source: answerName)
        } catch let ImportError.unreadable(_, reason) {
            throw ReportError.templateMalformed(file: answerName, reason: reason)
        }
    }

    /// The organisation name to print: the template's when it sets one (a municipality's own set),
    /// else the plan's. The bundled set leaves it empty, so the imported plan's name is printed.
    func organisationName(_ model: ReportModel) -> String {
        organisationName(plan: model.organisation, title: model.agendaTitle)
    }

    /// The organisation name to show: the template's when it sets one, else `plan`'s, else — a plan that
    /// names no organisation — its `title`: a report never names no one.
    public func organisationName(plan: String, title: String) -> String {
        organisation["name"].flatMap { $0.isEmpty ? nil : $0 } ?? (plan.isEmpty ? title : plan)
    }

    /// The logo's text alternative: the template's when it sets one, else the organisation's name.
    func logoAlt(for organisationName: String) -> String {
        organisation["logoAlt"].flatMap { $0.isEmpty ? nil : $0 } ?? (organisationName.isEmpty ? "Logotyp" : organisationName)
    }

    /// Who prepared the report: the template's, else the plan's owner.
    func preparedBy(_ model: ReportModel) -> String? {
        organisation["preparedBy"].flatMap { $0.isEmpty ? nil : $0 } ?? model.preparedBy
    }

    func colour(_ key: String) -> String { colours[key] ?? "#000000" }
}
