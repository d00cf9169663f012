/// The attribute names FeedAssembler reads, as a small enum: read once per
/// name libxml2 interns (InternedNames), so that an element's attributes are
/// sorted by integer tests and only those read become Strings.
enum AttributeName: String, CaseIterable {
    case other
    case type, mode, src, isPermaLink, term, label, url, fileSize, length, href, rel, version
    /// xml:lang and xml:base (in the XML namespace).
    case lang, base

    /// One hash lookup: a switch over the names compared the String case by case.
    init(_ name: String) {
        self = Self.byName[name] ?? .other
    }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.filter { $0 != .other }.map { ($0.rawValue, $0) })
}
