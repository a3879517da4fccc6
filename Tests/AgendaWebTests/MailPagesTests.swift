@testable import AgendaCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AgendaWeb

/// E-mail in the IT-chef's pages: addresses on the identity page (a bad one refused beside its field with
/// everything typed kept), a sign-in link sent by mail, and the round page saying what waits in the outbox.
@Suite struct MailPagesTests {
    @Test func anIdentityIsAddedWithAnAddressAndABadAddressIsRefusedBesideItsField() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let owner = try await OwnerPagesTests.owner(client)
            try await owner.get("/identiteter")
            let before = try app.service.identities()
            let refused = try await owner.post(
                "/identiteter", [("name", "Anna Svensson"), ("role", "reporter"), ("department", "Skolförvaltningen"), ("email", "anna@molndal")])
            #expect(refused.status == .unprocessableContent)
            #expect(owner.lastPage.contains("id=\"email-error\""))
            #expect(owner.lastPage.contains("är ingen e-postadress"))
            #expect(owner.lastPage.contains("value=\"anna@molndal\""), "what was typed is kept")
            #expect(owner.lastPage.contains("value=\"Anna Svensson\""))
            #expect(try app.service.identities() == before, "nothing stored")

            let added = try await owner.post(
                "/identiteter",
                [("name", "Anna Svensson"), ("role", "reporter"), ("department", "Skolförvaltningen"), ("email", "anna.svensson@molndal.example")])
            #expect(added.status == .ok)
            #expect(try app.service.identities().last?.email == "anna.svensson@molndal.example")
            try await owner.get("/identiteter")
            #expect(owner.lastPage.contains("<td>anna.svensson@molndal.example</td>"))
        }
    }

    @Test func anAddressIsChangedOrRemovedAndABadOneKeepsWhatWasTyped() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let owner = try await OwnerPagesTests.owner(client)
            try await owner.get("/identiteter")
            let refused = try await owner.post("/identiteter/epost", [("identity", "IT-rådet"), ("email", "rådet at molndal")])
            #expect(refused.status == .unprocessableContent)
            #expect(owner.lastPage.contains("id=\"change-email-error\""))
            #expect(owner.lastPage.contains("Adressen ändrades inte"))
            #expect(owner.lastPage.contains("value=\"rådet at molndal\""))
            #expect(owner.lastPage.contains("<option value=\"IT-rådet\" selected=\"selected\">"))
            #expect(try app.service.identities().first { $0.name == "IT-rådet" }?.email == nil)

            let changed = try await owner.post("/identiteter/epost", [("identity", "IT-rådet"), ("email", "it-radet@molndal.example")])
            #expect(changed.status == .seeOther)
            try await owner.get(try #require(changed.headers[.location]))
            #expect(owner.lastPage.contains("IT-rådet har nu e-postadressen it-radet@molndal.example."))
            try await owner.get("/identiteter")
            let removed = try await owner.post("/identiteter/epost", [("identity", "IT-rådet"), ("email", "")])
            #expect(removed.status == .seeOther)
            #expect(try app.service.identities().first { $0.name == "IT-rådet" }?.email == nil)
        }
    }

    @Test func aSignInLinkGoesToTheOutboxAndThePageNeverShowsIt() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let owner = try await OwnerPagesTests.owner(client)
            try await owner.get("/identiteter")
            #expect(!owner.lastPage.contains("lank-epost"), "no identity of the demo has an address: no button to mail a link")
            _ = try await owner.post("/identiteter/epost", [("identity", "Skolförvaltningen"), ("email", "skola@molndal.example")])
            try await owner.get("/identiteter")
            #expect(owner.lastPage.contains("action=\"/identiteter/Skolf%C3%B6rvaltningen/lank-epost\""))
            let sent = try await owner.post("/identiteter/Skolf%C3%B6rvaltningen/lank-epost", [])
            #expect(sent.status == .seeOther)
            try await owner.get(try #require(sent.headers[.location]))
            #expect(owner.lastPage.contains("En inloggningslänk till Skolförvaltningen ligger i utkorgen och skickas till skola@molndal.example."))
            #expect(!owner.lastPage.contains("/logga-in/"))
            let message = try #require(try app.service.outbox(limit: 1).first)
            #expect(message.kind == .signInLink && message.recipients.map(\.email) == ["skola@molndal.example"])
        }
    }

    @Test func theRoundPageSaysWhatWaitsAndWhy() async throws {
        let (app, application) = try demoApp()
        let owner = try app.service.authenticate(token: try DemoDatabase.token("IT-chef"))
        try app.service.setEmail("skola@molndal.example", of: "Skolförvaltningen", by: owner)
        try app.service.mailSignInLink(for: "Skolförvaltningen", validFor: 3_600, by: owner)
        let message = try #require(try app.service.messagesDue().first)
        try app.service.markFailed(message.number, problem: .unreachable)
        try await application.test(.router) { client in
            let browser = try await OwnerPagesTests.owner(client)
            try await browser.get("/omgang")
            #expect(browser.lastPage.contains("1 meddelande väntar: e-postsystemet svarar inte."))
            #expect(!browser.lastPage.contains("<th scope=\"row\">Skolförvaltningen<span"), "Skolförvaltningen has an address now")
        }
    }

    @Test(arguments: [("fem, 1", "Skriv hela dagar före sista dag"), ("90", "Påminnelser skickas 1–60 dagar före sista dag, inte 90 dagar.")])
    func reminderDaysAreRefusedBesideTheirFieldWithEverythingKept(_ reminders: String, _ message: String) async throws {
        let (app, application) = try demoApp()
        let before = try app.service.rounds()
        try await application.test(.router) { client in
            let owner = try await OwnerPagesTests.owner(client)
            try await owner.get("/omgang")
            let refused = try await owner.post("/omgang", [("period", "2019Q1"), ("deadline", "2030-04-15"), ("reminders", reminders)])
            #expect(refused.status == .unprocessableContent)
            #expect(owner.lastPage.contains("id=\"reminders-error\""))
            #expect(owner.lastPage.contains(message))
            #expect(owner.lastPage.contains("value=\"\(reminders)\""))
            #expect(owner.lastPage.contains("value=\"2030-04-15\""))
            #expect(try app.service.rounds() == before)
        }
    }

    @Test func aRoundOpensWithItsOwnReminderDays() async throws {
        let (app, application) = try demoApp()
        try await application.test(.router) { client in
            let owner = try await OwnerPagesTests.owner(client)
            try await owner.get("/omgang")
            #expect(owner.lastPage.contains("id=\"reminders\" name=\"reminders\" value=\"5, 1\""), "5 and 1 days unless changed")
            let opened = try await owner.post("/omgang", [("period", "2019Q1"), ("deadline", "2030-04-15"), ("reminders", "10, 3")])
            #expect(opened.status == .seeOther)
        }
        let days = try app.service.reading { store in
            try store.db.value("SELECT reminder_days FROM reporting_round ORDER BY id DESC LIMIT 1", [], as: String.self)
        }
        #expect(days == "10,3")
    }
}
