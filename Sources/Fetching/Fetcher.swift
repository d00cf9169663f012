import Foundation
import FeedModel

/// Runs many transfers at once through one libcurl multi handle.
public final class Fetcher {
    public init(maxConcurrent: Int = 16) {}

    /// Performs every request, calling `completion` once per request, on the
    /// calling thread, as each transfer finishes. Returns when all are done.
    public func fetch(_ requests: [FetchRequest],
                      completion: (FetchRequest, Result<FetchResponse, FetchError>) -> Void) {
        for request in requests {
            completion(request, .failure(FetchError(kind: .other, message: "fetch \(request.url): not implemented yet")))
        }
    }
}
