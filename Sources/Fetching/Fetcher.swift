import FeedModel
import Foundation

/// Runs many transfers at once through one libcurl multi handle.
///
/// At most `maxConcurrent` transfers are in flight, at most `maxPerHost` to
/// one host, and two transfers to one host start at least
/// `hostGapMilliseconds` apart; the rest wait in a queue that this type
/// keeps itself (see `AdmissionQueue`) rather than handing everything to
/// libcurl, because libcurl starts a transfer's timeout clock when the
/// transfer is added, so a queued feed would time out before its first byte.
/// Connections stay in the multi handle's cache between `fetch` calls and
/// are reused; HTTP/2 is used where a server offers it over TLS.
///
/// A request whose `url` fails is tried again with each of its
/// `fallbackURLs` in turn, each attempt queued like any other transfer.
///
/// Not thread-safe and not re-entrant: use one Fetcher from one thread at a
/// time, and do not call `fetch` from inside a completion.
public final class Fetcher {
    public let maxConcurrent: Int
    public let maxPerHost: Int
    /// The least time between the starts of two transfers to the same host.
    public let hostGapMilliseconds: Int
    private var multi: CurlMulti?
    /// Kept across `fetch` calls, so the host gap holds from one call to the next.
    private var queue: AdmissionQueue
    private let clock = ContinuousClock()

    /// How long one wait for network activity lasts at most before libcurl's timers are checked again.
    private static let pollMilliseconds = 1000
    /// Idle connections kept for reuse: enough for one per host of a batch
    /// (the next poll comes back to the same hosts), within this bound on open files.
    private static let maxCachedConnections = 256

    public init(maxConcurrent: Int = 16, maxPerHost: Int = 4, hostGapMilliseconds: Int = 0) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.maxPerHost = max(1, min(maxPerHost, self.maxConcurrent))
        self.hostGapMilliseconds = max(0, hostGapMilliseconds)
        queue = AdmissionQueue(maxPerHost: self.maxPerHost, hostGap: .milliseconds(self.hostGapMilliseconds))
    }

    /// Performs every request, calling `completion` once per request, on the
    /// calling thread, as each finishes (after its fallbacks, if it needed
    /// them). Returns when all are done.
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
        let hostCount = Set(requests.lazy.map { AdmissionQueue.hostKey($0.url) }).count
        multi.setCachedConnections(min(Self.maxCachedConnections, max(2 * maxConcurrent, hostCount)))

        var start = clock.now
        for request in requests { queue.enqueue(FetchJob(request: request), now: start) }
        var active: [UnsafeMutableRawPointer: (transfer: Transfer, job: FetchJob, host: String)] = [:]
        active.reserveCapacity(maxConcurrent)

        // One attempt ended: a failure with a fallback left goes back into the queue, anything else completes.
        func conclude(_ job: FetchJob, _ result: Result<FetchResponse, FetchError>) {
            switch result {
            case .success:
                completion(job.request, result)
            case .failure(let error):
                var job = job
                let hadFallback = job.hasFallbackLeft
                job.recordFailure(error)
                if hadFallback {
                    queue.enqueue(job, now: clock.now)
                } else {
                    completion(job.request, .failure(job.request.fallbackURLs.isEmpty ? error : job.finalFailure))
                }
            }
        }

        while !queue.isEmpty || !active.isEmpty {
            // Admit queued requests whose host has room and whose gap has passed.
            start = clock.now
            while active.count < maxConcurrent, let (job, host) = queue.next(now: start) {
                do {
                    let transfer = try Transfer(request: job.request, url: job.url)
                    if let problem = multi.add(transfer.handle) {
                        queue.finished(host: host, now: start)
                        conclude(job, .failure(FetchError(
                            kind: .other, message: "fetch \(job.url): libcurl could not start the transfer: \(problem)")))
                        continue
                    }
                    active[transfer.handle] = (transfer, job, host)
                } catch {
                    queue.finished(host: host, now: start)
                    conclude(job, .failure(error))
                }
            }

            if let problem = multi.perform() {
                // The multi handle itself broke (out of memory): nothing in flight can finish.
                abandon(active.values.map(\.transfer), reason: problem, multi: multi, completion: completion)
                return
            }

            var finishedAny = false
            while let (handle, code) = multi.nextFinished() {
                guard let (transfer, job, host) = active.removeValue(forKey: handle) else { continue }
                multi.remove(handle)
                queue.finished(host: host, now: clock.now)
                finishedAny = true
                conclude(job, transfer.outcome(code))
            }
            // After a completion there may be room for queued requests: admit before waiting.
            if !finishedAny && (!active.isEmpty || !queue.isEmpty) {
                multi.poll(milliseconds: Int32(pollTimeoutMilliseconds(activeCount: active.count)))
            }
        }
    }

    /// Performs one request and returns its outcome.
    public func fetch(_ request: FetchRequest) -> Result<FetchResponse, FetchError> {
        var outcome: Result<FetchResponse, FetchError>?
        fetch([request]) { _, result in outcome = result }
        return outcome ?? .failure(FetchError(kind: .other, message: "fetch \(request.url): no result"))
    }

    /// The longest wait for network activity that still wakes in time for a
    /// host whose gap is about to pass (libcurl's own timers shorten it further).
    private func pollTimeoutMilliseconds(activeCount: Int) -> Int {
        guard activeCount < maxConcurrent, let wait = queue.timeUntilNextStart(now: clock.now) else {
            return Self.pollMilliseconds
        }
        let (seconds, attoseconds) = wait.components
        // Rounded up, so the wait never ends just before the start is allowed.
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(min(Int64(Self.pollMilliseconds), max(0, milliseconds)))
    }

    private func multiHandle() -> CurlMulti? {
        if let multi { return multi }
        multi = CurlMulti(maxPerHost: maxPerHost, cachedConnections: 2 * maxConcurrent)
        return multi
    }

    private func abandon(_ active: [Transfer], reason: String, multi: CurlMulti,
                         completion: (FetchRequest, Result<FetchResponse, FetchError>) -> Void) {
        for transfer in active {
            multi.remove(transfer.handle)
            completion(transfer.request, .failure(FetchError(kind: .other, message: "fetch \(transfer.url): libcurl failed: \(reason)")))
        }
        for job in queue.drain() {
            completion(job.request, .failure(FetchError(kind: .other, message: "fetch \(job.url): libcurl failed: \(reason)")))
        }
        // A fresh multi handle and queue for the next call.
        self.multi = nil
        queue = AdmissionQueue(maxPerHost: maxPerHost, hostGap: .milliseconds(hostGapMilliseconds))
    }
}
