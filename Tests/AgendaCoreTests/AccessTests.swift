import Foundation
import Testing
@testable import AgendaCore

/// Identities, tokens and the authorisation matrix: every role × every kind of write, each förvaltning
/// against actions inside and outside its scope; a refused write changes nothing.
@Suite struct AccessTests {
    typealias F = StoreFixtures
    static let at = Timestamp(CalendarDate(year: 2018, month: 7, day: 2), hour: 9)

    enum Actor: String, CaseIterable, CustomTestStringConvertible {
        case owner, slfReporter, skfReporter, reader, revokedReporter
        var testDescription: String { rawValue }
    }

    enum WriteKind: String, CaseIterable, CustomTestStringConvertible {
        case importPlan, addAction, reviseAction, withdrawAction, closeAction, addUnit, addIdentity, revokeIdentity
        case renewIdentity, reportOn11, reportOn13, reportOn2, openRound, publish
        var testDescription: String { rawValue }
    }

    /// The fixture with history (1.1 and 2: Stadsledningsförvaltningen; 1.3: Social- och kulturförvaltningen)
    /// and one identity of each kind.
    static func setUp() throws -> (AgendaStore, [Actor: Identity], [Actor: String]) {
        let store = try F.storeWithHistory()
        let owner = try store.testOwner()
        var identities: [Actor: Identity] = [.owner: owner]
        var tokens: [Actor: String] = [:]
        let slf = try store.addIdentity(name: "SLF-rapportör", role: .reporter, department: "SLF", by: owner, at: at)
        let skf = try store.addIdentity(name: "SKF-rapportör", role: .reporter, department: "skf", by: owner, at: at)
        let reader = try store.addIdentity(name: "IT-rådet", role: .reader, by: owner, at: at)
        let revoked = try store.addIdentity(name: "Gammal", role: .reporter, department: F.slf, by: owner, at: at)
        try store.revokeIdentity(name: "Gammal", by: owner, at: at)
        identities[.slfReporter] = slf.identity
        identities[.skfReporter] = skf.identity
        identities[.reader] = reader.identity
        identities[.revokedReporter] = revoked.identity
        tokens[.slfReporter] = slf.token
        tokens[.revokedReporter] = revoked.token
        return (store, identities, tokens)
    }

    static func perform(_ kind: WriteKind, by actor: Identity, in store: AgendaStore) throws {
        let decision = Decision(reference: "IT-rådet 2018-09-10 §2", date: CalendarDate(year: 2018, month: 9, day: 10))
        func report(_ code: String) throws {
            try store.reportStatus(
                StatusInput(action: code, period: try Period(parsing: "2018Q2"), status: .started, light: .green, comment: "Pågår."),
                by: actor, at: at)
        }
        switch kind {
        case .importPlan: try store.importAgenda(F.agenda, by: actor, at: at)
        case .addAction:
            try store.addAction(Action(code: "1.9", areaNumber: 1, title: "Ny"), decision: decision, by: actor, at: at)
        case .reviseAction: try store.reviseAction(code: "1.1", decision: decision, by: actor, at: at) { $0.title = "Ändrad" }
        case .withdrawAction: try store.withdrawAction(code: "2", decision: decision, by: actor, at: at)
        case .closeAction: try store.closeAction(code: "1.1", decision: decision, by: actor, at: at)
        case .addUnit: try store.addUnit(department: F.slf, unit: "Ny enhet", by: actor, at: at)
        case .addIdentity: _ = try store.addIdentity(name: "Ny", role: .reader, by: actor, at: at)
        case .revokeIdentity: try store.revokeIdentity(name: "IT-rådet", by: actor, at: at)
        case .renewIdentity: _ = try store.renewIdentity(name: "IT-rådet", by: actor, at: at)
        case .reportOn11: try report("1.1")
        case .reportOn13: try report("1.3")
        case .reportOn2: try report("2")
        case .openRound:
            try store.openRound(period: try Period(parsing: "2018Q2"), deadline: CalendarDate(year: 2018, month: 7, day: 15), by: actor, at: at)
        case .publish: try store.publish(period: try Period(parsing: "2018Q2"), by: actor, at: at)
        }
    }

    static func allowed(_ actor: Actor, _ kind: WriteKind) -> Bool {
        switch actor {
        case .owner: true
        case .slfReporter: kind == .reportOn11 || kind == .reportOn2
        case .skfReporter: kind == .reportOn13
        case .reader, .revokedReporter: false
        }
    }

    static func snapshot(_ store: AgendaStore) throws -> [Int] {
        try (F.tables + ["identity", "status_report", "reporting_round", "publication", "audit_log"]).map { try F.count($0, in: store) }
    }

