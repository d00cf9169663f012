import Testing
import Config
import FeedModel

@Suite("[feeds] fetch options")
struct FeedFetchOptionsTests {
    /// The one feed of a [feeds] section holding `line`.
    private func feed(_ line: String) throws -> FeedSource {
        try #require(parse(["[feeds]", line]).feeds.first)
    }

    /// The error for a [feeds] section holding `line`, as printed.
    private func feedError(_ line: String) -> String? {
        parseError(["[feeds]", line])
    }

    @Test("every option is checked, typed into fetch and kept verbatim in options")
    func everyOption() throws {
        let feed = try feed("https://a.example/rss user-agent=\"Mozilla/5.0 (X11; Linux)\" "
            + "header=\"X-Api-Key: 123\" header=\"Accept-Language: ru, en;q=0.5\" cookie=\"a=1; b=2\" "
            + "proxy=socks5h://127.0.0.1:9050 netrc=secrets/netrc timeout=45s interval=2h "
            + "fallback=https://b.example/rss fallback=http://c.example/feed.xml encoding=windows-1251 tz=Asia/Tbilisi")
        #expect(feed.fetch == FeedFetchOptions(
            userAgent: "Mozilla/5.0 (X11; Linux)",
            headers: ["X-Api-Key: 123", "Accept-Language: ru, en;q=0.5"],
            cookie: "a=1; b=2",
            proxy: "socks5h://127.0.0.1:9050",
            netrcFile: "/etc/feedwatch/secrets/netrc",
            timeoutSeconds: 45,
            intervalSeconds: 7_200,
            fallbackURLs: ["https://b.example/rss", "http://c.example/feed.xml"],
            encoding: "windows-1251",
            timeZone: "Asia/Tbilisi"))
        #expect(feed.options == [
            "user-agent": "Mozilla/5.0 (X11; Linux)",
            "header": "X-Api-Key: 123\nAccept-Language: ru, en;q=0.5",
            "cookie": "a=1; b=2",
            "proxy": "socks5h://127.0.0.1:9050",
            "netrc": "secrets/netrc",
            "timeout": "45s",
            "interval": "2h",
            "fallback": "https://b.example/rss\nhttp://c.example/feed.xml",
            "encoding": "windows-1251",
            "tz": "Asia/Tbilisi",
        ])
    }

    @Test("a feed line without options has empty fetch options")
    func noOptions() throws {
        #expect(try feed("https://a.example/rss name=a").fetch == FeedFetchOptions())
    }

    @Test("durations take s, m, h, d; a bare number is seconds", arguments: [
        ("timeout=90", 90, nil), ("timeout=90s", 90, nil), ("timeout=2m", 120, nil), ("timeout=1h", 3_600, nil),
        ("timeout=1d", 86_400, nil), ("interval=15m", nil, 900), ("interval=90", nil, 90), ("interval=1d", nil, 86_400),
        ("interval=30d", nil, 2_592_000), ("interval=\"2 h\"", nil, 7_200),
    ] as [(String, Int?, Int?)])
    func durations(option: String, timeout: Int?, interval: Int?) throws {
        let fetch = try feed("https://a.example/rss " + option).fetch
        #expect(fetch.timeoutSeconds == timeout)
        #expect(fetch.intervalSeconds == interval)
    }

    @Test("invalid durations are errors at the value", arguments: [
        ("timeout=30x", "2:31: invalid duration \"30x\" for timeout (expected a whole number with an optional unit "
            + "s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
        ("timeout=500ms", "2:31: invalid duration \"500ms\" for timeout (expected a whole number with an optional unit "
            + "s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
        ("interval=1H", "2:32: invalid duration \"1H\" for interval (expected a whole number with an optional unit "
            + "s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
        ("interval=-5m", "2:32: invalid duration \"-5m\" for interval (expected a whole number with an optional unit "
            + "s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
        ("timeout=0", "2:31: timeout must be between 1s and 1d, found 0"),
        ("timeout=2d", "2:31: timeout must be between 1s and 1d, found 2d"),
        ("interval=30s", "2:32: interval must be between 1m and 30d, found 30s"),
        ("interval=31d", "2:32: interval must be between 1m and 30d, found 31d"),
        ("interval=99999999999999999999", "2:32: invalid duration \"99999999999999999999\" for interval (expected a "
            + "whole number with an optional unit s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds)"),
    ])
    func invalidDurations(option: String, message: String) {
        #expect(feedError("https://a.example/rss " + option) == "feeds.conf:" + message)
    }

    @Test("header= may be repeated; the headers add up in order, other options still may not")
    func repeatableHeaders() throws {
        let feed = try feed("https://a.example/rss header=\"A: 1\" name=x header=\"B:2\" header=\"C:\"")
        #expect(feed.fetch.headers == ["A: 1", "B:2", "C:"])
        #expect(feed.options["header"] == "A: 1\nB:2\nC:")
        #expect(feedError("https://a.example/rss cookie=a=1 cookie=b=2")
                == "feeds.conf:2:34: duplicate option cookie (first at column 23)")
        #expect(feedError("https://a.example/rss tz=UTC interval=1h tz=UTC")
                == "feeds.conf:2:42: duplicate option tz (first at column 23)")
    }

    @Test("a header needs 'Name:' and no control characters")
    func invalidHeaders() {
        #expect(feedError("https://a.example/rss header=\"X-Api-Key 123\"")
                == "feeds.conf:2:30: invalid header \"X-Api-Key 123\" (expected \"Name: value\")")
        #expect(feedError("https://a.example/rss header=\"X Api: 1\"")
                == "feeds.conf:2:30: invalid header \"X Api: 1\" (the name before ':' must be one word such as "
                   + "X-Api-Key, with no space before ':')")
        #expect(feedError("https://a.example/rss header=\"X-Api : 1\"")
                == "feeds.conf:2:30: invalid header \"X-Api : 1\" (the name before ':' must be one word such as "
                   + "X-Api-Key, with no space before ':')")
        #expect(feedError("https://a.example/rss header=:1")
                == "feeds.conf:2:30: invalid header \":1\" (the name before ':' must be one word such as "
                   + "X-Api-Key, with no space before ':')")
        #expect(feedError("https://a.example/rss header=\"X-A: 1\u{0B}Injected: 2\"")
                == "feeds.conf:2:30: header contains a line break or another control character (U+000B)")
        #expect(feedError("https://a.example/rss header=\"X-A: 1\u{85}Injected: 2\"")
                == "feeds.conf:2:30: header contains a line break or another control character (U+0085)")
        // A real line break ends the line, and with it the quoted value.
        #expect(parseError(["[feeds]", "https://a.example/rss header=\"X-A: 1", "Injected: 2\""])
                == "feeds.conf:2:30: expected '\"' to close the quoted value")
    }

    @Test("user-agent and cookie are sent as written, so control characters are refused")
    func userAgentAndCookie() throws {
        let fetch = try feed("https://a.example/rss user-agent=\"feedwatch (ops@example.org)\tx\" cookie=session=abc")
        #expect(fetch.fetch.userAgent == "feedwatch (ops@example.org)\tx")
        #expect(fetch.fetch.cookie == "session=abc")
        #expect(feedError("https://a.example/rss user-agent=\"a\u{0}b\"")
                == "feeds.conf:2:34: user-agent contains a line break or another control character (U+0000)")
        #expect(feedError("https://a.example/rss cookie=\"a=1\u{1B}\"")
                == "feeds.conf:2:30: cookie contains a line break or another control character (U+001B)")
        #expect(feedError("https://a.example/rss user-agent=\"  \"") == "feeds.conf:2:23: empty value for user-agent")
    }

    @Test("proxy takes http, https, socks4, socks5 and socks5h URLs", arguments: [
        "http://proxy.example:3128", "https://user:secret@proxy.example", "socks4://10.0.0.1:1080",
        "socks5://[::1]:1080", "SOCKS5H://127.0.0.1:9050",
    ])
    func proxies(url: String) throws {
        #expect(try feed("https://a.example/rss proxy=\(url)").fetch.proxy == url)
    }

    @Test("an invalid proxy is an error at the value", arguments: [
        ("proxy.example:3128", "invalid proxy \"proxy.example:3128\" (expected a URL such as "
            + "http://proxy.example:3128 or socks5h://127.0.0.1:9050)"),
        ("ftp://proxy.example", "invalid proxy \"ftp://proxy.example\": unsupported scheme ftp "
            + "(expected http, https, socks4, socks5 or socks5h)"),
        ("http://", "invalid proxy \"http://\" (expected a URL such as http://proxy.example:3128 or "
            + "socks5h://127.0.0.1:9050)"),
        ("\"http://proxy example\"", "invalid proxy \"http://proxy example\" (expected a URL such as "
            + "http://proxy.example:3128 or socks5h://127.0.0.1:9050)"),
    ])
    func invalidProxy(value: String, message: String) {
        #expect(feedError("https://a.example/rss proxy=\(value)") == "feeds.conf:2:29: " + message)
    }

    @Test("netrc is a path resolved against the config folder")
    func netrc() throws {
        #expect(try feed("https://a.example/rss netrc=../private/netrc").fetch.netrcFile == "/etc/private/netrc")
        #expect(try feed("https://a.example/rss netrc=/root/.netrc").fetch.netrcFile == "/root/.netrc")
        #expect(try feed("https://a.example/rss netrc=\"my dir/netrc\"").fetch.netrcFile == "/etc/feedwatch/my dir/netrc")
    }

    @Test("ca is a path resolved against the config folder")
    func certificateAuthority() throws {
        #expect(try feed("https://a.example/rss ca=certs/internal.pem").fetch.caFile == "/etc/feedwatch/certs/internal.pem")
        #expect(try feed("https://a.example/rss").fetch.caFile == nil)
    }

    @Test("fallbacks are http(s) URLs tried in order; file: ones only for a file: feed")
    func fallbacks() throws {
        let web = try feed("https://a.example/rss fallback=https://mirror.example/rss fallback=http://b.example/rss")
        #expect(web.fetch.fallbackURLs == ["https://mirror.example/rss", "http://b.example/rss"])
        let file = try feed("file:seeds/a.xml fallback=file:backup/a.xml fallback=https://a.example/rss")
        #expect(file.fetch.fallbackURLs == ["file:///etc/feedwatch/backup/a.xml", "https://a.example/rss"])
        #expect(file.options["fallback"] == "file:backup/a.xml\nhttps://a.example/rss")
    }

    @Test("invalid fallbacks are errors at the value", arguments: [
        ("https://a.example/rss fallback=file:/srv/a.xml",
         "2:32: fallback \"file:///srv/a.xml\" is a file: URL, which only a feed whose own URL is file: may use"),
        ("https://a.example/rss fallback=ftp://b.example/rss",
         "2:32: invalid fallback URL \"ftp://b.example/rss\": unsupported scheme ftp: (expected http:, https: or file:)"),
        ("https://a.example/rss fallback=b.example/rss",
         "2:32: invalid fallback URL \"b.example/rss\": expected an http:, https: or file: URL"),
        ("https://a.example/rss fallback=https:///rss", "2:32: invalid fallback URL \"https:///rss\": no host"),
        ("https://a.example/rss fallback=https://a.example/rss", "2:32: fallback \"https://a.example/rss\" is the feed's own URL"),
        ("file:a.xml fallback=file:///etc/feedwatch/a.xml",
         "2:21: fallback \"file:///etc/feedwatch/a.xml\" is the feed's own URL"),
        ("https://a.example/rss fallback=https://b.example/ fallback=https://b.example/",
         "2:60: fallback \"https://b.example/\" is given twice"),
    ])
    func invalidFallbacks(line: String, message: String) {
        #expect(feedError(line) == "feeds.conf:" + message)
    }

    @Test("encoding must be one iconv knows", arguments: [
        "windows-1251", "WINDOWS-1251", "KOI8-R", "ARMSCII-8", "GEORGIAN-PS", "GEORGIAN-ACADEMY", "ISO-8859-5",
        "ISO-8859-16", "UTF-8", "utf-8", "UTF-16", "CP1251",
    ])
    func knownEncodings(name: String) throws {
        #expect(try feed("https://a.example/rss encoding=\(name)").fetch.encoding == name)
    }

    @Test("an unknown encoding is an error, with a suggestion when a common one is close", arguments: [
        ("windows-1215", "unknown encoding \"windows-1215\" (did you mean windows-1251?)"),
        ("KOI8RR", "unknown encoding \"KOI8RR\" (did you mean KOI8-R?)"),
        ("ARMSCI-8", "unknown encoding \"ARMSCI-8\" (did you mean ARMSCII-8?)"),
        ("georgian-pss", "unknown encoding \"georgian-pss\" (did you mean GEORGIAN-PS?)"),
        ("klingon", "unknown encoding \"klingon\" (iconv does not know it; e.g. UTF-8, windows-1251, KOI8-R, "
            + "ARMSCII-8, GEORGIAN-PS)"),
        // iconv itself would take a //TRANSLIT suffix; it names no encoding.
        ("UTF-8//TRANSLIT", "unknown encoding \"UTF-8//TRANSLIT\" (iconv does not know it; e.g. UTF-8, "
            + "windows-1251, KOI8-R, ARMSCII-8, GEORGIAN-PS)"),
    ])
    func unknownEncoding(name: String, message: String) {
        #expect(feedError("https://a.example/rss encoding=\(name)") == "feeds.conf:2:32: " + message)
    }

    @Test("tz must be an IANA zone, with a suggestion when one is close")
    func timeZones() throws {
        #expect(try feed("https://a.example/rss tz=Asia/Yerevan").fetch.timeZone == "Asia/Yerevan")
        #expect(feedError("https://a.example/rss tz=Asia/Bakku")
                == "feeds.conf:2:26: unknown time zone \"Asia/Bakku\" (did you mean Asia/Baku?)")
        #expect(feedError("https://a.example/rss tz=Caucasus/Nowhere")
                == "feeds.conf:2:26: unknown time zone \"Caucasus/Nowhere\" (expected an IANA name such as Asia/Baku or UTC)")
    }

    @Test("other keys are kept, but a misspelt known option is refused", arguments: [
        ("user_agent=x", "2:23: unknown option user_agent (did you mean user-agent?)"),
        ("Name=x", "2:23: unknown option Name (did you mean name?)"),
        ("tag=news", "2:23: unknown option tag (did you mean tags?)"),
        ("headers=\"A: 1\"", "2:23: unknown option headers (did you mean header?)"),
        ("fallbak=https://b.example/", "2:23: unknown option fallbak (did you mean fallback?)"),
    ])
    func misspeltOptions(option: String, message: String) {
        #expect(feedError("https://a.example/rss \(option)") == "feeds.conf:" + message)
    }

    @Test("keys that resemble no known option are kept verbatim")
    func otherKeys() throws {
        let feed = try feed("https://a.example/rss perspective=state note=\"checked 2024\" id=7")
        #expect(feed.options == ["perspective": "state", "note": "checked 2024", "id": "7"])
        #expect(feed.fetch == FeedFetchOptions())
    }
}
