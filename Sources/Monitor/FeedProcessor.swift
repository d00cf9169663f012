import Foundation
import FeedModel
import Fetching
import Parsing
import Matching
import Storage

/// Turns one finished transfer into stored state: parse, match, schedule the next
/// check, and save all of it in one transaction.
struct FeedProcessor: Sendable {
    let feed: FeedSource
    let store: Store
    let matcher: Matcher
    let scheduler: Scheduler
    let plan: FetchPlan
    /// The body cap, applied again once a body that came compressed is inflated here.
    let maxBodyBytes: Int

    func process(_ fetched: Result<FetchResponse, FetchError>, checkedAt now: Date) -> FeedOutcome {
        // Inflating here, on a worker, keeps the fetch loop free for the network.
        let result = fetched.flatMap { response in
            Result { () throws(FetchError) in try response.decoded(maxBytes: maxBodyBytes) }
        }
        switch result {
        case .failure(let error):
            return failed(kind: error.kind, message: error.message, status: error.status, headers: error.headers, now: now)
        case .success(let response) where response.isNotModified:
            let record = FetchRecord(feed: feed, checkedAt: now,
                                     outcome: .notModified(etag: response.etag, lastModified: response.lastModified))
            return answered(record, response: response, ttlMinutes: nil, itemCount: 0, now: now)
        case .success(let response):
            let parsed: ParsedFeed
            do {
                parsed = try FeedParser().parse(response.body, options: parseOptions(for: response))
            } catch {
                return failed(kind: error.kind, message: "parse \(response.effectiveURL): \(error.message)",
                              status: response.status, headers: response.headers, now: now)
            }
            let matched = parsed.items.map { item in (item, matcher.match(item.matchInput(feed: feed, declaredLanguage: parsed.language))) }
            let record = FetchRecord(feed: feed, checkedAt: now,
                                     outcome: .fetched(feedTitle: parsed.title, etag: response.etag,
                                                       lastModified: response.lastModified, items: matched))
            return answered(record, response: response, ttlMinutes: parsed.ttlMinutes,
                            itemCount: parsed.items.count, now: now)
        }
    }

    /// A 200 that parsed or a 304: the rhythm counts this answer's new items too,
    /// so the schedule is decided inside the save.
    private func answered(_ record: FetchRecord, response: FetchResponse, ttlMinutes: Int?, itemCount: Int,
                          now: Date) -> FeedOutcome {
        var decided: (FeedSchedule, [FeedEvent])?
        let summary: SaveSummary
        do {
            summary = try store.save(record, itemDatesSince: now.addingTimeInterval(-scheduler.policy.rhythmWindow)) { dates in
                let result = scheduler.afterAnswer(plan, feed: feed, response: response, ttlMinutes: ttlMinutes,
                                                   itemDates: dates, now: now)
                decided = result
                return result.0
            }
        } catch {
            return storeFailure(error)
        }
        let status: FeedOutcome.Status = response.isNotModified
            ? .notModified
            : .fetched(items: itemCount, newItems: summary.newItems, newMatches: summary.newMatches)
        return FeedOutcome(feed: feed, status: status, events: decided?.1 ?? [],
                           nextCheck: decided?.0.nextCheck, url: plan.url)
    }

    private func failed(kind: FetchFailureKind, message: String, status: Int?, headers: [String: String],
                        now: Date) -> FeedOutcome {
        let (schedule, events) = scheduler.afterFailure(plan, status: status, headers: headers, now: now)
        let record = FetchRecord(feed: feed, checkedAt: now, outcome: .failed(kind: kind, message: message),
                                 schedule: schedule)
        do {
            _ = try store.save(record)
        } catch {
            return storeFailure(error)
        }
        return FeedOutcome(feed: feed, status: .failed(kind: kind, message: message), events: events,
                           nextCheck: schedule.nextCheck, url: plan.url)
    }

    private func storeFailure(_ error: any Error) -> FeedOutcome {
        FeedOutcome(feed: feed, status: .failed(kind: .other, message: "store \(feed.name): \(error)"), url: plan.url)
    }

    private func parseOptions(for response: FetchResponse) -> ParseOptions {
        ParseOptions(httpCharset: response.charset,
                     encodingOverride: feed.fetch.encoding ?? feed.options["encoding"],
                     defaultTimeZone: (feed.fetch.timeZone ?? feed.options["tz"]).flatMap(TimeZone.init(identifier:)),
                     baseURL: response.effectiveURL)
    }
}

extension FeedItem {
    /// What the matcher sees of the item; feed:, lang: and country: come from
    /// the feed's line in feeds.conf (lang= first, else what the feed declares).
    func matchInput(feed: FeedSource? = nil, declaredLanguage: String? = nil) -> MatchInput {
        MatchInput(title: title ?? "", summary: summary ?? "", content: content ?? "", authors: authors,
                   categories: categories, feed: feed?.name, language: feed?.language ?? declaredLanguage,
                   country: feed?.country)
    }
}
