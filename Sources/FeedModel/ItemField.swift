/// Which part of an item a hit was found in.
public enum ItemField: String, Sendable, Codable, CaseIterable {
    case title, summary, content
}
