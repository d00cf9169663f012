import Foundation

extension LoopbackServer {
    /// Serves a fixed document at `path` the way a well-run feed server does:
    /// 200 with the body, `ETag` and `Last-Modified`; 304 with no body when the
    /// request's `If-None-Match` matches `etag`, or, only when there is no
    /// `If-None-Match`, when its `If-Modified-Since` is not older than
    /// `lastModified` (RFC 9110 13.2.2). Call it again to publish a new version.
    public func serveFeed(path: String, body: Data, etag: String? = nil, lastModified: String? = nil,
                          contentType: String = "application/rss+xml; charset=utf-8", gzip: Bool = false) {
        var validators: [String: String] = [:]
        validators["ETag"] = etag
        validators["Last-Modified"] = lastModified
        let headers = validators.merging(["Content-Type": contentType]) { old, _ in old }
        let validatorHeaders = validators
        route(path) { request in
            if Self.isNotModified(request, etag: etag, lastModified: lastModified) {
                return .notModified(headers: validatorHeaders)
            }
            return LoopbackResponse(status: 200, headers: headers, body: body, gzip: gzip)
        }
    }

    /// Serves a fixed UTF-8 document at `path`; see `serveFeed(path:body:etag:lastModified:contentType:gzip:)`.
    public func serveFeed(path: String, body: String, etag: String? = nil, lastModified: String? = nil,
                          contentType: String = "application/rss+xml; charset=utf-8", gzip: Bool = false) {
        serveFeed(path: path, body: Data(body.utf8), etag: etag, lastModified: lastModified,
                  contentType: contentType, gzip: gzip)
    }

    private static func isNotModified(_ request: LoopbackRequest, etag: String?, lastModified: String?) -> Bool {
        if let ifNoneMatch = request.header("If-None-Match") {
            guard let etag else { return false }
            let candidates = ifNoneMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return candidates.contains("*") || candidates.contains { weakless($0) == weakless(etag) }
        }
        guard let ifModifiedSince = request.header("If-Modified-Since"), let lastModified else { return false }
        if ifModifiedSince == lastModified { return true }
        guard let since = httpDate(ifModifiedSince), let modified = httpDate(lastModified) else { return false }
        return modified <= since
    }

    /// If-None-Match uses the weak comparison.
    private static func weakless(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
