import Foundation

/// Something about a feed's address worth telling the person who runs feedwatch.
public enum FeedEvent: Sendable, Equatable {
    /// The configured URL failed and this fallback answered.
    case servedByFallback(url: String)
    /// A permanent redirect to `to` is being watched since `since`; the URL is rewritten
    /// once it has held for the redirect_after setting.
    case redirectPending(to: String, since: Date)
    /// A permanent redirect held long enough: the feed is fetched from `to` from now on.
    case moved(from: String, to: String)
    /// The server answered 410 Gone: the feed is not fetched again until feeds.conf
    /// gives it another URL.
    case gone
}
