import Foundation

extension Settings {
    /// The settings of a feeds.conf without a [settings] section in `baseDirectory`:
    /// feedwatch.sqlite, digests/ and feedwatch.sqlite.lock beside it, UTC.
    public static func defaults(baseDirectory: String) -> Settings {
        let database = PathResolver.absolute("feedwatch.sqlite", base: baseDirectory)
        return Settings(databasePath: database,
                        digestDirectory: PathResolver.absolute("digests", base: baseDirectory),
                        lockPath: database + ".lock",
                        timeZone: TimeZone(identifier: "UTC") ?? .gmt)
    }
}
