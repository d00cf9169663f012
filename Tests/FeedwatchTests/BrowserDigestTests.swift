import Foundation
import TestSupport
import Testing

/// The HTML digest in a real browser: headless Chromium loads a digest built (by the feedwatch
/// binary: poll, then digest) from a feed full of hostile HTML, and must run none of it while
/// showing the digest.
///
/// Every attack writes the marker FWPWNED into the page (its title, the body), spelled as
/// 'FW'+'PWN'+'ED' so the word appears only if a script ran; a control page proves that this
/// check sees a script that does run.
@Suite(.serialized, .enabled(if: Chromium.path != nil, "no chromium binary: scripts/setup --tests installs it (Debian package chromium)"))
struct BrowserDigestTests {
    static let marker = "FWPWNED"
    static let attack = "'FW'+'PWN'+'ED'"

    static let hostileFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Hostile news</title><link>https://hostile.example/</link>
        <description>attacks</description>
        <item><guid>h1</guid><title>Karabakh ceasefire &lt;script&gt;document.title=\(attack)&lt;/script&gt;</title>
        <link>javascript:document.title=\(attack)</link>
        <description><![CDATA[<p>Karabakh ceasefire holds <script>document.title=\(attack)</script>
        <img src=x onerror="document.title=\(attack)"><svg onload="document.title=\(attack)"></svg>
        <a href="javascript:document.title=\(attack)">click</a> <a href="&#106;avascript:document.title=\(attack)">two</a>
        <iframe src="javascript:parent.document.title=\(attack)"></iframe><style>body{display:none}</style>
        <meta http-equiv="refresh" content="0;url=javascript:document.title=\(attack)">
        <b onmouseover="document.title=\(attack)">bold text</b></p>]]></description></item>
        <item><guid>h2</guid><title>Second Karabakh report</title><link>https://hostile.example/2</link>
        <description>&lt;p&gt;Escaped &lt;b&gt;markup&lt;/b&gt; &lt;img src=x onerror="document.body.append(\(attack))"&gt;
        &lt;object data="javascript:document.title=\(attack)"&gt;&lt;/object&gt;&lt;/p&gt;</description></item>
        </channel></rss>
        """

    static let config = """
        [settings]
        database = state.sqlite
        digests = digests
        digest_formats = markdown, html

        [feeds]
        file:hostile.xml name=hostile country=AM lang=en

        [entity Nagorno-Karabakh]
        kind = region
        spellings = Karabakh

        [topic Karabakh]
        rule = @Nagorno-Karabakh
        """

    /// Polls the hostile feed and writes today's digest; returns the HTML file.
    func hostileDigest(in folder: TemporaryFolder) throws -> URL {
        try Self.hostileFeed.write(to: folder.url.appendingPathComponent("hostile.xml"), atomically: true, encoding: .utf8)
        let config = folder.url.appendingPathComponent("feeds.conf")
        try Self.config.write(to: config, atomically: true, encoding: .utf8)
        let poll = try FeedwatchBinary.run(["poll", "--config", config.path])
        #expect(poll.status == 0, "\(poll.stderr)")
        let digest = try FeedwatchBinary.run(["digest", "--config", config.path])
        #expect(digest.status == 0, "\(digest.stderr)")
        let paths = digest.stdout.split(separator: "\n").map(String.init)
        #expect(paths.map { ($0 as NSString).pathExtension } == ["md", "html"])
        return URL(fileURLWithPath: try #require(paths.last))
    }

    @Test func noScriptRunsAndThePageShowsTheDigest() throws {
        let folder = try TemporaryFolder()
        let page = try hostileDigest(in: folder)

        let dom = try Chromium.run(["--dump-dom", "--virtual-time-budget=2000"], page: page)
        #expect(!dom.contains(Self.marker), "a script ran:\n\(dom)")
        #expect(dom.contains("<title>feedwatch digest — "), "\(dom.prefix(500))")
        // Not blank: the digest's headings and both items are in the rendered document.
        for text in ["<h1>feedwatch digest", "<h2>Karabakh</h2>", "Second Karabakh report",
                     "<span class=\"bad-link\">(javascript:document.title=", "Karabakh ceasefire holds", "bold text"] {
            #expect(dom.contains(text), "missing from the rendered page: \(text)")
        }
        let lower = dom.lowercased()
        for forbidden in ["<script", "<iframe", "<img", "<svg", "<object", "onerror", "onload", "onmouseover",
                          "href=\"javascript:", "http-equiv=\"refresh"] {
            #expect(!lower.contains(forbidden), "\(forbidden) in the rendered page")
        }
    }

    @Test func theCheckSeesAScriptThatDoesRun() throws {
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("control.html")
        try "<!DOCTYPE html><title>control</title><p>x</p><script>document.title=\(Self.attack)</script>"
            .write(to: page, atomically: true, encoding: .utf8)
        let dom = try Chromium.run(["--dump-dom", "--virtual-time-budget=2000"], page: page)
        #expect(dom.contains("<title>\(Self.marker)</title>"), "\(dom)")
    }

    @Test func theScreenshotIsNotBlank() throws {
        let folder = try TemporaryFolder()
        let page = try hostileDigest(in: folder)
        let blank = folder.url.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><title>blank</title><body style=\"background:#f6f5f1\"></body>"
            .write(to: blank, atomically: true, encoding: .utf8)

        var sizes: [Int] = []
        for (name, target) in [("digest.png", page), ("blank.png", blank)] {
            let shot = folder.url.appendingPathComponent(name)
            _ = try Chromium.run(["--screenshot=" + shot.path, "--window-size=420,900", "--hide-scrollbars"], page: target)
            let png = try Data(contentsOf: shot)
            let size = try #require(Chromium.pngSize(png), "\(name) is not a PNG")
            #expect(size.width == 420 && size.height == 900, "\(name): \(size)")
            sizes.append(png.count)
        }
        // A page of one colour compresses to almost nothing; text, boxes and colours do not.
        #expect(sizes[0] > 8 * sizes[1], "digest \(sizes[0]) bytes, blank page \(sizes[1]) bytes")
    }
}
