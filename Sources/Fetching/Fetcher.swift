import FeedModel
import Foundation

/// Runs many transfers at once through one libcurl multi handle.
///
/// At most `maxConcurrent` transfers are in flight, and at most `maxPerHost`
/// to one host; the rest wait in a queue that this type keeps itself rather
/// than handing everything to libcurl, because libcurl starts a transfer's
/// timeout clock when the transfer is added, so a queued feed would time out
/// before its first byte. Connections stay in the multi handle's cache
/// between `fetch` calls and are reused.
///
/// Not thread-safe and not re-entrant: use one Fetcher from one thread at a
/// time, and do not call `fetch` from inside a completion.
public final class Fetcher {
    public let maxConcurrent: Int
    public let maxPerHost: Int
    private var multi: CurlMulti?

    /// How long one wait for network activity lasts at most before libcurl's timers are checked again.
    private static let pollMilliseconds: Int32 = 1000

    public init(maxConcurrent: Int = 16, maxPerHost: Int = 4) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.maxPerHost = max(1, min(maxPerHost, self.maxConcurrent))
    }

    /// Performs every request, calling `completion` once per request, on the
    /// calling thread, as each transfer finishes. Returns when all are done.
    /// Other transfers only progress between completions, so keep `completion` short.
    public func fetch(_ requests: [FetchRequest],
                      completion: (FetchRequest, Result<FetchResponse, FetchError>) -> Void) {
        guard !requests.isEmpty else { return }
        guard let multi = multiHandle() else {
            for request in requests {
                completion(request, .failure(FetchError(
                    kind: .other, message: "fetch \(request.url): libcurl could not create a multi handle")))
            }
            return
        }

        var pending = requests
        var active: [UnsafeMutableRawPointer: Transfer] = [:]
        var perHost: [String: Int] = [:]

        while !pending.isEmpty || !active.isEmpty {
            // Admit queued requests, in order, whose host has room.
            var index = 0
            while active.count < maxConcurrent, index < pending.count {
                let host = Self.hostKey(pending[index].url)
                guard perHost[host, default: 0] < maxPerHost else {
                    index += 1
                    continue
                }
                let request = pending.remove(at: index)
                do {
                    let transfer = try Transfer(request: request)
                    if let problem = multi.add(transfer.handle) {
                        completion(request, .failure(FetchError(
                            kind: .other, message: "fetch \(request.url): libcurl could not start the transfer: \(problem)")))
                        continue
                    }
                    active[transfer.handle] = transfer
                    perHost[host, default: 0] += 1
                } catch {
                    completion(request, .failure(error))
                }
            }

            if let problem = multi.perform() {
                // The multi handle itself broke (out of memory): nothing in flight can finish.
                abandon(active, pending, reason: problem, multi: multi, completion: completion)
                return
            }

            var finishedAny = false
            while let (handle, code) = multi.nextFinished() {
                guard let transfer = active.removeValue(forKey: handle) else { continue }
                multi.remove(handle)
                perHost[Self.hostKey(transfer.request.url), default: 1] -= 1
                finishedAny = true
                completion(transfer.request, transfer.outcome(code))
            }
            // After a completion there may be room for queued requests: admit before waiting.
            if !finishedAny && !active.isEmpty {
                multi.poll(milliseconds: Self.pollMilliseconds)
            }
        }
    }

    /// Performs one request and returns its outcome.
    public func fetch(_ request: FetchRequest) -> Result<FetchResponse, FetchError> {
        var outcome: Result<FetchResponse, FetchError>?
        fetch([request]) { _, result in outcome = result }
        return outcome ?? .failure(FetchError(kind: .other, message: "fetch \(request.url): no result"))
    }

    private func multiHandle() -> CurlMulti? {
        if let multi { return multi }
        multi = CurlMulti(maxConnections: maxConcurrent, maxPerHost: maxPerHost)
        return multi
    }

    private func abandon(_ active: [UnsafeMutableRawPointer: Transfer], _ pending: [FetchRequest], reason: String,
                         multi: CurlMulti, completion: (FetchRequest, Result<FetchResponse, FetchError>) -> Void) {
        for (handle, transfer) in active {
            multi.remove(handle)
            completion(transfer.request, .failure(FetchError(kind: .other, message: "fetch \(transfer.request.url): libcurl failed: \(reason)")))
        }
        for request in pending {
            completion(request, .failure(FetchError(kind: .other, message: "fetch \(request.url): libcurl failed: \(reason)")))
        }
        // A fresh multi handle for the next call.
        self.multi = nil
    }

    /// The host a request counts against for the per-host limit ("" for file: and unparsable URLs).
    private static func hostKey(_ url: String) -> String {
        URLComponents(string: url)?.host?.lowercased() ?? ""
    }
}
