import Testing
import Config
import FeedModel

@Suite("[feeds]")
struct FeedsTests {
    @Test("options: name, country, lang, tags; the others kept verbatim besides being checked into fetch")
    func options() throws {
        let feeds = try parse([
            "[feeds]",
            "https://news.az/rss  name=news-az country=az lang=az tags=\"news,  politics ,az\" interval=30m tz=Asia/Baku",
            "http://example.org/feed.xml name=\"Radio Example\" encoding=\"windows-1251\"",
        ]).feeds
        #expect(feeds == [
            FeedSource(name: "news-az", url: "https://news.az/rss", country: "AZ", language: "az",
                       tags: ["news", "politics", "az"], options: ["interval": "30m", "tz": "Asia/Baku"],
                       fetch: FeedFetchOptions(intervalSeconds: 1_800, timeZone: "Asia/Baku")),
            FeedSource(name: "Radio Example", url: "http://example.org/feed.xml",
                       options: ["encoding": "windows-1251"], fetch: FeedFetchOptions(encoding: "windows-1251")),
        ])
    }

    @Test("the name defaults to the host, or to the file name without extension")
    func defaultNames() throws {
        let feeds = try parse([
            "[feeds]",
            "https://WWW.Azatutyun.am/api/zrqiteuuir",
            "file:seeds/ge-news.rss.xml",
            "file:///srv/feeds/az",
        ]).feeds
        #expect(feeds.map(\.name) == ["www.azatutyun.am", "ge-news.rss", "az"])
    }

    @Test("relative file: URLs become absolute file:/// URLs with spaces encoded")
    func relativeFileURLs() throws {
        let feeds = try parse([
            "[feeds]",
            "file:seeds/ru-news.xml",
            "\"file:../shared/real feeds/am news.xml\" name=am",
            "file:./a/../b/c%20d.xml name=encoded",
            "file:/abs/path.xml name=abs1",
            "file:///abs/other.xml name=abs3",
            "file://localhost/abs/local.xml name=local",
        ]).feeds
        #expect(feeds.map(\.url) == [
            "file:///etc/feedwatch/seeds/ru-news.xml",
            "file:///etc/shared/real%20feeds/am%20news.xml",
            "file:///etc/feedwatch/b/c%20d.xml",
            "file:///abs/path.xml",
            "file:///abs/other.xml",
            "file:///abs/local.xml",
        ])
    }

    @Test("a feed name used twice is an error pointing at both lines")
    func duplicateName() {
        #expect(parseError([
            "[feeds]",
            "https://a.example/rss name=news",
            "# another",
            "https://b.example/rss name=news",
        ]) == "feeds.conf:4:23: duplicate feed name news (first at line 2)")
        #expect(parseError(["[feeds]", "https://a.example/rss", "https://a.example/atom"])
                == "feeds.conf:3:1: duplicate feed name a.example (first at line 2)")
    }

    @Test("invalid URLs are errors at the URL", arguments: [
        ("www.example.org/rss", "invalid URL \"www.example.org/rss\": expected an http:, https: or file: URL"),
        ("ftp://example.org/rss", "invalid URL \"ftp://example.org/rss\": unsupported scheme ftp: (expected http:, https: or file:)"),
        ("https:///rss", "invalid URL \"https:///rss\": no host"),
        ("file://server/share/a.xml", "invalid URL \"file://server/share/a.xml\": a file: URL needs a path and cannot name another host"),
    ])
    func invalidURL(url: String, message: String) {
        #expect(parseError(["[feeds]", "  \(url) name=x"]) == "feeds.conf:2:3: \(message)")
    }

    @Test("malformed options are errors at the option")
    func badOptions() {
        #expect(parseError(["[feeds]", "https://a.example/rss name = x"])
                == "feeds.conf:2:23: expected key=value after the URL, found \"name\" (write key=value without spaces around '=')")
        #expect(parseError(["[feeds]", "https://a.example/rss news"])
                == "feeds.conf:2:23: expected key=value after the URL, found \"news\"")
        #expect(parseError(["[feeds]", "https://a.example/rss name=\"Radio Free"])
                == "feeds.conf:2:28: expected '\"' to close the quoted value")
        #expect(parseError(["[feeds]", "https://a.example/rss lang=ru lang=hy"])
                == "feeds.conf:2:31: duplicate option lang (first at column 23)")
        #expect(parseError(["[feeds]", "https://a.example/rss country=Armenia"])
                == "feeds.conf:2:31: invalid country \"Armenia\" (expected a two-letter ISO 3166 code such as AZ)")
        #expect(parseError(["[feeds]", "https://a.example/rss name="])
                == "feeds.conf:2:23: empty value for name")
    }
}
