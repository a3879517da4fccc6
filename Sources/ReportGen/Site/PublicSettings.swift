import Foundation

/// What the public website and its open data show, read from the templates' `public.tsv`: which
/// fields are public, the data's licence and the site's own texts.
public struct PublicSettings: Sendable, Equatable {
    /// A field the municipality may make public. Code and title of an action are always public.
    public enum Field: String, Sendable, CaseIterable, Comparable {
        case plan, plannedCost, status, light, comment, obstacles, nextSteps, actualCost, reporter

        public static func < (a: Field, b: Field) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The public fields.
    public var fields: Set<Field>
    /// The licence's URI.
    public var licence: String
    /// The licence's name as shown.
    public var licenceName: String
    /// The site's title; nil: the agenda's.
    public var title: String?
    /// The start page's introduction; empty: none.
    public var intro: String
    /// The publisher in the DCAT description; nil: the organisation.
    public var publisher: String?
    /// An e-mail address for questions; nil: none.
    public var contact: String?
    /// The data set's keywords.
    public var keywords: [String]

    /// The default: plan, planned cost, status, light and comment; CC0.
    public static let standard = PublicSettings(
        fields: [.plan, .plannedCost, .status, .light, .comment],
        licence: "http://creativecommons.org/publicdomain/zero/1.0/", licenceName: "CC0 1.0 Universell")

    public init(
        fields: Set<Field>, licence: String, licenceName: String, title: String? = nil, intro: String = "",
        publisher: String? = nil, contact: String? = nil, keywords: [String] = []
    ) {
        self.fields = fields
        self.licence = licence
        self.licenceName = licenceName
        self.title = title
        self.intro = intro
        self.publisher = publisher
        self.contact = contact
        self.keywords = keywords
    }

    /// Reads the settings file's `key<TAB>value` lines; errors name `file`.
    init(data: Data, file: String) throws {
        let values = try KeyValueFile(data: data, file: file).values
        func value(_ key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }
        func list(_ key: String) -> [String] {
            (values[key] ?? "").split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        var fields = Set<Field>()
        for name in list("fields") {
            guard let field = Field(rawValue: name) else {
                let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw ReportError.templateMalformed(file: file, reason: "okänt fält \"\(name)\" under fields; kända fält: \(known)")
            }
            fields.insert(field)
        }
        let standard = PublicSettings.standard
        self.init(
            fields: values["fields"] == nil ? standard.fields : fields,
            licence: value("licence") ?? standard.licence,
            licenceName: value("licenceName") ?? (value("licence") == nil ? standard.licenceName : value("licence")!),
            title: value("title"), intro: value("intro") ?? "", publisher: value("publisher"), contact: value("contact"),
            keywords: list("keywords"))
    }

    /// True when `field` is public.
    public func shows(_ field: Field) -> Bool { fields.contains(field) }
}
