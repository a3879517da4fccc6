import ReportGen

/// A field's error, shown beside it and in the summary at the top of the form.
struct FieldError: Sendable, Equatable {
    var field: String
    var message: String
}

/// Why a posted form was not accepted: shown first on the page that answers it, whose title then begins
/// "Fel:" (``WebApp/page(_:context:current:problem:)``).
struct ErrorSummary: Sendable, Equatable {
    /// What was not done, e.g. "Rapporten sparades inte".
    var heading: String
    /// A refusal that belongs to no one field.
    var message: String?
    /// The fields in error, each linked from the summary.
    var fields: [FieldError]

    init(heading: String? = nil, message: String? = nil, fields: [FieldError] = []) {
        self.heading = heading ?? (fields.count > 1 ? "Rätta \(fields.count) fel" : "Rätta felet")
        self.message = message
        self.fields = fields
    }

    /// The summary of `fields` and `message`, or nil when there is nothing wrong.
    static func of(_ fields: [FieldError], message: String? = nil, heading: String? = nil) -> ErrorSummary? {
        fields.isEmpty && message == nil ? nil : ErrorSummary(heading: heading, message: message, fields: fields)
    }
}

/// The building blocks of every form: labelled fields that show what was typed and their error,
/// an error summary that screen readers announce, the CSRF token, a submit button.
extension PageWriter {
    /// The hidden CSRF field every form carries.
    func csrf(_ token: String) throws {
        try empty("input", [("type", "hidden"), ("name", "_csrf"), ("value", token)])
    }

    /// The error summary (GOV.UK's pattern), first in `<main>`: a heading, a refusal that belongs to no one
    /// field, and a link to each field in error. It takes the focus when the page loads (`autofocus` on a
    /// focusable element, so without script) and is announced (role="alert").
    func errorSummary(_ summary: ErrorSummary) throws {
        try element("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("id", "fel"), ("autofocus", "autofocus")]) {
            try element("h2", text: summary.heading)
            if let message = summary.message { try element("p", text: message) }
            if !summary.fields.isEmpty {
                try element("ul") {
                    for error in summary.fields {
                        try element("li") { try element("a", [("href", "#\(error.field)")], text: error.message) }
                    }
                }
            }
        }
    }

    /// A labelled one-line field, showing `value` and `error`. `id` defaults to `name`; give another where
    /// two forms on one page share a field name.
    func textField(
        _ name: String, id: String? = nil, label: String, value: String, error: String? = nil, hint: String? = nil,
        type: String = "text", autocomplete: String? = nil, required: Bool = false
    ) throws {
        let id = id ?? name
        try field(id, label: label, error: error, hint: hint) { described in
            var attributes = [("type", type), ("id", id), ("name", name), ("value", value)]
            if let described { attributes.append(("aria-describedby", described)) }
            if error != nil { attributes.append(("aria-invalid", "true")) }
            if let autocomplete { attributes.append(("autocomplete", autocomplete)) }
            if required { attributes.append(("required", "required")) }
            try empty("input", attributes)
        }
    }

    /// A labelled text area, showing `value` and `error`; `id` defaults to `name`.
    func textArea(
        _ name: String, id: String? = nil, label: String, value: String, error: String? = nil, hint: String? = nil, required: Bool = false
    ) throws {
        let id = id ?? name
        try field(id, label: label, error: error, hint: hint) { described in
            var attributes = [("id", id), ("name", name), ("rows", "5")]
            if let described { attributes.append(("aria-describedby", described)) }
            if error != nil { attributes.append(("aria-invalid", "true")) }
            if required { attributes.append(("required", "required")) }
            try element("textarea", attributes, text: value)
        }
    }

    /// A labelled choice among `options` (value, label), with `selected` chosen; `id` defaults to `name`.
    func select(
        _ name: String, id: String? = nil, label: String, options: [(value: String, label: String)], selected: String,
        error: String? = nil, hint: String? = nil
    ) throws {
        let id = id ?? name
        try field(id, label: label, error: error, hint: hint) { described in
            var attributes = [("id", id), ("name", name)]
            if let described { attributes.append(("aria-describedby", described)) }
            if error != nil { attributes.append(("aria-invalid", "true")) }
            try element("select", attributes) {
                for option in options {
                    var optionAttributes = [("value", option.value)]
                    if option.value == selected { optionAttributes.append(("selected", "selected")) }
                    try element("option", optionAttributes, text: option.label)
                }
            }
        }
    }

    /// A submit button.
    func submit(_ label: String, secondary: Bool = false) throws {
        try element("button", [("type", "submit"), ("class", secondary ? "button secondary" : "button")], text: label)
    }

    private func field(_ name: String, label: String, error: String?, hint: String?, control: (String?) throws -> Void) throws {
        try element("div", [("class", error == nil ? "field" : "field has-error")]) {
            try element("label", [("for", name)], text: label)
            var described: [String] = []
            if let hint {
                try element("span", [("class", "hint"), ("id", "\(name)-hint")], text: hint)
                described.append("\(name)-hint")
            }
            if let error {
                try element("span", [("class", "error"), ("id", "\(name)-error")], text: "Fel: \(error)")
                described.append("\(name)-error")
            }
            try control(described.isEmpty ? nil : described.joined(separator: " "))
        }
    }
}
