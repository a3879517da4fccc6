import Foundation
import Testing
@testable import AgendaCore

/// The outbox: messages are written in the transaction of the event that causes them, reminders fall due
/// by date once per round, förvaltning and kind, and the sender's bookkeeping never loses a message.
@Suite struct MailOutboxTests {
    struct Setup {
        var store: AgendaStore
        var owner: Identity
        var anna: Identity
        var sven: Identity
    }

    static func at(_ date: String, _ hour: Int = 9) -> Timestamp { Timestamp(StoreFixtures.date(date), hour: hour) }

    /// The fixture plan; Anna reports for Stadsledningsförvaltningen (leads 1.1 and 2) with an address,
    /// Sven for Social- och kulturförvaltningen (leads 1.2, shares 1.1) without one; IT-rådet reads.
    static func setup() throws -> Setup {
        let store = try StoreFixtures.newStore()
        try store.importAgenda(StoreFixtures.agenda)
        var owner = try store.testOwner()
        let moment = AgendaStore.testMoment
        owner = try store.setEmail("it-chef@molndal.example", of: owner.name, by: owner, at: moment).with(proofOf: owner)
        let anna = try store.addIdentity(
            name: "Anna Svensson", role: .reporter, department: StoreFixtures.slf, email: " anna.svensson@molndal.example ",
            by: owner, at: moment).identity
        let sven = try store.addIdentity(name: "Sven Ek", role: .reporter, department: StoreFixtures.skf, by: owner, at: moment).identity
        _ = try store.addIdentity(name: "IT-rådet", role: .reader, email: "it-radet@molndal.example", by: owner, at: moment)
        return Setup(store: store, owner: owner, anna: anna, sven: sven)
    }

    static let q4 = try! Period(parsing: "2018Q4")

    @Test func openingARoundWritesOneMessagePerFörvaltningThatHasAnAddress() throws {
        let s = try Self.setup()
        #expect(try s.store.identities().first { $0.name == "Anna Svensson" }?.email == "anna.svensson@molndal.example")
        try s.store.openRound(period: Self.q4, deadline: StoreFixtures.date("2019-01-15"), by: s.owner, at: Self.at("2019-01-02"))
        let messages = try s.store.outbox(limit: 10)
        #expect(messages.count == 1, "Sven's förvaltning has no address: flagged on the round page, not mailed")
        let opened = try #require(messages.first)
        #expect(opened.kind == .roundOpened && opened.period == "2018Q4" && opened.department == StoreFixtures.slf)
        #expect(opened.recipients == [MailRecipient(name: "Anna Svensson", email: "anna.svensson@molndal.example")])
        #expect(opened.content.deadline == StoreFixtures.date("2019-01-15"))
        #expect(opened.content.actions.map(\.code) == ["1.1", "2"])
        #expect(opened.messageID.hasPrefix("agenda.round-opened."))
        #expect(try s.store.messagesDue(at: Self.at("2019-01-02")).map(\.number) == [opened.number])
    }

    @Test func remindersFallDueByDateOncePerRoundFörvaltningAndKind() throws {
        let s = try Self.setup()
        try s.store.openRound(period: Self.q4, deadline: StoreFixtures.date("2019-01-15"), by: s.owner, at: Self.at("2019-01-02"))
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-09")) == 0, "five days before is the 10th")
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-10")) == 1)
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-10", 15)) == 0, "once")
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-12")) == 0, "still the same reminder due")
        let first = try #require(try s.store.outbox(limit: 1).first)
        #expect(first.kind == .reminder && first.content.reminder == .before(days: 5))
        #expect(first.content.actions.map(\.code) == ["1.1", "2"])

        try s.store.reportStatus(
            StatusInput(action: "1.1", period: Self.q4, status: .started, light: .green, comment: "Igång."), by: s.anna,
            at: Self.at("2019-01-11"))
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-14")) == 1)
        let second = try #require(try s.store.outbox(limit: 1).first)
        #expect(second.content.reminder == .before(days: 1))
        #expect(second.content.actions.map(\.code) == ["2"], "exactly the actions still missing")

        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-16")) == 2, "the day after: a reminder and the owners' summary")
        let latest = try s.store.outbox(limit: 2)
        try #require(latest.count == 2)
        let (summary, after) = (latest[0], latest[1])
        #expect(after.content.reminder == .afterDeadline)
        #expect(summary.kind == .lateSummary && summary.recipients.map(\.email) == ["it-chef@molndal.example"])
        #expect(summary.content.late.map(\.department) == [StoreFixtures.slf, StoreFixtures.skf])
        #expect(summary.content.late.last?.actions.map(\.code) == ["1.2"])
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-30")) == 0)
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-03-01")) == 0, "a month after its day, no more")
        #expect(try s.store.outbox(limit: 50).count == 5)
    }

