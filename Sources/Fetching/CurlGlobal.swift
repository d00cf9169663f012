internal import CCurl

/// libcurl's process-wide set-up, done once before the first handle exists.
enum CurlGlobal {
    /// A Swift `static let` is initialised exactly once, thread-safely, on first use.
    static let isReady: Bool = fw_global_init_default() == CURLE_OK
}
