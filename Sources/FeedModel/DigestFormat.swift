/// A file the daily digest is written as (`digest_formats` in feeds.conf's [settings]).
/// Config reads the names; Monitor writes one file per format. Cases are in the order
/// the files are written and listed.
public enum DigestFormat: String, Sendable, CaseIterable, Codable {
    /// `YYYY-MM-DD.md`, the default.
    case markdown
    /// `YYYY-MM-DD.html`: one self-contained page.
    case html
    /// `YYYY-MM-DD.json`, for scripts.
    case json
    /// `YYYY-MM-DD.atom`, and `feedwatch.atom` (the last two days) when the day is today.
    case atom

    /// The file name extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .atom: return "atom"
        }
    }
}
