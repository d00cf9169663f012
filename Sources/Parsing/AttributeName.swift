/// The attribute names FeedAssembler reads, as a small enum: read once per
/// name libxml2 interns (InternedNames), so that an element's attributes are
/// sorted by integer tests and only those read become Strings.
enum AttributeName: UInt8 {
    case other
    case type, mode, src, isPermaLink, term, label, url, fileSize, length, href, rel, version
    /// xml:lang and xml:base (in the XML namespace).
    case lang, base

    init(_ name: String) {
        switch name {
        case "type": self = .type
        case "mode": self = .mode
        case "src": self = .src
        case "isPermaLink": self = .isPermaLink
        case "term": self = .term
        case "label": self = .label
        case "url": self = .url
        case "fileSize": self = .fileSize
        case "length": self = .length
        case "href": self = .href
        case "rel": self = .rel
        case "version": self = .version
        case "lang": self = .lang
        case "base": self = .base
        default: self = .other
        }
    }
}
