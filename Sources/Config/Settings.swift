import Foundation
import FeedModel

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
    /// Shortest time between two checks of one feed (`min_interval`): every
    /// interval, however it was found, is clamped to minInterval...maxInterval.
    public var minIntervalSeconds: Int
    /// Longest time between two checks of one feed (`max_interval`); never below minIntervalSeconds.
    public var maxIntervalSeconds: Int
    /// Transfers at once to one host (`per_host`).
    public var perHostConcurrency: Int
    /// Least time between the starts of two requests to one host (`host_gap`), in milliseconds.
    public var hostGapMilliseconds: Int
    /// How often a fetch leaves out the stored validators (`unconditional_every`),
    /// which heals servers whose ETag or Last-Modified never change.
    public var unconditionalEverySeconds: Int
    /// How long a permanent redirect (301/308) must have been seen before the
    /// stored URL is rewritten (`redirect_after`).
    public var redirectAfterSeconds: Int
    /// Upper bound of the failure back-off (1 h, 2 h, 4 h, ...) (`backoff_max`).
    public var backoffMaxSeconds: Int
    /// The files each day's digest is written as (`digest_formats`), in `DigestFormat.allCases`
    /// order, never empty.
    public var digestFormats: [DigestFormat]

    public init(databasePath: String, digestDirectory: String, lockPath: String, timeZone: TimeZone,
                userAgent: String = Settings.defaultUserAgent, concurrency: Int = 16,
                connectTimeoutSeconds: Int = 10, totalTimeoutSeconds: Int = 30,
                maxBodyBytes: Int = 15 * 1024 * 1024, maxSuffixLength: Int = 6,
                minIntervalSeconds: Int = 15 * 60, maxIntervalSeconds: Int = 24 * 3_600,
                perHostConcurrency: Int = 1, hostGapMilliseconds: Int = 1_000,
                unconditionalEverySeconds: Int = 12 * 3_600, redirectAfterSeconds: Int = 7 * 86_400,
                backoffMaxSeconds: Int = 24 * 3_600, digestFormats: [DigestFormat] = [.markdown]) {
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
        self.minIntervalSeconds = minIntervalSeconds
        self.maxIntervalSeconds = maxIntervalSeconds
        self.perHostConcurrency = perHostConcurrency
        self.hostGapMilliseconds = hostGapMilliseconds
        self.unconditionalEverySeconds = unconditionalEverySeconds
        self.redirectAfterSeconds = redirectAfterSeconds
        self.backoffMaxSeconds = backoffMaxSeconds
        self.digestFormats = digestFormats
    }

    public static let defaultUserAgent = "feedwatch/0.1 (+https://github.com/feedwatch/feedwatch)"
}
