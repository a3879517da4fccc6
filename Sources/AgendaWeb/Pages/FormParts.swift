import ReportGen

/// A field's error, shown beside it and in the summary at the top of the form.
struct FieldError: Sendable, Equatable {
    var field: String
    var message: String
}

/// The building blocks of every form: labelled fields that show what was typed and their error,
/// an error summary that screen readers announce, the CSRF token, a submit button.
extension PageWriter {
    /// The hidden CSRF field every form carries.
    func csrf(_ token: String) throws {
        try empty("input", [("type", "hidden"), ("name", "_csrf"), ("value", token)])
    }

    /// "Rätta följande" with a link to each field in error; focusable and announced (role="alert").
    func errorSummary(_ errors: [FieldError]) throws {
        guard !errors.isEmpty else { return }
        try element("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("id", "fel")]) {
            try element("h2", text: errors.count == 1 ? "Rätta ett fel" : "Rätta \(errors.count) fel")
            try element("ul") {
                for error in errors {
                    try element("li") { try element("a", [("href", "#\(error.field)")], text: error.message) }
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
