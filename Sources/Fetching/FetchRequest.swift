import Foundation

/// One transfer to make. `key` is the caller's handle to tell results apart.
public struct FetchRequest: Sendable, Equatable {
    public var key: Int
    public var url: String
    /// Validators from the previous 200, sent back verbatim (ETag quotes included).
    public var etag: String?
    public var lastModified: String?
    public var userAgent: String
    /// Only a feed whose configured URL is itself file: may be read from disk.
    public var allowFileScheme: Bool
    /// Timeouts below 1 s count as 1 s (libcurl would read 0 as "never").
    public var connectTimeoutSeconds: Int
    public var totalTimeoutSeconds: Int
    /// The most body bytes accepted, counted after decompression; more is a `.tooLarge` failure.
    public var maxBodyBytes: Int
    /// Extra request headers from feeds.conf (`header=`), sent as given (in
    /// name order; one with a line break in it is dropped rather than let it
    /// inject headers). One named like a standard header (User-Agent, Accept)
    /// replaces libcurl's.
    public var extraHeaders: [String: String] = [:]
    /// A Cookie header value (`cookie=`).
    public var cookie: String?
    /// A proxy URL (`proxy=`: "http://proxy:3128", "socks5h://127.0.0.1:9050").
    /// nil leaves libcurl's environment variables in charge: `http_proxy`,
    /// `https_proxy`/`HTTPS_PROXY`, `all_proxy`/`ALL_PROXY`, `no_proxy`/`NO_PROXY`
    /// (upper-case `HTTP_PROXY` is ignored, by libcurl's design). "" turns
    /// proxies off, the environment's included.
    public var proxy: String?
    /// A netrc file to take basic-auth credentials from for this host (`netrc=`);
    /// they are never sent to another host a redirect leads to.
    public var netrcFile: String?
    /// PEM certificates to trust for TLS (`ca=`), in place of the system's bundle.
    public var caFile: String?
    /// URLs tried in order when `url` fails (any failure; a 304 is a success),
    /// each queued like any other transfer; the response's `servedURL` says
    /// which one served. When all fail, the error has the kind, status and
    /// headers of `url` and a message listing every attempt.
    public var fallbackURLs: [String] = []
    /// Leave a gzip/deflate body compressed (FetchResponse.contentEncoding says so), for the
    /// caller to inflate with `FetchResponse.decoded(maxBytes:)` on another thread. The body
    /// cap then counts compressed bytes; `decoded` applies it again to the inflated ones.
    public var deferDecoding = false

    public init(key: Int, url: String, etag: String? = nil, lastModified: String? = nil,
                userAgent: String, allowFileScheme: Bool = false, connectTimeoutSeconds: Int = 10,
                totalTimeoutSeconds: Int = 30, maxBodyBytes: Int = 15 * 1024 * 1024) {
        self.key = key
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.userAgent = userAgent
        self.allowFileScheme = allowFileScheme
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.totalTimeoutSeconds = totalTimeoutSeconds
        self.maxBodyBytes = maxBodyBytes
    }
}
