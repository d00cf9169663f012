import Foundation
import FeedModel
import Fetching
import Parsing
import Matching
import Storage

/// Turns one finished transfer into stored state: parse, match, save in one transaction.
struct FeedProcessor: Sendable {
    let feed: FeedSource
    let store: Store
    let matcher: Matcher

    func process(_ result: Result<FetchResponse, FetchError>, checkedAt: Date) -> FeedOutcome {
        let record: FetchRecord
        var itemCount = 0
        switch result {
        case .failure(let error):
            record = FetchRecord(feed: feed, checkedAt: checkedAt,
                                 outcome: .failed(kind: error.kind, message: error.message))
        case .success(let response) where response.isNotModified:
            record = FetchRecord(feed: feed, checkedAt: checkedAt,
                                 outcome: .notModified(etag: response.etag, lastModified: response.lastModified))
        case .success(let response):
            do {
                let parsed = try FeedParser().parse(response.body, options: parseOptions(for: response))
                itemCount = parsed.items.count
                let matched = parsed.items.map { item in (item, matcher.match(item.matchInput)) }
                record = FetchRecord(feed: feed, checkedAt: checkedAt,
                                     outcome: .fetched(feedTitle: parsed.title, etag: response.etag,
                                                       lastModified: response.lastModified, items: matched))
            } catch {
                record = FetchRecord(feed: feed, checkedAt: checkedAt,
                                     outcome: .failed(kind: error.kind, message: "parse \(feed.url): \(error.message)"))
            }
        }
        return save(record, itemCount: itemCount)
    }

    private func save(_ record: FetchRecord, itemCount: Int) -> FeedOutcome {
        let summary: SaveSummary
        do {
            summary = try store.save(record)
        } catch {
            return FeedOutcome(feed: feed, status: .failed(kind: .other, message: "store \(feed.name): \(error)"))
        }
        switch record.outcome {
        case .fetched:
            return FeedOutcome(feed: feed, status: .fetched(items: itemCount, newItems: summary.newItems,
                                                            newMatches: summary.newMatches))
        case .notModified:
            return FeedOutcome(feed: feed, status: .notModified)
        case .failed(let kind, let message):
            return FeedOutcome(feed: feed, status: .failed(kind: kind, message: message))
        }
    }

    private func parseOptions(for response: FetchResponse) -> ParseOptions {
        ParseOptions(httpCharset: response.charset,
                     encodingOverride: feed.fetch.encoding ?? feed.options["encoding"],
                     defaultTimeZone: (feed.fetch.timeZone ?? feed.options["tz"]).flatMap(TimeZone.init(identifier:)),
                     baseURL: response.effectiveURL)
    }
}

extension FeedItem {
    var matchInput: MatchInput {
        MatchInput(title: title ?? "", summary: summary ?? "", content: content ?? "")
    }
}
