import Foundation
import Config

/// The numbers the scheduler works with, from feeds.conf's [settings] (defaults in brackets).
struct SchedulePolicy: Sendable, Equatable {
    /// Every ordinary interval is clamped to [minInterval, maxInterval] [15 min, 24 h].
    var minInterval: TimeInterval = 15 * 60
    var maxInterval: TimeInterval = 24 * 3_600
    /// Transfers at once to one host, and the least gap between two of them [1, 1 s].
    var perHost: Int = 1
    var hostGap: TimeInterval = 1
    /// How often a fetch goes without validators, to heal servers with stuck ones [12 h].
    var unconditionalEvery: TimeInterval = 12 * 3_600
    /// How long a permanent redirect must be seen before the feed's URL is rewritten [7 days].
    var redirectAfter: TimeInterval = 7 * 86_400
    /// Failures wait backoffBase, twice that, four times ... up to backoffMax [1 h ... 24 h].
    var backoffBase: TimeInterval = 3_600
    var backoffMax: TimeInterval = 24 * 3_600
    /// Each delay is spread by ± this fraction so feeds added together do not stay in step [10 %].
    var jitter: Double = 0.1
    /// A Retry-After is obeyed up to this long; a server asking for a year would otherwise
    /// silence the feed without anyone deciding so [7 days].
    var retryAfterMax: TimeInterval = 7 * 86_400
    /// The window the publishing rhythm is counted over (Miniflux: a week).
    var rhythmWindow: TimeInterval = 7 * 86_400

    init() {}

    init(settings: Settings) {
        minInterval = TimeInterval(max(1, settings.minIntervalSeconds))
        maxInterval = max(minInterval, TimeInterval(settings.maxIntervalSeconds))
        perHost = max(1, settings.perHostConcurrency)
        hostGap = TimeInterval(max(0, settings.hostGapMilliseconds)) / 1_000
        unconditionalEvery = TimeInterval(settings.unconditionalEverySeconds)
        redirectAfter = TimeInterval(settings.redirectAfterSeconds)
        backoffMax = TimeInterval(settings.backoffMaxSeconds)
    }
}
