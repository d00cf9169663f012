import Foundation
import Testing
import Config

@Suite("[settings]")
struct SettingsTests {
    @Test("every key is read")
    func everyKey() throws {
        let settings = try parse([
            "[settings]",
            "database = /var/lib/feedwatch/db.sqlite",
            "digests = ../digests",
            "lock = /run/feedwatch.lock",
            "timezone = Asia/Yerevan",
            "user_agent = feedwatch-test/1.0 (ops@example.org)",
            "concurrency = 4",
            "connect_timeout = 5",
            "timeout = 60",
            "max_body = 2MB",
            "max_suffix = 4",
        ]).settings
        #expect(settings.databasePath == "/var/lib/feedwatch/db.sqlite")
        #expect(settings.digestDirectory == "/etc/digests")
        #expect(settings.lockPath == "/run/feedwatch.lock")
        #expect(settings.timeZone.identifier == "Asia/Yerevan")
        #expect(settings.userAgent == "feedwatch-test/1.0 (ops@example.org)")
        #expect(settings.concurrency == 4)
        #expect(settings.connectTimeoutSeconds == 5)
        #expect(settings.totalTimeoutSeconds == 60)
        #expect(settings.maxBodyBytes == 2_000_000)
        #expect(settings.maxSuffixLength == 4)
    }

    @Test("the lock follows a configured database unless set")
    func lockFollowsDatabase() throws {
        let settings = try parse(["[settings]", "database = data/fw.sqlite"]).settings
        #expect(settings.lockPath == "/etc/feedwatch/data/fw.sqlite.lock")
    }

    @Test("sizes take KB, KiB, MB, MiB suffixes", arguments: [
        ("15MiB", 15 * 1_048_576), ("15 MiB", 15 * 1_048_576), ("512KB", 512_000), ("64KiB", 65_536),
        ("3MB", 3_000_000), ("1048576", 1_048_576), ("10mib", 10 * 1_048_576),
    ])
    func sizes(text: String, bytes: Int) throws {
        #expect(try parse(["[settings]", "max_body = \(text)"]).settings.maxBodyBytes == bytes)
    }

    @Test("a size that is not one is an error at the value")
    func invalidSize() {
        #expect(parseError(["[settings]", "max_body = 15 megs"])
                == "feeds.conf:2:12: invalid size \"15 megs\" for max_body (expected a number with an optional "
                   + "KB, KiB, MB or MiB suffix, e.g. 15MiB)")
        #expect(parseError(["[settings]", "max_body = 0"])?.hasPrefix("feeds.conf:2:12: invalid size \"0\"") == true)
    }

    @Test("quoted values may hold spaces; relative paths resolve against the config folder")
    func quotedValues() throws {
        let settings = try parse([
            "[settings]",
            "database = \"my data/feed watch.sqlite\"",
            "user_agent = \"Mozilla/5.0 (compatible; feedwatch)\"",
        ]).settings
        #expect(settings.databasePath == "/etc/feedwatch/my data/feed watch.sqlite")
        #expect(settings.userAgent == "Mozilla/5.0 (compatible; feedwatch)")
    }

    @Test("an unknown key is an error that lists the known ones")
    func unknownKey() {
        #expect(parseError(["[settings]", "", "databse = x.sqlite"])
                == "feeds.conf:3:1: unknown setting \"databse\" (known: database, digests, lock, timezone, "
                   + "user_agent, concurrency, connect_timeout, timeout, max_body, max_suffix)")
    }

    @Test("a key set twice is an error pointing at the first")
    func duplicateKey() {
        #expect(parseError(["[settings]", "timeout = 5", "  timeout = 6"])
                == "feeds.conf:3:3: duplicate setting timeout (first at line 2)")
    }

    @Test("an unknown time zone is an error, with a suggestion when one is close")
    func unknownTimeZone() {
        #expect(parseError(["[settings]", "timezone = Asia/Bakku"])
                == "feeds.conf:2:12: unknown time zone \"Asia/Bakku\" (did you mean Asia/Baku?)")
        #expect(parseError(["[settings]", "timezone = Caucasus/Nowhere"])
                == "feeds.conf:2:12: unknown time zone \"Caucasus/Nowhere\" (expected an IANA name such as Asia/Baku or UTC)")
    }

    @Test("numbers must be whole and in range")
    func numbers() {
        #expect(parseError(["[settings]", "concurrency = 0"])
                == "feeds.conf:2:15: concurrency must be between 1 and 256, found 0")
        #expect(parseError(["[settings]", "timeout = 30s"])
                == "feeds.conf:2:11: expected a whole number for timeout, found \"30s\"")
    }

    @Test("a key without a value, or a line without '=', is an error")
    func malformedLines() {
        #expect(parseError(["[settings]", "database ="]) == "feeds.conf:2:1: missing value for database")
        #expect(parseError(["[settings]", "  database"]) == "feeds.conf:2:3: expected 'key = value', found \"database\"")
        #expect(parseError(["[settings]", "user_agent = \"half quoted"])
                == "feeds.conf:2:14: expected '\"' to close the quoted value")
    }
}