    @Test func aRoundOpenedLateSendsOnlyTheLatestReminderDue() throws {
        let s = try Self.setup()
        try s.store.openRound(period: Self.q4, deadline: StoreFixtures.date("2019-01-15"), by: s.owner, at: Self.at("2019-01-20"))
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-20")) == 2)
        let kinds = try s.store.outbox(limit: 10).map { "\($0.kind.rawValue) \($0.content.reminder.map { $0.key } ?? "")" }
        #expect(kinds == ["late-summary ", "reminder after", "round-opened "])
    }

    @Test func aRoundLeftOpenLongAfterItsDeadlineIsNotChased() throws {
        let s = try Self.setup()
        try s.store.openRound(period: Self.q4, deadline: StoreFixtures.date("2019-01-15"), by: s.owner, at: Self.at("2019-01-02"))
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-02-16")) == 0, "the day after the deadline was 31 days ago")
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-02-15")) == 2, "30 days after it: still")
    }

    @Test func reminderDaysAreSetPerRoundAndCheckedInside() throws {
        let s = try Self.setup()
        #expect(throws: StoreError.invalidInput(.reminderDays, .reminderDaysOutOfRange([90]))) {
            try s.store.openRound(period: Self.q4, deadline: StoreFixtures.date("2019-01-15"), reminderDays: [90], by: s.owner, at: Self.at("2019-01-02"))
        }
        #expect(try s.store.rounds().isEmpty && s.store.outbox(limit: 10).isEmpty, "a refused opening writes no round and no mail")
        try s.store.openRound(period: Self.q4, deadline: StoreFixtures.date("2019-01-15"), reminderDays: [3], by: s.owner, at: Self.at("2019-01-02"))
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-11")) == 0)
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-12")) == 1)
    }

    @Test func publishingWritesToTheReadersAndAPublishedPeriodIsNotChased() throws {
        let s = try Self.setup()
        try s.store.openRound(period: Self.q4, deadline: StoreFixtures.date("2019-01-15"), by: s.owner, at: Self.at("2019-01-02"))
        try s.store.publish(period: Self.q4, by: s.owner, at: Self.at("2019-01-08"))
        let published = try #require(try s.store.outbox(limit: 1).first)
        #expect(published.kind == .published && published.recipients.map(\.name) == ["IT-rådet"] && published.period == "2018Q4")
        #expect(try s.store.enqueueDueReminders(at: Self.at("2019-01-16")) == 0)
    }

    @Test func aFailedAttemptWaitsWithBackOffAndASentMessageStaysSent() throws {
        let s = try Self.setup()
        try s.store.openRound(period: Self.q4, deadline: StoreFixtures.date("2019-01-15"), by: s.owner, at: Self.at("2019-01-02"))
        let message = try #require(try s.store.messagesDue(at: Self.at("2019-01-02")).first)
        try s.store.markFailed(message.number, problem: .unreachable, at: Self.at("2019-01-02"))
        #expect(try s.store.messagesDue(at: Self.at("2019-01-02").adding(seconds: 59)).isEmpty)
        #expect(try s.store.messagesDue(at: Self.at("2019-01-02").adding(seconds: 60)).count == 1)
        #expect(try s.store.outboxState() == OutboxState(waiting: 1, problem: .unreachable, sent: 0))
        try s.store.markFailed(message.number, problem: .refused(status: 65), at: Self.at("2019-01-02", 10))
        #expect(try s.store.messagesDue(at: Self.at("2019-01-02", 10).adding(seconds: 119)).isEmpty, "twice as long")
        try s.store.markSent(message.number, at: Self.at("2019-01-02", 11))
        try s.store.markFailed(message.number, problem: .failed, at: Self.at("2019-01-02", 12))
        #expect(try s.store.outboxState() == OutboxState(waiting: 0, problem: nil, sent: 1))
        #expect(try s.store.messagesDue(at: Self.at("2019-02-01")).isEmpty)
        for problem in [MailProblem.unreachable, .timedOut, .commandMissing, .refused(status: 65), .failed] {
            #expect(MailProblem(stored: problem.stored) == problem)
        }
        #expect(try s.store.messagesDue(at: nil).isEmpty, "a sent message is never due again")
    }

    @Test(arguments: ["anna", "anna@", "@molndal.se", "anna@molndal", "anna svensson@molndal.se", "a@b@molndal.se",
                      "anna@molndal.se\r\nBcc: x@y.se", "<anna@molndal.se>", "anna@molndal..se",
                      ".anna@molndal.se", "anna.@molndal.se", "anna@localhost"])
    func aBadAddressIsRefusedAndNothingChanges(_ address: String) throws {
        let s = try Self.setup()
        let before = try s.store.identities()
        #expect(throws: StoreError.self) { try s.store.setEmail(address, of: "Sven Ek", by: s.owner, at: AgendaStore.testMoment) }
        #expect(throws: StoreError.self) {
            try s.store.addIdentity(name: "Ny", role: .reader, email: address, by: s.owner, at: AgendaStore.testMoment)
        }
        #expect(try s.store.identities() == before)
    }

    @Test func addressesTravelInTheExportAndComeBackWithARestore() throws {
        let s = try Self.setup()
        let document = try s.store.exportDocument()
        #expect(document.identities.first { $0.name == "Anna Svensson" }?.email == "anna.svensson@molndal.example")
        #expect(document.identities.first { $0.name == "Sven Ek" }?.email == nil)
        let restored = try StoreFixtures.newStore()
        try restored.importDocument(document)
        #expect(try restored.identities().map(\.email) == (try s.store.identities().map(\.email)))
    }

    @Test func aSignInLinkByMailHoldsNoSecretUntilItIsSent() throws {
        let s = try Self.setup()
        #expect(throws: StoreError.invalidInput(.email, .noEmailAddress(identity: "Sven Ek"))) {
            try s.store.mailSignInLink(for: "Sven Ek", validFor: 3_600, by: s.owner, at: AgendaStore.testMoment)
        }
        try s.store.mailSignInLink(for: "Anna Svensson", validFor: 3_600, by: s.owner, at: AgendaStore.testMoment)
        let message = try #require(try s.store.outbox(limit: 1).first)
        #expect(message.kind == .signInLink && message.content.linkIdentity == "Anna Svensson")
        #expect(try StoreFixtures.count("signin_link", in: s.store) == 0, "no link exists before the message is sent")
        let secret = try #require(try s.store.mintSignInLink(for: message, at: AgendaStore.testMoment))
        let row = try s.store.db.first("SELECT recipients_json || content_json AS everything FROM outbox", []) { $0.string("everything") }
        #expect(row?.contains(secret) == false)
        #expect(try s.store.redeemSignInLink(secret, at: AgendaStore.testMoment.adding(seconds: 60)).name == "Anna Svensson")
        #expect(try s.store.auditLog().last { $0.operation == "mail sign-in link" }?.target == "Anna Svensson")
    }
}

extension Identity {
    /// This identity as the store read it, carrying `other`'s proof of token (the same identity's).
    func with(proofOf other: Identity) -> Identity {
        var copy = self
        copy.tokenHash = other.tokenHash
        return copy
    }
}
