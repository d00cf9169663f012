import GRDB

/// Read-only looks at the schema and row counts, for tests and diagnostics.
extension Store {
    func tableNames() throws -> [String] {
        try dbQueue.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name NOT LIKE 'grdb_%' ORDER BY name
                """)
        }
    }

    func columnNames(of table: String) throws -> [String] {
        try dbQueue.read { db in try db.columns(in: table).map(\.name) }
    }

    func indexedColumns(of table: String) throws -> [[String]] {
        try dbQueue.read { db in try db.indexes(on: table).map(\.columns) }
    }

    func rowCount(of table: String) throws -> Int {
        try dbQueue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
    }

    func pragma(_ name: String) throws -> String? {
        try dbQueue.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    func appliedMigrations() throws -> [String] {
        try dbQueue.read { db in try Store.migrator.appliedMigrations(db) }
    }
}
