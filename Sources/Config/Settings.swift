import Foundation

/// The [settings] section of feeds.conf, with defaults for what it leaves out.
/// Paths are absolute: relative ones are resolved against the folder of feeds.conf.
public struct Settings: Sendable, Equatable {
    public var databasePath: String
    public var digestDirectory: String
    public var lockPath: String
    public var timeZone: TimeZone
    public var userAgent: String
    /// Transfers at once.
    public var concurrency: Int
    public var connectTimeoutSeconds: Int
    public var totalTimeoutSeconds: Int
    public var maxBodyBytes: Int
    /// How many letters a stem (`Şuşa*`) may take as a suffix.
    public var maxSuffixLength: Int

    public init(databasePath: String, digestDirectory: String, lockPath: String, timeZone: TimeZone,
                userAgent: String = Settings.defaultUserAgent, concurrency: Int = 16,
                connectTimeoutSeconds: Int = 10, totalTimeoutSeconds: Int = 30,
                maxBodyBytes: Int = 15 * 1024 * 1024, maxSuffixLength: Int = 6) {
        self.databasePath = databasePath
        self.digestDirectory = digestDirectory
        self.lockPath = lockPath
        self.timeZone = timeZone
        self.userAgent = userAgent
        self.concurrency = concurrency
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.totalTimeoutSeconds = totalTimeoutSeconds
        self.maxBodyBytes = maxBodyBytes
        self.maxSuffixLength = maxSuffixLength
    }

    public static let defaultUserAgent = "feedwatch/0.1 (+https://github.com/feedwatch/feedwatch)"
}
