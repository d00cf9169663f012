import Foundation
import FeedModel

/// Reads feeds.conf (format: docs/feeds-conf.md) into a Configuration.
public enum ConfigLoader {
    /// Reads and parses the file at `path`; relative paths inside it are resolved
    /// against the file's folder.
    public static func load(path: String) throws(ConfigError) -> Configuration {
        throw ConfigError(file: path, line: 0, column: 0, message: "not implemented yet")
    }

    /// Parses feeds.conf text. `fileName` is used in error messages, `baseDirectory`
    /// to resolve relative paths and relative file: URLs.
    public static func parse(_ text: String, fileName: String, baseDirectory: String) throws(ConfigError) -> Configuration {
        throw ConfigError(file: fileName, line: 0, column: 0, message: "not implemented yet")
    }
}
