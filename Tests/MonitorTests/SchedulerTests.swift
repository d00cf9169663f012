import Foundation
import Testing
import FeedModel
import Config
import Fetching
import Storage
@testable import Monitor

/// Every scheduling rule, with `now` and the jitter pinned.
@Suite struct SchedulerTests {
    static let now = Date(timeIntervalSince1970: 1_713_441_600)  // Thu, 18 Apr 2024 12:00:00 GMT
    static let minute: TimeInterval = 60, hour: TimeInterval = 3_600, day: TimeInterval = 86_400
    static let feed = FeedSource(name: "azertag", url: "https://azertag.az/rss")

    /// The rules without jitter; the jitter has its own tests.
    static func scheduler(random: Double = 0.5, jitter: Double = 0) -> Scheduler {
        var policy = SchedulePolicy()
        policy.jitter = jitter
        return Scheduler(policy: policy, random: { random })
    }

    static func state(url: String = feed.url, etag: String? = "\"v1\"", failures: Int = 0,
                      schedule: FeedSchedule = FeedSchedule()) -> FeedState {
        FeedState(feedName: feed.name, url: url, etag: etag, lastModified: "Thu, 18 Apr 2024 10:00:00 GMT",
                  lastChecked: now.addingTimeInterval(-hour), consecutiveFailures: failures, schedule: schedule)
    }

    static func response(_ status: Int = 200, headers: [String: String] = [:], permanentRedirect: String? = nil,
                         servedURL: String = "") -> FetchResponse {
        var response = FetchResponse(status: status, headers: headers, body: Data(), effectiveURL: feed.url)
        response.permanentRedirect = permanentRedirect
        response.servedURL = servedURL
        return response
    }

    static func dates(_ count: Int) -> [Date] {
        (0..<count).map { now.addingTimeInterval(-Double($0) * minute) }
    }

    static func nextDelay(_ schedule: FeedSchedule) -> TimeInterval? {
        schedule.nextCheck.map { $0.timeIntervalSince(now) }
    }

    // MARK: Selection

    struct SelectionCase: Sendable, CustomTestStringConvertible {
        var label: String
        var state: FeedState?
        var all = false
        var named = false
        var expected: FeedSelection
        var testDescription: String { label }
    }

    static let selectionCases: [SelectionCase] = [
        SelectionCase(label: "never polled", state: nil, expected: .due),
        SelectionCase(label: "no next check (a v1 store)", state: state(), expected: .due),
        SelectionCase(label: "next check passed", state: state(schedule: FeedSchedule(nextCheck: now.addingTimeInterval(-1))),
                      expected: .due),
        SelectionCase(label: "next check now", state: state(schedule: FeedSchedule(nextCheck: now)), expected: .due),
        SelectionCase(label: "next check ahead", state: state(schedule: FeedSchedule(nextCheck: now.addingTimeInterval(60))),
                      expected: .notDue(next: now.addingTimeInterval(60))),
        SelectionCase(label: "--all forces", state: state(schedule: FeedSchedule(nextCheck: now.addingTimeInterval(60))),
                      all: true, expected: .due),
        SelectionCase(label: "--feed forces", state: state(schedule: FeedSchedule(nextCheck: now.addingTimeInterval(60))),
                      named: true, expected: .due),
        SelectionCase(label: "gone stays stopped", state: state(schedule: FeedSchedule(goneAt: now.addingTimeInterval(-day))),
                      expected: .gone(since: now.addingTimeInterval(-day))),
        SelectionCase(label: "gone stays stopped under --all", state: state(schedule: FeedSchedule(goneAt: now)),
                      all: true, expected: .gone(since: now)),
        SelectionCase(label: "--feed fetches a gone feed", state: state(schedule: FeedSchedule(goneAt: now)),
                      named: true, expected: .due),
        SelectionCase(label: "gone, but feeds.conf has a new URL",
                      state: state(url: "https://old.azertag.az/rss", schedule: FeedSchedule(goneAt: now)), expected: .due),
        SelectionCase(label: "Retry-After holds under --all",
                      state: state(schedule: FeedSchedule(nextCheck: now.addingTimeInterval(600),
                                                          retryAfterUntil: now.addingTimeInterval(600))),
                      all: true, expected: .waiting(until: now.addingTimeInterval(600))),
        SelectionCase(label: "Retry-After over", state: state(schedule: FeedSchedule(retryAfterUntil: now)),
                      all: true, expected: .due),
    ]

