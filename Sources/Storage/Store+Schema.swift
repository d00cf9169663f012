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
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                -- Changes: an item that comes back with another title or text keeps its row
                -- (updated to the new version) and gets one revision per change.
                -- text is content, else summary, as the digest compares them.
                CREATE TABLE item_revisions (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                    seen_at DATETIME NOT NULL,
                    old_title TEXT,
                    new_title TEXT,
                    old_summary TEXT,
                    new_summary TEXT,
                    old_content TEXT,
                    new_content TEXT
                );
                CREATE INDEX item_revisions_seen_at ON item_revisions(seen_at, item_id);
                CREATE INDEX item_revisions_item ON item_revisions(item_id, seen_at);

                -- Disappearances: items.last_present is the last fetch (a 2xx) that listed the
                -- item, feeds.last_listed the feed's last such fetch. An item listed last time,
                -- missing now while an older item of the feed is still listed, was taken down.
                ALTER TABLE items ADD COLUMN last_present DATETIME;
                ALTER TABLE feeds ADD COLUMN last_listed DATETIME;
                CREATE INDEX items_feed_last_present ON items(feed_id, last_present);
                CREATE TABLE item_disappearances (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                    last_present DATETIME NOT NULL,
                    noticed_at DATETIME NOT NULL
                );
                CREATE INDEX item_disappearances_noticed_at ON item_disappearances(noticed_at, item_id);

                -- The topics and entities of each kept item, one row each, with the item's
                -- first_seen copied in: the digest's "at a glance" counts them over 15 days
                -- with one index range and no JSON.
                CREATE TABLE match_labels (
                    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('topic', 'entity')),
                    name TEXT NOT NULL,
                    first_seen DATETIME NOT NULL,
                    PRIMARY KEY (item_id, kind, name)
                ) WITHOUT ROWID;
                CREATE INDEX match_labels_first_seen ON match_labels(first_seen, kind, name);

                -- A feed's newest items by item date (Store.itemDateSQL, unqualified): the health
                -- report reads 20 per feed through it instead of ranking every stored item.
                CREATE INDEX items_feed_item_date ON items(feed_id, MIN(COALESCE(published, first_seen), first_seen));

                INSERT OR IGNORE INTO match_labels (item_id, kind, name, first_seen)
                SELECT matches.item_id, 'topic', topic.value, items.first_seen
                FROM matches JOIN items ON items.id = matches.item_id, json_each(matches.topics) AS topic;
                INSERT OR IGNORE INTO match_labels (item_id, kind, name, first_seen)
                SELECT matches.item_id, 'entity', json_extract(hit.value, '$.entity'), items.first_seen
                FROM matches JOIN items ON items.id = matches.item_id, json_each(matches.hits) AS hit
                WHERE json_extract(hit.value, '$.entity') IS NOT NULL;
                """)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                -- The summary and content as the feed sent them, when they were HTML with markup
                -- (FeedItem.summaryHTML/contentHTML), for the HTML digest, which sanitises them;
                -- NULL when the feed sent plain text. A revision keeps the old HTML too, so a past
                -- day's digest shows the version of its day.
                ALTER TABLE items ADD COLUMN summary_html TEXT;
                ALTER TABLE items ADD COLUMN content_html TEXT;
                ALTER TABLE item_revisions ADD COLUMN old_summary_html TEXT;
                ALTER TABLE item_revisions ADD COLUMN old_content_html TEXT;
                """)
        }
        migrator.registerMigration("v5-digest") { db in
            try db.execute(sql: """
                -- The match's score (MatchResult.score) ranks the digest's stories; NULL for matches
                -- stored before it, and for results that carry none: the digest counts their hits.
                ALTER TABLE matches ADD COLUMN score REAL;

                -- match_labels counted per hour of first_seen (UTC, 'YYYY-MM-DD HH' as dates are
                -- stored): "at a glance" adds up 15 days of a few dozen rows an hour instead of
                -- every label of every item, and counts only the partial hours at the range's ends
                -- in match_labels. Triggers keep it in step with every insert and delete (cascades
                -- from items and matches included).
                CREATE TABLE label_hours (
                    hour TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    items INTEGER NOT NULL,
                    PRIMARY KEY (hour, kind, name)
                ) WITHOUT ROWID;
                CREATE TRIGGER match_labels_counted AFTER INSERT ON match_labels BEGIN
                    INSERT INTO label_hours (hour, kind, name, items)
                    VALUES (substr(NEW.first_seen, 1, 13), NEW.kind, NEW.name, 1)
                    ON CONFLICT (hour, kind, name) DO UPDATE SET items = items + 1;
                END;
                CREATE TRIGGER match_labels_uncounted AFTER DELETE ON match_labels BEGIN
                    UPDATE label_hours SET items = items - 1
                    WHERE hour = substr(OLD.first_seen, 1, 13) AND kind = OLD.kind AND name = OLD.name;
                END;
                INSERT INTO label_hours (hour, kind, name, items)
                SELECT substr(first_seen, 1, 13), kind, name, COUNT(*) FROM match_labels
                GROUP BY substr(first_seen, 1, 13), kind, name;
                """)
        }
        return migrator
    }
}
