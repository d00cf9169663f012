/// Namespace URIs the parser recognises; elements are told apart by URI, never by prefix.
enum Namespace {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let media = "http://search.yahoo.com/mrss/"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    static func isAtom(_ uri: String) -> Bool { uri == atom10 || uri == atom03 }
    /// Media RSS as some feeds declare it (NamespaceKind reads both as .media).
    static let mediaWithoutSlash = "http://search.yahoo.com/mrss"

    /// RSS 0.9x/2.0 elements carry no namespace, except in the odd feed that
    /// declares one of the historical RSS 2.0 URIs as default.
    static func isPlainRSS(_ uri: String) -> Bool {
        uri.isEmpty || uri.hasPrefix("http://backend.userland.com/rss") || uri.hasPrefix("http://blogs.law.harvard.edu/tech/rss")
    }
}
