import Foundation

/// Whether one poll run fetches a feed, and why not.
public enum FeedSelection: Sendable, Equatable {
    case due
    /// Its next check is still ahead.
    case notDue(next: Date)
    /// It answered 410 Gone; only `--feed NAME` or a new URL in feeds.conf fetches it again.
    case gone(since: Date)
    /// Its server asked (Retry-After) not to be asked before `until`; `--all` respects that too.
    case waiting(until: Date)
    /// `--feed` named other feeds: only those are fetched.
    case notRequested
}
