internal import CCurl

/// Owns a `curl_slist` of raw request header lines; it must outlive the easy
/// handle that points at it.
final class CurlHeaderList {
    private(set) var list: UnsafeMutablePointer<curl_slist>?

    init(lines: [String]) {
        for line in lines {
            // curl_slist_append copies the string; on failure the old list stays valid.
            if let appended = curl_slist_append(list, line) { list = appended }
        }
    }

    deinit {
        curl_slist_free_all(list)
    }
}
