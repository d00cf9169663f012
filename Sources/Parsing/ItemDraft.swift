import Foundation
import FeedModel

/// An item while its elements are still arriving.
struct ItemDraft {
    var guid: String?
    var guidIsPermaLink = true
    var atomID: String?
    var title: String?
    /// The best link so far and how good it is (see FeedAssembler.linkScore).
    var link: String?
    var linkScore = -1
    var published: Date?
    var updated: Date?
    var authors: [String] = []
    var categories: [String] = []
    var summary: String?
    var content: String?
    var summaryMarkup: MarkupText?
    var contentMarkup: MarkupText?
    var thumbnailURL: String?
    var enclosures: [Enclosure] = []
    /// Where the item's xml:base pointed, for links still relative at the end.
    var base: URL?
    var line = 0
}
