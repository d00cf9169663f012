import Foundation
import Testing
@testable import Digest

/// The sanitiser on ordinary feed HTML (what must survive) and on hostile HTML (an OWASP-style
/// list of XSS vectors: what must not).
@Suite struct HTMLSanitizerTests {
    let sanitizer = HTMLSanitizer()

    @Test(arguments: [
        ("<p>Talks in <b>Brussels</b> &amp; <i>Baku</i></p>", "<p>Talks in <b>Brussels</b> &amp; <i>Baku</i></p>"),
        ("<P CLASS=lead>One<BR/>two</P>", "<p>One<br>two</p>"),
        ("<a href=\"https://apa.az/1\" title=\"APA\" class=x onclick=\"y()\">link</a>",
         "<a href=\"https://apa.az/1\" title=\"APA\">link</a>"),
        ("<a href='/news/1?a=1&amp;b=2'>rel</a>", "<a href=\"/news/1?a=1&amp;b=2\">rel</a>"),
        ("<a href=mailto:desk@example.org>mail</a>", "<a href=\"mailto:desk@example.org\">mail</a>"),
        ("<ul><li>one<li>two</ul>", "<ul><li>one</li><li>two</li></ul>"),
        ("<h1>Head</h1><h3>Sub</h3>", "<p><strong>Head</strong></p><p><strong>Sub</strong></p>"),
        ("<blockquote><q>said</q> <cite>him</cite></blockquote><pre><code>x  y</code></pre>",
         "<blockquote><q>said</q> <cite>him</cite></blockquote><pre><code>x  y</code></pre>"),
        ("<div>one</div><div>two</div><span style=\"color:red\">three</span>", "one two three"),
        ("5 < 6 > 4 & Tom's \"quote\" &nbsp;&#1329;&#x10D0;", "5 &lt; 6 &gt; 4 &amp; Tom's \"quote\" &nbsp;&#1329;&#x10D0;"),
        ("<img src=\"https://cdn.example/p.jpg\" alt=\"Shusha\">", "<a href=\"https://cdn.example/p.jpg\">[image: Shusha]</a>"),
        ("<img src=\"/p.jpg\">text", "text"),
        ("<b>bold <p>para</p>", "<b>bold </b><p>para</p>"),
        ("<li>stray item</li>", "stray item"),
        ("<a href=\"https://a.example\">one <a href=\"https://b.example\">two</a>",
         "<a href=\"https://a.example\">one </a><a href=\"https://b.example\">two</a>"),
        ("unclosed <b>bold <i>both", "unclosed <b>bold <i>both</i></b>"),
    ])
    func keepsWhatIsSafe(input: String, expected: String) {
        #expect(sanitizer.sanitize(input) == expected)
    }

