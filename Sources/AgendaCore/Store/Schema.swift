/// The store's schema as numbered migrations. Never edit a migration that has shipped: add a new one.
enum Schema {
    static let migrator = Migrator([
        .init(number: 1, name: "agenda", sql: """
            CREATE TABLE agenda (id INTEGER PRIMARY KEY CHECK (id = 1), title TEXT NOT NULL);
            """),
    ])
}
