/// A namespace URI as FeedAssembler tells it apart (Namespace has the URIs),
/// read once per URI libxml2 interns (InternedNames).
enum NamespaceKind: UInt8 {
    /// No namespace (plain RSS).
    case none
    case atom10, atom03, rss10, rss090, rdf, dc, dcterms, content, xml
    /// Media RSS, with or without the final slash.
    case media
    /// The historical RSS 2.0 URIs some feeds declare as default (Namespace.isPlainRSS).
    case legacyRSS
    case other

    init(_ uri: String) {
        if let kind = Self.byURI[uri] {
            self = kind
        } else {
            self = Namespace.isPlainRSS(uri) ? .legacyRSS : .other
        }
    }

    /// The URIs known exactly, found by one hash lookup (a switch compared the
    /// String case by case). The keys are Namespace's own Strings (see canonical(_:)).
    private static let byURI: [String: NamespaceKind] = [
        "": .none, Namespace.atom10: .atom10, Namespace.atom03: .atom03, Namespace.rss10: .rss10,
        Namespace.rss090: .rss090, Namespace.rdf: .rdf, Namespace.dc: .dc, Namespace.dcterms: .dcterms,
        Namespace.content: .content, Namespace.xml: .xml,
        Namespace.media: .media, Namespace.mediaWithoutSlash: .media,
    ]

    /// The String `byURI` holds for `uri` (the very one of Namespace), else `uri`:
    /// comparing equal Strings that share their storage is one test, where two
    /// copies compare byte by byte.
    static func canonical(_ uri: String) -> String {
        guard let index = byURI.index(forKey: uri) else { return uri }
        return byURI[index].key
    }

    var isAtom: Bool { self == .atom10 || self == .atom03 }
    /// Namespace.isPlainRSS: no namespace or a historical RSS 2.0 one.
    var isPlainRSS: Bool { self == .none || self == .legacyRSS }
}
