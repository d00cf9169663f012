internal import CCurl

/// Owns the one libcurl multi handle through which every transfer runs, so
/// that connections (and TLS sessions) are reused across transfers.
final class CurlMulti {
    private let handle: UnsafeMutableRawPointer

    /// nil when libcurl cannot allocate a multi handle.
    ///
    /// No CURLMOPT_MAX_TOTAL_CONNECTIONS: the Fetcher admits at most
    /// `maxConcurrent` transfers itself, and a total limit would make libcurl
    /// close idle connections to other hosts that are about to be reused.
    init?(maxPerHost: Int, cachedConnections: Int) {
        guard CurlGlobal.isReady, let handle = curl_multi_init() else { return nil }
        self.handle = handle
        // Best effort: a refused option only costs politeness or speed, not correctness.
        _ = fw_multi_setopt_long(handle, CURLMOPT_MAX_HOST_CONNECTIONS, maxPerHost)
        // HTTP/2 streams to one host share one connection.
        _ = fw_multi_setopt_long(handle, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        setCachedConnections(cachedConnections)
    }

    /// How many connections libcurl keeps open for reuse after their transfers finish.
    func setCachedConnections(_ count: Int) {
        _ = fw_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, max(1, count))
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    func add(_ easy: UnsafeMutableRawPointer) -> String? {
        let code = curl_multi_add_handle(handle, easy)
        return code == CURLM_OK ? nil : String(cString: curl_multi_strerror(code))
    }

    func remove(_ easy: UnsafeMutableRawPointer) {
        _ = curl_multi_remove_handle(handle, easy)
    }

    /// Drives every transfer as far as it can go without blocking; nil or an error message.
    func perform() -> String? {
        var running: Int32 = 0
        let code = curl_multi_perform(handle, &running)
        return code == CURLM_OK ? nil : String(cString: curl_multi_strerror(code))
    }

    /// Waits until a socket is ready or a libcurl timer is due, at most `milliseconds`.
    func poll(milliseconds: Int32) {
        _ = curl_multi_poll(handle, nil, 0, milliseconds, nil)
    }

    /// The next finished transfer: its easy handle and result code.
    func nextFinished() -> (easy: UnsafeMutableRawPointer, code: CURLcode)? {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(handle, &remaining) {
            if message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle {
                return (easy, message.pointee.data.result)
            }
        }
        return nil
    }
}
