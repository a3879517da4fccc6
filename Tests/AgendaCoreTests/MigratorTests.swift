import Foundation
import Testing
@testable import AgendaCore

@Suite struct MigratorTests {
    typealias F = StoreFixtures

    @Test func newDatabaseRecordsEveryMigration() throws {
        let store = try F.newStore()
        let names = try store.db.query("SELECT number, name FROM schema_migrations ORDER BY number", []) { "\($0.int(0)) \($0.string(1))" }
        #expect(names == ["1 plan", "2 organisation aliases", "3 status and access", "4 round cancellation", "5 sign-in links", "6 effect assessments", "7 self-assessments", "8 mail", "9 accounts"])
    }

    @Test func databaseFromAnOlderBuildUpgradesInPlaceAndKeepsItsData() throws {
        let path = F.temporaryPath()
        do {
            // What a build that knew only migration 1 wrote.
            let db = try Database(path: path)
            try Migrator(Array(Schema.migrator.migrations.prefix(1))).migrate(db)
            #expect(try Migrator(Schema.migrator.migrations).appliedNumbers(db) == [1])
            try db.transaction {
                try db.execute("""
                    INSERT INTO agenda (id, title, organisation, period_start, period_end, description)
                        VALUES (1, 'Digital agenda', 'Mölndals stad', 2017, 2019, '');
                    INSERT INTO focus_area (number, title, description, position) VALUES (1, 'Extern service', '', 0);
                    INSERT INTO department (id, name, name_key, position) VALUES (1, 'Stadsledningsförvaltningen', 'stadsledningsförvaltningen', 0);
                    INSERT INTO unit (id, department_id, name, name_key, position) VALUES (1, 1, 'IT-avdelningen', 'it-avdelningen', 0);
                    INSERT INTO revision (number, date, reference) VALUES (1, '2017-01-01', NULL);
                    INSERT INTO action (id, code, area_number, position) VALUES (1, '1', 1, 0);
                    INSERT INTO action_version (id, action_id, revision, valid_from, state, title, background, plan_text,
                        plan_steps, responsibility_text, responsibility_notes, responsibility_unsure, schedule_text,
                        start_year, end_year, schedule_phases, schedule_terms, cost_text, cost_parts,
                        within_existing_budget, decision_pending, external_funding, staff, effect_goals, other_fields)
                    VALUES (1, 1, 1, '2017-01-01', 'active', 'Mina sidor', '', 'Inför Mina sidor.', '[]', 'SLF, IT-avdelningen',
                        '[]', '[]', '2018', 2018, NULL, '[]', '[]', NULL, '[]', 0, 0, '[]',
                        '[{"fullTimeEquivalent":0.3,"role":"eSamordnare","source":"30%"}]', '["Nöjdare invånare"]', '[]');
                    INSERT INTO action_version_unit (version_id, position, role, department_id, unit_id) VALUES (1, 0, 'lead', 1, 1);
                    """)
            }
        }
        let store = try AgendaStore(path: path, access: .write)
        #expect(try Schema.migrator.appliedNumbers(store.db) == Set(Schema.migrator.migrations.map(\.number)))
        let agenda = try store.agenda()
        #expect(agenda.title == "Digital agenda")
        #expect(agenda.actions == [
            Action(
                code: "1", areaNumber: 1, title: "Mina sidor", plan: PlanText(text: "Inför Mina sidor."),
                responsibility: Responsibility(
                    text: "SLF, IT-avdelningen", lead: UnitRef(department: "Stadsledningsförvaltningen", unit: "IT-avdelningen")),
                schedule: Schedule(text: "2018", startYear: 2018),
                cost: Cost(staff: [StaffResource(role: "eSamordnare", fullTimeEquivalent: 0.3, source: "30%")]),
                effectGoals: ["Nöjdare invånare"]),
        ])
        try store.addAlias("SLF", for: "Stadsledningsförvaltningen")
        #expect(try store.actions(matching: ActionFilter(department: "slf")).map(\.code) == ["1"])
    }

    @Test func databaseFromANewerBuildIsRefused() throws {
        let path = F.temporaryPath()
        do {
            let store = try AgendaStore(path: path)
            try store.db.run("INSERT INTO schema_migrations (number, name) VALUES (?, ?)", [99, "from the future"])
        }
        #expect(throws: StoreError.newerSchema(found: 99, known: Schema.migrator.newest)) {
            try AgendaStore(path: path, access: .write)
        }
    }

    @Test func reopeningAppliesNothingTwice() throws {
        let path = F.temporaryPath()
        do {
            let store = try AgendaStore(path: path)
            try store.importAgenda(F.agenda)
        }
        let store = try AgendaStore(path: path, access: .write)
        #expect(try store.agenda() == F.agenda)
    }

    @Test func failedTransactionRollsBack() throws {
        struct Stop: Error {}
        let store = try F.newStore()
        #expect(throws: Stop.self) {
            try store.db.transaction {
                try store.db.run("INSERT INTO revision (number, date) VALUES (?, ?)", [1, "2018-01-01"])
                #expect(try F.count("revision", in: store) == 1)
                throw Stop()
            }
        }
        #expect(try F.count("revision", in: store) == 0)
        #expect(!store.db.isInTransaction)
    }
}
