/// The requests waiting for one host, and what the politeness rules need to
/// know about that host.
struct HostLine {
    var waiting = FIFOQueue<FetchJob>()
    /// Transfers to this host in flight.
    var active = 0
    /// When the latest transfer to this host started.
    var lastStart: ContinuousClock.Instant?
    /// In the ready queue or the delay heap, so it is never listed twice.
    var isScheduled = false
}
