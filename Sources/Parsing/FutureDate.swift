import Foundation

/// Dates after the parse time are kept (the item is real; its clock or zone is
/// wrong) but flagged, since they sort such items above everything else.
struct FutureDate {
    let now: Date
    let skew: Double

    init(options: ParseOptions) {
        now = options.now ?? Date()
        skew = options.limits.futureSkewSeconds
    }

    /// A warning naming the item when `published` or `updated` is in the future.
    func warning(title: String?, id: String, published: Date?, updated: Date?) -> String? {
        // Published first, then updated (no array: this runs for every item).
        let date: Date
        if let published, published.timeIntervalSince(now) > skew {
            date = published
        } else if let updated, updated.timeIntervalSince(now) > skew {
            date = updated
        } else {
            return nil
        }
        let name = title.map { "\"\($0.prefix(60))\"" } ?? "\"\(id.prefix(80))\""
        return "item \(name) is dated \(Self.iso(date)), in the future; kept"
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }
}
