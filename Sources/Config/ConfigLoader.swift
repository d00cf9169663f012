import Foundation
import FeedModel

/// Reads feeds.conf (format: docs/feeds-conf.md) into a Configuration.
public enum ConfigLoader {
    /// Reads and parses the file at `path`; relative paths inside it are resolved
    /// against the file's folder. Errors name the file as `path` was given.
    public static func load(path: String) throws(ConfigError) -> Configuration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigError(file: path, line: 0, column: 0, message: "cannot read: \(reason(error))")
        }
        let text = try decodeUTF8(data, fileName: path)
        let absolute = PathResolver.absolute(path, base: FileManager.default.currentDirectoryPath)
        let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        return try parse(text, fileName: path, baseDirectory: folder.isEmpty ? "/" : folder)
    }

    /// Parses feeds.conf text. `fileName` is used in error messages, `baseDirectory`
    /// to resolve relative paths and relative file: URLs (itself resolved against
    /// the current directory when relative).
    public static func parse(_ text: String, fileName: String, baseDirectory: String) throws(ConfigError) -> Configuration {
        let base = PathResolver.absolute(baseDirectory, base: FileManager.default.currentDirectoryPath)
        var parser = ConfigParser(fileName: fileName, baseDirectory: base)
        return try parser.parse(text)
    }

    /// The file as text; the first byte that is not UTF-8 is reported where it is.
    private static func decodeUTF8(_ data: Data, fileName: String) throws(ConfigError) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        var lineNumber = 1
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: line, as: UTF8.self) == nil {
                let decoded = String(decoding: line, as: UTF8.self)
                let column = (decoded.firstIndex(of: "\u{FFFD}").map { decoded.distance(from: decoded.startIndex, to: $0) } ?? 0) + 1
                throw ConfigError(file: fileName, line: lineNumber, column: column,
                                  message: "not valid UTF-8 (feeds.conf must be saved as UTF-8)")
            }
            lineNumber += 1
        }
        throw ConfigError(file: fileName, line: 0, column: 0, message: "not valid UTF-8")
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
