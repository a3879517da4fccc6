/// The files of a template set that ReportGen reads.
enum TemplateFile: String, CaseIterable {
    case css = "report.css"
    case webCSS = "web.css"
    case labels = "labels-sv.tsv"
    case organisation = "organisation.tsv"
    case theme = "theme.tsv"
    case logo = "logo.svg"
    case textStyles = "odt-styles.xml"
    case sheetStyles = "ods-styles.xml"
    /// The public website's settings (`agenda site`); a folder without it gets the built-in one.
    case publicSite = "public.tsv"
    /// The public website's own CSS, after the report's and the web's; a folder without it gets the built-in one.
    case siteCSS = "site.css"
    /// The LIKA colour matrix's thresholds; a folder without it gets the built-in one.
    case likaThresholds = "lika-thresholds.tsv"
    /// The web interface's one script (the only one its Content-Security-Policy allows); a folder without
    /// it gets the built-in one.
    case webScript = "web.js"

    /// The words other versions of SKR's tool use for the steps of the self-assessment scale, read with the
    /// labels' `lika.answer.*` as ``TemplateSet/answerWords``; a folder without it gets the built-in one.
    case likaAnswers = "lika-answers.tsv"

    /// Files added after template folders were first exported: a folder without one gets the built-in file.
    var fallsBackToBuiltIn: Bool { [.publicSite, .siteCSS, .likaThresholds, .webScript, .likaAnswers].contains(self) }
}
