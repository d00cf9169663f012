import Foundation

/// What `feedwatch retest` found: the stored items whose match the current feeds.conf
/// changes, and whether the new matches were stored.
public struct RetestReport: Sendable, Equatable {
    /// Items first seen at or after this instant were retested.
    public var since: Date
    /// Items retested (those of feeds still in feeds.conf).
    public var examined: Int
    /// Items of feeds no longer in feeds.conf: left as they are (their feed's lang=,
    /// country= and name are unknown, and no poll will touch them again).
    public var skipped: Int
    /// Adds, drops and topic changes, oldest first.
    public var changes: [RetestChange]
    /// Items kept before and now under the same topics whose hits differ (a new
    /// spelling, a cancelled one): not listed, but stored with --apply like the others.
    public var refreshedHits: Int
    /// True when the new matches were stored (--apply and something to store).
    public var applied: Bool
    /// Today's digest, rewritten after the matches were stored when a changed item is
    /// from today (as a poll would); nil otherwise.
    public var digestPath: String?
    /// Earlier digest days (YYYY-MM-DD) holding changed items: not rewritten
    /// (`feedwatch digest --date DAY` does it).
    public var staleDigestDays: [String]

    public init(since: Date, examined: Int = 0, skipped: Int = 0, changes: [RetestChange] = [],
                refreshedHits: Int = 0, applied: Bool = false, digestPath: String? = nil,
                staleDigestDays: [String] = []) {
        self.since = since
        self.examined = examined
        self.skipped = skipped
        self.changes = changes
        self.refreshedHits = refreshedHits
        self.applied = applied
        self.digestPath = digestPath
        self.staleDigestDays = staleDigestDays
    }

    public var adds: Int { changes.filter { $0.kind == .add }.count }
    public var drops: Int { changes.filter { $0.kind == .drop }.count }
    public var topicChanges: Int { changes.filter { $0.kind == .topics }.count }
}