    @Test(arguments: Actor.allCases, WriteKind.allCases)
    func everyWriteChecksTheRoleAndScope(actor: Actor, kind: WriteKind) throws {
        let (store, identities, _) = try Self.setUp()
        let before = try Self.snapshot(store)
        let identity = try #require(identities[actor])
        if Self.allowed(actor, kind) {
            do {
                try Self.perform(kind, by: identity, in: store)
                #expect(try Self.snapshot(store) != before)
                #expect(try store.auditLog().last?.identity == identity.signature, "the person and förvaltning are named")
            } catch let error as AccessError {
                Issue.record("\(actor) refused \(kind): \(error)")
            } catch {
                // The owner may meet a domain refusal (a second plan); never an access refusal.
                #expect(kind == .importPlan, "\(error)")
            }
        } else {
            let error = #expect(throws: AccessError.self) { try Self.perform(kind, by: identity, in: store) }
            #expect(try Self.snapshot(store) == before, "a refused write changes nothing")
            if actor == .revokedReporter { #expect(error == .invalidToken) }
            #expect(error.map { !String(describing: $0).contains("\n") } ?? false)
        }
    }

    @Test func refusalNamesTheActionAndWhoIsResponsible() throws {
        let (store, identities, _) = try Self.setUp()
        let error = #expect(throws: AccessError.self) { try Self.perform(.reportOn11, by: identities[.skfReporter]!, in: store) }
        #expect(error == .outOfScope(
            department: "Social- och kulturförvaltningen", action: "1.1",
            responsible: ["Stadsledningsförvaltningen (IT-avdelningen)"]))
        #expect(error?.kind == .notPermitted)
        #expect(error?.description
            == "Social- och kulturförvaltningen får inte rapportera för 1.1: ansvaret ligger hos Stadsledningsförvaltningen (IT-avdelningen)")
    }

    @Test func tokensAuthenticateUntilRevokedOrRenewed() throws {
        let (store, identities, tokens) = try Self.setUp()
        let owner = identities[.owner]!
        let slf = try store.authenticate(token: tokens[.slfReporter]!)
        #expect(slf.name == "SLF-rapportör" && slf.department == F.slf && slf.role == .reporter)
        #expect(throws: AccessError.invalidToken) { try store.authenticate(token: tokens[.revokedReporter]!) }
        #expect(throws: AccessError.invalidToken) { try store.authenticate(token: "agenda_" + String(repeating: "0", count: 64)) }

        let renewed = try store.renewIdentity(name: "SLF-rapportör", by: owner, at: Self.at)
        #expect(renewed.token != tokens[.slfReporter])
        #expect(throws: AccessError.invalidToken) { try store.authenticate(token: tokens[.slfReporter]!) }
        #expect(throws: AccessError.invalidToken) { try Self.perform(.reportOn11, by: slf, in: store) }
        #expect(try store.authenticate(token: renewed.token).name == "SLF-rapportör")

        let listed = try #require(try store.identities().first { $0.name == "SLF-rapportör" })
        #expect(throws: AccessError.invalidToken) { try Self.perform(.reportOn11, by: listed, in: store) }
    }

    @Test func tokensAreLongRandomAndStoredOnlyAsHashes() throws {
        let (store, _, tokens) = try Self.setUp()
        let token = try #require(tokens[.slfReporter])
        #expect(token.hasPrefix("agenda_") && token.count == 7 + 64)
        #expect(Set((0..<50).map { _ in AccessToken.generate() }).count == 50)
        let hashes = try store.db.query("SELECT token_hash FROM identity", []) { $0.string(0) }
        #expect(hashes.contains(AccessToken.hash(token)))
        #expect(AccessToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let audit = try store.auditLog().map { "\($0.before ?? "") \($0.after ?? "")" }.joined()
        let export = String(decoding: try AgendaJSON.encode(try store.exportDocument()), as: UTF8.self)
        for secret in tokens.values {
            #expect(!audit.contains(secret) && !export.contains(secret))
        }
        #expect(!audit.contains(AccessToken.hash(token)), "the audit log holds no hashes either")
    }

    @Test func theLastOwnerCannotBeRevoked() throws {
        let (store, identities, _) = try Self.setUp()
        #expect(throws: StoreError.self) { try store.revokeIdentity(name: "IT-chef", by: identities[.owner]!, at: Self.at) }
    }

    @Test func reporterNeedsAKnownDepartmentByNameOrAlias() throws {
        let (store, identities, _) = try Self.setUp()
        let owner = identities[.owner]!
        #expect(throws: StoreError.self) { try store.addIdentity(name: "X", role: .reporter, department: "Okänd förvaltning", by: owner, at: Self.at) }
        #expect(throws: StoreError.self) { try store.addIdentity(name: "Y", role: .reporter, by: owner, at: Self.at) }
        #expect(throws: StoreError.self) { try store.addIdentity(name: "Z", role: .reader, department: "SLF", by: owner, at: Self.at) }
        let alias = try store.addIdentity(name: "Via alias", role: .reporter, department: "Stadsledningsförvaltning", by: owner, at: Self.at)
        #expect(alias.identity.department == F.slf)
    }

    @Test(arguments: [
        ("2018-06-30T14:05:00Z", 1_530_367_500 as Int64), ("1970-01-01T00:00:00Z", 0), ("2020-02-29T23:59:59Z", 1_583_020_799),
    ])
    func timestampsReadAndWriteIso8601(text: String, seconds: Int64) throws {
        let value = try #require(Timestamp(iso: text))
        #expect(value.secondsSinceEpoch == seconds)
        #expect(value.description == text)
    }

    @Test(arguments: ["2018-06-30", "2018-06-30T14:05:00", "2018-06-30T24:00:00Z", "2018-02-30T10:00:00Z", "x"])
    func malformedTimestampsAreRefused(text: String) {
        #expect(Timestamp(iso: text) == nil)
    }
}
