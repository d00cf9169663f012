/// How one feed wants to be fetched and read: the per-feed options of feeds.conf,
/// checked and typed by Config. Nil or empty means "use the settings' default".
public struct FeedFetchOptions: Sendable, Equatable, Hashable {
    /// `user-agent="..."`
    public var userAgent: String?
    /// `header="Name: value"`, repeatable, in feeds.conf order.
    public var headers: [String]
    /// `cookie="a=1; b=2"`
    public var cookie: String?
    /// `proxy=http://host:port` (else the usual proxy environment variables apply).
    public var proxy: String?
    /// `netrc=PATH`: basic-auth credentials for the feed's host.
    public var netrcFile: String?
    /// `ca=PATH`: PEM certificates to trust for this feed's TLS (a private CA) instead of the system's bundle.
    public var caFile: String?
    /// `timeout=30s`: total time for one transfer.
    public var timeoutSeconds: Int?
    /// `interval=30m`: how often to check, instead of following the feed's own rhythm.
    public var intervalSeconds: Int?
    /// `fallback=URL`, repeatable: tried in order when the feed's URL fails.
    public var fallbackURLs: [String]
    /// `encoding=windows-1251`: how to decode the body when it does not say or lies.
    public var encoding: String?
    /// `tz=Asia/Baku`: zone for dates that carry none (an IANA identifier Config has checked).
    public var timeZone: String?

    public init(userAgent: String? = nil, headers: [String] = [], cookie: String? = nil, proxy: String? = nil,
                netrcFile: String? = nil, caFile: String? = nil, timeoutSeconds: Int? = nil, intervalSeconds: Int? = nil,
                fallbackURLs: [String] = [], encoding: String? = nil, timeZone: String? = nil) {
        self.userAgent = userAgent
        self.headers = headers
        self.cookie = cookie
        self.proxy = proxy
        self.netrcFile = netrcFile
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
        self.intervalSeconds = intervalSeconds
        self.fallbackURLs = fallbackURLs
        self.encoding = encoding
        self.timeZone = timeZone
    }
}
