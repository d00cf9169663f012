/// The attributes of a feed element that FeedAssembler reads, each a field
/// (attributes in no namespace, and xml:lang and xml:base): SAXState fills it
/// straight from libxml2's attribute array, where a dictionary of every
/// attribute cost more than the rest of an element start.
///
/// A class, made only for an element with one of these attributes: a frame
/// holds one reference (a struct of fourteen Strings made every push and pop
/// of a frame a copy of them all).
final class FeedAttributes {
    var type: String?
    var mode: String?
    var src: String?
    var isPermaLink: String?
    var term: String?
    var label: String?
    var url: String?
    var fileSize: String?
    var length: String?
    var href: String?
    var rel: String?
    var version: String?
    /// xml:lang.
    var lang: String?
    /// xml:base, as written.
    var base: String?

    /// Keeps `value` when the attribute is one of the above; a later one of
    /// the same name wins, as it did in a dictionary.
    func set(_ name: AttributeName, namespace: NamespaceKind, value: String) {
        if namespace == .xml {
            if name == .lang { lang = value } else if name == .base { base = value }
            return
        }
        guard namespace == .none else { return }
        switch name {
        case .type: type = value
        case .mode: mode = value
        case .src: src = value
        case .isPermaLink: isPermaLink = value
        case .term: term = value
        case .label: label = value
        case .url: url = value
        case .fileSize: fileSize = value
        case .length: length = value
        case .href: href = value
        case .rel: rel = value
        case .version: version = value
        case .lang, .base, .other: break
        }
    }

    /// Whether `name` in `namespace` is one `set` keeps (the others need no String).
    static func isKept(_ name: AttributeName, namespace: NamespaceKind) -> Bool {
        switch name {
        case .other: return false
        case .lang, .base: return namespace == .xml
        default: return namespace == .none
        }
    }
}
