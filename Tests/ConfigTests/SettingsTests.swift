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
            "min_interval = 30m",
            "max_interval = 2d",
            "per_host = 2",
            "host_gap = 500ms",
            "unconditional_every = 6h",
            "redirect_after = 3d",
            "backoff_max = 12h",
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
        #expect(settings.minIntervalSeconds == 1_800)
        #expect(settings.maxIntervalSeconds == 172_800)
        #expect(settings.perHostConcurrency == 2)
        #expect(settings.hostGapMilliseconds == 500)
        #expect(settings.unconditionalEverySeconds == 21_600)
        #expect(settings.redirectAfterSeconds == 259_200)
        #expect(settings.backoffMaxSeconds == 43_200)
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
                   + "user_agent, concurrency, connect_timeout, timeout, max_body, max_suffix, min_interval, "
                   + "max_interval, per_host, host_gap, unconditional_every, redirect_after, backoff_max, digest_formats)")
    }

    @Test("digest formats: markdown by default, any of the four in any order")
    func digestFormats() throws {
        #expect(try parse(["[settings]"]).settings.digestFormats == [.markdown])
        #expect(try parse([]).settings.digestFormats == [.markdown])
        #expect(try parse(["[settings]", "digest_formats = atom, JSON,html , markdown"]).settings.digestFormats
                == [.markdown, .html, .json, .atom])
        #expect(try parse(["[settings]", "digest_formats = html"]).settings.digestFormats == [.html])
        #expect(try parse(["[settings]", "digest_formats = \"json, atom\""]).settings.digestFormats == [.json, .atom])
    }

    @Test("a bad digest format is an error at its name, with a suggestion when one is close")
    func badDigestFormats() {
        #expect(parseError(["[settings]", "digest_formats = markdown, htlm"])
                == "feeds.conf:2:28: unknown digest format \"htlm\" (did you mean html?)")
        #expect(parseError(["[settings]", "digest_formats = pdf"])
                == "feeds.conf:2:18: unknown digest format \"pdf\" (known: markdown, html, json, atom)")
        #expect(parseError(["[settings]", "digest_formats = html,, json"])
                == "feeds.conf:2:23: empty digest format name (expected a list such as markdown, html)")
        #expect(parseError(["[settings]", "digest_formats = html, json, html"])
                == "feeds.conf:2:30: digest format html is listed twice")
        #expect(parseError(["[settings]", "digest_formats ="])
                == "feeds.conf:2:1: missing value for digest_formats")
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
        #expect(parseError(["[settings]", "per_host = 65"])
                == "feeds.conf:2:12: per_host must be between 1 and 64, found 65")
        #expect(parseError(["[settings]", "per_host = one"])
                == "feeds.conf:2:12: expected a whole number for per_host, found \"one\"")
    }

    @Test("timeouts and intervals are durations; a bare number is seconds", arguments: [
        ("connect_timeout = 5", \Settings.connectTimeoutSeconds, 5),
        ("connect_timeout = 1m", \Settings.connectTimeoutSeconds, 60),
        ("connect_timeout = 2 m", \Settings.connectTimeoutSeconds, 120),
        ("timeout = 90", \Settings.totalTimeoutSeconds, 90),
        ("timeout = 30s", \Settings.totalTimeoutSeconds, 30),
        ("timeout = \"2 m\"", \Settings.totalTimeoutSeconds, 120),
        ("timeout = 1d", \Settings.totalTimeoutSeconds, 86_400),
        ("min_interval = 1m", \Settings.minIntervalSeconds, 60),
        ("min_interval = 600", \Settings.minIntervalSeconds, 600),
        ("max_interval = 30d", \Settings.maxIntervalSeconds, 2_592_000),
        ("unconditional_every = 1d", \Settings.unconditionalEverySeconds, 86_400),
        ("redirect_after = 0", \Settings.redirectAfterSeconds, 0),
        ("redirect_after = 365d", \Settings.redirectAfterSeconds, 31_536_000),
        ("backoff_max = 2h", \Settings.backoffMaxSeconds, 7_200),
        ("host_gap = 0", \Settings.hostGapMilliseconds, 0),
        ("host_gap = 250ms", \Settings.hostGapMilliseconds, 250),
        ("host_gap = 2", \Settings.hostGapMilliseconds, 2_000),
        ("host_gap = 2s", \Settings.hostGapMilliseconds, 2_000),
        ("host_gap = 10m", \Settings.hostGapMilliseconds, 600_000),
        ("per_host = 64", \Settings.perHostConcurrency, 64),
    ] as [(String, KeyPath<Settings, Int> & Sendable, Int)])
    func durations(line: String, field: KeyPath<Settings, Int> & Sendable, expected: Int) throws {
        #expect(try parse(["[settings]", line]).settings[keyPath: field] == expected)
    }

    @Test("durations that are not one, or out of range, are errors at the value", arguments: [
        ("timeout = 30 sec", "2:11: invalid duration \"30 sec\" for timeout (expected a whole number with an optional "
            + "unit s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
        ("connect_timeout = 1.5s", "2:19: invalid duration \"1.5s\" for connect_timeout (expected a whole number with "
            + "an optional unit s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
        ("min_interval = 500ms", "2:16: invalid duration \"500ms\" for min_interval (expected a whole number with an "
            + "optional unit s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
        ("backoff_max = 1w", "2:15: invalid duration \"1w\" for backoff_max (expected a whole number with an optional "
            + "unit s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
        ("host_gap = 1.5s", "2:12: invalid duration \"1.5s\" for host_gap (expected a whole number with an optional "
            + "unit ms, s, m, h or d, e.g. 500ms or 2s; a bare number is seconds)"),
        ("host_gap = 1MS", "2:12: invalid duration \"1MS\" for host_gap (expected a whole number with an optional "
            + "unit ms, s, m, h or d, e.g. 500ms or 2s; a bare number is seconds)"),
        ("connect_timeout = 0", "2:19: connect_timeout must be between 1s and 1h, found 0"),
        ("connect_timeout = 2h", "2:19: connect_timeout must be between 1s and 1h, found 2h"),
        ("timeout = 86401", "2:11: timeout must be between 1s and 1d, found 86401"),
        ("min_interval = 59s", "2:16: min_interval must be between 1m and 30d, found 59s"),
        ("max_interval = 31d", "2:16: max_interval must be between 1m and 30d, found 31d"),
        ("unconditional_every = 0", "2:23: unconditional_every must be between 1m and 30d, found 0"),
        ("redirect_after = 366d", "2:18: redirect_after must be between 0s and 365d, found 366d"),
        ("backoff_max = 30s", "2:15: backoff_max must be between 1m and 30d, found 30s"),
        ("host_gap = 11m", "2:12: host_gap must be between 0s and 10m, found 11m"),
        ("per_host = 0", "2:12: per_host must be between 1 and 64, found 0"),
    ])
    func invalidDurations(line: String, message: String) {
        #expect(parseError(["[settings]", line]) == "feeds.conf:" + message)
    }

    @Test("max_interval must not be below min_interval, whichever is written first")
    func intervalOrder() throws {
        let equal = try parse(["[settings]", "min_interval = 1h", "max_interval = 60m"]).settings
        #expect(equal.minIntervalSeconds == 3_600 && equal.maxIntervalSeconds == 3_600)
        #expect(parseError(["[settings]", "min_interval = 2h", "max_interval = 90m"])
                == "feeds.conf:3:16: max_interval (90m) must be at least min_interval (2h, line 2)")
        #expect(parseError(["[settings]", "max_interval = 10m", "timezone = UTC", "[feeds]"])
                == "feeds.conf:2:16: max_interval (10m) must be at least min_interval (15m, the default)")
        #expect(parseError(["[settings]", "min_interval = 2d"])
                == "feeds.conf:2:16: min_interval (2d) must be at most max_interval (1d, the default)")
    }

    @Test("a key without a value, or a line without '=', is an error")
    func malformedLines() {
        #expect(parseError(["[settings]", "database ="]) == "feeds.conf:2:1: missing value for database")
        #expect(parseError(["[settings]", "  database"]) == "feeds.conf:2:3: expected 'key = value', found \"database\"")
        #expect(parseError(["[settings]", "user_agent = \"half quoted"])
                == "feeds.conf:2:14: expected '\"' to close the quoted value")
    }
}
