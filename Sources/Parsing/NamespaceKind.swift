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
        switch uri {
        case "": self = .none
        case Namespace.atom10: self = .atom10
        case Namespace.atom03: self = .atom03
        case Namespace.rss10: self = .rss10
        case Namespace.rss090: self = .rss090
        case Namespace.rdf: self = .rdf
        case Namespace.dc: self = .dc
        case Namespace.dcterms: self = .dcterms
        case Namespace.content: self = .content
        case Namespace.xml: self = .xml
        case _ where Namespace.isMedia(uri): self = .media
        case _ where Namespace.isPlainRSS(uri): self = .legacyRSS
        default: self = .other
        }
    }

    var isAtom: Bool { self == .atom10 || self == .atom03 }
    /// Namespace.isPlainRSS: no namespace or a historical RSS 2.0 one.
    var isPlainRSS: Bool { self == .none || self == .legacyRSS }
}