    /// Hostile inputs: each must come out as allow-listed markup only, with no trace of a
    /// script, handler, style or dangerous URL. `marker` is the text the browser test
    /// looks for; the visible text around the attack must survive where HTML keeps it.
    static let hostile: [(input: String, kept: String?)] = [
        ("<script>document.title='x'</script>after", "after"),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>after", "after"),
        ("<script>a</script >b<script>c</SCRIPT\n>d", "bd"),
        ("<scr<script>ipt>alert(1)</script>", nil),
        ("<img src=x onerror=\"alert(1)\">", nil),
        ("<img src=\"https://x.example/a.png\" onerror=alert(1) onload=alert(2)>", "<a href=\"https://x.example/a.png\">[image]</a>"),
        ("<svg onload=alert(1)><circle/></svg>after", "after"),
        ("<svg><script>alert(1)</script></svg>after", "after"),
        ("<math><mtext><script>alert(1)</script></mtext></math>x", "x"),
        ("<a href=\"jAvAsCrIpT:alert(1)\">click</a>", "<a>click</a>"),
        ("<a href=\"javascript&colon;alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"&#106;avascript:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"&#x6A;&#x61;vascript:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"&#0000106;avascript:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"java\tscript:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"java&#x09;script:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"java&Tab;script:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"java&NewLine;script:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\" \u{01}\u{1F} javascript:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"jav\u{00}ascript:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"&#14;  javascript:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">c</a>", "<a>c</a>"),
        ("<a href=\"DATA:text/html,<script>alert(1)</script>\">c</a>", "<a>c</a>"),
        ("<a href=\"vbscript:msgbox(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"file:///etc/passwd\">c</a>", "<a>c</a>"),
        ("<a href=javascript:alert(1)>c</a>", "<a>c</a>"),
        ("<a href=\"https://ok.example\" href=\"javascript:alert(1)\">c</a>", "<a href=\"https://ok.example\">c</a>"),
        ("<a style=\"position:fixed\" href=\"x\" onmouseover=\"alert(1)\">c</a>", "<a href=\"x\">c</a>"),
        ("<iframe src=\"javascript:alert(1)\"></iframe>after", "after"),
        ("<iframe srcdoc=\"<script>alert(1)</script>\">after", ""),
        ("<object data=\"javascript:alert(1)\"><param name=x></object>after", "after"),
        ("<embed src=\"data:image/svg+xml,x\">after", "after"),
        ("<style>body{background:url(javascript:alert(1))}</style>after", "after"),
        ("<p style=\"background:url(javascript:alert(1))\">text</p>", "<p>text</p>"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">after", "after"),
        ("<base href=\"javascript:alert(1)//\">after", "after"),
        ("<link rel=stylesheet href=\"https://evil.example/x.css\">after", "after"),
        ("<form action=\"javascript:alert(1)\"><input type=submit value=go><button>b</button></form>after", "after"),
        ("<b onclick=alert(1)>bold</b>", "<b>bold</b>"),
        ("<!-- <script>alert(1)</script> -->after", "after"),
        ("<!--[if IE]><script>alert(1)</script><![endif]-->after", "after"),
        ("<!-- unclosed comment <script>alert(1)</script>", ""),
        ("<![CDATA[<script>alert(1)</script>]]>after", "after"),
        ("<?xml-stylesheet href=\"javascript:alert(1)\"?>after", "after"),
        ("<a href=\"https://x.example\" <script>alert(1)</script>", nil),
        ("<a href=\"javascript:alert(1)", ""),
        ("<img src=x onerror=alert(1)//", ""),
        ("<div onmouseover='alert(1)'>text</div>", "text"),
        ("<body onload=alert(1)>x</body>", "x"),
        ("<textarea><script>alert(1)</script></textarea>after", "after"),
        ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>after", nil),
        ("<template><script>alert(1)</script></template>after", "after"),
        ("<video><source onerror=\"alert(1)\"></video>after", "after"),
        ("<details open ontoggle=alert(1)>x</details>", "x"),
        ("<isindex action=javascript:alert(1) type=image>x", "x"),
        ("<a href=\"x\" title=\"&quot;><script>alert(1)</script>\">t</a>",
         "<a href=\"x\" title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">t</a>"),
        ("<a/href=\"javascript:alert(1)\">c</a>", "<a>c</a>"),
        ("<a href=\"\u{FEFF}javascript:alert(1)\">c</a>", "<a>c</a>"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ]

    @Test func hostileInputsComeOutHarmless() throws {
        for (input, kept) in Self.hostile {
            let output = sanitizer.sanitize(input)
            try Self.checkAllowListed(output, input: input)
            let lower = output.lowercased()
            for forbidden in ["<script", "javascript:", "vbscript:", "data:", "onerror", "onload", "onclick",
                              "onmouseover", "ontoggle", "style", "<iframe", "<object", "<embed", "<meta",
                              "<form", "<svg", "<img", "<base", "<link", "<input", "srcdoc", "<math"] {
                #expect(!lower.contains(forbidden), "\(forbidden) survived in \(output) from \(input)")
            }
            if let kept {
                #expect(output == kept, "from \(input)")
            }
        }
    }

    /// The output's tags, one by one: allow-listed names, `href`/`title` on `a` only, every
    /// attribute double-quoted, every element closed in order.
    static func checkAllowListed(_ output: String, input: String) throws {
        let allowed: Set = ["p", "br", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "ul", "ol", "li",
                            "blockquote", "q", "cite", "code", "pre"]
        var open: [String] = []
        var rest = Substring(output)
        while let lt = rest.firstIndex(of: "<") {
            let gt = try #require(rest[lt...].firstIndex(of: ">"), "unterminated tag in \(output) from \(input)")
            let tag = rest[rest.index(after: lt)..<gt]
            rest = rest[rest.index(after: gt)...]
            if tag.hasPrefix("/") {
                #expect(open.popLast() == String(tag.dropFirst()), "misnested \(tag) in \(output) from \(input)")
                continue
            }
            let name = String(tag.prefix { $0 != " " })
            #expect(allowed.contains(name), "tag \(name) in \(output) from \(input)")
            let attributes = tag.dropFirst(name.count)
            if !attributes.isEmpty {
                #expect(name == "a", "attributes on \(name) in \(output) from \(input)")
                let pattern = /^( (href|title)="[^"<>]*")+$/
                #expect(attributes.wholeMatch(of: pattern) != nil, "attributes \(attributes) from \(input)")
            }
            if name != "br" { open.append(name) }
        }
        #expect(open.isEmpty, "unclosed \(open) in \(output) from \(input)")
    }

    @Test func urlsAreCheckedAsBrowsersReadThem() {
        #expect(HTMLSanitizer.safeURL("https://apa.az/x") == "https://apa.az/x")
        #expect(HTMLSanitizer.safeURL("  HTTP://apa.az/x \n") == "HTTP://apa.az/x")
        #expect(HTMLSanitizer.safeURL("//apa.az/x") == "//apa.az/x")
        #expect(HTMLSanitizer.safeURL("news/1.html") == "news/1.html")
        #expect(HTMLSanitizer.safeURL("news/1.html", allowRelative: false) == nil)
        #expect(HTMLSanitizer.safeURL("a&amp;b") == "a&b")
        for bad in ["javascript:x", " JavaScript:x", "java\nscript:x", "&#x6a;avascript:x", "&#106avascript:x",
                    "javascript&#58;x", "javascript&colon;x", "data:,x", "vbscript:x", "livescript:x", "file:/x", "",
                    "\u{0B}javascript:x", "jav&#x0A;ascript:x", "about:blank", "blob:https://x/1", "ftp://x/"] {
            #expect(HTMLSanitizer.safeURL(bad) == nil, "\(bad)")
        }
    }

    @Test func longTextIsCutAndEverythingStaysClosed() {
        let cut = HTMLSanitizer(maxTextLength: 10).sanitize("<p><b>abcdefghijklmnop</b> more</p><p>next</p>")
        #expect(cut == "<p><b>abcdefghij…</b></p>")
    }

    @Test func deepNestingIsCapped() throws {
        let deep = String(repeating: "<blockquote>", count: 5_000) + "x"
        let output = HTMLSanitizer().sanitize(deep)
        #expect(output.components(separatedBy: "<blockquote>").count - 1 == 24)
        try Self.checkAllowListed(output, input: "deep")
    }
}
