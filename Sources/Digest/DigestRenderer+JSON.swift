import Foundation
import FeedModel

/// The digest for scripts: the model as JSON with keys in a fixed order (docs/digest-json.md),
/// dates in ISO 8601 UTC with a trailing `Z`, missing values as `null`, text as plain text
/// (the feeds' HTML is not included).
extension DigestRenderer {
    public func json(_ model: DigestModel) -> String {
        let start = dayStart(model.day)
        let end = start.flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
        let value = JSONValue.object([
            ("format", .string("feedwatch-digest")),
            ("version", .number(1)),
            ("day", .string(model.day)),
            ("timeZone", .string(timeZone.identifier)),
            ("start", Self.jsonDate(start)),
            ("end", Self.jsonDate(end)),
            ("counts", .object([
                ("items", .number(model.itemCount)),
                ("topics", .number(model.sections.count)),
                ("sources", .number(model.sourceCount)),
                ("sharedStories", .number(model.sharedStoryCount)),
                ("backdated", .number(model.backdatedCount)),
            ])),
            ("glance", model.glance.map { rows in
                .object([
                    ("historyDays", .number(model.historyDays)),
                    ("rows", .array(rows.map { row in
                        .object([
                            ("kind", .string(row.kind.rawValue)),
                            ("name", .string(row.name)),
                            ("count", .number(row.count)),
                            ("average", row.average.map(JSONValue.decimal) ?? .null),
                            ("spike", .bool(row.isSpike)),
                        ])
                    })),
                ])
            } ?? .null),
            ("sections", .array(model.sections.map { section in
                .object([
                    ("topic", .string(section.topic)),
                    ("stories", .array(section.stories.map { jsonStory($0, section: section.topic) })),
                    ("backdated", .array(section.backdated.map { jsonStory($0, section: section.topic) })),
                ])
            })),
            ("changes", .array(model.changes.map { change in
                .object([
                    ("feed", .string(change.feedName)),
                    ("id", .string(change.itemID)),
                    ("link", .optional(change.link)),
                    ("firstSeen", Self.jsonDate(change.firstSeen)),
                    ("seenAt", Self.jsonDate(change.seenAt)),
                    ("titleChanged", .bool(change.titleChanged)),
                    ("oldTitle", .optional(change.oldTitle)),
                    ("newTitle", .optional(change.newTitle)),
                    ("textChanged", .bool(change.textChanged)),
                    ("oldText", .optional(change.oldText)),
                    ("newText", .optional(change.newText)),
                ])
            })),
            ("disappeared", .array(model.disappearances.map { gone in
                .object([
                    ("feed", .string(gone.feedName)),
                    ("id", .string(gone.itemID)),
                    ("title", .optional(gone.title)),
                    ("link", .optional(gone.link)),
                    ("firstSeen", Self.jsonDate(gone.firstSeen)),
                    ("lastPresent", Self.jsonDate(gone.lastPresent)),
                    ("noticedAt", Self.jsonDate(gone.noticedAt)),
                ])
            })),
            ("health", model.health.map { notes in
                .array(notes.map { note in
                    .object([
                        ("feed", .string(note.feed)),
                        ("status", .string(note.status.rawValue)),
                        ("since", Self.jsonDate(note.since)),
                        ("detail", .string(note.detail)),
                    ])
                })
            } ?? .null),
        ])
        return value.rendered() + "\n"
    }

    func jsonStory(_ story: Story, section: String) -> JSONValue {
        .object([
            ("outlets", .number(story.outletCount)),
            ("first", .object([
                ("feed", .string(story.first.item.feedName)),
                ("id", .string(story.first.item.itemID)),
                ("firstSeen", Self.jsonDate(story.first.item.firstSeen)),
            ])),
            ("items", .array(story.entries.map { jsonItem($0, section: section) })),
            ("earlier", .array(story.earlier.map { entry in
                .object([
                    ("feed", .string(entry.item.feedName)),
                    ("id", .string(entry.item.itemID)),
                    ("title", .string(entry.item.title)),
                    ("link", .optional(entry.item.link)),
                    ("firstSeen", Self.jsonDate(entry.item.firstSeen)),
                ])
            })),
        ])
    }

    func jsonItem(_ entry: StoryEntry, section: String) -> JSONValue {
        let item = entry.item
        return .object([
            ("feed", .string(item.feedName)),
            ("feedTitle", .optional(item.feedTitle)),
            ("id", .string(item.itemID)),
            ("title", .string(item.title)),
            ("link", .optional(item.link)),
            ("published", Self.jsonDate(item.published)),
            ("updated", Self.jsonDate(item.updated)),
            ("firstSeen", Self.jsonDate(item.firstSeen)),
            ("outlet", entry.outlet.map { outlet in
                .object([
                    ("country", .optional(outlet.country)),
                    ("language", .optional(outlet.language)),
                    ("perspective", .optional(outlet.perspective)),
                ])
            } ?? .null),
            ("topics", .array(item.topics.map(JSONValue.string))),
            ("entities", .array(item.entities.map(JSONValue.string))),
            ("backdated", .bool(entry.isBackdated)),
            ("futureDated", .bool(entry.isFutureDated)),
            ("summary", .optional(item.summary)),
            ("contestedNames", .array(entry.contestedNames.map { use in
                .object([("entity", .string(use.entity)), ("variant", .string(use.variant)), ("side", .string(use.side))])
            })),
            ("hits", .array(item.hits.map { hit in
                .object([
                    ("entity", .optional(hit.entity)),
                    ("spelling", .string(hit.spelling)),
                    ("field", .string(hit.field.rawValue)),
                    ("text", .string(hit.matchedText)),
                    ("variant", .optional(hit.variant)),
                    ("side", .optional(hit.side)),
                ])
            })),
            ("why", .string(whyLine(entry, section: section, escape: { $0 }))),
        ])
    }

    /// "2024-04-18T09:14:00Z": whole seconds, UTC.
    static func jsonDate(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        return .string(isoDate(date))
    }

    static func isoDate(_ date: Date) -> String {
        let utc = DigestRenderer(timeZone: TimeZone(identifier: "UTC") ?? .gmt)
        let time = utc.local(date)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) % 60
        return "\(pad(time.year, 4))-\(pad(time.month, 2))-\(pad(time.day, 2))T"
            + "\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad((seconds + 60) % 60, 2))Z"
    }
}
