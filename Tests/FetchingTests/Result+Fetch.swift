import Fetching

extension Result where Success == FetchResponse, Failure == FetchError {
    var response: FetchResponse? {
        if case .success(let response) = self { return response }
        return nil
    }

    var error: FetchError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension FetchRequest {
    /// A request with test-friendly defaults: short timeouts, a recognisable user agent.
    static func test(_ url: String, key: Int = 0, etag: String? = nil, lastModified: String? = nil,
                     allowFileScheme: Bool = false, totalTimeoutSeconds: Int = 10,
                     maxBodyBytes: Int = 15 * 1024 * 1024) -> FetchRequest {
        FetchRequest(key: key, url: url, etag: etag, lastModified: lastModified, userAgent: "feedwatch-tests/1.0",
                     allowFileScheme: allowFileScheme, connectTimeoutSeconds: 5,
                     totalTimeoutSeconds: totalTimeoutSeconds, maxBodyBytes: maxBodyBytes)
    }
}
