import Foundation
import Testing
@testable import AgendaCore

/// Signing in with the municipality's accounts: which identity an account finds, when it is bound, and the
/// access requests of accounts without one — each decided in one transaction.
@Suite struct AccountTests {
    typealias F = StoreFixtures
    static let at = Timestamp(CalendarDate(year: 2018, month: 7, day: 2), hour: 9)
    static let issuer = "https://login.molndal.example"

    static func account(_ subject: String, name: String = "Anna Svensson", email: String? = "anna.svensson@molndal.example", verified: Bool = true)
        -> Account
    {
        Account(issuer: issuer, subject: subject, name: name, email: email, emailVerified: verified)
    }

    static func setUp() throws -> (AgendaStore, Identity) {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        _ = try store.addIdentity(
            name: "Anna Svensson", role: .reporter, department: F.slf, email: "Anna.Svensson@molndal.example", by: owner, at: at)
        return (store, owner)
    }

    @Test func aVerifiedAddressBindsOnceThenTheSubjectAloneFindsThePerson() throws {
        let (store, owner) = try Self.setUp()
        guard case let .signedIn(anna) = try store.signIn(with: Self.account("sub-anna"), at: Self.at) else {
            Issue.record("a verified address that an identity has signs in"); return
        }
        #expect(anna.name == "Anna Svensson" && anna.hasAccount)
        #expect(anna.signature == "Anna Svensson, \(F.slf)")
        // Her address changes at the provider and in Agenda: the account still finds her by (issuer, subject).
        try store.setEmail("anna.berg@molndal.example", of: "Anna Svensson", by: owner, at: Self.at)
        guard case let .signedIn(again) = try store.signIn(with: Self.account("sub-anna", email: "anna.berg@other.example"), at: Self.at)
        else { Issue.record("the bound subject signs in whatever its address"); return }
        #expect(again.name == "Anna Svensson")
        // The identity proves itself for writes like a token's: she reports, and the history names her and her förvaltning.
        let filing = try store.reportStatus(
            StatusInput(action: "1.1", period: try Period(parsing: "2018Q2"), status: .started, light: .green, comment: "Pågår."),
            by: again, at: Self.at)
        #expect(filing.report.reporter == "Anna Svensson, \(F.slf)")
        let entry = try #require(try store.auditLog().last)
        #expect(entry.identity == "Anna Svensson, \(F.slf)")
        #expect(entry.isBy("Anna Svensson") && !entry.isBy("Anna") && !entry.isBy(F.slf), "the log's filter by identity finds her")
        // Another subject with her old address does not take her identity: it asks for access.
        guard case .requested = try store.signIn(with: Self.account("sub-other", email: "anna.svensson@molndal.example"), at: Self.at)
        else { Issue.record("a bound identity is not bound again"); return }
    }

    @Test func anUnverifiedAddressNeverBinds() throws {
        let (store, _) = try Self.setUp()
        guard case let .requested(request, unverifiedMatch) = try store.signIn(with: Self.account("sub-x", verified: false), at: Self.at)
        else { Issue.record("an unverified address asks for access"); return }
        #expect(unverifiedMatch)
        #expect(!request.emailVerified)
        #expect(try store.identities().first { $0.name == "Anna Svensson" }?.hasAccount == false)
        // Asking again finds the same request; none is added.
        _ = try store.signIn(with: Self.account("sub-x", verified: false), at: Self.at)
        #expect(try store.accessRequests().count == 1)
    }

