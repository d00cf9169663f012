import Foundation

/// Turns the paths and file: URLs of feeds.conf into absolute ones, against the
/// folder of feeds.conf. Purely textual: the file system is not consulted, so a
/// path that does not exist yet (a new database) resolves like any other.
enum PathResolver {
    static func absolute(_ path: String, base: String) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/") {
            path = NSHomeDirectory() + path.dropFirst()
        }
        return normalized(path.hasPrefix("/") ? path : base + "/" + path)
    }

    /// Collapses `//`, `.` and `..` components.
    static func normalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The absolute path a `file:` URL names. `rest` is what follows `file:`:
    /// `//localhost/abs`, `///abs`, `/abs` or a relative `seeds/x.xml`.
    /// Returns nil when the URL names another host or no path.
    static func filePath(fromURLRest rest: String, base: String) -> String? {
        var path = rest
        if path.hasPrefix("//") {
            let authorityAndPath = path.dropFirst(2)
            let slash = authorityAndPath.firstIndex(of: "/") ?? authorityAndPath.endIndex
            let host = authorityAndPath[..<slash]
            guard host.isEmpty || host.lowercased() == "localhost" else { return nil }
            path = String(authorityAndPath[slash...])
        }
        guard !path.isEmpty else { return nil }
        // Percent escapes written in feeds.conf are decoded so that they are not encoded twice.
        let decoded = path.removingPercentEncoding ?? path
        return absolute(decoded, base: base)
    }

    /// `file:///abs/path`, with spaces and other unsafe characters percent-encoded.
    static func fileURL(forAbsolutePath path: String) -> String {
        "file://" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }
}
