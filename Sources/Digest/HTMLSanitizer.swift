/// Turns untrusted HTML from feeds into a fragment that can only format text and link out.
///
/// Nothing of the input is copied through: the input is tokenised (tags, attributes, comments,
/// raw text, as an HTML parser would see them) and a new fragment is written from an allow-list,
/// with every text escaped and every attribute quoted. So whatever the input, the output holds
/// only these elements, properly nested and all closed:
///
/// - `p br a em strong b i u s sub sup ul ol li blockquote q cite code pre`; headings `h1`–`h6`
///   are demoted to `<p><strong>` (the digest's own headings give the page its outline);
/// - `a` with `href` (http, https, mailto or relative, checked after decoding character
///   references and removing what browsers ignore in URLs) and `title`; nothing else;
/// - `img` becomes a link to the picture (`[image: alt]`) when its `src` is http(s), else its
///   alt text or nothing: the digest never loads anything;
/// - `script style iframe object embed svg math template noscript textarea title form-less
///   fields ...` go with their content; comments, CDATA and processing instructions go;
///   other tags (`div`, `span`, `font`, `table`, ...) go but keep their text.
///
/// Block elements never sit inside inline ones and `li` only inside `ul`/`ol`, so browsers build
/// the tree the fragment says and nothing can reach outside the element the digest puts it in.
public struct HTMLSanitizer: Sendable {
    /// Characters of text kept; longer text is cut there with "…".
    public var maxTextLength: Int
    /// Elements open at once; deeper tags are dropped (their text stays).
    public var maxDepth: Int

    public init(maxTextLength: Int = .max, maxDepth: Int = 24) {
        self.maxTextLength = maxTextLength
        self.maxDepth = maxDepth
    }

    public func sanitize(_ html: String) -> String {
        var run = Run(input: Array(html.unicodeScalars), sanitizer: self)
        run.go()
        return run.output
    }

    // MARK: - The allow-list

    /// Allowed elements: the input name -> the elements written for it.
    static let allowed: [String: [String]] = {
        var table: [String: [String]] = [:]
        for name in ["p", "br", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "ul", "ol", "li",
                     "blockquote", "q", "cite", "code", "pre"] {
            table[name] = [name]
        }
        for level in 1...6 { table["h\(level)"] = ["p", "strong"] }
        return table
    }()

    /// Elements that hold block content: one of them closes open inline elements and an open `p`.
    static let blocks: Set<String> = ["p", "ul", "ol", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"]

    /// Dropped with everything inside; their content is raw text, so tags in it are not tags.
    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                                       "noframes", "noscript", "plaintext"]
    /// Dropped with everything inside, tags included.
    static let dropWithContent: Set<String> = ["svg", "math", "template", "object", "applet", "select",
                                               "head", "frameset", "audio", "video", "canvas", "button", "datalist"]
    /// Dropped tags that separate words: a space stands in for them.
    static let separating: Set<String> = ["div", "section", "article", "header", "footer", "aside", "nav", "main",
                                          "table", "tr", "td", "th", "figure", "figcaption", "hr", "dl", "dt", "dd",
                                          "address", "details", "summary", "form", "fieldset", "label", "center"]

    // MARK: - URLs

    /// The URL as a browser would read it, when it is http, https, mailto or relative; nil for
    /// anything else (javascript:, data:, vbscript:, file:, ...), however it is disguised:
    /// character references (`&#106;avascript:`, `&#x6A`, `java&Tab;script:`, `&colon;`), tabs and
    /// line breaks inside, spaces and control characters around it, mixed case.
    /// `allowRelative: false` accepts only absolute http(s) and mailto.
    public static func safeURL(_ raw: String, allowRelative: Bool = true) -> String? {
        var scalars = Array(HTMLReferences.decode(raw).unicodeScalars)
        // Browsers strip C0 controls and spaces around a URL and tabs and line breaks inside it.
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard !scalars.isEmpty,
              !scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" })
        else { return nil }

        let url = String(String.UnicodeScalarView(scalars))
        if let scheme = scheme(of: scalars) {
            return ["http", "https", "mailto"].contains(scheme) ? url : nil
        }
        return allowRelative ? url : nil
    }

    /// The scheme, lower-cased, when the URL starts with one (`[A-Za-z][A-Za-z0-9+.-]*:`).
    static func scheme(of scalars: [Unicode.Scalar]) -> String? {
        guard let first = scalars.first, isASCIILetter(first) else { return nil }
        var index = 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ":" {
                return String(String.UnicodeScalarView(scalars[0..<index])).lowercased()
            }
            guard isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            else { return nil }
            index += 1
        }
        return nil
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
