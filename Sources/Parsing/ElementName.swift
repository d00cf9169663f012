/// The local names of feed elements FeedAssembler tells apart when it decides
/// an element's role, as a small enum: read once per name libxml2 interns
/// (InternedNames), so that a start tag costs integer tests, not String ones.
/// Names are case-sensitive, as in XML.
enum ElementName: UInt8 {
    case other
    case channel, item, entry, author, group, name, email
    case title, link, description, language, lastBuildDate, pubDate, ttl, subtitle, tagline
    case updated, modified, date, guid, category, enclosure, id, summary, content
    case published, issued, creator, subject, created, encoded, thumbnail

    init(_ name: String) {
        switch name {
        case "channel": self = .channel
        case "item": self = .item
        case "entry": self = .entry
        case "author": self = .author
        case "group": self = .group
        case "name": self = .name
        case "email": self = .email
        case "title": self = .title
        case "link": self = .link
        case "description": self = .description
        case "language": self = .language
        case "lastBuildDate": self = .lastBuildDate
        case "pubDate": self = .pubDate
        case "ttl": self = .ttl
        case "subtitle": self = .subtitle
        case "tagline": self = .tagline
        case "updated": self = .updated
        case "modified": self = .modified
        case "date": self = .date
        case "guid": self = .guid
        case "category": self = .category
        case "enclosure": self = .enclosure
        case "id": self = .id
        case "summary": self = .summary
        case "content": self = .content
        case "published": self = .published
        case "issued": self = .issued
        case "creator": self = .creator
        case "subject": self = .subject
        case "created": self = .created
        case "encoded": self = .encoded
        case "thumbnail": self = .thumbnail
        default: self = .other
        }
    }
}
