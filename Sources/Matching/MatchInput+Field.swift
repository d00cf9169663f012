import FeedModel

extension MatchInput {
    /// The text the matcher scans for a field; authors and categories one per line.
    func text(of field: ItemField) -> String {
        switch field {
        case .title: return title
        case .summary: return summary
        case .content: return content
        case .author: return authors.joined(separator: "\n")
        case .category: return categories.joined(separator: "\n")
        }
    }

    /// Whether the feed attribute has this value: names and countries ignore
    /// case; `lang:en` also matches `en-US`.
    func has(_ attribute: FeedAttribute, _ value: String) -> Bool {
        switch attribute {
        case .feed:
            return feed?.lowercased() == value.lowercased()
        case .country:
            return country?.lowercased() == value.lowercased()
        case .lang:
            guard let language = language?.lowercased() else { return false }
            let wanted = value.lowercased()
            return language == wanted || language.hasPrefix(wanted + "-") || language.hasPrefix(wanted + "_")
        }
    }
}