    @Test(arguments: selectionCases)
    func selection(_ test: SelectionCase) {
        #expect(Self.scheduler().selection(of: Self.feed, state: test.state, now: Self.now,
                                           all: test.all, named: test.named) == test.expected)
    }

    // MARK: Interval after an answer

    struct IntervalCase: Sendable, CustomTestStringConvertible {
        var label: String
        var interval: Int? = nil
        var items = 0
        var ttl: Int? = nil
        var headers: [String: String] = [:]
        var status = 200
        var expected: TimeInterval
        var testDescription: String { label }
    }

    static let intervalCases: [IntervalCase] = [
        IntervalCase(label: "no items in a week: max interval", expected: day),
        IntervalCase(label: "rhythm: 7 items a week, one a day", items: 7, expected: day),
        IntervalCase(label: "rhythm: 84 a week, every 2 h", items: 84, expected: 2 * hour),
        IntervalCase(label: "rhythm clamped to the min interval", items: 5_000, expected: 15 * minute),
        IntervalCase(label: "feeds.conf interval beats the rhythm", interval: 3_600, items: 7, expected: hour),
        IntervalCase(label: "feeds.conf interval is clamped too", interval: 60, expected: 15 * minute),
        IntervalCase(label: "ttl longer than the rhythm", items: 1_000, ttl: 60, expected: hour),
        IntervalCase(label: "ttl shorter does not speed up", interval: 7_200, ttl: 30, expected: 2 * hour),
        IntervalCase(label: "max-age", items: 1_000, headers: ["cache-control": "public, max-age=3600"], expected: hour),
        IntervalCase(label: "max-age less Age", items: 1_000,
                     headers: ["cache-control": "max-age=7200", "age": "3600"], expected: hour),
        IntervalCase(label: "Expires against the server's Date", items: 1_000,
                     headers: ["date": "Thu, 18 Apr 2024 08:00:00 GMT", "expires": "Thu, 18 Apr 2024 10:00:00 GMT"],
                     expected: 2 * hour),
        IntervalCase(label: "max-age wins over Expires", items: 1_000,
                     headers: ["cache-control": "max-age=1800", "expires": "Fri, 19 Apr 2024 12:00:00 GMT"],
                     expected: 30 * minute),
        IntervalCase(label: "invalid Expires is no hint", items: 1_000, headers: ["expires": "-1"], expected: 15 * minute),
        IntervalCase(label: "hints are clamped to the max", interval: 3_600,
                     headers: ["cache-control": "max-age=604800"], expected: day),
        IntervalCase(label: "Retry-After on a 200 delays past the interval", interval: 3_600,
                     headers: ["retry-after": "10800"], expected: 3 * hour),
        IntervalCase(label: "a 304 follows the same rules", interval: 3_600, status: 304, expected: hour),
    ]

    @Test(arguments: intervalCases)
    func intervalAfterAnAnswer(_ test: IntervalCase) {
        var feed = Self.feed
        feed.fetch.intervalSeconds = test.interval
        let scheduler = Self.scheduler()
        let plan = scheduler.plan(for: feed, state: Self.state(), now: Self.now)
        let (schedule, _) = scheduler.afterAnswer(plan, feed: feed, response: Self.response(test.status, headers: test.headers),
                                                  ttlMinutes: test.ttl, itemDates: Self.dates(test.items), now: Self.now)
        #expect(Self.nextDelay(schedule) == test.expected)
        #expect(schedule.lastHTTPStatus == test.status)
    }

    @Test(arguments: [(0.0, 0.9 * 7_200.0), (1.0, 1.1 * 7_200.0), (0.25, 0.95 * 7_200.0)])
    func jitterSpreadsTenPercentEachWay(random: Double, expected: TimeInterval) {
        var feed = Self.feed
        feed.fetch.intervalSeconds = 7_200
        let scheduler = Self.scheduler(random: random, jitter: 0.1)
        let plan = scheduler.plan(for: feed, state: nil, now: Self.now)
        let (schedule, _) = scheduler.afterAnswer(plan, feed: feed, response: Self.response(), ttlMinutes: nil,
                                                  itemDates: [], now: Self.now)
        #expect(abs(Self.nextDelay(schedule)! - expected) < 0.001)
        #expect(schedule.lastIntervalSeconds == 7_200)
    }

    @Test(arguments: [(0.0, 15 * minute), (1.0, 16.5 * minute)])
    func jitterAtTheMinimumStaysAboveIt(random: Double, expected: TimeInterval) {
        let scheduler = Self.scheduler(random: random, jitter: 0.1)
        let plan = scheduler.plan(for: Self.feed, state: nil, now: Self.now)
        let (schedule, _) = scheduler.afterAnswer(plan, feed: Self.feed, response: Self.response(), ttlMinutes: nil,
                                                  itemDates: Self.dates(5_000), now: Self.now)
        #expect(abs(Self.nextDelay(schedule)! - expected) < 0.001)
    }

    @Test(arguments: [(0.0, 0.9 * day), (1.0, day)])
    func jitterAtTheMaximumStaysBelowIt(random: Double, expected: TimeInterval) {
        let scheduler = Self.scheduler(random: random, jitter: 0.1)
        let plan = scheduler.plan(for: Self.feed, state: nil, now: Self.now)
        let (schedule, _) = scheduler.afterAnswer(plan, feed: Self.feed, response: Self.response(), ttlMinutes: nil,
                                                  itemDates: [], now: Self.now)
        #expect(abs(Self.nextDelay(schedule)! - expected) < 0.001)
    }

    // MARK: Failures

    struct FailureCase: Sendable, CustomTestStringConvertible {
        var label: String
        var previousFailures: Int
        var status: Int? = nil
        var headers: [String: String] = [:]
        var expected: TimeInterval
        var retryAfterUntil: TimeInterval? = nil
        var testDescription: String { label }
    }

    static let failureCases: [FailureCase] = [
        FailureCase(label: "first failure: 1 h", previousFailures: 0, expected: hour),
        FailureCase(label: "second: 2 h", previousFailures: 1, expected: 2 * hour),
        FailureCase(label: "third: 4 h", previousFailures: 2, expected: 4 * hour),
        FailureCase(label: "fifth: 16 h", previousFailures: 4, expected: 16 * hour),
        FailureCase(label: "sixth: capped at 24 h", previousFailures: 5, expected: day),
        FailureCase(label: "hundredth: still scheduled, 24 h", previousFailures: 99, expected: day),
        FailureCase(label: "429 Retry-After seconds, longer than the backoff", previousFailures: 0, status: 429,
                    headers: ["retry-after": "7200"], expected: 2 * hour, retryAfterUntil: 2 * hour),
        FailureCase(label: "429 Retry-After shorter than the backoff", previousFailures: 2, status: 429,
                    headers: ["retry-after": "120"], expected: 4 * hour, retryAfterUntil: 120),
        FailureCase(label: "429 Retry-After as an HTTP date", previousFailures: 0, status: 429,
                    headers: ["retry-after": "Thu, 18 Apr 2024 15:00:00 GMT"], expected: 3 * hour,
                    retryAfterUntil: 3 * hour),
        FailureCase(label: "Retry-After date measured against the server's Date", previousFailures: 0, status: 503,
                    headers: ["date": "Thu, 18 Apr 2024 13:00:00 GMT", "retry-after": "Thu, 18 Apr 2024 16:00:00 GMT"],
                    expected: 3 * hour, retryAfterUntil: 3 * hour),
        FailureCase(label: "503 Retry-After beyond the backoff max", previousFailures: 0, status: 503,
                    headers: ["retry-after": "172800"], expected: 2 * day, retryAfterUntil: 2 * day),
        FailureCase(label: "Retry-After of a year is capped at a week", previousFailures: 0, status: 503,
                    headers: ["retry-after": "31536000"], expected: 7 * day, retryAfterUntil: 7 * day),
        FailureCase(label: "garbage Retry-After is ignored", previousFailures: 0, status: 503,
                    headers: ["retry-after": "soon"], expected: hour),
    ]

    @Test(arguments: failureCases)
    func backoffAfterAFailure(_ test: FailureCase) {
        let scheduler = Self.scheduler()
        let plan = scheduler.plan(for: Self.feed, state: Self.state(failures: test.previousFailures), now: Self.now)
        let (schedule, events) = scheduler.afterFailure(plan, status: test.status, headers: test.headers, now: Self.now)
        #expect(Self.nextDelay(schedule) == test.expected)
        #expect(schedule.retryAfterUntil.map { $0.timeIntervalSince(Self.now) } == test.retryAfterUntil)
        #expect(schedule.goneAt == nil)
        #expect(events.isEmpty)
    }

    @Test func goneStopsTheFeed() {
        let scheduler = Self.scheduler()
        let plan = scheduler.plan(for: Self.feed, state: Self.state(schedule: FeedSchedule(nextCheck: Self.now)), now: Self.now)
        let (schedule, events) = scheduler.afterFailure(plan, status: 410, headers: [:], now: Self.now)
        #expect(schedule.goneAt == Self.now)
        #expect(schedule.nextCheck == nil)
        #expect(events == [.gone])
        let after = Self.state(schedule: schedule)
        #expect(scheduler.selection(of: Self.feed, state: after, now: Self.now.addingTimeInterval(30 * Self.day))
                == .gone(since: Self.now))
    }

    @Test func anAnswerAfterGoneRevivesTheFeed() {
        let scheduler = Self.scheduler()
        let plan = scheduler.plan(for: Self.feed, state: Self.state(schedule: FeedSchedule(goneAt: Self.now)), now: Self.now)
        let (schedule, _) = scheduler.afterAnswer(plan, feed: Self.feed, response: Self.response(), ttlMinutes: nil,
                                                  itemDates: [], now: Self.now)
        #expect(schedule.goneAt == nil)
        #expect(schedule.nextCheck != nil)
    }

    // MARK: Unconditional fetches

    struct UnconditionalCase: Sendable, CustomTestStringConvertible {
        var label: String
        var lastUnconditional: TimeInterval?
        var etag: String? = "\"v1\""
        var expected: Bool
        var testDescription: String { label }
    }

    static let unconditionalCases: [UnconditionalCase] = [
        UnconditionalCase(label: "never done: do it", lastUnconditional: nil, expected: true),
        UnconditionalCase(label: "11 h ago: send validators", lastUnconditional: -11 * hour, expected: false),
        UnconditionalCase(label: "12 h ago: go without", lastUnconditional: -12 * hour, expected: true),
        UnconditionalCase(label: "no validators stored counts as unconditional", lastUnconditional: -hour,
                          etag: nil, expected: true),
    ]

    @Test(arguments: unconditionalCases)
    func unconditionalEveryTwelveHours(_ test: UnconditionalCase) {
        var state = Self.state(etag: test.etag,
                               schedule: FeedSchedule(lastUnconditional: test.lastUnconditional.map(Self.now.addingTimeInterval)))
        if test.etag == nil { state.lastModified = nil }
        let plan = Self.scheduler().plan(for: Self.feed, state: state, now: Self.now)
        #expect(plan.unconditional == test.expected)
        if test.expected {
            #expect(plan.etag == nil && plan.lastModified == nil)
            let (schedule, _) = Self.scheduler().afterAnswer(plan, feed: Self.feed, response: Self.response(),
                                                             ttlMinutes: nil, itemDates: [], now: Self.now)
            #expect(schedule.lastUnconditional == Self.now)
        } else {
            #expect(plan.etag == "\"v1\"")
            #expect(plan.lastModified == "Thu, 18 Apr 2024 10:00:00 GMT")
        }
    }

    @Test func aFailedUnconditionalFetchIsTriedAgainUnconditionally() {
        let scheduler = Self.scheduler()
        let plan = scheduler.plan(for: Self.feed, state: Self.state(), now: Self.now)
        #expect(plan.unconditional)
        let (schedule, _) = scheduler.afterFailure(plan, status: 500, headers: [:], now: Self.now)
        #expect(schedule.lastUnconditional == nil)
    }

    // MARK: Permanent redirects

    static let newURL = "https://new.azertag.az/rss"

    @Test func aPermanentRedirectMovesTheFeedAfterAWeek() {
        let scheduler = Self.scheduler()
        var state: FeedState? = Self.state()
        var seen: [[FeedEvent]] = []
        // Seen on day 0, 3, 6: still pending; on day 7: moved.
        for day in [0.0, 3, 6, 7] {
            let now = Self.now.addingTimeInterval(day * Self.day)
            let plan = scheduler.plan(for: Self.feed, state: state, now: now)
            #expect(plan.url == Self.feed.url)
            let (schedule, events) = scheduler.afterAnswer(plan, feed: Self.feed,
                                                           response: Self.response(permanentRedirect: Self.newURL),
                                                           ttlMinutes: nil, itemDates: [], now: now)
            seen.append(events)
            state?.schedule = schedule
        }
        #expect(seen[0] == [.redirectPending(to: Self.newURL, since: Self.now)])
        #expect(seen[2] == [.redirectPending(to: Self.newURL, since: Self.now)])
        #expect(seen[3] == [.moved(from: Self.feed.url, to: Self.newURL)])
        #expect(state?.schedule.movedTo == Self.newURL)
        #expect(state?.schedule.permanentRedirectTarget == nil)
        // From then on the new address is fetched.
        #expect(scheduler.plan(for: Self.feed, state: state, now: Self.now.addingTimeInterval(8 * Self.day)).url == Self.newURL)
        // Until feeds.conf names another URL.
        var edited = Self.feed
        edited.url = "https://azertag.az/feed.xml"
        #expect(scheduler.plan(for: edited, state: state, now: Self.now).url == edited.url)
    }

    struct RedirectResetCase: Sendable, CustomTestStringConvertible {
        var label: String
        var second: FetchResponse
        var expectedTarget: String?
        var expectedSince: Date?
        var testDescription: String { label }
    }

    static let redirectResetCases: [RedirectResetCase] = [
        RedirectResetCase(label: "same target keeps its first sighting", second: response(permanentRedirect: newURL),
                          expectedTarget: newURL, expectedSince: now),
        RedirectResetCase(label: "another target starts again", second: response(permanentRedirect: "https://x.az/rss"),
                          expectedTarget: "https://x.az/rss", expectedSince: now.addingTimeInterval(5 * day)),
        RedirectResetCase(label: "a direct answer resets", second: response(), expectedTarget: nil, expectedSince: nil),
        RedirectResetCase(label: "a fallback's answer leaves it as it was",
                          second: response(servedURL: "https://mirror.az/rss"), expectedTarget: newURL, expectedSince: now),
    ]

    @Test(arguments: redirectResetCases)
    func redirectSightingsReset(_ test: RedirectResetCase) {
        let scheduler = Self.scheduler()
        let first = scheduler.afterAnswer(scheduler.plan(for: Self.feed, state: Self.state(), now: Self.now), feed: Self.feed,
                                          response: Self.response(permanentRedirect: Self.newURL), ttlMinutes: nil,
                                          itemDates: [], now: Self.now).0
        let later = Self.now.addingTimeInterval(5 * Self.day)
        let plan = scheduler.plan(for: Self.feed, state: Self.state(schedule: first), now: later)
        let (second, _) = scheduler.afterAnswer(plan, feed: Self.feed, response: test.second, ttlMinutes: nil,
                                                itemDates: [], now: later)
        #expect(second.permanentRedirectTarget == test.expectedTarget)
        #expect(second.permanentRedirectSince == test.expectedSince)
        #expect(second.movedTo == nil)
    }

    @Test func aFailureKeepsTheRedirectCount() {
        let scheduler = Self.scheduler()
        let pending = FeedSchedule(permanentRedirectTarget: Self.newURL, permanentRedirectSince: Self.now)
        let plan = scheduler.plan(for: Self.feed, state: Self.state(schedule: pending), now: Self.now)
        let (schedule, _) = scheduler.afterFailure(plan, status: 502, headers: [:], now: Self.now)
        #expect(schedule.permanentRedirectTarget == Self.newURL)
        #expect(schedule.permanentRedirectSince == Self.now)
    }

    @Test func aFallbackThatServedIsRecordedAndTold() {
        let scheduler = Self.scheduler()
        let plan = scheduler.plan(for: Self.feed, state: nil, now: Self.now)
        let (schedule, events) = scheduler.afterAnswer(plan, feed: Self.feed,
                                                       response: Self.response(servedURL: "https://mirror.az/rss"),
                                                       ttlMinutes: nil, itemDates: [], now: Self.now)
        #expect(schedule.servedURL == "https://mirror.az/rss")
        #expect(events == [.servedByFallback(url: "https://mirror.az/rss")])
        let (direct, none) = scheduler.afterAnswer(plan, feed: Self.feed, response: Self.response(servedURL: Self.feed.url),
                                                   ttlMinutes: nil, itemDates: [], now: Self.now)
        #expect(direct.servedURL == Self.feed.url)
        #expect(none.isEmpty)
    }

    // MARK: Policy from settings

    @Test func policyComesFromSettings() {
        var settings = Settings(databasePath: "/x", digestDirectory: "/d", lockPath: "/l", timeZone: .gmt)
        #expect(SchedulePolicy(settings: settings) == SchedulePolicy())
        settings.minIntervalSeconds = 600
        settings.maxIntervalSeconds = 300
        settings.hostGapMilliseconds = 2_500
        let policy = SchedulePolicy(settings: settings)
        #expect(policy.minInterval == 600)
        #expect(policy.maxInterval == 600)
        #expect(policy.hostGap == 2.5)
    }
}
