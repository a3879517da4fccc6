import AgendaCore
import Foundation

/// What the round's messages say, in Swedish: the plain text and its HTML alternative (written through
/// libxml2 like every other page), from an outbox message's data. The same message gives the same words,
/// so one sent twice after a crash reads the same.
public struct ComposedMail: Sendable, Equatable {
    public var subject: String
    public var text: String
    public var html: String
}

public enum MailComposer {
    /// The words of `message`. `baseURL` is where `agenda serve` is reached (links); `organisation` names the
    /// agenda's municipality; `signInSecret` is the one-time link's secret, for a sign-in-link message only.
    public static func compose(
        _ message: OutboxMessage, baseURL: String, organisation: String, signInSecret: String? = nil
    ) throws -> ComposedMail {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let period = message.period.flatMap { try? Period(parsing: $0) }
        let label = period?.swedishLabel ?? message.period ?? ""
        let deadline = message.content.deadline?.description ?? ""
        let agenda = organisation.isEmpty ? "den digitala agendan" : "\(genitive(organisation)) digitala agenda"
        var mail = Body()
        let subject: String
        switch message.kind {
        case .roundOpened:
            subject = "Dags att rapportera för \(label), senast \(deadline)"
            mail.paragraph("Rapporteringen för \(label) i \(agenda) är öppen. "
                + "Rapportera läget för \(message.department.map(genitive) ?? "era") aktiviteter senast \(deadline):")
            mail.actions(message.content.actions)
            mail.link("Rapportera här:", "\(base)/aktiviteter")
        case .reminder:
            let late = message.content.reminder == .afterDeadline
            subject = late
                ? "Påminnelse: rapporterna för \(label) är sena (sista dag var \(deadline))"
                : "Påminnelse: rapportera för \(label) senast \(deadline)"
            mail.paragraph(late
                ? "Sista dag för rapporterna för \(label) var \(deadline). Det saknas fortfarande rapporter för:"
                : "Sista dag för rapporterna för \(label) är \(deadline). Det saknas fortfarande rapporter för:")
            mail.actions(message.content.actions)
            mail.link("Rapportera här:", "\(base)/aktiviteter")
        case .lateSummary:
            subject = "Sena rapporter för \(label)"
            mail.paragraph("Sista dag för rapporterna för \(label) var \(deadline). Förvaltningar som inte har rapporterat allt:")
            for department in message.content.late {
                mail.paragraph("\(department.department) (\(Swedish.count(department.actions.count, "aktivitet", "aktiviteter"))):")
                mail.actions(department.actions)
            }
            mail.link("Omgången:", "\(base)/omgang")
        case .published:
            subject = "Rapporten för \(label) är publicerad"
            mail.paragraph("Rapporten för \(label) i \(agenda) är publicerad. Från och med nu visas den alltid som nu.")
            mail.link("Läs rapporten:", "\(base)/rapporter/\(message.period ?? "")")
        case .signInLink:
            let hours = Int((message.content.linkValidity ?? 86_400) / 3_600)
            subject = "Din inloggningslänk till \(agenda)"
            mail.paragraph("Här är en inloggningslänk för \(message.content.linkIdentity ?? ""). "
                + "Den fungerar en gång och gäller i \(Swedish.count(hours, "timme", "timmar")). Dela den inte med någon.")
            mail.link("Logga in:", "\(base)/logga-in/\(signInSecret ?? "")")
        }
        mail.paragraph("Det här brevet skickades automatiskt av Agenda; svar på det läses inte.")
        return ComposedMail(subject: subject, text: mail.text, html: try mail.html(title: subject))
    }

    /// "Mölndals stads", "Skolförvaltningens"; a name ending in s, x or z takes no s ("Västerås").
    static func genitive(_ name: String) -> String {
        guard let last = name.last?.lowercased() else { return name }
        return ["s", "x", "z"].contains(last) ? name : name + "s"
    }

    /// The message's blocks, written once as text and once as XHTML.
    private struct Body {
        enum Block {
            case paragraph(String)
            case actions([MailContent.ActionLine])
            case link(String, String)
        }

        var blocks: [Block] = [.paragraph("Hej!")]

        mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
        mutating func actions(_ actions: [MailContent.ActionLine]) { blocks.append(.actions(actions)) }
        mutating func link(_ lead: String, _ url: String) { blocks.append(.link(lead, url)) }

        var text: String {
            blocks.map { block in
                switch block {
                case let .paragraph(text): text
                case let .actions(actions): actions.map { "  \($0.code)  \($0.title)" }.joined(separator: "\n")
                case let .link(lead, url): "\(lead)\n\(url)"
                }
            }.joined(separator: "\n\n") + "\n"
        }

        func html(title: String) throws -> String {
            let writer = try XMLWriter(memoryContext: "e-post")
            try writer.startXHTML()
            try writer.element("head") {
                try writer.empty("meta", ["charset": "utf-8"])
                try writer.element("title", text: title)
            }
            try writer.element("body") {
                for block in blocks {
                    switch block {
                    case let .paragraph(text): try writer.element("p", text: text)
                    case let .actions(actions):
                        try writer.element("ul") {
                            for action in actions { try writer.element("li", text: "\(action.code) \(action.title)") }
                        }
                    case let .link(lead, url):
                        try writer.element("p") {
                            try writer.text(lead + " ")
                            try writer.element("a", ["href": url], text: url)
                        }
                    }
                }
            }
            try writer.end()
            try writer.endDocument()
            return String(decoding: writer.data, as: UTF8.self)
        }
    }
}
