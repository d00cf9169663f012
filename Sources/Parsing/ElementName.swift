/// The local names of feed elements FeedAssembler tells apart when it decides
/// an element's role, as a small enum: read once per name libxml2 interns
/// (InternedNames), so that a start tag costs integer tests, not String ones.
/// Names are case-sensitive, as in XML.
enum ElementName: String, CaseIterable {
    case other
    case channel, item, entry, author, group, name, email
    case title, link, description, language, lastBuildDate, pubDate, ttl, subtitle, tagline
    case updated, modified, date, guid, category, enclosure, id, summary, content
    case published, issued, creator, subject, created, encoded, thumbnail

    /// One hash lookup: a switch over the names compared the String case by case.
    init(_ name: String) {
        self = Self.byName[name] ?? .other
    }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.filter { $0 != .other }.map { ($0.rawValue, $0) })
}
