import Foundation
import FeedModel
import Fetching
import Storage

/// Decides when each feed is fetched: pure, and deterministic given `now` and `random`.
///
/// - Due: never checked, or its next check has come; a feed that answered 410 is not
///   fetched again until feeds.conf gives it another URL.
/// - After an answer (200 or 304): next check = max(the feed's `interval`, else its
///   publishing rhythm (a week over the items of the last week; none: the max interval),
///   RSS <ttl>, Cache-Control max-age or Expires), clamped to [min, max], spread by
///   ± jitter within those bounds; never before a Retry-After.
/// - After a failure: 1 h, 2 h, 4 h ... up to backoff_max, or the Retry-After when longer.
///   A feed is never dropped: however long it fails, it stays scheduled.
/// - A permanent redirect (301/308 all the way) seen for redirect_after moves the feed.
/// - Every unconditional_every, a fetch goes without validators.
struct Scheduler: Sendable {
    let policy: SchedulePolicy
    /// Uniform in [0, 1); injected so that tests can pin the jitter.
    let random: @Sendable () -> Double

    init(policy: SchedulePolicy, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.policy = policy
        self.random = random
    }

    // MARK: Before the fetch

    /// What the store knows of `feed` still applies only while feeds.conf keeps its URL:
    /// a new URL there starts the feed afresh (due now, no move, not gone, no validators).
    static func applicableState(_ state: FeedState?, for feed: FeedSource) -> FeedState? {
        guard let state, state.url == feed.url else { return nil }
        return state
    }

    /// `named`: the feed was asked for by name (`--feed`): fetched whatever its state.
    /// `all`: `--all`: fetched unless gone or asked to wait by its server.
    /// (`--feed` without `--all` fetches only the named feeds; PollRun sees to that.)
    func selection(of feed: FeedSource, state: FeedState?, now: Date, all: Bool = false, named: Bool = false) -> FeedSelection {
        guard let state = Self.applicableState(state, for: feed), !named else { return .due }
        let schedule = state.schedule
        if let gone = schedule.goneAt { return .gone(since: gone) }
        if let until = schedule.retryAfterUntil, until > now { return .waiting(until: until) }
        if all { return .due }
        guard let next = schedule.nextCheck, next > now else { return .due }
        return .notDue(next: next)
    }

    func plan(for feed: FeedSource, state: FeedState?, now: Date) -> FetchPlan {
        let state = Self.applicableState(state, for: feed)
        let previous = state?.schedule ?? FeedSchedule()
        let unconditional = previous.lastUnconditional.map { now.timeIntervalSince($0) >= policy.unconditionalEvery } ?? true
        return FetchPlan(url: previous.movedTo ?? feed.url,
                         etag: unconditional ? nil : state?.etag,
                         lastModified: unconditional ? nil : state?.lastModified,
                         unconditional: unconditional || (state?.etag == nil && state?.lastModified == nil),
                         previous: previous,
                         previousFailures: state?.consecutiveFailures ?? 0)
    }

    // MARK: After the fetch

    /// A 200 that parsed, or a 304. `itemDates`: the feed's item dates within the rhythm
    /// window, this answer's new items included; `ttlMinutes`: RSS <ttl> when the body had one.
    func afterAnswer(_ plan: FetchPlan, feed: FeedSource, response: FetchResponse, ttlMinutes: Int?,
                     itemDates: [Date], now: Date) -> (FeedSchedule, [FeedEvent]) {
        var schedule = plan.previous
        var events: [FeedEvent] = []
        let served = response.servedURL.isEmpty ? plan.url : response.servedURL
        schedule.servedURL = served
        schedule.lastHTTPStatus = response.status
        schedule.goneAt = nil
        if plan.unconditional { schedule.lastUnconditional = now }
        if served != plan.url {
            // A fallback's redirects say nothing about the feed's own address.
            events.append(.servedByFallback(url: served))
        } else {
            events += trackRedirect(response.permanentRedirect, from: plan.url, into: &schedule, now: now)
        }

        let hints = HTTPCacheHints(headers: response.headers, now: now)
        var interval = baseInterval(feed: feed, itemDates: itemDates)
        if let ttlMinutes, ttlMinutes > 0 { interval = max(interval, TimeInterval(ttlMinutes) * 60) }
        if let fresh = hints.freshFor { interval = max(interval, fresh) }
        interval = min(max(interval, policy.minInterval), policy.maxInterval)
        finish(&schedule, interval: interval, upper: policy.maxInterval, retryAfter: hints.retryAfter, now: now)
        return (schedule, events)
    }

