@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AgendaWeb

/// The refusals a person meets in the web, scripted one after another as a new user would meet them: each
/// answers in the web's own Swedish (a 4xx page in the signed-in frame), never with a CLI flag, a command,
/// SQLite's or Swift's English, and echoes what was typed only in part.
@Suite struct RefusalPagesTests {
    /// What a refusal page must never show: the CLI's flags and commands, and English.
    static let terminalWords = [
        "--", "`", "agenda ", "renew", "revoked", "report for", "not found", " is ", " the ", "error", "Error",
        "SQLITE", "constraint", "Optional(", "Swift", "fel: ",
    ]

    static func expectSwedish(_ page: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        // The text a person reads: the page without its markup (attribute values such as class names are not read).
        let text = page.replacing(/<[^>]*>/, with: " ")
        for word in terminalWords {
            #expect(!text.contains(word), "\(what): \"\(word)\" in the page", sourceLocation: sourceLocation)
        }
        #expect(page.contains("lang=\"sv\""), sourceLocation: sourceLocation)
        #expect(page.contains("Logga ut"), "\(what): the refusal stands in the signed-in frame", sourceLocation: sourceLocation)
    }

    @Test func everyScriptedRefusalSpeaksSwedish() async throws {
        let (_, application) = try demoApp()
        try await application.test(.router) { client in
            let reporter = try await Browser.signedIn(client, as: "Skolförvaltningen")

            let unknown = try await reporter.get("/aktiviteter/9.99")
            #expect(unknown.status == .notFound)
            Self.expectSwedish(reporter.lastPage, "an unknown action")
            #expect(reporter.lastPage.contains("9.99"))

            let long = String(repeating: "X", count: 3_000)
            let tooLong = try await reporter.get("/aktiviteter/\(long)")
            #expect(tooLong.status == .notFound)
            Self.expectSwedish(reporter.lastPage, "a 3 000-character code")
            #expect(reporter.lastPage.contains(String(repeating: "X", count: 20)), "the start of the code is echoed")
            #expect(!reporter.lastPage.contains(String(repeating: "X", count: 101)), "at most 100 characters of it")

            let owner = try await Browser.signedIn(client, as: "IT-chef")
            try await owner.get("/omgang")
            let again = try await owner.post("/rapporter/2018Q3/publicera", [])
            #expect(again.status == .conflict, "2018Q3 is published in the demo")
            Self.expectSwedish(owner.lastPage, "publishing a published period")

            try await owner.get("/identiteter")
            let noDepartment = try await owner.post("/identiteter", [("name", "Ny rapportör"), ("role", "reporter"), ("department", "")])
            #expect(noDepartment.status == .unprocessableContent)
            Self.expectSwedish(owner.lastPage, "a reporter without förvaltning")

            try await owner.get("/identiteter")
            let taken = try await owner.post(
                "/identiteter", [("name", "Skolförvaltningen"), ("role", "reporter"), ("department", "Skolförvaltningen")])
            #expect(taken.status == .conflict)
            Self.expectSwedish(owner.lastPage, "a taken name")

            for period in ["2016Q4", "2031Q1"] {
                let outside = try await owner.get("/rapporter/\(period)")
                #expect(outside.status.code >= 400 && outside.status.code < 500, "\(period): \(outside.status)")
                Self.expectSwedish(owner.lastPage, "a report for \(period), outside the plan")
            }
        }
    }
}
