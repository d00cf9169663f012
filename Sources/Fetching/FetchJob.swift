/// One request on its way through the queue: which of its URLs is being
/// tried, and how the earlier ones failed.
struct FetchJob {
    let request: FetchRequest
    /// 0 for `request.url`, n for `request.fallbackURLs[n - 1]`.
    private(set) var attempt = 0
    /// The failure of `request.url`, which gives a final failure its kind, status and headers.
    private(set) var firstFailure: FetchError?
    /// "url: detail" for each URL that failed, in order.
    private(set) var failedAttempts: [String] = []

    init(request: FetchRequest) {
        self.request = request
    }

    /// The URL the current attempt fetches.
    var url: String {
        attempt == 0 ? request.url : request.fallbackURLs[attempt - 1]
    }

    var hasFallbackLeft: Bool {
        attempt < request.fallbackURLs.count
    }

    /// Records the current attempt's failure and moves on to the next URL, if any.
    mutating func recordFailure(_ error: FetchError) {
        if firstFailure == nil { firstFailure = error }
        // Messages read "fetch <url>: <detail>"; the combined one names every URL once.
        let prefix = "fetch \(url): "
        let detail = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
        failedAttempts.append("\(url): \(detail)")
        if hasFallbackLeft { attempt += 1 }
    }

    /// The failure reported once every URL failed: the kind, status and headers
    /// of `request.url` (whose health the feed report tracks, and whose
    /// Retry-After counts), with a message that lists every attempt:
    /// "fetch https://a/rss: HTTP 500; https://b/rss: timed out after 30 s (...)".
    var finalFailure: FetchError {
        var error = firstFailure ?? FetchError(kind: .other, message: "")
        error.message = "fetch " + failedAttempts.joined(separator: "; ")
        return error
    }
}
