import GRDB

extension Store {
    /// Every schema change is a new named migration appended here; a released one is never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE feeds (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    url TEXT NOT NULL,
                    title TEXT,
                    etag TEXT,
                    last_modified TEXT,
                    last_checked DATETIME,
                    last_success DATETIME,
                    last_failure DATETIME,
                    last_failure_kind TEXT,
                    last_failure_message TEXT,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0
                );

                -- item_key is FeedItem.id (guid/Atom id, else link, else the parser's hash):
                -- an empty key would merge unrelated items, so it is refused.
                CREATE TABLE items (
                    id INTEGER PRIMARY KEY,
                    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
                    item_key TEXT NOT NULL CHECK (item_key <> ''),
                    title TEXT,
                    link TEXT,
                    published DATETIME,
                    updated DATETIME,
                    authors TEXT NOT NULL DEFAULT '[]',
                    categories TEXT NOT NULL DEFAULT '[]',
                    enclosures TEXT NOT NULL DEFAULT '[]',
                    summary TEXT,
                    content TEXT,
                    first_seen DATETIME NOT NULL,
                    UNIQUE (feed_id, item_key)
                );
                -- A day's digest is a range on first_seen, already in digest order.
                CREATE INDEX items_first_seen ON items(first_seen, id);

                -- One row per kept item. topics and hits are JSON arrays ([String], [Hit]).
                CREATE TABLE matches (
                    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
                    topics TEXT NOT NULL,
                    hits TEXT NOT NULL
                );

                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME NOT NULL,
                    feeds_checked INTEGER NOT NULL,
                    feeds_failed INTEGER NOT NULL,
                    new_items INTEGER NOT NULL,
                    new_matches INTEGER NOT NULL
                );
                CREATE INDEX runs_started_at ON runs(started_at);
                """)
        }
        migrator.registerMigration("v2") { db in
            // Scheduling and health: each column is described on FeedSchedule.
            try db.execute(sql: """
                ALTER TABLE feeds ADD COLUMN next_check DATETIME;
                ALTER TABLE feeds ADD COLUMN last_interval_seconds INTEGER;
                ALTER TABLE feeds ADD COLUMN last_unconditional DATETIME;
                ALTER TABLE feeds ADD COLUMN last_http_status INTEGER;
                ALTER TABLE feeds ADD COLUMN permanent_redirect_target TEXT;
                ALTER TABLE feeds ADD COLUMN permanent_redirect_since DATETIME;
                ALTER TABLE feeds ADD COLUMN moved_to TEXT;
                ALTER TABLE feeds ADD COLUMN gone_at DATETIME;
                ALTER TABLE feeds ADD COLUMN retry_after_until DATETIME;
                ALTER TABLE feeds ADD COLUMN served_url TEXT;

                -- A feed's items by date, for its publishing rhythm and its newest item.
                CREATE INDEX items_feed_first_seen ON items(feed_id, first_seen);
                """)
        }
        return migrator
    }
}
