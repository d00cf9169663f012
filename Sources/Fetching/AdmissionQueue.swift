/// Decides which queued request starts next, politely: at most `maxPerHost`
/// transfers to one host at a time, starts to one host at least `hostGap`
/// apart, hosts served round-robin.
///
/// Every operation is O(1) amortised (O(log hosts) when a host has to wait
/// for its gap): each host keeps its own FIFO queue, and only hosts that may
/// start a transfer now sit in `ready`; hosts waiting for their gap sit in a
/// heap ordered by when they may start; hosts at their limit sit nowhere
/// until one of their transfers finishes. Nothing ever scans the backlog,
/// which matters at 10,000 feeds.
struct AdmissionQueue {
    let maxPerHost: Int
    let hostGap: Duration

    private var lines: [String: HostLine] = [:]
    private var ready = FIFOQueue<String>()
    private var delayed = MinHeap<Wake>()
    /// Requests queued and not yet started, over all hosts.
    private(set) var waitingCount = 0

    private struct Wake: Comparable {
        var at: ContinuousClock.Instant
        var host: String
        static func < (lhs: Wake, rhs: Wake) -> Bool { lhs.at < rhs.at }
    }

    init(maxPerHost: Int, hostGap: Duration) {
        self.maxPerHost = max(1, maxPerHost)
        self.hostGap = max(.zero, hostGap)
    }

    var isEmpty: Bool { waitingCount == 0 }

    mutating func enqueue(_ job: FetchJob, now: ContinuousClock.Instant) {
        let host = Self.hostKey(job.url)
        lines[host, default: HostLine()].waiting.push(job)
        waitingCount += 1
        schedule(host, now: now)
    }

    /// The next request allowed to start now, with the host it counts against;
    /// it is counted as started.
    mutating func next(now: ContinuousClock.Instant) -> (job: FetchJob, host: String)? {
        while let wake = delayed.min, wake.at <= now {
            _ = delayed.popMin()
            ready.push(wake.host)
        }
        // Mutated in place through the subscript: a copy of the line would copy its queue.
        guard let host = ready.pop(), let job = lines[host]?.waiting.pop() else { return nil }
        lines[host]?.isScheduled = false
        lines[host]?.active += 1
        lines[host]?.lastStart = now
        waitingCount -= 1
        schedule(host, now: now)
        return (job, host)
    }

    /// A transfer to `host` finished: the host may have room again.
    mutating func finished(host: String, now: ContinuousClock.Instant) {
        lines[host]?.active -= 1
        schedule(host, now: now)
    }

    /// How long until a host waiting for its gap may start; nil when none waits.
    func timeUntilNextStart(now: ContinuousClock.Instant) -> Duration? {
        delayed.min.map { max(.zero, $0.at - now) }
    }

    /// Every queued request, taken out of the queue.
    mutating func drain() -> [FetchJob] {
        var jobs: [FetchJob] = []
        for host in lines.keys {
            jobs += lines[host]?.waiting.drain() ?? []
            lines[host]?.isScheduled = false
        }
        ready = FIFOQueue()
        delayed.removeAll()
        waitingCount = 0
        return jobs
    }

    /// Puts a host with queued requests and room into `ready`, or into
    /// `delayed` until its gap has passed.
    private mutating func schedule(_ host: String, now: ContinuousClock.Instant) {
        guard let line = lines[host], !line.isScheduled, !line.waiting.isEmpty, line.active < maxPerHost else { return }
        lines[host]?.isScheduled = true
        // file: and unparsable URLs share the host "", which no server stands behind.
        if !host.isEmpty, let last = line.lastStart, last + hostGap > now {
            delayed.push(Wake(at: last + hostGap, host: host))
        } else {
            ready.push(host)
        }
    }

    /// The host a URL counts against ("" for file: and unparsable URLs):
    /// lowercased, without user info and port. Hand-parsed because
    /// URLComponents costs more than the rest of admission together.
    static func hostKey(_ url: String) -> String {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
              bytes[colon...].starts(with: "://".utf8) else { return "" }
        var authority = bytes[bytes.index(colon, offsetBy: 3)...].prefix {
            $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
        }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[bytes.index(after: at)...] }
        let host: Substring.UTF8View
        if authority.first == UInt8(ascii: "[") {
            // An IPv6 literal: "[::1]:8080".
            host = authority.dropFirst().prefix { $0 != UInt8(ascii: "]") }
        } else {
            host = authority.prefix { $0 != UInt8(ascii: ":") }
        }
        return String(decoding: host.lazy.map { (0x41...0x5a).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