    @Test func aRequestIsGrantedOnceWithTheAccountBound() throws {
        let (store, owner) = try Self.setUp()
        guard case let .requested(request, false) = try store.signIn(
            with: Self.account("sub-cecilia", name: "Cecilia Ek", email: "cecilia.ek@molndal.example"), at: Self.at)
        else { Issue.record("an unknown account asks for access"); return }
        let reporter = try store.identities().first { $0.name == "Anna Svensson" }!
        // Only the owner grants; a taken name is refused and the request still waits (one transaction).
        #expect(throws: AccessError.self) {
            try store.grantAccessRequest(request.number, name: nil, role: .reader, department: nil, by: reporter, at: Self.at)
        }
        #expect(throws: StoreError.alreadyExists(.identity("Anna Svensson"))) {
            try store.grantAccessRequest(request.number, name: "Anna Svensson", role: .reader, department: nil, by: owner, at: Self.at)
        }
        #expect(throws: StoreError.self) {
            try store.grantAccessRequest(request.number, name: nil, role: .reporter, department: nil, by: owner, at: Self.at)
        }
        #expect(try store.accessRequests().map(\.number) == [request.number])
        let granted = try store.grantAccessRequest(request.number, name: nil, role: .reporter, department: "skf", by: owner, at: Self.at)
        #expect(granted.name == "Cecilia Ek" && granted.department == F.skf && granted.email == "cecilia.ek@molndal.example")
        #expect(try store.accessRequests().isEmpty)
        #expect(throws: StoreError.conflict(.requestDecided(number: request.number, granted: true))) {
            try store.declineAccessRequest(request.number, by: owner, at: Self.at)
        }
        guard case let .signedIn(cecilia) = try store.signIn(
            with: Self.account("sub-cecilia", name: "Cecilia Ek", email: "cecilia.ek@molndal.example"), at: Self.at)
        else { Issue.record("a granted account signs in"); return }
        #expect(cecilia.signature == "Cecilia Ek, \(F.skf)")
        #expect(throws: StoreError.notFound(.accessRequest(99))) { try store.declineAccessRequest(99, by: owner, at: Self.at) }
    }

    @Test func aDeclinedAccountStaysOutAndARevokedOneIsStopped() throws {
        let (store, owner) = try Self.setUp()
        guard case let .requested(request, _) = try store.signIn(with: Self.account("sub-d", name: "David", email: nil), at: Self.at)
        else { Issue.record("an unknown account asks for access"); return }
        try store.declineAccessRequest(request.number, by: owner, at: Self.at)
        guard case .declined = try store.signIn(with: Self.account("sub-d", name: "David", email: nil), at: Self.at) else {
            Issue.record("a declined account is told so"); return
        }
        _ = try store.signIn(with: Self.account("sub-anna"), at: Self.at)
        try store.revokeIdentity(name: "Anna Svensson", by: owner, at: Self.at)
        #expect(try store.signIn(with: Self.account("sub-anna"), at: Self.at) == .revoked(identity: "Anna Svensson"))
        let operations = try store.auditLog().map(\.operation)
        #expect(operations.contains("request access") && operations.contains("decline access") && operations.contains("bind account"))
    }

    @Test func anAccountWithoutANameIsCalledByItsAddressOrSubject() {
        #expect(Account(issuer: Self.issuer, subject: "s", name: "  ", email: "a@b.example", emailVerified: true).name == "a@b.example")
        #expect(Account(issuer: Self.issuer, subject: "s", name: nil, email: nil, emailVerified: true).name == "s")
        #expect(!Account(issuer: Self.issuer, subject: "s", name: nil, email: nil, emailVerified: true).emailVerified)
    }

    @Test func aBoundAccountAndThePersonsReportsSurviveTheExport() throws {
        let (store, _) = try Self.setUp()
        guard case let .signedIn(anna) = try store.signIn(with: Self.account("sub-anna"), at: Self.at) else {
            Issue.record("a verified address signs in"); return
        }
        try store.reportStatus(
            StatusInput(action: "1.1", period: try Period(parsing: "2018Q2"), status: .started, light: .green, comment: "Pågår."),
            by: anna, at: Self.at)
        let exported = try AgendaJSON.encode(try store.exportDocument())
        #expect(String(decoding: exported, as: UTF8.self).contains("\"subject\" : \"sub-anna\""))
        let copy = try F.newStore()
        try copy.importDocument(try AgendaJSON.decode(exported), by: nil, at: Self.at)
        #expect(try AgendaJSON.encode(try copy.exportDocument()) == exported)
        guard case let .signedIn(again) = try copy.signIn(with: Self.account("sub-anna", email: nil), at: Self.at) else {
            Issue.record("the restored file knows her account"); return
        }
        #expect(again.name == "Anna Svensson")
        let reporter = try copy.db.value("SELECT reporter_id FROM status_report ORDER BY id DESC LIMIT 1", [], as: Int64.self)
        let annaID = try copy.db.value("SELECT id FROM identity WHERE name = 'Anna Svensson'", [], as: Int64.self)
        #expect(reporter != nil && reporter == annaID, "the report signed 'Anna Svensson, förvaltning' is hers again")
    }
}
