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
    /// Extra request headers from feeds.conf (`header=`), sent as given.
    public var extraHeaders: [String: String] = [:]
    /// A Cookie header value (`cookie=`).
    public var cookie: String?
    /// A proxy URL (`proxy=`); nil leaves libcurl's proxy environment variables in charge.
    public var proxy: String?
    /// A netrc file to take basic-auth credentials from for this host (`netrc=`).
    public var netrcFile: String?
    /// URLs tried in order when `url` fails; the response says which one served.
    public var fallbackURLs: [String] = []

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
