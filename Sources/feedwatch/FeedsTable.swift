import Foundation
import Monitor

/// The human form of `feedwatch feeds`: aligned columns, one line per feed, notes after.
enum FeedsTable {
    static let header = ["STATUS", "FEED", "LAST SUCCESS", "FAILURES", "NEXT CHECK", "NEWEST ITEM"]

    static func render(_ feeds: [FeedHealth], now: Date) -> String {
        guard !feeds.isEmpty else { return "no feeds in feeds.conf" }
        let rows = feeds.map { row($0, now: now) }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.cells.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var lines = [line(header)]
        for row in rows {
            lines.append(line(row.cells) + (row.notes.isEmpty ? "" : "  " + row.notes.joined(separator: "; ")))
        }
        return lines.joined(separator: "\n")
    }

    static func row(_ health: FeedHealth, now: Date) -> (cells: [String], notes: [String]) {
        let failures = health.consecutiveFailures == 0
            ? "-"
            : "\(health.consecutiveFailures)× \(health.lastFailureKind?.rawValue ?? "?")"
        let next: String
        if health.status == .gone {
            next = "never"
        } else if let check = health.nextCheck {
            next = check <= now ? "due" : "in " + Age.text(check.timeIntervalSince(now))
        } else {
            next = "due"
        }
        var newest = health.newestItem.map { Age.text(now.timeIntervalSince($0)) + " ago" } ?? "none"
        if let gap = health.usualGap { newest += " (usually every \(Age.text(gap)))" }

        var notes: [String] = []
        if let gone = health.goneAt { notes.append("410 Gone since \(FeedJSON.timestamp(gone) ?? "?")") }
        if let moved = health.movedTo { notes.append("moved to \(moved)") }
        if let served = health.servedURL, served != (health.movedTo ?? health.feed.url) {
            notes.append("served by fallback \(served)")
        }
        if let target = health.pendingRedirect, let since = health.pendingRedirectSince {
            notes.append("permanent redirect to \(target) since \(Age.text(now.timeIntervalSince(since))) ago")
        }
        if health.status == .silent {
            notes.append(health.newestItem == nil ? "no items stored"
                         : "nothing new for over \(Age.text(health.silentAfter))")
        }
        if health.consecutiveFailures > 0, let message = health.lastFailureMessage { notes.append(message) }
        return ([health.status.rawValue, health.feed.name,
                 health.lastSuccess.map { Age.text(now.timeIntervalSince($0)) + " ago" } ?? "never",
                 failures, next, newest], notes)
    }
}
