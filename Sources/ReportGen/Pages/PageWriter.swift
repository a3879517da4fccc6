import Foundation

/// Writes one XHTML5 page (XML syntax, served as `application/xhtml+xml`) through libxml2, for the web
/// interface and the public site: the same writer as the reports, so every text and attribute value is
/// escaped by construction, never by remembering to.
///
/// ```swift
/// let page = try PageWriter(title: "Våra aktiviteter", templates: templates, organisation: "Mölndals stad")
/// try page.element("p", text: userText)   // "<script>" arrives as text, never as markup
/// let bytes = try page.finish()
/// ```
public final class PageWriter {
    let w: XMLWriter
    private var mainOpen = false

    /// A link in the page's navigation.
    public struct Link: Sendable {
        public var title: String
        public var href: String
        public var current: Bool
        public init(_ title: String, href: String, current: Bool = false) {
            self.title = title
            self.href = href
            self.current = current
        }
    }

    /// Starts a page: head (title, the stylesheet at `stylesheet`, the script at `script` if any), the header with the template's logo and
    /// `organisation`, `navigation`, and the opened `<main>`, which ``finish()`` closes.
    ///
    /// `xmlDeclaration: false` leaves out `<?xml …?>`, so that the page is also valid served as
    /// `text/html` (polyglot markup, as the public site's `.html` files are). `moveOnTo` makes the browser
    /// go on to that path of the site at once (`<meta http-equiv="refresh">`).
    public init(
        title: String, templates: TemplateSet, organisation: String, stylesheet: String = "/stil.css",
        navigation: [Link] = [], signedInAs: String? = nil, signOut: (action: String, csrf: String)? = nil,
        script: String? = nil, xmlDeclaration: Bool = true, moveOnTo: String? = nil
    ) throws {
        w = try XMLWriter(memoryContext: "page")
        try w.startXHTML(declaration: xmlDeclaration)
        try w.element("head") {
            try w.empty("meta", ["charset": "UTF-8"])
            try w.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            // A page that only passes the browser on (after signing in): at once, a navigation of this site.
            if let moveOnTo { try w.empty("meta", ["http-equiv": "refresh", "content": "0; url=\(moveOnTo)"]) }
            try w.element("title", text: "\(title) – \(organisation)")
            try w.empty("link", ["rel": "stylesheet", "href": stylesheet])
            if let script {
                try w.start("script")
                try w.attribute("src", script)
                try w.attribute("defer", "defer")
                try w.fullEnd()
            }
        }
        try w.start("body")
        try w.element("a", ["class": "skip-link", "href": "#innehall"], text: "Hoppa till innehållet")
        try w.element("header", ["class": "site-header"]) {
            try w.element("div", ["class": "site-brand"]) {
                if let logo = templates.logoFragment {
                    try w.element("span", ["class": "site-logo", "role": "img", "aria-label": templates.logoAlt(for: organisation)]) {
                        try w.write(logo)
                    }
                }
                try w.element("span", ["class": "site-name"], text: organisation)
            }
            if !navigation.isEmpty {
                try w.element("nav", ["aria-label": "Huvudmeny"]) {
                    try w.element("ul") {
                        for link in navigation {
                            try w.element("li") {
                                if link.current {
                                    try w.element("a", ["href": link.href, "aria-current": "page"], text: link.title)
                                } else {
                                    try w.element("a", ["href": link.href], text: link.title)
                                }
                            }
                        }
                    }
                }
            }
            if let signedInAs {
                try w.element("div", ["class": "signed-in"]) {
                    try w.element("span", text: "Inloggad som \(signedInAs)")
                    if let signOut {
                        try w.element("form", ["method": "post", "action": signOut.action, "class": "inline"]) {
                            try w.empty("input", ["type": "hidden", "name": "_csrf", "value": signOut.csrf])
                            try w.element("button", ["type": "submit", "class": "link-button"], text: "Logga ut")
                        }
                    }
                }
            }
        }
        try w.start("main")
        try w.attribute("id", "innehall")
        mainOpen = true
    }

    /// `<name attributes…>` … `</name>` around what `body` writes.
    public func element(_ name: String, _ attributes: [(String, String)] = [], _ body: () throws -> Void) throws {
        try w.start(name)
        for (key, value) in attributes { try w.attribute(key, value) }
        try body()
        try w.fullEnd()
    }

    /// `<name attributes…>text</name>`, always with an end tag (a `<textarea>` or `<td>` may be empty).
    public func element(_ name: String, _ attributes: [(String, String)] = [], text: String) throws {
        try w.start(name)
        for (key, value) in attributes { try w.attribute(key, value) }
        try w.text(text)
        try w.fullEnd()
    }

    /// A data table with its `caption`, in its own scroll region: on a narrow screen the table scrolls
    /// sideways inside the region and the page does not (WCAG 1.4.10, reflow). The region is named by the
    /// caption and focusable, so that a keyboard can scroll it. `body` writes the table's head and body.
    public func table(_ attributes: [(String, String)] = [("class", "report-table")], caption: String, _ body: () throws -> Void) throws {
        try w.startTableRegion(label: caption)
        try element("table", attributes) {
            try element("caption", text: caption)
            try body()
        }
        try w.end()
    }

    /// `<name attributes…/>`, for void elements (input, br, meta).
    public func empty(_ name: String, _ attributes: [(String, String)] = []) throws {
        try w.empty(name, attributes: attributes)
    }

    /// Text, escaped.
    public func text(_ text: String) throws {
        try w.text(text)
    }

    /// `<p>` per paragraph of `text` (``ParagraphBreak``), each trimmed of spaces.
    public func paragraphs(_ text: String, breakingAt paragraphBreak: ParagraphBreak) throws {
        for paragraph in text.paragraphs(breakingAt: paragraphBreak) { try element("p", text: paragraph) }
    }

    /// Closes `<main>`, so that what follows (a footer) is written after it.
    public func endMain() throws {
        if mainOpen { try w.end() }
        mainOpen = false
    }

    /// Closes the page and returns its bytes.
    public func finish() throws -> Data {
        if mainOpen { try w.end() }
        mainOpen = false
        try w.end() // body
        try w.end() // html
        try w.endDocument()
        return w.data
    }
}

extension TemplateSet {
    /// The web's stylesheet: the report's CSS and the web's own (templates' web.css), so pages and
    /// reports share one look that a municipality edits in one place.
    public var webStylesheet: String { css + "\n" + webCSS }
}