    /// A failure of any kind; `status` and `headers` when the server answered (429, 503, 410, a 200 that did not parse).
    func afterFailure(_ plan: FetchPlan, status: Int?, headers: [String: String], now: Date) -> (FeedSchedule, [FeedEvent]) {
        var schedule = plan.previous
        schedule.lastHTTPStatus = status
        let failures = plan.previousFailures + 1
        if status == 410 {
            schedule.goneAt = schedule.goneAt ?? now
            schedule.nextCheck = nil
            schedule.lastIntervalSeconds = nil
            schedule.retryAfterUntil = nil
            return (schedule, [.gone])
        }
        let upper = max(policy.backoffMax, policy.minInterval)
        let backoff = min(max(backoffDelay(failures: failures), policy.minInterval), upper)
        let retryAfter = HTTPCacheHints(headers: headers, now: now).retryAfter
        finish(&schedule, interval: backoff, upper: upper, retryAfter: retryAfter, now: now)
        return (schedule, [])
    }

    /// backoffBase × 2^(failures − 1), capped at backoffMax.
    func backoffDelay(failures: Int) -> TimeInterval {
        let doublings = min(max(failures - 1, 0), 40)
        return min(policy.backoffBase * pow(2, Double(doublings)), policy.backoffMax)
    }

    /// The feed's own interval from feeds.conf, else a week over the items of the last week.
    func baseInterval(feed: FeedSource, itemDates: [Date]) -> TimeInterval {
        if let seconds = feed.fetch.intervalSeconds, seconds > 0 { return TimeInterval(seconds) }
        guard !itemDates.isEmpty else { return policy.maxInterval }
        return policy.rhythmWindow / Double(itemDates.count)
    }

    /// Jitter, the Retry-After floor, and the fields that record them.
    private func finish(_ schedule: inout FeedSchedule, interval: TimeInterval, upper: TimeInterval,
                        retryAfter: TimeInterval?, now: Date) {
        var delay = jittered(interval, lower: policy.minInterval, upper: upper)
        schedule.retryAfterUntil = nil
        if let retryAfter, retryAfter > 0 {
            let honoured = min(retryAfter, policy.retryAfterMax)
            schedule.retryAfterUntil = now.addingTimeInterval(honoured)
            delay = max(delay, honoured)
        }
        schedule.lastIntervalSeconds = Int(interval.rounded())
        schedule.nextCheck = now.addingTimeInterval(delay)
    }

    /// Uniform in [interval × (1 − jitter), interval × (1 + jitter)] cut to [lower, upper]:
    /// the bounds hold and feeds at a bound still spread out instead of piling up on it.
    func jittered(_ interval: TimeInterval, lower: TimeInterval, upper: TimeInterval) -> TimeInterval {
        let low = max(lower, interval * (1 - policy.jitter))
        let high = max(low, min(upper, interval * (1 + policy.jitter)))
        let unit = min(max(random(), 0), 1)
        return low + unit * (high - low)
    }

    /// A permanent redirect must point at the same place for redirectAfter before the
    /// feed moves; another target, or an answer without one, starts the count again.
    private func trackRedirect(_ target: String?, from url: String, into schedule: inout FeedSchedule,
                               now: Date) -> [FeedEvent] {
        guard let target, !target.isEmpty, target != url else {
            schedule.permanentRedirectTarget = nil
            schedule.permanentRedirectSince = nil
            return []
        }
        let since = schedule.permanentRedirectTarget == target ? (schedule.permanentRedirectSince ?? now) : now
        guard now.timeIntervalSince(since) >= policy.redirectAfter else {
            schedule.permanentRedirectTarget = target
            schedule.permanentRedirectSince = since
            return [.redirectPending(to: target, since: since)]
        }
        schedule.movedTo = target
        schedule.permanentRedirectTarget = nil
        schedule.permanentRedirectSince = nil
        return [.moved(from: url, to: target)]
    }
}
